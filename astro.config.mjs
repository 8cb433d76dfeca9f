// @ts-check
/** Astro configuration: a static, bilingual report site (English by default, Japanese alongside). */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

export default defineConfig({
  site: 'http://127.0.0.1:4321',
  base: '/',
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory' },
  integrations: [mdx()],
  i18n: {
    locales: ['en', 'ja'],
    defaultLocale: 'en',
    // Routes live under src/pages/[lang]/ and `/` links to /en/ itself, so Astro adds no redirects of its own.
    routing: 'manual',
  },
  markdown: {
    shikiConfig: { theme: 'github-light' },
  },
});
