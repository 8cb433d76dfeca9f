// @ts-check
/** Astro configuration: a static, bilingual report site (English by default, Japanese alongside). */
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { siteLocation } from './scripts/site-location.mjs';

// SITE_URL and BASE_PATH say where the site will be published (README, "Publishing"); unset, npm start's address.
const { site, base } = siteLocation();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  output: 'static',
  build: { format: 'directory' },
  integrations: [mdx()],
  i18n: {
    locales: ['en', 'ja'],
    defaultLocale: 'en',
    // Every route lives under src/pages/[lang]/; `/` is our own page that links to /en/, so no automatic redirect.
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  markdown: {
    // github-light-default: every token colour reaches 4.5:1 on its background (github-light's orange does not).
    shikiConfig: { theme: 'github-light-default' },
  },
});
