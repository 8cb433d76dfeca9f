import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cssUrls, measurePage } from '../../scripts/page-weight.ts';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'page-weight');
const html = readFileSync(join(FIXTURE, 'index.html'), 'utf8');
const size = (path: string) => statSync(join(FIXTURE, path)).size;
const bytes = (text: string) => Buffer.byteLength(text);
/** Reads site paths from the fixture folder, and records what was asked for. */
function reader() {
  const asked: string[] = [];
  const read = (path: string) => {
    asked.push(path);
    const file = join(FIXTURE, path);
    return existsSync(file) ? readFileSync(file) : null;
  };
  return { read, asked };
}

describe('measurePage()', () => {
  const { read, asked } = reader();
  const weight = measurePage(html, '/fixture/', read);

  test('counts inline and external scripts as JavaScript shipped, but not JSON-LD', () => {
    expect(html).toContain('<script>console.log("inline")</script>');
    expect(weight.js).toBe(bytes('console.log("inline")') + size('_astro/app.js'));
    expect(weight.scripts).toBe(3);
  });

  test('counts a stylesheet linked twice once, plus the inline style', () => {
    expect(weight.css).toBe(size('_astro/site.css') + bytes('.inline{background:url(/img/dot.svg)}'));
    expect(asked.filter((p) => p === '/_astro/site.css')).toHaveLength(1);
  });

  test('follows images and fonts from the HTML and from stylesheets, each once, resolving relative paths', () => {
    expect(weight.images).toBe(size('img/dot.svg') + size('img/icon.svg'));
    expect(weight.fonts).toBe(size('fonts/fixture.woff2'));
  });

  test('adds only external files to the HTML for the total, since inline bytes are already in it', () => {
    expect(weight.html).toBe(size('index.html'));
    expect(weight.total).toBe(
      size('index.html') + size('_astro/app.js') + size('_astro/site.css') + size('img/dot.svg') + size('img/icon.svg') + size('fonts/fixture.woff2'),
    );
  });

  test('lists other origins and missing files instead of guessing their size, and skips data: URIs', () => {
    expect(weight.external).toEqual(['https://cdn.example.org/remote.png']);
    expect(weight.missing).toEqual(['/_astro/gone.js']);
    expect(asked.some((p) => p.startsWith('data:'))).toBe(false);
  });

  test('treats absolute links to the site itself as local files', () => {
    const page = '<img src="https://report.example/img/dot.svg" alt="">';
    expect(measurePage(page, '/', reader().read, 'https://report.example').images).toBe(size('img/dot.svg'));
    expect(measurePage(page, '/', reader().read).external).toEqual(['https://report.example/img/dot.svg']);
  });
});

describe('cssUrls()', () => {
  test('finds quoted and bare url() references and drops data: URIs', () => {
    expect(cssUrls(readFileSync(join(FIXTURE, '_astro', 'site.css'), 'utf8'))).toEqual(['../fonts/fixture.woff2', '/img/dot.svg']);
  });
});
