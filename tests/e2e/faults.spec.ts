/**
 * The fault matrix page in both languages: every cell of every engine's matrix is on it with the outcome and
 * counts the results file holds, links to an anchor with that cell's runs and crashes, and the configurations left
 * out say why with their source.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { FAULTS_FILE, parseFaultMatrix, type FaultMatrix } from '../../src/schema.ts';
import { cellAnchor } from '../../src/lib/faults.ts';
import { RESULTS_DIR } from '../support/results.ts';
import { englishWords } from './english-words.ts';
import { engines, langs, other } from './helpers.ts';

/** Each engine's matrix, from the results the site was built from. */
const matrices: FaultMatrix[] = engines
  .map((e) => join(RESULTS_DIR, e.id, FAULTS_FILE))
  .filter((file) => existsSync(file))
  .map((file) => parseFaultMatrix(JSON.parse(readFileSync(file, 'utf8')), file));

test('there is a fault matrix to show, with at least five runs in every cell of a pair measured whole', () => {
  expect(matrices.length).toBeGreaterThan(0);
  for (const m of matrices)
    for (const c of m.configurations)
      for (const p of c.pairs.filter((x) => !x.error))
        for (const cell of p.cells) expect(cell.runs, `${m.engine} ${c.id} ${p.fault.id} ${cell.moment}`).toBeGreaterThanOrEqual(5);
});

for (const lang of langs) {
  test(`every cell shows its outcome and counts and links to its evidence (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/faults/`);
    await expect(page.locator('h1')).toBeVisible();
    for (const m of matrices) {
      for (const c of m.configurations) {
        const table = page.locator(`table.fault-matrix[data-engine="${m.engine}"][data-config="${c.id}"]`);
        await expect(table.locator('tbody tr')).toHaveCount(c.pairs.length);
        for (const p of c.pairs) {
          for (const cell of p.cells) {
            const td = table.locator(`tr[data-fault="${p.fault.id}"] td[data-moment="${cell.moment}"]`);
            await expect(td).toHaveAttribute('data-outcome', cell.outcome);
            const completed = cell.observed.filter((r) => r.outcome === 'completed').length;
            await expect(td).toContainText(String(cell.runs));
            await expect(td).toContainText(String(completed));
            const anchor = cellAnchor(m.engine, c.id, p.fault.id, cell.moment);
            await expect(td.locator('a')).toHaveAttribute('href', `#${anchor}`);
            const evidence = page.locator(`section.fault-evidence[id="${anchor}"]`);
            await expect(evidence).toHaveAttribute('data-outcome', cell.outcome);
            await expect(evidence.locator('table.fault-runs tbody tr')).toHaveCount(cell.runs);
            await expect(evidence.locator('table.fault-crashes tbody tr')).toHaveCount(p.crashes.length);
          }
        }
        for (const o of c.omitted) await expect(page.locator(`section[aria-labelledby="${m.engine}--${c.id}"] .fault-omitted li[data-fault="${o.fault}"]`)).toHaveCount(1);
      }
      for (const o of m.omittedConfigurations) {
        const item = page.locator(`.fault-omitted-configs li[data-config="${o.id}"]`);
        await expect(item).toBeVisible();
        if (o.source) await expect(item.locator(`a[href="${o.source}"]`)).toBeVisible();
      }
    }
  });

  test(`following a cell lands on its runs, each named by its tag (${lang})`, async ({ page }) => {
    // The worst cell of the first matrix: where a reader most wants the evidence.
    const order = ['lost', 'stuck', 'repeated', 'held'];
    const m = matrices[0]!;
    const cells = m.configurations.flatMap((c) => c.pairs.flatMap((p) => p.cells.map((cell) => ({ c, p, cell }))));
    const { c, p, cell } = cells.sort((a, b) => order.indexOf(a.cell.outcome) - order.indexOf(b.cell.outcome))[0]!;
    await page.goto(`/${lang}/faults/`);
    await page.locator(`table.fault-matrix[data-config="${c.id}"] tr[data-fault="${p.fault.id}"] td[data-moment="${cell.moment}"] a`).click();
    const anchor = cellAnchor(m.engine, c.id, p.fault.id, cell.moment);
    await expect(page).toHaveURL(new RegExp(`#${anchor}$`));
    const evidence = page.locator(`section[id="${anchor}"]`);
    await expect(evidence).toBeInViewport();
    for (const r of cell.observed) await expect(evidence.locator('table.fault-runs code', { hasText: r.tag })).toHaveCount(1);
  });

  test(`every quoted cell links to evidence on the page and says what the matrix holds (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/faults/`);
    const quotes = page.locator('.fault-quote');
    expect(await quotes.count()).toBeGreaterThan(0);
    for (const quote of await quotes.all()) {
      const [engine, config, fault, moment] = await Promise.all(['engine', 'config', 'fault', 'moment'].map((a) => quote.getAttribute(`data-${a}`)));
      const cell = matrices.find((m) => m.engine === engine)!.configurations.find((c) => c.id === config)!.pairs.find((p) => p.fault.id === fault)!.cells.find((c) => c.moment === moment)!;
      await expect(quote).toHaveAttribute('data-outcome', cell.outcome);
      const counted = { lost: cell.lost.runs, stuck: cell.stuck.runs, repeated: cell.repeated.runs, held: cell.runs }[cell.outcome];
      await expect(quote).toContainText(String(counted));
      const href = (await quote.locator('a').getAttribute('href'))!;
      expect(href).toBe(`/${lang}/faults/#${cellAnchor(engine!, config!, fault!, moment as never)}`);
      await expect(page.locator(`section.fault-evidence[id="${href.split('#')[1]}"]`)).toHaveCount(1);
    }
  });

  test(`the language switch keeps the reader on the fault matrix (${lang})`, async ({ page }) => {
    await page.goto(`/${lang}/faults/`);
    await page.locator(`.lang-switch a[hreflang="${other(lang)}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/${other(lang)}/faults/$`));
    await expect(page.locator(`.site-nav a[href="/${other(lang)}/faults/"]`)).toHaveCount(1);
  });
}

test('the Japanese fault matrix has no English outside code, raw values and marked originals', async ({ page }) => {
  // The same reading as japanese-text.spec.ts, on this page alone, so a new string fails here first.
  await page.goto('/ja/faults/');
  const texts = await page.evaluate(() => {
    const EXEMPT = 'script, style, template, code, pre, kbd, samp, [lang]:not([lang^="ja"])';
    const out: string[] = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (!n.parentElement?.closest(EXEMPT) && n.textContent?.trim()) out.push(n.textContent);
    return out;
  });
  expect([...new Set(texts.flatMap(englishWords))]).toEqual([]);
});
