import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hashFile } from '../../runner/discover.ts';
import { collectHistories, compareResults, isStale, isUnchanged, keyMetrics, templateParts } from '../../src/lib/history.ts';
import type { ProbeResult, ResultsFile, RunInfo, RunRecord } from '../../src/schema.ts';

const run = (id: string, startedAt: string): RunInfo => ({
  id, startedAt, finishedAt: startedAt, durationMs: 0, command: 'npm run probes',
  engine: { kind: 'dev', source: 'started', serverVersion: '1.43.0', flags: [], stateStore: 'in-memory' },
  sdkVersion: '4.24.0', node: 'v24', os: 'linux', cpus: 2, gitCommit: 'abc',
});
const result = (id: string, runId: string, over: Partial<ProbeResult> = {}): ProbeResult => ({
  id, runId, verdict: 'pass', durationMs: 1, checks: [{ name: 'c', expected: '1', observed: '1', ok: true }], metrics: [], notes: [],
  source: `src/probes/ex/${id.toLowerCase()}-x.ts`, sourceHash: 'b'.repeat(64), ...over,
});
const record = (r: RunInfo, probes: ProbeResult[], backfilledFrom?: string[]): RunRecord => ({ schemaVersion: 1, run: r, probes, ...(backfilledFrom ? { backfilledFrom } : {}) });

describe('collectHistories()', () => {
  const early = run('run-a', '2026-11-24T05:00:00.000Z');
  const late = run('run-b', '2026-11-24T06:00:00.000Z');
  const latestOnly = run('run-c', '2026-11-24T07:00:00.000Z');
  test('lists each criterion’s runs oldest first, from the archive and the latest files together', () => {
    const latest: ResultsFile = { schemaVersion: 1, category: 'ex', runs: [late, latestOnly], probes: [result('EX-01', 'run-c'), result('EX-02', 'run-b')] };
    const histories = collectHistories([record(late, [result('EX-01', 'run-b'), result('EX-02', 'run-b')]), record(early, [result('EX-01', 'run-a')], ['f'.repeat(40)])], [latest]);
    expect(histories.get('EX-01')!.map((e) => [e.run.id, e.origin])).toEqual([['run-a', 'backfill'], ['run-b', 'archive'], ['run-c', 'latest']]);
    expect(histories.get('EX-02')!.map((e) => [e.run.id, e.origin])).toEqual([['run-b', 'archive']]);
    expect(histories.get('EX-01')![0]!.backfilledFrom).toEqual(['f'.repeat(40)]);
    expect(histories.has('EX-03')).toBe(false);
  });
});

describe('compareResults()', () => {
  test('spots a verdict change, checks added, removed and flipped, and metric deltas', () => {
    const before = result('EX-01', 'a', {
      checks: [{ name: 'kept', expected: '1', observed: '1', ok: true }, { name: 'gone', expected: '1', observed: '1', ok: true }],
      metrics: [{ name: 'latency', unit: 'ms', summary: { n: 3, p50: 10, p95: 20, min: 1, max: 30 } }, { name: 'same', unit: 'runs', value: 2 }],
    });
    const after = result('EX-01', 'b', {
      verdict: 'fail',
      checks: [{ name: 'kept', expected: '1', observed: '2', ok: false }, { name: 'new', expected: '1', observed: '1', ok: true }],
      metrics: [{ name: 'latency', unit: 'ms', summary: { n: 3, p50: 12, p95: 20, min: 1, max: 30 } }, { name: 'same', unit: 'runs', value: 2 }],
    });
    expect(compareResults(before, after)).toEqual({
      verdict: { from: 'pass', to: 'fail' },
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
    const twice = (ok: boolean) => result('EX-01', 'a', { verdict: ok ? 'pass' : 'fail', checks: [{ name: 'x', expected: '', observed: '', ok: true }, { name: 'x', expected: '', observed: '', ok }] });
    expect(compareResults(twice(true), twice(false)).checksFlipped).toEqual([{ name: 'x', from: true, to: false }]);
  });
});

describe('keyMetrics()', () => {
  test('takes the first metrics in the probe’s order', () => {
    const r = result('EX-01', 'a', { metrics: [1, 2, 3].map((v) => ({ name: `m${v}`, unit: 'ms', value: v })) });
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
