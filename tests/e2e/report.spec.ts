/** The report pages around the criteria: methodology, baseline comparison, the overview chart, raw data, link previews. */
import { expect, test } from '@playwright/test';
import { criteria, engines, langs, other, permalink, ratings } from './helpers.ts';
import { FAIL_CLOSE_CAP, FAIL_CLOSE_THRESHOLD } from '../../src/catalog/summary.ts';

/** The columns first published, in their places, then each engine's own. */
const CSV_HEADER = [
  'id,category,name_en,name_ja,baseline,rating,verdict,fail_close,permalink_en,permalink_ja',
  ...engines.map((e) => `rating_${e.id},verdict_${e.id},permalink_${e.id}_en,permalink_${e.id}_ja`),
].join(',');

for (const lang of langs) {
  test.describe(`report pages in ${lang}`, () => {
    test('the methodology page states the fail-close cap and links the raw data, which is served', async ({ page, request }) => {
      const response = await page.goto(`/${lang}/methodology/`);
      expect(response?.status()).toBe(200);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator(`.site-nav a[href="/${lang}/methodology/"]`)).toHaveAttribute('aria-current', 'page');
      const rule = page.locator('.fail-close-rule');
      await expect(rule).toHaveAttribute('data-cap', String(FAIL_CLOSE_CAP));
      await expect(rule).toContainText(String(FAIL_CLOSE_CAP));
      await expect(rule).toContainText(String(FAIL_CLOSE_THRESHOLD));
      await expect(page.locator('.scale-table tbody tr')).toHaveCount(5);

      const hrefs = await page.locator('.data-links a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(hrefs).toContain('/data/criteria.csv');
      expect(hrefs).toContain('/data/results-schema.json');
      const resultLinks = hrefs.filter((h) => /^\/data\/results\/[a-z]+\/[a-z]{2}\.json$/.test(h));
      expect(resultLinks.length).toBeGreaterThan(0);

      const csv = await request.get('/data/criteria.csv');
      expect(csv.status()).toBe(200);
      expect(csv.headers()['content-type']).toMatch(/text\/csv/);
      const lines = (await csv.text()).trimEnd().split(/\r?\n/);
      expect(lines[0]).toBe(CSV_HEADER);
      expect(lines.length).toBe(criteria.length + 1);

      const schema = await request.get('/data/results-schema.json');
      expect(schema.status()).toBe(200);
      expect(schema.headers()['content-type']).toMatch(/json/);
      const schemaBody = await schema.json();
      expect('$schema' in schemaBody || 'type' in schemaBody).toBe(true);

      for (const href of resultLinks) {
        const res = await request.get(href);
        expect(res.status(), href).toBe(200);
        expect(res.headers()['content-type'], href).toMatch(/application\/json/);
        const body = await res.json();
        const [, engine, category] = /\/([a-z]+)\/([a-z]{2})\.json$/.exec(href)!;
        expect([body.engine, body.category], href).toEqual([engine, category]);
        expect(Array.isArray(body.probes), href).toBe(true);
        // Inngest's files are also where they were published before results were kept per engine.
        if (engine === 'inngest') expect(await (await request.get(`/data/results/${category}.json`)).json(), category).toEqual(body);
      }
    });

    test('the comparison page lists every criterion and its counts add up', async ({ page }) => {
      await page.goto(`/${lang}/comparison/`);
      const rows = page.locator('.comparison-table tbody tr');
      await expect(rows).toHaveCount(58);
      expect(criteria.length).toBe(58);
      const counts = await page.locator('.cmp-count-n').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
      expect(counts).toHaveLength(4);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(58);
      // The counts agree with the rows, and the pending count with the ratings.
      const pending = criteria.filter((k) => !(k.id in ratings)).length;
      await expect(page.locator('.comparison-table tbody tr[data-direction="pending"]')).toHaveCount(pending);
      for (const dir of ['up', 'down', 'same', 'pending']) {
        const n = Number(await page.locator(`.cmp-count[data-direction="${dir}"] .cmp-count-n`).getAttribute('data-count'));
        await expect(page.locator(`.comparison-table tbody tr[data-direction="${dir}"]`)).toHaveCount(n);
      }
      // A difference is spelled out in words, not colour alone, and each id links to its permalink.
      for (const badge of await page.locator('.comparison-table .diff').all()) {
        expect((await badge.innerText()).trim().length).toBeGreaterThan(0);
      }
      const first = criteria[0]!;
      await expect(page.locator(`.comparison-table tr[data-criterion="${first.id}"] th a`)).toHaveAttribute('href', permalink(lang, first.id));
    });

    test('the overview shows the star distribution as an accessible chart with five bars', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const chart = page.locator('figure.star-chart[data-engine="inngest"] svg.distribution');
      await expect(chart).toHaveCount(1);
      await expect(chart).toHaveAttribute('role', 'img');
      await expect(chart.locator('title')).not.toBeEmpty();
      await expect(chart.locator('desc')).not.toBeEmpty();
      await expect(chart.locator('rect.bar')).toHaveCount(5);
      const counts = await chart.locator('.bar-row').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-count'))));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(Object.keys(ratings).filter((id) => criteria.some((k) => k.id === id)).length);
    });

    test('every permalink page has a description and alternates in both languages', async ({ request }) => {
      for (const k of criteria) {
        const path = permalink(lang, k.id);
        const html = await (await request.get(path)).text();
        const description = /<meta name="description" content="([^"]*)"/.exec(html)?.[1] ?? '';
        expect(description.length, path).toBeGreaterThan(10);
        expect(html, path).toMatch(/<meta property="og:title" content="[^"]+"/);
        expect(html, path).toMatch(/<meta property="og:description" content="[^"]+"/);
        expect(html, path).toMatch(/<meta property="og:type" content="article"/);
        expect(html, path).toContain(`<meta property="og:locale" content="${lang === 'en' ? 'en_US' : 'ja_JP'}"`);
        for (const l of [lang, other(lang)]) {
          const href = new RegExp(`<link rel="alternate" hreflang="${l}" href="[^"]*${permalink(l, k.id)}"`);
          expect(html, `${path} → ${l}`).toMatch(href);
        }
      }
    });

    test('the methodology and comparison pages also carry link previews', async ({ request }) => {
      for (const path of [`/${lang}/`, `/${lang}/methodology/`, `/${lang}/comparison/`, `/${lang}/categories/`]) {
        const html = await (await request.get(path)).text();
        expect(html, path).toMatch(/<meta name="description" content="[^"]{10,}"/);
        expect(html, path).toMatch(new RegExp(`<link rel="alternate" hreflang="${other(lang)}" href="[^"]*/${other(lang)}/`));
      }
    });
  });
}
