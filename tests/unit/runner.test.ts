import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { idOfFile, listProbeFiles, selectProbeFiles } from '../../runner/discover.ts';
import { findBinary, HOW_TO_GET_A_SERVER } from '../../runner/engine.ts';
import { Recorder } from '../../runner/recorder.ts';
import { mergeResults, readResults, writeResults } from '../../runner/results.ts';
import { settleScenario } from '../../runner/run-probe.ts';
import { runScheduled } from '../../runner/schedule.ts';
import { summarise as summariseSamples } from '../../runner/stats.ts';
import type { ProbeResult, ResultsFile, RunInfo } from '../../src/schema.ts';

const files = ['src/probes/ex/ex-01-progress.ts', 'src/probes/ex/ex-03-idempotency.ts', 'src/probes/rt/rt-01-retry.ts'];

describe('selectProbeFiles()', () => {
  test('selects one criterion by id, in any case', () => {
    expect(selectProbeFiles(files, ['ex-03'])).toEqual(['src/probes/ex/ex-03-idempotency.ts']);
  });
  test('selects a whole category', () => {
    expect(selectProbeFiles(files, ['EX'])).toHaveLength(2);
  });
  test('takes comma-separated and repeated selectors', () => {
    expect(selectProbeFiles(files, ['EX-01,RT-01'])).toHaveLength(2);
    expect(selectProbeFiles(files, ['EX-01', 'RT'])).toHaveLength(2);
  });
  test('selects everything without --only', () => {
    expect(selectProbeFiles(files, undefined)).toEqual(files);
  });
  test('rejects an unknown criterion instead of running nothing', () => {
    expect(() => selectProbeFiles(files, ['EX-99'])).toThrow(/Unknown criterion/);
    expect(() => selectProbeFiles(files, ['ZZ'])).toThrow(/no such category/);
  });
  test('says so when a real criterion has no probe yet', () => {
    expect(() => selectProbeFiles(files, ['AI-01'])).toThrow(/no probe file/);
  });
});

describe('listProbeFiles()', () => {
  test('finds the EX probes, one per criterion, named after their ids', () => {
    const found = listProbeFiles(process.cwd()).filter((f) => f.includes('/ex/'));
    expect(found.map(idOfFile)).toEqual(['EX-01', 'EX-02', 'EX-03', 'EX-04', 'EX-05', 'EX-06', 'EX-07']);
  });
});

describe('settleScenario()', () => {
  test('records an overrun as error and aborts the scenario', async () => {
    let aborted = false;
    const outcome = await settleScenario((signal) => new Promise(() => signal.addEventListener('abort', () => (aborted = true))), 50, new Recorder());
    expect(outcome.verdict).toBe('error');
    expect(outcome.error?.message).toMatch(/exceeded its budget of 50 ms/);
    expect(aborted).toBe(true);
  });
  test('records a thrown error with its message', async () => {
    const outcome = await settleScenario(async () => { throw new Error('worker never came up'); }, 1000, new Recorder());
    expect(outcome).toEqual({ verdict: 'error', error: { message: 'worker never came up' } });
  });
  test('refuses to pass a scenario that checked nothing', async () => {
    const outcome = await settleScenario(async () => {}, 1000, new Recorder());
    expect(outcome.verdict).toBe('error');
  });
  test('fails when one check fails, passes when all hold', async () => {
    const failing = new Recorder();
    expect((await settleScenario(async () => { failing.check('a', 1, 1); failing.check('b', 1, 2); }, 1000, failing)).verdict).toBe('fail');
    const passing = new Recorder();
    expect((await settleScenario(async () => { passing.check('a', { x: [1] }, { x: [1] }); }, 1000, passing)).verdict).toBe('pass');
  });
});

describe('runScheduled()', () => {
  test('runs exclusive jobs with nothing beside them, and shared jobs side by side', async () => {
    let inFlight = 0;
    const seen: { name: string; beside: number }[] = [];
    const jobs = [
      { name: 'a', exclusive: false }, { name: 'x', exclusive: true }, { name: 'b', exclusive: false }, { name: 'c', exclusive: false },
    ];
    const out = await runScheduled(jobs, 3, async (job) => {
      inFlight++;
      seen.push({ name: job.name, beside: inFlight - 1 });
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return job.name;
    });
    expect(out).toEqual(['a', 'x', 'b', 'c']);
    expect(seen.find((s) => s.name === 'x')!.beside).toBe(0);
    expect(Math.max(...seen.filter((s) => s.name !== 'x').map((s) => s.beside))).toBeGreaterThan(0);
  });
});

