/**
 * `npm run test:base-path` runs this on the site built for a folder (`astro build --base /report/ --outDir
 * dist-base`): every internal link in every page must name a file in that output, under that folder. A link
 * written as `/favicon.svg` instead of from `import.meta.env.BASE_URL` works at the root and breaks once the site
 * is published under a path (GitHub Pages serves a project at `/<repository>/`). Exits non-zero on any broken link.
 *
 *   tsx scripts/check-links.ts dist-base --base /report/
 */
import { parseArgs } from 'node:util';
import { checkBuiltLinks } from './built-links.ts';
import { normaliseBasePath, siteLocation } from './site-location.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { base: { type: 'string', default: '/' } },
});
const dir = positionals[0];
if (!dir) {
  console.error('usage: tsx scripts/check-links.ts <built site folder> [--base /report/]');
  process.exit(2);
}
const base = normaliseBasePath(values.base);
// The build read SITE_URL the same way: absolute links to that origin are the site's own.
const { site: origin } = siteLocation();

const report = checkBuiltLinks(dir, { base, origin });
if (report.broken.length) {
  // One line per broken target: the same wrong link is usually in every page that shares a layout.
  const byLink = Map.groupBy(report.broken, (b) => `${b.link}: ${b.why}`);
  console.error(`[links] ${report.broken.length} broken internal links in ${dir} (built for ${base}), ${byLink.size} distinct:`);
  for (const [link, found] of byLink) {
    console.error(`  ${link} (in ${found.length} page${found.length === 1 ? '' : 's'}, such as ${found[0]!.page})`);
  }
  process.exit(1);
}
console.log(`[links] ${dir}: ${report.links} internal links in ${report.pages} pages, each a file under ${base}`);
