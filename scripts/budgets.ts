/**
 * `npm run budgets`: builds the site, timing the build, then measures every built page (HTML, CSS, JavaScript,
 * images and fonts it references) and reports. It writes reports/budgets.json and prints a summary. It measures
 * and reports; it asserts nothing, because build time depends on the machine.
 *
 *   npm run budgets                  build, then measure
 *   npm run budgets -- --no-build    measure the dist/ already there
 *   npm run budgets -- --top 20      show more pages in the table
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { measurePage, type PageWeight } from './page-weight.ts';

const root = process.cwd();
const DIST = join(root, 'dist');
const OUT = join(root, 'reports', 'budgets.json');

const { values: args } = parseArgs({
  options: { 'no-build': { type: 'boolean', default: false }, top: { type: 'string', default: '10' } },
});

/** Runs `astro build` and returns how long it took, in milliseconds; exits with its code if it fails. */
function timeBuild(): number {
  const astro = join(root, 'node_modules', '.bin', 'astro');
  const started = performance.now();
  const build = spawnSync(astro, ['build'], { stdio: 'inherit', cwd: root });
  const ms = performance.now() - started;
  if (build.status !== 0) {
    console.error(`astro build failed (exit ${build.status ?? build.signal}); nothing measured.`);
    process.exit(build.status ?? 1);
  }
  return ms;
}

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)));
}

/** `en/criteria/ex-01/index.html` → `/en/criteria/ex-01/`. */
const urlPathOf = (file: string) => `/${file.split(sep).join('/')}`.replace(/index\.html$/, '');

/** Reads a site path from dist/: a folder means its index.html. */
function readFromDist(path: string): Uint8Array | null {
  const file = join(DIST, path.endsWith('/') ? `${path}index.html` : path);
  if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) return null;
  return readFileSync(file);
}

const kib = (bytes: number) => Math.round(bytes / 102.4) / 10;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : 0;
};

const buildMs = args['no-build'] ? null : timeBuild();
if (!existsSync(DIST)) {
  console.error('dist/ does not exist: run without --no-build.');
  process.exit(1);
}
const siteOrigin = (() => {
  // The site URL astro.config.mjs sets, so absolute links to the site itself count as local files.
  const m = /site:\s*'([^']+)'/.exec(readFileSync(join(root, 'astro.config.mjs'), 'utf8'));
  return m ? new URL(m[1]).origin : undefined;
})();

const files = filesUnder(DIST);
const pages: PageWeight[] = files
  .filter((f) => f.endsWith('.html'))
  .map((f) => measurePage(readFileSync(join(DIST, f), 'utf8'), urlPathOf(f), readFromDist, siteOrigin))
  .sort((a, b) => b.total - a.total || a.page.localeCompare(b.page));
const jsFiles = files.filter((f) => /\.m?js$/.test(f));
const totals = {
  pages: pages.length,
  pagesWithJs: pages.filter((p) => p.js > 0).length,
  htmlBytes: pages.reduce((s, p) => s + p.html, 0),
  /** Every JavaScript file in dist/, each once: what the whole site ships. */
  jsFilesBytes: jsFiles.reduce((s, f) => s + statSync(join(DIST, f)).size, 0),
  jsFiles: jsFiles.length,
  distBytes: files.reduce((s, f) => s + statSync(join(DIST, f)).size, 0),
  medianPageBytes: median(pages.map((p) => p.total)),
  maxPageBytes: pages[0]?.total ?? 0,
  maxJsBytes: Math.max(0, ...pages.map((p) => p.js)),
  missing: [...new Set(pages.flatMap((p) => p.missing))],
};

const report = { generatedAt: new Date().toISOString(), buildMs: buildMs === null ? null : Math.round(buildMs), totals, pages };
mkdirSync(dirname(OUT), { recursive: true });
writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);

const top = Number(args.top) || 10;
console.log(`\nHeaviest ${Math.min(top, pages.length)} of ${pages.length} pages (KiB; total = HTML + external CSS, JS, images, fonts):`);
console.table(
  pages.slice(0, top).map((p) => ({ page: p.page, html: kib(p.html), css: kib(p.css), js: kib(p.js), images: kib(p.images), fonts: kib(p.fonts), total: kib(p.total) })),
);
console.log(
  [
    buildMs === null ? 'build: not run (--no-build)' : `build: ${(buildMs / 1000).toFixed(1)} s`,
    `pages: ${totals.pages}, median ${kib(totals.medianPageBytes)} KiB, heaviest ${kib(totals.maxPageBytes)} KiB`,
    `JavaScript: ${totals.pagesWithJs} of ${totals.pages} pages run any; at most ${kib(totals.maxJsBytes)} KiB on one page; ${totals.jsFiles} file(s), ${kib(totals.jsFilesBytes)} KiB in all`,
    `HTML in all: ${kib(totals.htmlBytes)} KiB; dist/ in all: ${kib(totals.distBytes)} KiB`,
    totals.missing.length ? `missing files referenced: ${totals.missing.join(', ')}` : 'missing files referenced: none',
    `written: ${relative(root, OUT)}`,
  ].join('\n'),
);
