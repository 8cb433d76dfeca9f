import { describe, expect, test } from 'vitest';
import { evidenceJa, expectedJa, unitJa } from '../../src/i18n/evidence/index.ts';
import { inngestJa } from '../../src/i18n/evidence/inngest/ja/index.ts';
import { temporalJa } from '../../src/i18n/evidence/temporal/ja/index.ts';
import { englishWords } from '../e2e/english-words.ts';
import { upgradeRecord, type EngineId, type ProbeResult } from '../../src/schema.ts';
import { archivedRuns, latestResults, RESULTS_DIR } from '../support/results.ts';

/**
 * What a Japanese page shows of one result, as the components ask for it: [kind, criterion, English]; the criterion
 * is null for what the engine's driver wrote (a configuration's state store).
 */
type Shown = ['text' | 'expected' | 'unit', string | null, string];

function shownBy(result: ProbeResult): Shown[] {
  const out: Shown[] = [];
  for (const part of [result, ...result.trials]) {
    for (const c of part.checks) out.push(['text', result.id, c.name], ['expected', result.id, c.expected]);
    for (const m of part.metrics) out.push(['text', result.id, m.name], ['unit', result.id, m.unit]);
    for (const n of part.notes) out.push(['text', result.id, n]);
    if (part.skipReason) out.push(['text', result.id, part.skipReason]);
    if (part.error) out.push(['text', result.id, part.error.message]);
  }
  for (const c of result.configs) out.push(['text', null, c.stateStore]);
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
  // Inngest has committed results; an engine whose first results are not committed yet is checked once they are.
  for (const [engine, required] of [['inngest', true], ['temporal', false]] as const) {
    const shown = everyShown(engine);

    test.skipIf(!required && shown.length === 0)(`covers every check, metric, unit, note, skip reason, error and state store in ${RESULTS_DIR}/${engine} (latest and archive)`, () => {
      expect(shown.length).toBeGreaterThan(0);
      const missing = shown.filter((s) => untranslated(engine, s)).map(([kind, id, text]) => `${id} ${kind}: ${JSON.stringify(text)}`);
      expect(missing, `no Japanese in src/i18n/evidence/${engine}/ja/ for:\n${missing.join('\n')}`).toEqual([]);
    });
  }
});

describe('evidenceJa()', () => {
  test('translates a variant and what was checked in it apart, keeping the mode as code', () => {
    expect(evidenceJa('inngest', 'EX-04', 'dev: the sleeping run finishes after the restart')).toEqual([
      { code: 'dev' },
      { text: '：スリープ中の実行が再起動の後に完了する' },
    ]);
  });

  test('keeps a value a string carries as it is, and a raw one as code', () => {
    expect(evidenceJa('inngest', 'WF-06', 'Batch sizes: [5,5,2]')).toEqual([{ text: 'バッチのサイズ：' }, { code: '[5,5,2]' }]);
    expect(evidenceJa('inngest', 'WF-05', 'all 30 sleeps woke')).toEqual([{ text: '30 件のスリープがすべて再開した' }]);
  });

  test('has nothing for a string it was never given, even when its variant is known', () => {
    expect(evidenceJa('inngest', 'EX-04', 'dev: a check written after the table')).toBeNull();
    expect(evidenceJa('inngest', 'EX-04', 'a check written after the table')).toBeNull();
  });

  test("reads one criterion's entries only for that criterion", () => {
    expect(evidenceJa('inngest', 'AI-04', 'clean')).not.toBeNull();
    expect(evidenceJa('inngest', 'EX-01', 'clean')).toBeNull();
  });

  test('translates what a driver wrote without a criterion', () => {
    expect(evidenceJa('inngest', null, 'dev server defaults: in-memory Redis and SQLite, lost when the server stops')).not.toBeNull();
  });
});

describe('expectedJa()', () => {
  test('keeps numbers, JSON and status words as code', () => {
    for (const raw of ['1', 'true', 'null', '{"status":"COMPLETED"}', '["v1","v2"]', 'COMPLETED'])
      expect(expectedJa('inngest', 'EX-01', raw)).toEqual([{ code: raw }]);
  });

  test("keeps what a criterion lists as its program's output as code", () => {
    expect(expectedJa('inngest', 'DX-03', 'Hello, round 2')).toEqual([{ code: 'Hello, round 2' }]);
  });

  test('translates prose, and has nothing for prose it was never given', () => {
    expect(expectedJa('inngest', 'RT-03', '≤ 6')).toEqual([{ text: '6 以下' }]);
    expect(expectedJa('inngest', 'RT-03', 'some new expectation')).toBeNull();
  });
});

describe('unitJa()', () => {
  test('translates worded units, keeps symbols, and has nothing for a worded unit it was never given', () => {
    expect(unitJa('inngest', 'runs/s')).toBe('件/秒');
    expect(unitJa('inngest', '%')).toBe('%');
    expect(unitJa('inngest', 'widgets')).toBeNull();
  });
});

describe("the Japanese tables' patterns", () => {
  test('use only the captures they have', () => {
    const bad: string[] = [];
    for (const table of [inngestJa, temporalJa].flatMap((ja) => [ja.common, ...Object.values(ja.criteria)])) {
      for (const [pattern, template] of table.patterns ?? []) {
        const groups = new RegExp(`${pattern.source}|`).exec('')!.length - 1;
        const used = [...template.matchAll(/[$](\d)|\{(\d)\}/g)].map((m) => Number(m[1] ?? m[2]));
        if (used.some((n) => n < 1 || n > groups)) bad.push(`${pattern} → ${template}`);
      }
    }
    expect(bad).toEqual([]);
  });
});

describe('englishWords()', () => {
  test('finds the English of an untranslated check', () => {
    expect(englishWords('dev: the sleeping run finishes after the restart')).toEqual(['dev', 'the', 'sleeping', 'run', 'finishes', 'after', 'the', 'restart']);
  });

  test('passes Japanese, identifiers, status words, numbers, units and the allowed names', () => {
    expect(englishWords('EX-01 の `step.run` は COMPLETED、p50 は 120 ms、run_* 系列、Inngest と Redis、v1、API')).toEqual([]);
  });
});
