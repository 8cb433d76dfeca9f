/**
 * Two engines side by side, in both languages: the overview's verdicts, fail-close table, star charts and
 * per-category counts; every criterion's page and each engine's own page; the comparison matrix with the seed's
 * claims about Temporal; the list's engine filter and the CSV. Expectations come from each engine's ratings and
 * the results files the site was built from, so they follow Temporal's evidence as it arrives: today a Temporal
 * cell must say "not measured yet"; once Temporal has a rating or result there, it must show it.
 */
import { expect, test } from '@playwright/test';
import { en } from '../../src/i18n/en.ts';
import { ja } from '../../src/i18n/ja.ts';
import { failCloseApplies, defaultPremises, FAIL_CLOSE_THRESHOLD, summarise } from '../../src/catalog/summary.ts';
import { temporalClaims, temporalComparison } from '../../src/catalog/temporal-comparison.ts';
import type { ProbeResult } from '../../src/schema.ts';
import { idOfFile, listProbeFiles } from '../../runner/core/discover.ts';
import { latestResults } from '../support/results.ts';
import { allRatings, categories, criteria, engineBlock, enginePermalink, engines, langs, permalink, starGlyphs, type EngineId } from './helpers.ts';

const dict = { en, ja };
const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));

/** Each engine's latest result per criterion, from the results files the site was built from. */
const results = new Map<EngineId, Map<string, ProbeResult>>(
  engines.map((e) => [e.id, new Map(latestResults(e.id).flatMap((f) => f.probes.map((p) => [p.id, p] as const)))]),
);
const starsOf = (engine: EngineId, id: string) => allRatings[engine][id]?.stars ?? null;
const resultOf = (engine: EngineId, id: string) => results.get(engine)!.get(id) ?? null;
const measuredOn = (engine: EngineId, id: string) => starsOf(engine, id) !== null || resultOf(engine, id) !== null;
const rated = (engine: EngineId) => criteria.filter((k) => starsOf(engine, k.id) !== null).length;
/** The criteria each engine has a probe file for: those can be re-run, measured or not. */
const probed = new Map(engines.map((e) => [e.id, new Set(listProbeFiles(process.cwd(), e.id).map(idOfFile))]));

test('Temporal is one of the engines the site compares', () => {
  expect(engines.map((e) => e.id)).toEqual(['inngest', 'temporal']);
});

