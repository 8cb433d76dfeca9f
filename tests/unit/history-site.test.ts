import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hashFile } from '../../runner/core/discover.ts';
import { collectHistories, compareResults, engineOfRecord, isStale, isUnchanged, keyMetrics, templateParts } from '../../src/lib/history.ts';
import type { Check, LegacyRunRecord, Metric, ProbeResult, ResultsFile, RunInfo, RunRecord } from '../../src/schema.ts';
import { devConfig, fixtureResult, fixtureRun } from '../fixtures/results-v2.ts';

const result = (id: string, runId: string, over: Partial<ProbeResult> = {}): ProbeResult => ({ ...fixtureResult(id, runId), ...over });
const record = (run: RunInfo, probes: ProbeResult[]): RunRecord => ({ schemaVersion: 2, run, probes });
/** A version-1 record as the archive holds it: the run's engine description instead of configurations, no trials. */
const legacy = (id: string, startedAt: string, probeIds: string[], backfilledFrom?: string[]): LegacyRunRecord => ({
  schemaVersion: 1,
  run: {
    id, startedAt, finishedAt: startedAt, durationMs: 0, command: 'npm run probes', node: 'v24', os: 'linux', cpus: 2, gitCommit: 'abc',
    engine: { kind: 'dev', source: 'started', serverVersion: '1.43.0', flags: ['dev'], stateStore: 'in-memory' }, sdkVersion: '4.24.0',
  },
  probes: probeIds.map((p) => ({
    id: p, runId: id, verdict: 'pass', durationMs: 1, checks: [{ name: 'c', expected: '1', observed: '1', ok: true }], metrics: [], notes: [],
    source: `src/probes/ex/${p.toLowerCase()}-x.ts`, sourceHash: 'b'.repeat(64),
  })),
  ...(backfilledFrom ? { backfilledFrom } : {}),
});
const check = (name: string, observed: string, ok: boolean): Check => ({ name, expected: '1', observed, ok, config: 0, held: ok ? 1 : 0, seen: 1, observations: [observed] });
const value = (name: string, unit: string, v: number): Metric => ({ name, unit, value: v, trials: 1, config: 0 });

describe('collectHistories()', () => {
  const early = legacy('run-a', '2026-11-24T05:00:00.000Z', ['EX-01'], ['f'.repeat(40)]);
  const late = fixtureRun('run-b', '2026-11-24T06:00:00.000Z');
  const latestOnly = fixtureRun('run-c', '2026-11-24T07:00:00.000Z');
  const latest: ResultsFile = { schemaVersion: 2, engine: 'inngest', category: 'ex', runs: [late, latestOnly], probes: [result('EX-01', 'run-c'), result('EX-02', 'run-b')] };

  test('lists each criterion’s runs oldest first, from the archive (either version) and the latest files together', () => {
    const histories = collectHistories('inngest', [record(late, [result('EX-01', 'run-b'), result('EX-02', 'run-b')]), early], [latest]);
    expect(histories.get('EX-01')!.map((e) => [e.run.id, e.origin, e.legacy])).toEqual([
      ['run-a', 'backfill', true],
      ['run-b', 'archive', false],
      ['run-c', 'latest', false],
    ]);
    expect(histories.get('EX-02')!.map((e) => [e.run.id, e.origin])).toEqual([['run-b', 'archive']]);
    expect(histories.get('EX-01')![0]!.backfilledFrom).toEqual(['f'.repeat(40)]);
    expect(histories.has('EX-03')).toBe(false);
  });

  test('reads a version-1 record as one trial under the engine configuration its run recorded', () => {
    const [entry] = collectHistories('inngest', [early], []).get('EX-01')!;
    expect(entry!.run).toMatchObject({ id: 'run-a', engine: 'inngest', trials: 1 });
    expect(entry!.result.trials).toHaveLength(1);
    expect(entry!.result.configs).toEqual([{ ...devConfig, version: '1.43.0', flags: ['dev'], stateStore: 'in-memory' }]);
  });

  test('keeps each engine’s runs to itself', () => {
    const temporalRun: RunInfo = { ...fixtureRun('run-t', '2026-11-24T08:00:00.000Z'), engine: 'temporal' };
    const temporalResult: ProbeResult = { ...result('EX-01', 'run-t'), engine: 'temporal', configs: [{ ...devConfig, engine: 'temporal' }] };
    const records = [early, record(temporalRun, [temporalResult])];
    expect(collectHistories('inngest', records, []).get('EX-01')!.map((e) => e.run.id)).toEqual(['run-a']);
    expect(collectHistories('temporal', records, []).get('EX-01')!.map((e) => e.run.id)).toEqual(['run-t']);
    expect(records.map(engineOfRecord)).toEqual(['inngest', 'temporal']);
  });
});

