import { expect, test } from '@playwright/test';
import { categoryPage, criteria, engineBlock, evaluated, langs, other, permalink, starGlyphs } from './helpers.ts';

for (const lang of langs) {
  test.describe(`site in ${lang}`, () => {
    test('the overview lists every criterion of the catalog', async ({ page }) => {
      await page.goto(`/${lang}/`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      const items = page.locator('.criteria-map [data-criterion]');
      await expect(items).toHaveCount(criteria.length);
      expect(criteria.length).toBe(58);
      await expect(page.locator('section.verdict[data-engine="inngest"]')).toBeVisible();
      await expect(page.locator('.fail-close-table tbody tr')).toHaveCount(criteria.filter((k) => k.failClose).length);
      // Every star rating is an image with a spoken label, not only glyphs.
      for (const stars of await page.locator('.stars').all()) {
        await expect(stars).toHaveAttribute('role', 'img');
        await expect(stars).toHaveAttribute('aria-label', /\d/);
      }
      // Criteria Inngest has not evaluated yet are marked so, with the baseline labelled.
      const pending = criteria.length - evaluated.length;
      await expect(page.locator('.criteria-map .map-status[data-engine="inngest"] .status-pending')).toHaveCount(pending);
      await expect(page.locator('.criteria-map .map-status[data-engine="inngest"] .baseline')).toHaveCount(pending);
    });

    test('every page has a skip link, a main landmark and one h1', async ({ page }) => {
      for (const path of [`/${lang}/`, `/${lang}/categories/`, categoryPage(lang, 'ex'), permalink(lang, 'EX-01')]) {
        await page.goto(path);
        await expect(page.locator('a.skip-link')).toHaveAttribute('href', '#main');
        await expect(page.locator('main#main')).toHaveCount(1);
        await expect(page.locator('h1')).toHaveCount(1);
      }
    });

    for (const k of evaluated) {
      test(`${k.id}: its cell on the category page shows stars, verdict, rationale, source and checks (or its skip reason)`, async ({ page }) => {
        await page.goto(categoryPage(lang, k.category));
        await expect(page.locator(`article#${k.id.toLowerCase()}`)).toBeVisible();
        const cell = page.locator(`article#${k.id.toLowerCase()} ${engineBlock('inngest')}`);
        const stars = cell.locator('.cell-meta .rating .stars');
        await expect(stars).toHaveText(starGlyphs(k.stars));
        await expect(stars).toHaveAttribute('role', 'img');
        await expect(stars).toHaveAttribute('aria-label', new RegExp(String(k.stars)));
        await expect(cell.locator('.cell-meta [class*="verdict-"]')).toBeVisible();
        await expect(cell.locator('.cell-meta [class*="verdict-"]')).not.toHaveClass(/verdict-none/);
        await expect(cell.locator('.rationale .prose')).toBeVisible();
        expect((await cell.locator('.rationale .prose').innerText()).trim().length).toBeGreaterThan(40);
        await expect(cell.locator('.astro-code')).toBeVisible();
        await expect(cell.locator('.astro-code span[style]').first()).toBeAttached();
        // A probe that could not observe its question here has no checks; it must say why instead.
        await expect(cell.locator('table.checks tbody tr, .callout.skip').first()).toBeVisible();
      });
    }

    test('every criterion has a permalink with the right h1 and a language switch to the same criterion', async ({ page }) => {
      for (const k of criteria) {
        const response = await page.goto(permalink(lang, k.id));
        expect(response?.status(), permalink(lang, k.id)).toBe(200);
        await expect(page.locator('h1')).toContainText(k.id);
        await expect(page.locator('h1')).toContainText(k.name[lang]);
        await expect(page.locator(`.lang-switch a[hreflang="${other(lang)}"]`)).toHaveAttribute('href', permalink(other(lang), k.id));
        await expect(page.locator('.permalink-tools .rerun[data-engine="inngest"] code.command')).toHaveText(`npm run probes -- --only ${k.id}`);
        await expect(page.locator('.permalink-tools a.permalink-url')).toHaveAttribute('href', permalink(lang, k.id));
        await expect(page.locator('.breadcrumb a')).toHaveAttribute('href', categoryPage(lang, k.category));
      }
    });

    test('following the language switch on a permalink keeps the criterion', async ({ page }) => {
      const k = evaluated[0] ?? criteria[0];
      await page.goto(permalink(lang, k.id));
      await page.locator(`.lang-switch a[hreflang="${other(lang)}"]`).click();
      await expect(page).toHaveURL(new RegExp(`${permalink(other(lang), k.id)}$`));
      await expect(page.locator('html')).toHaveAttribute('lang', other(lang));
      await expect(page.locator('h1')).toContainText(k.name[other(lang)]);
    });

    test('the copy-link button copies the permalink', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.goto(permalink(lang, 'EX-01'));
      const button = page.locator('.copy-button');
      await expect(button).toBeVisible();
      await button.click();
      await expect(page.locator('.copy-status')).not.toBeEmpty();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(new RegExp(`${permalink(lang, 'EX-01')}$`));
    });
  });
}
