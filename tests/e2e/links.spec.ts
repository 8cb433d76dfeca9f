import { expect, test } from '@playwright/test';

/** Every href and src on a page, resolved against its URL. */
function linksOf(html: string, base: string): URL[] {
  const found: URL[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    const raw = m[1].replace(/&amp;/g, '&');
    if (/^(mailto:|tel:|javascript:|data:)/.test(raw)) continue;
    found.push(new URL(raw, base));
  }
  return found;
}

test('no internal link on any page is broken, and each page declares its language', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const pages = new Map<string, string>(); // path → html
  const queue = ['/'];
  const checked = new Map<string, number>();
  const broken: string[] = [];
  const anchors: { from: string; url: URL }[] = [];

  while (queue.length) {
    const path = queue.shift()!;
    if (pages.has(path)) continue;
    const res = await request.get(path);
    if (!res.ok()) {
      broken.push(`${path}: ${res.status()}`);
      continue;
    }
    const html = await res.text();
    pages.set(path, html);
    for (const url of linksOf(html, origin + path)) {
      if (url.origin !== origin) continue;
      if (url.hash) anchors.push({ from: path, url });
      const target = url.pathname;
      if (!checked.has(target)) {
        const r = await request.get(target);
        checked.set(target, r.status());
        if (r.status() !== 200) broken.push(`${path} → ${target}: ${r.status()}`);
        else if ((r.headers()['content-type'] ?? '').includes('text/html')) queue.push(target);
      }
    }
  }

  expect(broken).toEqual([]);
  // Every #fragment points at an element that exists on its target page.
  const missing = anchors.filter(({ url }) => {
    const html = pages.get(url.pathname);
    return !html || !html.includes(`id="${decodeURIComponent(url.hash.slice(1))}"`);
  });
  expect(missing.map(({ from, url }) => `${from} → ${url.pathname}${url.hash}`)).toEqual([]);

  // Both languages were reached, and every page under /ja/ says lang="ja" (and /en/, lang="en").
  const paths = [...pages.keys()];
  expect(paths.filter((p) => p.startsWith('/ja/')).length).toBeGreaterThan(58);
  expect(paths.filter((p) => p.startsWith('/en/')).length).toBeGreaterThan(58);
  for (const [path, html] of pages) {
    const lang = /^\/(en|ja)\//.exec(path)?.[1];
    if (lang) expect(html, path).toMatch(new RegExp(`<html[^>]*\\slang="${lang}"`));
  }
});
