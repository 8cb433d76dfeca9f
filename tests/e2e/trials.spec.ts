/**
 * Trials and provenance on the built site, against the results it was built from: every cell says whether its
 * trials agreed, each check in how many trials it held (and marks the ones whose trials differ), each metric how
 * many trials it pooled, and the provenance every configuration a result ran under. Also: the addresses published
 * before results were kept per engine still answer, and each criterion has a page per engine.
 * (How a disagreement renders is tested on a fixture in tests/components/, in case the real data has none.)
 */
import { expect, test } from '@playwright/test';
import type { Check } from '../../src/schema.ts';
import { en } from '../../src/i18n/en.ts';
import { ja } from '../../src/i18n/ja.ts';
import { archivedRuns, latestResults } from '../support/results.ts';
import { categories, criteria, engineBlock, enginePermalink, langs, other, permalink, pinned } from './helpers.ts';

const dict = { en, ja };
const fill = (template: string, vars: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k]));
const files = latestResults('inngest');
const results = new Map(files.flatMap((f) => f.probes.map((p) => [p.id, p] as const)));
/** Whether a check's trials differ: in outcome, in reaching it at all, or in what they observed. */
const differs = (c: Check, trials: number) => c.seen < trials || (c.held > 0 && c.held < c.seen) || new Set(c.observations).size > 1;

for (const lang of langs) {
  const t = dict[lang];

  test.describe(`trials and provenance (${lang})`, () => {
    test('every cell with a result says whether its trials agreed, with each trial’s verdict when they did not', async ({ page }) => {
      for (const cat of categories) {
        await page.goto(`/${lang}/categories/${cat.id}/`);
        for (const k of cat.criteria) {
          const result = results.get(k.id);
          const agreement = page.locator(`article.cell[data-criterion="${k.id}"] ${engineBlock()} .output-line .agreement`);
          if (!result) {
            await expect(agreement).toHaveCount(0);
            continue;
          }
          const verdicts = result.trials.map((trial) => trial.verdict);
          const expected = new Set(verdicts).size > 1
            ? fill(t['trials.disagree'], { verdicts: verdicts.map((v) => t[`verdict.${v}`]).join(t['list.separator']) })
            : verdicts.length === 1 ? t['trials.single'] : fill(t['trials.agreed'], { n: verdicts.length });
          await expect(agreement, k.id).toHaveText(expected);
          await expect(page.locator(`article.cell[data-criterion="${k.id}"] ${engineBlock()} .cell-meta .badge`)).toHaveClass(new RegExp(`verdict-${result.verdict}`));
        }
      }
    });

    test('each check says in how many trials it held, and one whose trials differ is marked and shows every trial', async ({ page }) => {
      for (const cat of categories) {
        await page.goto(`/${lang}/categories/${cat.id}/`);
        for (const k of cat.criteria) {
          const result = results.get(k.id);
          if (!result || result.checks.length === 0) continue;
          const trials = result.trials.length;
          const rows = page.locator(`article.cell[data-criterion="${k.id}"] ${engineBlock()} table.checks tbody tr`);
          await expect(rows, k.id).toHaveCount(result.checks.length);
          for (const [i, check] of result.checks.entries()) {
            const row = rows.nth(i);
            await expect(row, `${k.id} ${check.name}`).toHaveAttribute('data-held', String(check.held));
            await expect(row.locator('.trials-held [aria-hidden]')).toHaveText(fill(t['check.held.short'], { held: check.held, trials }));
            await expect(row.locator('.spread-tag')).toHaveCount(differs(check, trials) ? 1 : 0);
            await expect(row.locator('.by-trial li')).toHaveCount(differs(check, trials) ? trials : 0);
          }
        }
      }
    });

    test('each metric says how many trials it pooled, and provenance gives the run and every configuration', async ({ page }) => {
      for (const cat of categories) {
        await page.goto(`/${lang}/categories/${cat.id}/`);
        for (const k of cat.criteria) {
          const result = results.get(k.id);
          if (!result) continue;
          const cell = page.locator(`article.cell[data-criterion="${k.id}"] ${engineBlock()}`);
          const metrics = cell.locator('table.metrics tbody tr');
          await expect(metrics, k.id).toHaveCount(result.metrics.length);
          for (const [i, m] of result.metrics.entries()) await expect(metrics.nth(i)).toHaveAttribute('data-trials', String(m.trials));
          const run = files.flatMap((f) => f.runs).find((r) => r.id === result.runId)!;
          const provenance = cell.locator('dl.provenance');
          await expect(provenance.locator('.prov-trials')).toHaveText(String(result.trials.length));
          await expect(provenance).toContainText(run.command);
          await expect(provenance).toContainText(run.gitCommit);
          for (const c of result.configs) await expect(provenance, `${k.id} ${c.mode}`).toContainText(c.stateStore);
          // With several configurations, each check and metric names its own, and the label leads to it.
          const labels = cell.locator('.config-label');
          if (result.configs.length > 1) {
            await expect(labels).toHaveCount(result.checks.length + result.metrics.length);
            for (const href of await labels.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
              await expect(cell.locator(href), href).toHaveCount(1);
            }
          } else {
            await expect(labels).toHaveCount(0);
          }
        }
      }
    });

    test('each criterion has a page for Inngest’s evidence, with its own link to copy and language switch', async ({ page }) => {
      for (const k of criteria) {
        const here = enginePermalink(lang, k.id, 'inngest');
        const response = await page.goto(here);
        expect(response?.status(), here).toBe(200);
        await expect(page.locator('h1')).toContainText(k.id);
        await expect(page.locator('h1')).toContainText('Inngest');
        await expect(page.locator('.permalink-tools a.permalink-url')).toHaveAttribute('href', here);
        await expect(page.locator('.breadcrumb a')).toHaveAttribute('href', permalink(lang, k.id));
        await expect(page.locator(`.lang-switch a[hreflang="${other(lang)}"]`)).toHaveAttribute('href', enginePermalink(other(lang), k.id, 'inngest'));
        await expect(page.locator('article.cell .agreement')).toHaveCount(results.has(k.id) ? 1 : 0);
      }
    });
  });
}