const run = (id: string): RunInfo => ({
  id, startedAt: '2026-11-24T05:00:00.000Z', finishedAt: '2026-11-24T05:01:00.000Z', durationMs: 60000, command: 'npm run probes',
  engine: { kind: 'dev', source: 'started', serverVersion: '1.43.0', flags: [], stateStore: 'in-memory' },
  sdkVersion: '4.24.0', node: 'v24', os: 'linux', cpus: 2, gitCommit: 'abc',
});
const probe = (id: string, runId: string): ProbeResult => ({
  id, runId, verdict: 'pass', durationMs: 1, checks: [{ name: 'c', expected: '1', observed: '1', ok: true }], metrics: [], notes: [],
  source: `src/probes/ex/${id.toLowerCase()}-x.ts`, sourceHash: 'b'.repeat(64),
});

describe('mergeResults()', () => {
  test('replaces the probes that ran and keeps the others with their own run', () => {
    const previous: ResultsFile = { schemaVersion: 1, category: 'ex', runs: [run('old')], probes: [probe('EX-01', 'old'), probe('EX-02', 'old')] };
    const merged = mergeResults(previous, 'ex', run('new'), [probe('EX-02', 'new')]);
    expect(merged.probes.map((p) => [p.id, p.runId])).toEqual([['EX-01', 'old'], ['EX-02', 'new']]);
    expect(merged.runs.map((r) => r.id)).toEqual(['old', 'new']);
  });
  test('drops runs that no probe refers to any more', () => {
    const previous: ResultsFile = { schemaVersion: 1, category: 'ex', runs: [run('old')], probes: [probe('EX-01', 'old')] };
    expect(mergeResults(previous, 'ex', run('new'), [probe('EX-01', 'new')]).runs.map((r) => r.id)).toEqual(['new']);
  });
  test('keeps catalog order whatever order probes finished in', () => {
    const merged = mergeResults(null, 'ex', run('r'), [probe('EX-03', 'r'), probe('EX-01', 'r')]);
    expect(merged.probes.map((p) => p.id)).toEqual(['EX-01', 'EX-03']);
  });
});

describe('writeResults()', () => {
  test('writes a valid file and leaves no temporary file behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'results-'));
    writeResults(dir, mergeResults(null, 'ex', run('r'), [probe('EX-01', 'r')]));
    expect(readdirSync(dir)).toEqual(['ex.json']);
    expect(readResults(join(dir, 'ex.json'))!.probes).toHaveLength(1);
  });
  test('refuses invalid results and leaves the previous file intact', () => {
    const dir = mkdtempSync(join(tmpdir(), 'results-'));
    writeResults(dir, mergeResults(null, 'ex', run('r'), [probe('EX-01', 'r')]));
    const before = readFileSync(join(dir, 'ex.json'), 'utf8');
    const bad = mergeResults(null, 'ex', run('r'), [{ ...probe('EX-01', 'r'), checks: [] }]);
    expect(() => writeResults(dir, bad)).toThrow(/ex\.json[\s\S]*verdict/);
    expect(readFileSync(join(dir, 'ex.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['ex.json']);
  });
});

describe('findBinary()', () => {
  test('returns null, not a fake, when no binary exists anywhere', () => {
    const empty = mkdtempSync(join(tmpdir(), 'nobin-'));
    expect(findBinary({ PATH: empty }, empty)).toBeNull();
    expect(HOW_TO_GET_A_SERVER).toMatch(/INNGEST_BIN/);
  });
  test('prefers the binary named by INNGEST_BIN', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bin-'));
    const bin = join(dir, 'inngest');
    writeFileSync(bin, '#!/bin/sh\necho 1.0.0\n', { mode: 0o755 });
    expect(findBinary({ INNGEST_BIN: bin, PATH: '' }, dir)).toEqual({ path: bin, via: 'env' });
  });
  test('rejects an INNGEST_BIN that is not executable', () => {
    expect(() => findBinary({ INNGEST_BIN: '/nonexistent/inngest' }, '/')).toThrow(/not an executable/);
  });
});

describe('summarise() of samples', () => {
  test('reports nearest-rank percentiles, min and max', () => {
    expect(summariseSamples([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toEqual({ n: 10, p50: 5, p95: 10, min: 1, max: 10 });
  });
});
