/** The bare site root: metadata like every other page, then on to the English overview. */
import { expect, test } from '@playwright/test';
import { langs } from './helpers.ts';

test('the root page has a title, a description, its language and alternates for both languages', async ({ request }) => {
  const html = await (await request.get('/')).text();
  expect(html).toMatch(/<html lang="en">/);
  expect(/<title>([^<]+)<\/title>/.exec(html)?.[1]?.length ?? 0).toBeGreaterThan(10);
  expect(html).toMatch(/<meta name="description" content="[^"]{20,}"/);
  expect(html).toMatch(/<link rel="canonical" href="[^"]*\/en\/"/);
  for (const lang of langs) expect(html).toMatch(new RegExp(`<link rel="alternate" hreflang="${lang}" href="[^"]*/${lang}/"`));
  expect(html).toMatch(/<link rel="alternate" hreflang="x-default" href="[^"]*\/en\/"/);
  expect(html).toMatch(/<meta property="og:title" content="[^"]+"/);
  expect(html).toMatch(/<meta property="og:description" content="[^"]+"/);
  expect(html).toMatch(/<meta property="og:locale" content="en_US"/);
});

test('the root page sends readers to the English overview at once, and links both languages', async ({ page, request }) => {
  const html = await (await request.get('/')).text();
  // A refresh delay above zero fails WCAG 2.2.1 (timing adjustable); zero is an immediate redirect.
  expect(html).toMatch(/<meta http-equiv="refresh" content="0; url=\/en\/"/);
  for (const lang of langs) expect(html).toMatch(new RegExp(`<a href="/${lang}/" hreflang="${lang}"`));
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