test.describe('addresses published before results were kept per engine', () => {
  const legacy = archivedRuns('inngest').filter((r) => r.schemaVersion === 1);

  test('a criterion’s page and a run archived in schema version 1 still answer, in both languages', async ({ page }) => {
    expect(legacy.length, 'the archive holds version-1 runs').toBeGreaterThan(0);
    const record = legacy[0]!;
    const id = record.probes[0]!.id;
    for (const lang of langs) {
      expect((await page.goto(permalink(lang, id)))?.status()).toBe(200);
      expect((await page.goto(pinned(lang, id, record.run.id)))?.status()).toBe(200);
      await expect(page.locator('article.pinned')).toHaveAttribute('data-run', record.run.id);
      await expect(page.locator('.output-line, .cell-meta').locator('.agreement')).toHaveText(dict[lang]['trials.single']);
      await expect(page.locator('.prov-legacy')).toBeVisible();
    }
    const raw = await page.request.get(`/data/history/${record.run.id}.json`);
    expect(raw.status()).toBe(200);
    expect((await raw.json()).schemaVersion).toBe(1);
  });

  test('the raw data keeps its addresses: Inngest’s results by category, the schema and the CSV', async ({ request }) => {
    for (const file of files) {
      for (const path of [`/data/results/${file.category}.json`, `/data/results/inngest/${file.category}.json`]) {
        const res = await request.get(path);
        expect(res.status(), path).toBe(200);
        expect(await res.json(), path).toMatchObject({ schemaVersion: 2, engine: 'inngest', category: file.category });
      }
    }
    for (const path of ['/data/results-schema.json', '/data/criteria.csv']) expect((await request.get(path)).status(), path).toBe(200);
  });
});
