import { describe, expect, test } from 'vitest';
import { LOCAL_SITE_URL, normaliseBasePath, siteLocation } from '../../scripts/site-location.mjs';

describe('siteLocation()', () => {
  test('defaults to what npm start serves: loopback, at the root', () => {
    expect(siteLocation({})).toEqual({ site: LOCAL_SITE_URL, base: '/' });
  });

  test('takes SITE_URL and BASE_PATH as configure-pages gives them', () => {
    expect(siteLocation({ SITE_URL: 'https://octo.github.io', BASE_PATH: '/durable-execution-report' })).toEqual({
      site: 'https://octo.github.io',
      base: '/durable-execution-report/',
    });
    expect(siteLocation({ SITE_URL: 'https://report.example/', BASE_PATH: '' })).toEqual({ site: 'https://report.example', base: '/' });
  });

  test('refuses a SITE_URL with a path, which belongs in BASE_PATH', () => {
    expect(() => siteLocation({ SITE_URL: 'https://octo.github.io/report' })).toThrow(/BASE_PATH/);
    expect(() => siteLocation({ SITE_URL: 'octo.github.io' })).toThrow(/not a URL|origin/);
  });

  test('writes every base path with one leading and one trailing slash', () => {
    expect(['report', '/report', '/report/', 'a/b', '//a/b//'].map(normaliseBasePath)).toEqual(['/report/', '/report/', '/report/', '/a/b/', '/a/b/']);
  });
});
