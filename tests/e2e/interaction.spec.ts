/**
 * The interactive parts of the report, in both languages: the premises panel on the overview, the filters on the
 * list of all criteria, the search page, and the strengths and considerations. Expectations are computed from the
 * catalog, the ratings and the results files, never listed by hand.
 */
import { expect, test, type Page } from '@playwright/test';
import { criteria, langs, permalink, ratings } from './helpers.ts';
import { defaultPremises, summarise } from '../../src/catalog/summary.ts';
import { latestResults } from '../support/results.ts';
import { en } from '../../src/i18n/en.ts';
import { ja } from '../../src/i18n/ja.ts';

const dict = { en, ja };

/** Inngest's probe verdicts from the results files the site was built from. */
const verdicts = new Map<string, string>(latestResults('inngest').flatMap((f) => f.probes.map((p) => [p.id, p.verdict] as const)));

const starsOf = (id: string) => ratings[id]?.stars ?? null;

/** Ids of the rows a page shows (not hidden). */
const visibleRows = (page: Page) =>
  page.locator('.criteria-table tbody tr:visible').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-criterion')!));

for (const lang of langs) {
  const t = dict[lang];

  test.describe(`interaction in ${lang}`, () => {
    test('changing the run duration recomputes the fail-close table and the verdict in place, and the URL keeps it', async ({ page }) => {
      const bound = criteria.filter((k) => k.failClose === 'duration-minutes');
      expect(bound.length).toBeGreaterThan(0);
      const short = { ...defaultPremises, duration: 'seconds' as const };
      const before = summarise(ratings, defaultPremises);
      const after = summarise(ratings, short);

      await page.goto(`/${lang}/`);
      const form = page.locator('form.premises-form');
      await expect(form.locator('fieldset')).toBeEnabled();
      const outcome = form.locator('[data-premises-outcome][data-engine="inngest"]');
      const outcomeBefore = await outcome.innerText();
      for (const k of bound) {
        const row = page.locator(`tr[data-fail-close="${k.id}"]`);
        await expect(row.locator('[data-applies]')).toHaveText(t.yes);
        await expect(row.locator('td[data-engine="inngest"] .status')).toHaveText(t[`failCloseStatus.${before.failClose.find((r) => r.id === k.id)!.status}`]);
      }

      await page.getByLabel(t['premise.duration'], { exact: true }).selectOption('seconds');
      await expect(page).toHaveURL(/[?&]duration=seconds\b/);
      for (const k of bound) {
        const row = page.locator(`tr[data-fail-close="${k.id}"]`);
        await expect(row.locator('[data-applies]')).toHaveText(t.no);
        for (const cell of await row.locator('td[data-engine]').all()) {
          await expect(cell.locator('.status')).toHaveText(t['failCloseStatus.n/a']);
          await expect(cell).toHaveAttribute('data-status', 'n/a');
        }
      }
      // Criteria that are always fail-close still apply.
      for (const r of after.failClose.filter((r) => r.applies)) {
        await expect(page.locator(`tr[data-fail-close="${r.id}"] [data-applies]`)).toHaveText(t.yes);
      }
      await expect(outcome).not.toHaveText(outcomeBefore);
      await expect(outcome).toContainText(String(after.failClose.filter((r) => r.applies).length));
      await expect(page.locator('section.verdict[data-engine="inngest"] [data-verdict-stars]')).toHaveAttribute('data-verdict', String(after.verdict));
      await expect(page.locator('section.verdict[data-engine="inngest"] [data-verdict-capped]')).toBeVisible({ visible: after.capped });
      await expect(page.locator('section.verdict[data-engine="inngest"] [data-premises-custom]')).toBeVisible();

      // A reload restores the chosen premises; going back to the report's premises clears the query.
      await page.reload();
      await expect(page.getByLabel(t['premise.duration'], { exact: true })).toHaveValue('seconds');
      await expect(page.locator(`tr[data-fail-close="${bound[0]!.id}"] [data-applies]`)).toHaveText(t.no);
      await page.locator('[data-premises-reset]').click();
      await expect(page).not.toHaveURL(/duration=/);
      await expect(page.locator(`tr[data-fail-close="${bound[0]!.id}"] [data-applies]`)).toHaveText(t.yes);
      await expect(page.locator('section.verdict[data-engine="inngest"] [data-premises-custom]')).toBeHidden();
    });

    test('switching language keeps a filtered view: the query and the fragment go along', async ({ page }) => {
      const other = langs.find((l) => l !== lang)!;
      await page.goto(`/${lang}/criteria/?stars=5#top`);
      await page.locator(`.lang-switch a[hreflang="${other}"]`).click();
      await expect(page).toHaveURL(new RegExp(`/${other}/criteria/\\?stars=5#top$`));
      const expected = criteria.filter((k) => starsOf(k.id) === 5).map((k) => k.id);
      await expect.poll(() => visibleRows(page)).toEqual(expected);
    });

    test('a premise that changes no fail-close rule is kept in the URL and leaves the table as it was', async ({ page }) => {
      await page.goto(`/${lang}/?determinism=deterministic`);
      await expect(page.getByLabel(t['premise.determinism'], { exact: true })).toHaveValue('deterministic');
      const s = summarise(ratings, defaultPremises);
      for (const r of s.failClose) await expect(page.locator(`tr[data-fail-close="${r.id}"] td[data-engine="inngest"]`)).toHaveAttribute('data-status', r.status);
      await expect(page.locator('section.verdict[data-engine="inngest"] [data-verdict-stars]')).toHaveAttribute('data-verdict', String(s.verdict));
    });

    test('filters in the URL are applied on load, with a correct count, and the form writes them back', async ({ page }) => {
      const present = [...new Set(Object.values(ratings).map((r) => r.stars))].sort();
      const stars = present[0]!;
      const expected = criteria.filter((k) => starsOf(k.id) === stars).map((k) => k.id);
      await page.goto(`/${lang}/criteria/?stars=${stars}`);
      await expect(page.locator('.criteria-table tbody tr')).toHaveCount(criteria.length);
      await expect.poll(() => visibleRows(page)).toEqual(expected);
      await expect(page.locator('[data-filter-count]')).toHaveText(
        t['filter.count'].replace('{shown}', String(expected.length)).replace('{total}', String(criteria.length)),
      );
      await expect(page.getByLabel(t['filter.stars'], { exact: true })).toHaveValue(String(stars));

      // Narrow further with the form: the URL follows.
      await page.getByLabel(t['filter.differs']).check();
      await expect(page).toHaveURL(/[?&]differs=1\b/);
      const differing = expected.filter((id) => starsOf(id) !== criteria.find((k) => k.id === id)!.baseline);
      await expect.poll(() => visibleRows(page)).toEqual(differing);
    });

    test('the combined example query filters by category, rating, verdict and difference from the baseline', async ({ page }) => {
      const pick = criteria.find((k) => starsOf(k.id) !== null && verdicts.has(k.id) && starsOf(k.id) !== k.baseline)!;
      const cat = pick.id.slice(0, 2);
      const verdict = verdicts.get(pick.id)!;
      const stars = starsOf(pick.id)!;
      const expected = criteria
        .filter((k) => k.id.startsWith(`${cat}-`) && starsOf(k.id) === stars && verdicts.get(k.id) === verdict && starsOf(k.id) !== k.baseline)
        .map((k) => k.id);
      expect(expected).toContain(pick.id);
      await page.goto(`/${lang}/criteria/?cat=${cat}&stars=${stars}&verdict=${verdict}&differs=1`);
      await expect.poll(() => visibleRows(page)).toEqual(expected);

      await page.getByLabel(t['filter.verdict'], { exact: true }).selectOption('pass');
      await expect(page).toHaveURL(/[?&]verdict=pass\b/);
      const passing = criteria
        .filter((k) => k.id.startsWith(`${cat}-`) && starsOf(k.id) === stars && verdicts.get(k.id) === 'pass' && starsOf(k.id) !== k.baseline)
        .map((k) => k.id);
      await expect.poll(() => visibleRows(page)).toEqual(passing);
      await expect(page.locator('[data-filter-none]')).toBeVisible({ visible: passing.length === 0 });

      await page.locator('[data-filter-reset]').click();
      await expect(page).not.toHaveURL(/\?/);
      await expect.poll(async () => (await visibleRows(page)).length).toBe(criteria.length);
    });

    test('search finds criteria in this language, from the URL and from the form, and results open their permalinks', async ({ page }) => {
      const queries: [string, string][] =
        lang === 'en'
          ? [['idempotency', 'EX-03'], ['heartbeat', 'RT-04']]
          : [['リトライ', 'RT-01'], ['冪等', 'EX-03']];
      const [first, second] = queries as [[string, string], [string, string]];

      await page.goto(`/${lang}/search/?q=${encodeURIComponent(first[0])}`);
      await expect(page.getByLabel(t['search.label'])).toHaveValue(first[0]);
      const hit = page.locator(`.search-results li[data-criterion="${first[1]}"] a`);
      await expect(hit).toHaveAttribute('href', permalink(lang, first[1]));
      await expect(page.locator('[data-search-status]')).toContainText(first[0]);

      await page.getByLabel(t['search.label']).fill(second[0]);
      await page.getByRole('button', { name: t['search.submit'], exact: true }).click();
      await expect(page).toHaveURL(new RegExp(`[?&]q=${encodeURIComponent(second[0])}`));
      const secondHit = page.locator(`.search-results li[data-criterion="${second[1]}"] a`);
      await expect(secondHit).toBeVisible();
      await secondHit.click();
      await expect(page).toHaveURL(new RegExp(`${permalink(lang, second[1])}$`));
      await expect(page.locator('h1')).toContainText(second[1]);
    });

    test('a search with no match says so, and the header links to the search page', async ({ page }) => {
      await page.goto(`/${lang}/`);
      await page.locator(`.site-nav a[href="/${lang}/search/"]`).click();
      await expect(page.locator('h1')).toHaveText(t['search.title']);
      await page.getByLabel(t['search.label']).fill('zzqxjv');
      await page.keyboard.press('Enter');
      await expect(page.locator('[data-search-status]')).toHaveText(t['search.none'].replace('{q}', 'zzqxjv'));
      await expect(page.locator('.search-results li')).toHaveCount(0);
    });

    test('strengths and considerations list the highest- and lowest-rated criteria, and every link resolves', async ({ page, request }) => {
      const rated = criteria.filter((k) => starsOf(k.id) !== null);
      const max = Math.max(...rated.map((k) => starsOf(k.id)!));
      const strengths = rated.filter((k) => starsOf(k.id) === max).map((k) => k.id);
      const considerations = rated
        .filter((k) => starsOf(k.id)! < 3)
        .sort((a, b) => starsOf(a.id)! - starsOf(b.id)!)
        .map((k) => k.id);

      await page.goto(`/${lang}/`);
      const ids = (kind: string) =>
        page.locator(`[data-highlight="${kind}"] .highlight-list li`).evaluateAll((lis) => lis.map((li) => li.getAttribute('data-criterion')));
      expect(await ids('strengths')).toEqual(strengths);
      expect(await ids('considerations')).toEqual(considerations);
      for (const kind of ['strengths', 'considerations']) {
        await expect(page.locator(`[data-highlight="${kind}"] .highlight-note`)).not.toBeEmpty();
      }

      const links = await page.locator('[data-highlight] .highlight-list a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(links).toEqual([...strengths, ...considerations].map((id) => permalink(lang, id)));
      for (const href of links) {
        const res = await request.get(href);
        expect(res.status(), href).toBe(200);
        const id = /criteria\/([a-z]{2}-\d{2})\/$/.exec(href)![1]!.toUpperCase();
        expect(await res.text(), href).toMatch(new RegExp(`<h1[^>]*>[\\s\\S]*?${id}[\\s\\S]*?</h1>`));
      }
    });
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the overview shows the report’s premises and their result, and the list shows every criterion whatever the query', async ({ page }) => {
    const s = summarise(ratings, defaultPremises);
    await page.goto('/en/?duration=seconds');
    await expect(page.locator('#premise-duration')).toBeDisabled();
    for (const r of s.failClose) await expect(page.locator(`tr[data-fail-close="${r.id}"] td[data-engine="inngest"]`)).toHaveAttribute('data-status', r.status);
    await expect(page.locator('section.verdict[data-engine="inngest"] [data-verdict-stars]')).toHaveAttribute('data-verdict', String(s.verdict));

    await page.goto('/ja/criteria/?stars=1');
    await expect(page.locator('.criteria-table tbody tr:visible')).toHaveCount(criteria.length);
    await expect(page.locator('[data-filter-count]')).toContainText(String(criteria.length));
  });
});

