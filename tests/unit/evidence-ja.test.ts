import { describe, expect, test } from 'vitest';
import { evidenceJa, expectedJa, plainText, unitJa, type Segment } from '../../src/i18n/evidence/index.ts';
import { upgradeRecord, type EngineId, type ProbeResult } from '../../src/schema.ts';
import { archivedRuns, latestResults, RESULTS_DIR } from '../support/results.ts';

/** What a Japanese page shows of one result, as the components ask for it: [kind, criterion, English]. */
type Shown = ['text' | 'expected' | 'unit', string, string];

function shownBy(result: ProbeResult): Shown[] {
  const out: Shown[] = [];
  for (const part of [result, ...result.trials]) {
    for (const c of part.checks) out.push(['text', result.id, c.name], ['expected', result.id, c.expected]);
    for (const m of part.metrics) out.push(['text', result.id, m.name], ['unit', result.id, m.unit]);
    for (const n of part.notes) out.push(['text', result.id, n]);
    if (part.skipReason) out.push(['text', result.id, part.skipReason]);
    if (part.error) out.push(['text', result.id, part.error.message]);
  }
  return out;
}

/** Every distinct string an engine's results show, latest files and archive alike. */
function everyShown(engine: EngineId): Shown[] {
  const results = [
    ...latestResults(engine).flatMap((f) => f.probes),
    ...archivedRuns(engine).flatMap((r) => upgradeRecord(r).probes),
  ];
  const seen = new Map<string, Shown>();
  for (const s of results.flatMap(shownBy)) seen.set(JSON.stringify(s), s);
  return [...seen.values()];
}

const untranslated = (engine: EngineId, [kind, id, text]: Shown) =>
  (kind === 'text' ? evidenceJa(engine, id, text) : kind === 'expected' ? expectedJa(engine, id, text) : unitJa(engine, text)) === null;

describe('the Japanese of recorded evidence', () => {
  const shown = everyShown('inngest');

  test(`covers every check, metric, unit, note, skip reason and error in ${RESULTS_DIR}/inngest (latest and archive)`, () => {
    expect(shown.length).toBeGreaterThan(0);
    const missing = shown.filter((s) => untranslated('inngest', s)).map(([kind, id, text]) => `${id} ${kind}: ${JSON.stringify(text)}`);
    expect(missing, `no Japanese in src/i18n/evidence/inngest/ja/ for:\n${missing.join('\n')}`).toEqual([]);
  });
});
