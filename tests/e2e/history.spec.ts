/**
 * History, pinning and freshness, checked against the data the site was built from: Inngest's archive
 * (results/inngest/history/, records of either schema version) and its latest files (results/inngest/), joined the
 * way the site joins them.
 */
import { expect, test } from '@playwright/test';
import { hashFile, idOfFile, listProbeFiles } from '../../runner/core/discover.ts';
import { collectHistories, compareResults } from '../../src/lib/history.ts';
import { archivedRuns, latestResults } from '../support/results.ts';
import { categories, engineBlock, enginePermalink, historyPanel, langs, other, permalink, pinned } from './helpers.ts';

const latestFiles = latestResults('inngest');
const archive = archivedRuns('inngest');
const histories = collectHistories('inngest', archive, latestFiles);
const latest = new Map(latestFiles.flatMap((f) => f.probes.map((p) => [p.id, { result: p, run: f.runs.find((r) => r.id === p.runId)! }])));
/** The sha256 of each Inngest probe file as it is now, by criterion; a result's `source` may name where it used to be. */
const currentHash = new Map(listProbeFiles(process.cwd(), 'inngest').map((f) => [idOfFile(f), hashFile(f)]));
/** The criterion with the most recorded runs, and one whose latest two runs differ, if any. */
const [mostRuns] = [...histories].sort((a, b) => b[1].length - a[1].length);
const changed = [...histories].find(([, e]) => e.length > 1 && compareResults(e[e.length - 2]!.result, e[e.length - 1]!.result).metricDeltas.length > 0);

test('the data has history to show', () => {
  expect(histories.size).toBeGreaterThan(0);
  expect(mostRuns).toBeDefined();
});