for (const lang of langs) {
  const t = dict[lang];
  /** What a rating cell says when an engine has no rating for a criterion. */
  const unrated = (engine: EngineId, id: string) => (resultOf(engine, id) ? t['status.notEvaluated'] : t['engine.notMeasured']);

  test.describe(`two engines (${lang})`, () => {
    test('the overview gives each engine its own verdict, and one rated on part of the framework says how much', async ({ page }) => {
      await page.goto(`/${lang}/`);
      await expect(page.locator('section.verdict[data-engine]')).toHaveCount(engines.length);
      for (const e of engines) {
        const panel = page.locator(`section.verdict[data-engine="${e.id}"]`);
        await expect(panel.locator('h2')).toContainText(e.name);
        const n = rated(e.id);
        await expect(panel).toHaveAttribute('data-evaluated', String(n));
        if (n === 0) {
          const measured = criteria.some((k) => measuredOn(e.id, k.id));
          await expect(panel.locator('[data-verdict-none]')).toHaveText(measured ? t['overview.verdict.none'] : fill(t['overview.verdict.notMeasured'], { engine: e.name }));
          await expect(panel.locator('[data-verdict-stars]')).toHaveCount(0);
          continue;
        }
        await expect(panel.locator('[data-verdict-stars]')).toHaveAttribute('data-verdict', String(summarise(allRatings[e.id]).verdict));
        const basis = panel.locator('[data-verdict-basis]');
        if (n < criteria.length) await expect(basis).toHaveText(fill(t['overview.verdict.provisional'], { evaluated: n, total: criteria.length }));
        else await expect(basis).toHaveCount(0);
      }
    });

    test('the fail-close table, star charts and category counts have a column or chart per engine', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const table = page.locator('table.fail-close-table');
      for (const e of engines) await expect(table.locator(`thead th[data-engine="${e.id}"]`)).toHaveText(e.name);
      for (const k of criteria.filter((c) => c.failClose)) {
        for (const e of engines) {
          const cell = table.locator(`tr[data-fail-close="${k.id}"] td[data-engine="${e.id}"]`);
          const stars = starsOf(e.id, k.id);
          const status = !failCloseApplies(k.failClose, defaultPremises) ? 'n/a' : stars === null ? 'pending' : stars >= FAIL_CLOSE_THRESHOLD ? 'pass' : 'fail';
          await expect(cell, `${k.id} ${e.id}`).toHaveAttribute('data-status', status);
          if (stars === null) await expect(cell).toContainText(unrated(e.id, k.id));
          else await expect(cell.locator('.stars')).toHaveText(starGlyphs(stars));
        }
      }

      for (const e of engines) {
        const n = rated(e.id);
        const chart = page.locator(`figure.star-chart[data-engine="${e.id}"]`);
        if (n === 0) {
          await expect(chart).toHaveCount(0);
          await expect(page.locator(`.chart-engine[data-engine="${e.id}"] [data-not-measured]`)).toHaveText(fill(t['chart.notMeasured'], { engine: e.name }));
        } else {
          const counts = await chart.locator('.bar-row').evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-count'))));
          expect(counts.reduce((a, b) => a + b, 0), e.id).toBe(n);
        }
        for (const cat of categories) {
          const evaluated = cat.criteria.filter((k) => starsOf(e.id, k.id) !== null).length;
          await expect(page.locator(`table.category-table tr[data-category="${cat.id}"] td[data-engine="${e.id}"][data-col="evaluated"]`), `${cat.id} ${e.id}`).toHaveText(String(evaluated));
        }
      }
    });

    test('the criteria map shows every engine’s status for every criterion', async ({ page }) => {
      await page.goto(`/${lang}/`);
      for (const k of criteria) {
        for (const e of engines) {
          const status = page.locator(`.criteria-map [data-criterion="${k.id}"] .map-status[data-engine="${e.id}"]`);
          await expect(status.locator('.map-engine')).toHaveText(e.name);
          const stars = starsOf(e.id, k.id);
          if (stars === null) await expect(status.locator('.status-pending'), `${k.id} ${e.id}`).toHaveText(unrated(e.id, k.id));
          else await expect(status.locator('.stars').first()).toHaveText(starGlyphs(stars));
        }
      }
    });

    test('every criterion’s page sets the engines side by side, each linking to its own page', async ({ page }) => {
      for (const k of criteria) {
        await page.goto(permalink(lang, k.id));
        const table = page.locator(`table.engines-table[data-criterion="${k.id}"]`);
        await expect(table.locator('thead th[data-engine]')).toHaveText(engines.map((e) => e.name));
        for (const e of engines) {
          const stars = starsOf(e.id, k.id);
          const rating = table.locator(`tr[data-row="rating"] td[data-engine="${e.id}"]`);
          if (stars === null) await expect(rating, `${k.id} ${e.id}`).toHaveText(unrated(e.id, k.id));
          else await expect(rating.locator('.stars'), `${k.id} ${e.id}`).toHaveText(starGlyphs(stars));
          await expect(table.locator(`tr[data-row="verdict"] td[data-engine="${e.id}"]`)).toHaveAttribute('data-verdict', resultOf(e.id, k.id)?.verdict ?? '');
          await expect(table.locator(`tr[data-row="link"] td[data-engine="${e.id}"] a`)).toHaveAttribute('href', enginePermalink(lang, k.id, e.id));
          // The engine's block below says plainly when there is nothing to show.
          const none = page.locator(`${engineBlock(e.id)} [data-not-measured]`);
          if (measuredOn(e.id, k.id)) await expect(none).toHaveCount(0);
          else await expect(none).toHaveText(fill(t['engine.notMeasured.detail'], { engine: e.name, id: k.id }));
        }
      }
    });

    test('Temporal has a page of its own for every criterion, saying “not measured yet” until it is', async ({ page }) => {
      for (const k of criteria) {
        const here = enginePermalink(lang, k.id, 'temporal');
        const response = await page.goto(here);
        expect(response?.status(), here).toBe(200);
        await expect(page.locator('h1')).toContainText(`${k.id}`);
        await expect(page.locator('h1')).toContainText('Temporal');
        await expect(page.locator('.permalink-tools a.permalink-url')).toHaveAttribute('href', here);
        const stars = starsOf('temporal', k.id);
        if (stars !== null) await expect(page.locator('.cell-head .rating .stars')).toHaveText(starGlyphs(stars));
        else await expect(page.locator('.cell-head .status-pending')).toHaveText(unrated('temporal', k.id));
        if (measuredOn('temporal', k.id)) await expect(page.locator('article.cell')).not.toHaveClass(/cell-compact/);
        else await expect(page.locator('article.cell .cell-body')).toHaveText(t['engine.notMeasured']);
        // The command to re-run it is offered where there is a probe to run.
        const runnable = probed.get('temporal')!.has(k.id) || resultOf('temporal', k.id) !== null;
        await expect(page.locator('.permalink-tools .rerun code.command')).toHaveText(runnable ? [`npm run probes -- --engine temporal --only ${k.id}`] : []);
      }
    });

    test('the comparison matrix has every criterion × engine, and each seed claim about Temporal is measured or labelled a claim', async ({ page }) => {
      await page.goto(`/${lang}/comparison/`);
      const matrix = page.locator('table.matrix-table');
      await expect(matrix.locator('tbody tr[data-criterion]')).toHaveCount(criteria.length);
      for (const e of engines) await expect(matrix.locator(`thead th[data-engine="${e.id}"]`)).toHaveText(e.name);
      for (const k of criteria) {
        const row = matrix.locator(`tr[data-criterion="${k.id}"]`);
        for (const e of engines) {
          const cell = row.locator(`td[data-engine="${e.id}"]`);
          const measured = measuredOn(e.id, k.id);
          await expect(cell, `${k.id} ${e.id}`).toHaveAttribute('data-measured', String(measured));
          await expect(cell).toHaveAttribute('data-stars', String(starsOf(e.id, k.id) ?? ''));
          if (!measured) await expect(cell).toHaveText(t['engine.notMeasured']);
          else await expect(cell.locator('a')).toHaveAttribute('href', enginePermalink(lang, k.id, e.id));
        }
        const claim = temporalClaims.find((c) => c.criterion === k.id);
        const status = !claim ? 'none' : measuredOn('temporal', k.id) ? 'measured' : 'claim';
        await expect(row, k.id).toHaveAttribute('data-claim', status);
        if (claim) {
          await expect(row.locator('.matrix-claim .claim-text')).toHaveText(claim.text[lang].replace(/`/g, ''));
          await expect(row.locator(status === 'measured' ? '.claim-measured' : '.claim-open')).toBeVisible();
        }
      }
      const counts = page.locator('.matrix-counts');
      for (const e of engines) await expect(counts.locator(`li[data-engine="${e.id}"]`)).toHaveAttribute('data-rated', String(rated(e.id)));
      const measuredClaims = temporalClaims.filter((c) => measuredOn('temporal', c.criterion)).length;
      await expect(counts.locator('li[data-claims]')).toHaveAttribute('data-claims', String(temporalClaims.length));
      await expect(counts.locator('li[data-claims]')).toHaveAttribute('data-claims-measured', String(measuredClaims));

      // The seed's own table: each row's Temporal side measured here, or still a claim.
      for (const r of temporalComparison) {
        const cell = page.locator(`tr#tvi-${r.id} td.tvi-temporal`);
        const measured = r.temporalCriterion !== null && measuredOn('temporal', r.temporalCriterion);
        await expect(cell, r.id).toHaveAttribute('data-temporal', measured ? 'measured' : 'claim');
        await expect(cell.locator(measured ? '.tvi-measured' : '.tvi-claim')).toBeVisible();
        if (measured) await expect(cell.locator('a')).toHaveAttribute('href', enginePermalink(lang, r.temporalCriterion!, 'temporal'));
        else if (r.temporalCriterion) await expect(cell).toContainText(fill(t['cmp.temporal.notMeasured'], { id: r.temporalCriterion }));
      }
    });

    test('the list of all criteria filters by the chosen engine’s rating', async ({ page }) => {
      const visible = () => page.locator('.criteria-table tbody tr:visible').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-criterion')!));
      await page.goto(`/${lang}/criteria/?engine=temporal&stars=5`);
      await expect(page.getByLabel(t['filter.engine'], { exact: true })).toHaveValue('temporal');
      const expected = criteria.filter((k) => starsOf('temporal', k.id) === 5).map((k) => k.id);
      await expect.poll(visible).toEqual(expected);
      await expect(page.locator('[data-filter-none]')).toBeVisible({ visible: expected.length === 0 });
      // The same rating on the default engine: the engine leaves the address.
      await page.getByLabel(t['filter.engine'], { exact: true }).selectOption('inngest');
      await expect(page).not.toHaveURL(/engine=/);
      await expect.poll(visible).toEqual(criteria.filter((k) => starsOf('inngest', k.id) === 5).map((k) => k.id));
      for (const k of criteria) {
        const stars = starsOf('temporal', k.id);
        const cell = page.locator(`.criteria-table tr[data-criterion="${k.id}"] td[data-engine="temporal"][data-stars]`);
        await expect(cell).toHaveAttribute('data-stars', String(stars ?? ''));
      }
    });
  });
}

test('criteria.csv has every engine’s rating and verdict', async ({ request }) => {
  const lines = (await (await request.get('/data/criteria.csv')).text()).trimEnd().split(/\r?\n/);
  const header = lines[0]!.split(',');
  for (const e of engines) {
    const ratingAt = header.indexOf(`rating_${e.id}`);
    const verdictAt = header.indexOf(`verdict_${e.id}`);
    expect(ratingAt, e.id).toBeGreaterThan(0);
    for (const line of lines.slice(1)) {
      // No field of these rows holds a comma (names are plain), so a split is enough here.
      const fields = line.split(',');
      const id = fields[0]!;
      expect(fields[ratingAt], `${id} ${e.id}`).toBe(String(starsOf(e.id, id) ?? ''));
      expect(fields[verdictAt], `${id} ${e.id}`).toBe(resultOf(e.id, id)?.verdict ?? '');
    }
  }
});