describe('compareResults()', () => {
  test('spots a verdict change, checks added, removed and flipped, and metric deltas', () => {
    const before = result('EX-01', 'a', {
      checks: [check('kept', '1', true), check('gone', '1', true)],
      metrics: [{ name: 'latency', unit: 'ms', summary: { n: 3, p50: 10, p95: 20, min: 1, max: 30 }, trials: 3, config: 0 }, value('same', 'runs', 2)],
    });
    const after = result('EX-01', 'b', {
      verdict: 'mixed',
      checks: [check('kept', '2', false), check('new', '1', true)],
      metrics: [{ name: 'latency', unit: 'ms', summary: { n: 3, p50: 12, p95: 20, min: 1, max: 30 }, trials: 3, config: 0 }, value('same', 'runs', 2)],
    });
    expect(compareResults(before, after)).toEqual({
      verdict: { from: 'pass', to: 'mixed' },
      checksAdded: ['new'],
      checksRemoved: ['gone'],
      checksFlipped: [{ name: 'kept', from: true, to: false }],
      metricDeltas: [{ name: 'latency', unit: 'ms', from: 10, to: 12 }],
    });
  });
  test('reports no change between identical results', () => {
    expect(isUnchanged(compareResults(result('EX-01', 'a'), result('EX-01', 'b')))).toBe(true);
  });
  test('compares same-named checks in order rather than collapsing them', () => {
    const twice = (ok: boolean) => result('EX-01', 'a', { verdict: ok ? 'pass' : 'fail', checks: [check('x', '', true), check('x', '', ok)] });
    expect(compareResults(twice(true), twice(false)).checksFlipped).toEqual([{ name: 'x', from: true, to: false }]);
  });
});

describe('keyMetrics()', () => {
  test('takes the first metrics in the probe’s order', () => {
    const r = result('EX-01', 'a', { metrics: [1, 2, 3].map((v) => value(`m${v}`, 'ms', v)) });
    expect(keyMetrics(r).map((m) => m.name)).toEqual(['m1', 'm2']);
  });
});

describe('isStale()', () => {
  test('is false while the probe file hashes as the runner recorded it, and true once it changes', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'probe-')), 'ex-01-x.ts');
    writeFileSync(file, 'export default 1;\n');
    const recorded = result('EX-01', 'a', { sourceHash: hashFile(file) });
    expect(isStale(recorded, hashFile(file))).toBe(false);
    writeFileSync(file, 'export default 2;\n');
    expect(isStale(recorded, hashFile(file))).toBe(true);
  });
  test('is false when there is no probe file to compare with', () => {
    expect(isStale(result('EX-01', 'a'), null)).toBe(false);
  });
});

describe('templateParts()', () => {
  test('splits an interface string around its placeholders', () => {
    expect(templateParts('Measured on {date} against {server}.')).toEqual([
      { text: 'Measured on ' }, { slot: 'date' }, { text: ' against ' }, { slot: 'server' }, { text: '.' },
    ]);
    expect(templateParts('{date}に計測')).toEqual([{ slot: 'date' }, { text: 'に計測' }]);
  });
});
