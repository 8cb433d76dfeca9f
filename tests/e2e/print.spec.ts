/** Printing a category notebook: no navigation or controls, code wrapped rather than clipped, black on white, a PDF. */
import { expect, test } from '@playwright/test';
import { categoryPage, evaluated, langs } from './helpers.ts';

for (const lang of langs) {
  test(`a category notebook prints cleanly (${lang})`, async ({ page }) => {
    const k = evaluated[0];
    await page.goto(categoryPage(lang, k.category));
    const nav = page.locator('.site-nav');
    const code = page.locator('pre.astro-code').first();
    await expect(nav).toBeVisible();
    expect(await code.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre');

    await page.emulateMedia({ media: 'print' });
    await expect(nav).toBeHidden();
    await expect(page.locator('.lang-switch')).toBeHidden();
    await expect(page.locator('.toc')).toBeHidden();
    // Code wraps: every block is as wide as its box, so no line runs off the page.
    const blocks = await page.locator('pre.astro-code').evaluateAll((pres) =>
      pres.map((el) => ({ wrap: getComputedStyle(el).whiteSpace, overflow: el.scrollWidth - el.clientWidth })),
    );
    expect(blocks.length).toBeGreaterThan(0);
    for (const b of blocks) {
      expect(b.wrap).toBe('pre-wrap');
      expect(b.overflow).toBeLessThanOrEqual(1);
    }
    // Scroll boxes open up, so the whole probe source is on paper.
    const box = page.locator('.source-scroll').first();
    expect(await box.evaluate((el) => el.scrollHeight - el.clientHeight)).toBeLessThanOrEqual(1);
    // Black text on white.
    const colours = await page.evaluate(() => {
      const of = (el: Element) => getComputedStyle(el);
      return { body: of(document.body).color, bg: of(document.body).backgroundColor, token: of(document.querySelector('pre.astro-code span[style]')!).color };
    });
    expect(colours).toEqual({ body: 'rgb(0, 0, 0)', bg: 'rgb(255, 255, 255)', token: 'rgb(0, 0, 0)' });
    // Each cell's permalink is printed as its full URL, and only that.
    const permalink = page.locator(`#${k.id.toLowerCase()} .cell-permalink`);
    await expect(permalink).toBeVisible();
    const printed = await permalink.evaluate((el) => getComputedStyle(el, '::after').content);
    expect(printed).toContain(`/${lang}/criteria/${k.id.toLowerCase()}/`);
    expect(printed).toMatch(/^"\s?https?:\/\//);

    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  });
}
