/**
 * The HTML pages of the built site, read from `dist/`: every `index.html` becomes its URL path. Tests that must
 * cover every page (the accessibility scan) take the list from here, so a page added later is covered without
 * editing a test. Data endpoints (`/data/*.json`, `.csv`) are not HTML files and never appear.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const DIST = join(process.cwd(), 'dist');

/** Every built HTML file, as its path on disk and its URL path, sorted by URL; throws when the site has not been built. */
function builtFiles(dist: string): { file: string; path: string }[] {
  if (!existsSync(dist)) throw new Error(`${dist} does not exist: run \`astro build\` before the browser tests`);
  const found: { file: string; path: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.html')) found.push({ file, path: toUrlPath(relative(dist, file)) });
    }
  };
  walk(dist);
  return found.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
}

/** URL paths of every built HTML page, sorted; throws when the site has not been built. */
export function builtPages(dist = DIST): string[] {
  return builtFiles(dist).map((f) => f.path);
}

/** A `<meta http-equiv="refresh">` tag: the page sends the reader on at once. */
export const REFRESH = /<meta[^>]*http-equiv="refresh"[^>]*>/i;

/** URL paths of the built pages that carry a REFRESH tag (today only `/`). */
export function redirectingPages(dist = DIST): string[] {
  return builtFiles(dist).filter((f) => REFRESH.test(readFileSync(f.file, 'utf8'))).map((f) => f.path);
}

/** `en/criteria/ex-01/index.html` → `/en/criteria/ex-01/`; `404.html` → `/404.html`. */
function toUrlPath(file: string): string {
  const parts = file.split(sep);
  if (parts.at(-1) === 'index.html') parts.pop();
  else return `/${parts.join('/')}`;
  return parts.length ? `/${parts.join('/')}/` : '/';
}

/** Splits a list into `n` interleaved shards, so each shard gets a similar mix of page kinds. */
export function shard<T>(items: T[], n: number): T[][] {
  return Array.from({ length: n }, (_, i) => items.filter((_, j) => j % n === i));
}
