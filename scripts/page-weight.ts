/**
 * What one built page costs a reader: the bytes of its HTML and of every stylesheet, script, image and font it
 * references, each counted once. Pure functions over text; the caller supplies a reader for referenced files, so
 * this works on `dist/` and on a test fixture alike. Used by `npm run budgets` (scripts/budgets.ts).
 */

/** Reads a site-relative path (`/_astro/a.css`) and returns its bytes, or null when there is no such file. */
export type ReadAsset = (path: string) => Uint8Array | null;

/** One page's weight in bytes. `total` is the HTML file plus every external file it pulls in. */
export interface PageWeight {
  page: string;
  /** The HTML document itself, inline scripts and styles included. */
  html: number;
  /** JavaScript shipped: inline `<script>` bodies plus external scripts (and module preloads). */
  js: number;
  /** Inline `<style>` bodies plus external stylesheets. */
  css: number;
  /** Images referenced by the HTML (`<img>`, icons) and by its stylesheets (`url()`). */
  images: number;
  /** Fonts referenced by its stylesheets. */
  fonts: number;
  total: number;
  /** Number of script tags that execute (inline and external). */
  scripts: number;
  /** Referenced files on other origins: not measured, listed so they are not missed. */
  external: string[];
  /** Referenced local files that do not exist. */
  missing: string[];
}

/** Script types a browser executes; JSON-LD, import maps and data blocks are not JavaScript shipped. */
const JS_TYPES = new Set(['', 'module', 'text/javascript', 'application/javascript']);
const IMAGE_EXT = /\.(png|jpe?g|gif|webp|avif|svg|ico|bmp)$/i;
const FONT_EXT = /\.(woff2?|ttf|otf|eot)$/i;

/** The attributes of one start tag, names lower-cased, entities in values decoded for `&amp;`. */
function attributesOf(tag: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of tag.matchAll(/\s([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    attrs.set(m[1].toLowerCase(), (m[2] ?? m[3] ?? m[4] ?? '').replace(/&amp;/g, '&'));
  }
  return attrs;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;
const decoder = new TextDecoder();

/** Every `url(...)` in a stylesheet, minus `data:` URIs. */
export function cssUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)/g)]
    .map((m) => (m[1] ?? m[2] ?? m[3] ?? '').trim())
    .filter((u) => u && !u.startsWith('data:') && !u.startsWith('#'));
}

/**
 * Measures one page. `pagePath` is its URL path (`/en/`); references resolve against it. `siteOrigin` is the
 * site's own origin, so absolute links to it count as local files.
 */
export function measurePage(html: string, pagePath: string, read: ReadAsset, siteOrigin = 'http://site.invalid'): PageWeight {
  const base = new URL(pagePath, siteOrigin);
  const seen = new Set<string>();
  /** Inline script and style bytes: counted under js and css, but already part of the HTML's own bytes. */
  let inline = 0;
  const weight: PageWeight = { page: pagePath, html: byteLength(html), js: 0, css: 0, images: 0, fonts: 0, total: 0, scripts: 0, external: [], missing: [] };

  /** Resolves a reference once per page; returns the file's bytes, or null (external, missing or seen). */
  const fetchOnce = (ref: string, from: URL): Uint8Array | null => {
    if (!ref || ref.startsWith('data:')) return null;
    const url = new URL(ref, from);
    if (url.origin !== base.origin) {
      if (!weight.external.includes(url.href)) weight.external.push(url.href);
      return null;
    }
    const path = decodeURIComponent(url.pathname);
    if (seen.has(path)) return null;
    seen.add(path);
    const bytes = read(path);
    if (!bytes) weight.missing.push(path);
    return bytes;
  };

  /** Adds what a stylesheet's `url()`s pull in: images and fonts. */
  const addCssAssets = (css: string, from: URL) => {
    for (const ref of cssUrls(css)) {
      const target = new URL(ref, from);
      const bytes = fetchOnce(ref, from);
      if (!bytes) continue;
      if (FONT_EXT.test(target.pathname)) weight.fonts += bytes.length;
      else if (IMAGE_EXT.test(target.pathname)) weight.images += bytes.length;
    }
  };

  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    const attrs = attributesOf(m[1]);
    if (!JS_TYPES.has((attrs.get('type') ?? '').trim().toLowerCase())) continue;
    weight.scripts += 1;
    const src = attrs.get('src');
    if (src) {
      weight.js += fetchOnce(src, base)?.length ?? 0;
    } else {
      weight.js += byteLength(m[2]);
      inline += byteLength(m[2]);
    }
  }

  for (const m of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    weight.css += byteLength(m[1]);
    inline += byteLength(m[1]);
    addCssAssets(m[1], base);
  }
  for (const m of html.matchAll(/\sstyle\s*=\s*"([^"]*)"/gi)) addCssAssets(m[1].replace(/&quot;/g, '"'), base);

  for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = attributesOf(m[0]);
    const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
    const href = attrs.get('href');
    if (!href) continue;
    if (rel.includes('stylesheet')) {
      const bytes = fetchOnce(href, base);
      if (!bytes) continue;
      weight.css += bytes.length;
      addCssAssets(decoder.decode(bytes), new URL(href, base));
    } else if (rel.includes('modulepreload')) {
      weight.js += fetchOnce(href, base)?.length ?? 0;
    } else if (rel.some((r) => r === 'icon' || r === 'apple-touch-icon')) {
      weight.images += fetchOnce(href, base)?.length ?? 0;
    }
  }

  for (const m of html.matchAll(/<(?:img|input|video)\b[^>]*>/gi)) {
    const attrs = attributesOf(m[0]);
    const src = attrs.get('src') ?? attrs.get('poster');
    if (src && (m[0].toLowerCase().startsWith('<img') || IMAGE_EXT.test(src))) weight.images += fetchOnce(src, base)?.length ?? 0;
  }

  weight.total = weight.html + weight.js + weight.css - inline + weight.images + weight.fonts;
  return weight;
}
