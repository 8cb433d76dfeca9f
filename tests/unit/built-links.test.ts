import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { checkBuiltLinks, linksIn } from '../../scripts/built-links.ts';

const origin = 'https://example.org';

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** Writes a small built site (path → content) into a fresh temporary folder. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'built-links-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  made.push(dir);
  return dir;
}

describe('linksIn()', () => {
  test('reads href, src, srcset, action and a meta refresh, but not text inside scripts', () => {
    const html = `<meta http-equiv="refresh" content="0; url=/report/en/">
      <link rel="icon" href="/report/favicon.svg"><img src="a.png" srcset="a-1x.png 1x, a-2x.png 2x">
      <form action="../search/"></form><script src="/report/_astro/app.js">const s = '<a href="/nowhere/">';</script>`;
    expect(linksIn(html)).toEqual(['/report/en/', '/report/favicon.svg', 'a.png', 'a-1x.png', 'a-2x.png', '../search/', '/report/_astro/app.js']);
  });
});

describe('checkBuiltLinks()', () => {
  const page = (body: string) => `<!doctype html><html><head><link rel="icon" href="/report/favicon.svg"></head><body>${body}</body></html>`;

  test('accepts a site whose every link, relative or absolute, names a file under the base path', () => {
    const dir = site({
      'index.html': page('<a href="en/">en</a><a href="https://other.example/x">elsewhere</a><a href="mailto:a@b.c">mail</a>'),
      'en/index.html': page(`<a href="/report/en/criteria/ex-04/#top">EX-04</a><a href="${origin}/report/en/">canonical</a><a href="#main">skip</a>`),
      'en/criteria/ex-04/index.html': page('<a href="../../">up</a><img src="/report/data/chart.svg">'),
      'data/chart.svg': '<svg/>',
      'favicon.svg': '<svg/>',
    });
    const report = checkBuiltLinks(dir, { base: '/report/', origin });
    expect(report.broken).toEqual([]);
    expect(report.pages).toBe(3);
    expect(report.links).toBe(9); // every link but the other site and mailto:
  });

  test('reports a root-absolute link that leaves the base path, and one to a missing page', () => {
    const dir = site({
      'index.html': page('<a href="en/">en</a>'),
      'en/index.html': page(`<link rel="icon" href="/favicon.svg"><a href="/report/en/criteria/ex-04/">EX-04</a><a href="${origin}/en/">old canonical</a>`),
      'favicon.svg': '<svg/>',
    });
    expect(checkBuiltLinks(dir, { base: '/report/', origin }).broken).toEqual([
      { page: '/report/en/', link: '/favicon.svg', why: 'outside the base path' },
      { page: '/report/en/', link: '/report/en/criteria/ex-04/', why: 'no such file' },
      { page: '/report/en/', link: `${origin}/en/`, why: 'outside the base path' },
    ]);
  });

  test('needs a folder URL to have its index.html, and a file URL to be a file', () => {
    const dir = site({ 'index.html': page('<a href="/report/data/">data</a><a href="/report/en">en</a>'), 'favicon.svg': '', 'data/x.json': '{}', 'en/index.html': page('') });
    expect(checkBuiltLinks(dir, { base: '/report/', origin }).broken.map((b) => b.link)).toEqual(['/report/data/', '/report/en']);
  });

  test('refuses a folder with no page, so an empty build cannot pass', () => {
    expect(() => checkBuiltLinks(site({ 'a.txt': '' }), { base: '/', origin })).toThrow(/no HTML page/);
  });
});
