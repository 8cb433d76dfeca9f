/**
 * Finds the internal links of a built site that lead nowhere, reading the output folder alone (no server). Every
 * href, src, srcset, action and poster in every HTML page, and a meta refresh's target, is resolved against the
 * page's URL as a browser would. A link to the site's own origin must stay under the base path the site was built
 * for and name a file in the output: a folder URL (ending in `/`) needs its `index.html`. Used by
 * scripts/check-links.ts; the same function runs on a test fixture.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** A link that does not resolve, and on which page (its URL path) it was found. */
export interface BrokenLink {
  page: string;
  link: string;
  why: 'outside the base path' | 'no such file';
}

export interface LinkReport {
  pages: number;
  /** Internal links checked, counting each occurrence. */
  links: number;
  broken: BrokenLink[];
}

const LINK_ATTRIBUTES = ['href', 'src', 'srcset', 'action', 'poster'];

/** Every HTML file under `dir`, as paths relative to it. */
function htmlFiles(dir: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.html')) found.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return found.sort();
}

/** `en/criteria/ex-01/index.html` → `<base>en/criteria/ex-01/`; `404.html` → `<base>404.html`. */
function pagePath(file: string, base: string): string {
  return base + file.replace(/(^|\/)index\.html$/, '$1');
}

/** The link targets written in one page, as written: script and style bodies are skipped, they are not markup. */
export function linksIn(html: string): string[] {
  const markup = html.replace(/(<(script|style)\b[^>]*>)[\s\S]*?<\/\2\s*>/gi, '$1');
  const found: string[] = [];
  for (const [tag] of markup.matchAll(/<[A-Za-z][^>]*>/g)) {
    const attrs = new Map<string, string>();
    for (const m of tag.matchAll(/\s([^\s"'=<>/]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
      attrs.set(m[1]!.toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&'));
    }
    for (const name of LINK_ATTRIBUTES) {
      const value = attrs.get(name);
      if (value === undefined) continue;
      if (name === 'srcset') found.push(...value.split(',').map((c) => c.trim().split(/\s+/)[0]!).filter(Boolean));
      else found.push(value);
    }
    const refresh = attrs.get('http-equiv')?.toLowerCase() === 'refresh' && /url\s*=\s*(\S+)/i.exec(attrs.get('content') ?? '');
    if (refresh) found.push(refresh[1]!.replace(/^['"]|['"]$/g, ''));
  }
  return found;
}

/** Whether a URL path below the base names a file in `dir` (a folder URL names its index.html). */
function resolvesTo(dir: string, rest: string): boolean {
  const file = join(dir, rest, rest === '' || rest.endsWith('/') ? 'index.html' : '');
  return existsSync(file) && statSync(file).isFile();
}

/**
 * Checks every internal link in the site built into `dir` for `base` (`/` or `/report/`). `origin` is the
 * site's own origin: absolute links to it (canonical, language alternates) are internal too.
 */
export function checkBuiltLinks(dir: string, { base, origin }: { base: string; origin: string }): LinkReport {
  if (!base.startsWith('/') || !base.endsWith('/')) throw new Error(`base must start and end with "/": "${base}"`);
  const pages = htmlFiles(dir);
  if (pages.length === 0) throw new Error(`${dir} holds no HTML page: build the site first`);
  const report: LinkReport = { pages: pages.length, links: 0, broken: [] };
  for (const file of pages) {
    const page = pagePath(file, base);
    for (const raw of linksIn(readFileSync(join(dir, file), 'utf8'))) {
      let url: URL;
      try {
        url = new URL(raw, origin + page);
      } catch {
        report.broken.push({ page, link: raw, why: 'no such file' });
        continue;
      }
      if (url.origin !== origin) continue; // another site, mailto:, data:, javascript:
      report.links++;
      if (!url.pathname.startsWith(base)) report.broken.push({ page, link: raw, why: 'outside the base path' });
      else if (!resolvesTo(dir, decodeURIComponent(url.pathname.slice(base.length)))) {
        report.broken.push({ page, link: raw, why: 'no such file' });
      }
    }
  }
  return report;
}