for (const lang of langs) {
  test.describe(`history (${lang})`, () => {
    test('each criterion with a run shows its history table, newest first, linking to pinned pages', async ({ page }) => {
      for (const [id, entries] of histories) {
        await page.goto(permalink(lang, id));
        const rows = page.locator(`${historyPanel()} table.history tbody tr`);
        await expect(rows, id).toHaveCount(entries.length);
        const newestFirst = [...entries].reverse();
        for (const [i, entry] of newestFirst.entries()) {
          const row = rows.nth(i);
          await expect(row, `${id} row ${i}`).toHaveAttribute('data-run', entry.run.id);
          await expect(row).toHaveAttribute('data-verdict', entry.result.verdict);
          await expect(row.locator('a.run-link')).toHaveAttribute('href', pinned(lang, id, entry.run.id));
        }
        await expect(rows.last().locator('.change-none, .changes')).toHaveCount(0);
        await expect(page.locator(`${historyPanel()} a.pinned-url`)).toHaveAttribute('href', pinned(lang, id, newestFirst[0]!.run.id));
      }
    });

    test('every pinned page resolves and shows the verdict its run recorded', async ({ request }) => {
      for (const [id, entries] of histories) {
        for (const entry of entries) {
          const response = await request.get(pinned(lang, id, entry.run.id));
          expect(response.status(), `${id} ${entry.run.id}`).toBe(200);
          const html = await response.text();
          expect(html).toContain(`data-run="${entry.run.id}"`);
          const head = html.slice(html.indexOf('<header class="cell-head"'), html.indexOf('</header>', html.indexOf('<header class="cell-head"')));
          expect(head, `${id} ${entry.run.id}`).toContain(`verdict-${entry.result.verdict}`);
          // Warned exactly when the probe file no longer hashes as it did in that run.
          const changed = currentHash.get(id) !== entry.result.sourceHash;
          expect(/class="[^"]*\bsource-changed\b/.test(html), `${id} ${entry.run.id} source changed: ${changed}`).toBe(changed);
        }
      }
    });

    test('a pinned page shows its run, links to the latest, and keeps the run across the language switch', async ({ page }) => {
      const [id, entries] = mostRuns!;
      const oldest = entries[0]!;
      await page.goto(pinned(lang, id, oldest.run.id));
      await expect(page.locator('h1')).toContainText(id);
      await expect(page.locator('.pinned .cell-meta .badge')).toHaveClass(new RegExp(`verdict-${oldest.result.verdict}`));
      await expect(page.locator('.provenance')).toContainText(oldest.run.id);
      await expect(page.locator('.pinned-status a.newer-run')).toHaveCount(entries.length > 1 ? 1 : 0);
      if (oldest.origin !== 'latest') {
        // The raw record is served as archived, in the schema version it was written in.
        const raw = await page.request.get((await page.locator('.raw-run a').getAttribute('href'))!);
        const record = await raw.json();
        expect(record).toEqual(archive.find((r) => r.run.id === oldest.run.id));
      }
      await expect(page.locator('.prov-legacy')).toHaveCount(oldest.legacy ? 1 : 0);
      await page.locator('.breadcrumb a').click();
      await expect(page).toHaveURL(new RegExp(`${enginePermalink(lang, id, 'inngest')}$`));
      await page.goto(pinned(lang, id, oldest.run.id));
      await page.locator(`.lang-switch a[hreflang="${other(lang)}"]`).click();
      await expect(page).toHaveURL(new RegExp(`${pinned(other(lang), id, oldest.run.id)}$`));
    });

    test('the changes column spells out what changed since the previous run', async ({ page }) => {
      test.skip(!changed, 'no criterion has two runs whose metrics differ');
      const [id, entries] = changed!;
      const change = compareResults(entries[entries.length - 2]!.result, entries[entries.length - 1]!.result);
      await page.goto(permalink(lang, id));
      const row = page.locator(`${historyPanel()} table.history tbody tr`).first();
      await expect(row.locator('.change-metric')).toHaveCount(change.metricDeltas.length);
      await expect(row.locator('.change-flipped')).toHaveCount(change.checksFlipped.length);
      await expect(row.locator('.change-verdict')).toHaveCount(change.verdict ? 1 : 0);
    });

    test('the pinned-link button copies the pinned URL', async ({ page, context }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const [id, entries] = mostRuns!;
      const newest = entries[entries.length - 1]!;
      await page.goto(permalink(lang, id));
      await page.locator(`${historyPanel()} .pinned-copy-button`).click();
      await expect(page.locator(`${historyPanel()} .pinned-copy-status`)).not.toBeEmpty();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(new RegExp(`${pinned(lang, id, newest.run.id)}$`));
    });

    test('each cell says when and against which server and SDK it was measured, and links latest and pinned', async ({ page }) => {
      for (const cat of categories) {
        await page.goto(`/${lang}/categories/${cat.id}/`);
        for (const k of cat.criteria) {
          const found = latest.get(k.id);
          const cell = page.locator(`article.cell[data-criterion="${k.id}"] ${engineBlock()}`);
          if (!found) {
            await expect(cell.locator('.freshness')).toHaveCount(0);
            continue;
          }
          const line = cell.locator('.freshness-line');
          for (const config of found.result.configs) {
            await expect(line, k.id).toContainText(config.version);
            await expect(line).toContainText(config.sdk.version);
          }
          await expect(line.locator('time')).toHaveAttribute('datetime', found.run.startedAt);
          await expect(cell.locator('a.link-latest')).toHaveAttribute('href', enginePermalink(lang, k.id, 'inngest'));
          await expect(cell.locator('a.link-pinned')).toHaveAttribute('href', pinned(lang, k.id, found.result.runId));
        }
      }
    });

    test('a stale warning shows exactly where the probe file changed after its last result', async ({ page }) => {
      for (const cat of categories) {
        await page.goto(`/${lang}/categories/${cat.id}/`);
        for (const k of cat.criteria) {
          const found = latest.get(k.id);
          if (!found) continue;
          const stale = currentHash.get(k.id) !== found.result.sourceHash;
          const warning = page.locator(`article.cell[data-criterion="${k.id}"] ${engineBlock()} .freshness [role="status"].stale`);
          await expect(warning, `${k.id} stale=${stale}`).toHaveCount(stale ? 1 : 0);
          if (stale) await expect(warning).toContainText(found.result.sourceHash.slice(0, 12));
        }
      }
    });
  });
}
