/** The seed's Temporal-versus-Inngest table on the comparison page: measured rows quote results, claims say so. */
import { expect, test } from '@playwright/test';
import { advice } from '../../src/catalog/advice.ts';
import { ratings } from '../../src/catalog/ratings.ts';
import { temporalComparison as rows } from '../../src/catalog/temporal-comparison.ts';
import type { Metric } from '../../src/schema.ts';
import { latestResults } from '../support/results.ts';
import { langs, permalink } from './helpers.ts';

/** Inngest's metrics by criterion, from the results files the site was built from. */
const metricsById = new Map<string, Metric[]>(latestResults('inngest').flatMap((f) => f.probes.map((p) => [p.id, p.metrics] as const)));

for (const lang of langs) {
  test(`the Temporal comparison shows every seed row, measured numbers from the results and labelled claims (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/comparison/`);
    const section = page.locator('section.tvi');
    await expect(section.locator('h2#temporal')).toBeVisible();
    const trs = section.locator('tbody tr');
    await expect(trs).toHaveCount(rows.length);
    await expect(section.locator('thead th[scope="col"]')).toHaveCount(5);

    for (const r of rows) {
      const tr = section.locator(`tr#tvi-${r.id}`);
      await expect(tr.locator('th[scope="row"]')).toHaveText(r.aspect[lang]);
      await expect(tr).toHaveAttribute('data-evidence', r.evidence.kind);
      const here = tr.locator('td.tvi-here');
      if (r.evidence.kind === 'measured') {
        const { criterion, metrics } = r.evidence;
        await expect(here.locator('.tvi-measured')).toBeVisible();
        await expect(here.locator('.tvi-claim')).toHaveCount(0);
        await expect(here.locator(`a[href="${permalink(lang, criterion)}"]`)).toBeVisible();
        const quoted = here.locator('data.metric-ref');
        await expect(quoted).toHaveCount(metrics.length);
        const recorded = metricsById.get(criterion) ?? [];
        for (const [i, ref] of metrics.entries()) {
          const m = recorded.find((x) => x.name === ref.name);
          expect(m, `${criterion}: ${ref.name}`).toBeDefined();
          const value = 'value' in m! ? m!.value : m!.summary[ref.stat ?? 'p50'];
          await expect(quoted.nth(i)).toHaveAttribute('data-metric', ref.name);
          expect(Number(await quoted.nth(i).getAttribute('value'))).toBe(value);
          await expect(quoted.nth(i)).not.toBeEmpty();
        }
      } else {
        await expect(here.locator('.tvi-claim')).toBeVisible();
        await expect(here.locator('.tvi-measured')).toHaveCount(0);
        await expect(here.locator('data.metric-ref')).toHaveCount(0);
        if (r.evidence.related) await expect(here.locator(`a[href="${permalink(lang, r.evidence.related)}"]`)).toBeVisible();
      }
    }
  });
}

for (const lang of langs) {
  test(`"Inngest or Temporal?" lists each advice item under its engine, linked to its criteria with both ratings (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/comparison/`);
    const section = page.locator('section.advice');
    await expect(section.locator('h2#advice')).toBeVisible();
    for (const item of advice) {
      const li = section.locator(`.advice-engine[data-engine="${item.engine}"] li#advice-${item.id}`);
      await expect(li.locator('p').first()).toHaveText(item.text[lang]);
      for (const id of item.criteria) {
        const cite = li.locator(`li[data-criterion="${id}"]`);
        await expect(cite.locator(`a[href="${permalink(lang, id)}"]`)).toBeVisible();
        for (const engine of ['inngest', 'temporal'] as const) {
          await expect(cite.locator(`.advice-stars[data-engine="${engine}"]`)).toHaveAttribute('data-stars', String(ratings[engine][id]!.stars));
        }
      }
    }
  });
}
