import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { idOfFile, listProbeFiles, selectProbeFiles } from '../../runner/core/discover.ts';
import { Recorder } from '../../runner/core/recorder.ts';
import { mergeResults, readResults, writeResults } from '../../runner/core/results.ts';
import { settleScenario } from '../../runner/core/scenario.ts';
import { runInLanes } from '../../runner/core/schedule.ts';
import { summarise as summariseSamples } from '../../runner/core/stats.ts';
import { findBinary, HOW_TO_GET_A_SERVER } from '../../runner/drivers/inngest/driver.ts';
import { driverFor } from '../../runner/drivers/index.ts';
import type { ResultsFile } from '../../src/schema.ts';
import { devConfig, fixtureResult as probe, fixtureRun as run } from '../fixtures/results-v2.ts';

const files = ['src/probes/inngest/ex/ex-01-progress.ts', 'src/probes/inngest/ex/ex-03-idempotency.ts', 'src/probes/inngest/rt/rt-01-retry.ts'];
const recorder = () => new Recorder(() => devConfig);

describe('selectProbeFiles()', () => {
  test('selects one criterion by id, in any case', () => {
    expect(selectProbeFiles(files, ['ex-03'])).toEqual(['src/probes/inngest/ex/ex-03-idempotency.ts']);
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
  test("finds an engine's EX probes in its own folder, one per criterion, named after their ids", () => {
    const found = listProbeFiles(process.cwd(), 'inngest').filter((f) => f.includes('/ex/'));
    expect(found.every((f) => f.startsWith('src/probes/inngest/ex/'))).toBe(true);
    expect(found.map(idOfFile)).toEqual(['EX-01', 'EX-02', 'EX-03', 'EX-04', 'EX-05', 'EX-06', 'EX-07']);
  });
  test('finds all 58 Inngest probes', () => {
    expect(listProbeFiles(process.cwd(), 'inngest')).toHaveLength(58);
  });
});

describe('driverFor()', () => {
  test('names the drivers there are when asked for an unknown engine', () => {
    expect(driverFor('inngest').id).toBe('inngest');
    expect(() => driverFor('nope')).toThrow(/no such engine driver \(there are: inngest/);
  });
});

describe('settleScenario()', () => {
  test('records an overrun as error and aborts the scenario', async () => {
    let aborted = false;
    const outcome = await settleScenario((signal) => new Promise(() => signal.addEventListener('abort', () => (aborted = true))), 50, recorder());
    expect(outcome.verdict).toBe('error');
    expect(outcome.error?.message).toMatch(/exceeded its budget of 50 ms/);
    expect(aborted).toBe(true);
  });
  test('records a thrown error with its message', async () => {
    const outcome = await settleScenario(async () => { throw new Error('worker never came up'); }, 1000, recorder());
    expect(outcome).toEqual({ verdict: 'error', error: { message: 'worker never came up' } });
  });
  test('refuses to pass a scenario that checked nothing', async () => {
    const outcome = await settleScenario(async () => {}, 1000, recorder());
    expect(outcome.verdict).toBe('error');
  });
  test('fails when one check fails, passes when all hold', async () => {
    const failing = recorder();
    expect((await settleScenario(async () => { failing.check('a', 1, 1); failing.check('b', 1, 2); }, 1000, failing)).verdict).toBe('fail');
    const passing = recorder();
    expect((await settleScenario(async () => { passing.check('a', { x: [1] }, { x: [1] }); }, 1000, passing)).verdict).toBe('pass');
  });
});

describe('Recorder', () => {
  test('tags every check and metric with the engine configuration current when it was made', () => {
    let mode = 'dev';
    const r = new Recorder(() => ({ ...devConfig, mode }));
    r.check('before', 1, 1);
    mode = 'self-hosted';
    r.check('after', 1, 1);
    r.metric('after, timed', 'ms', [1, 2]);
    mode = 'dev';
    r.metric('back again', 'ms', 3);
    expect(r.configs.map((c) => c.mode)).toEqual(['dev', 'self-hosted']);
    expect(r.checks.map((c) => c.config)).toEqual([0, 1]);
    expect(r.metrics.map((m) => m.config)).toEqual([1, 0]);
  });
});

describe('runInLanes()', () => {
  test('runs exclusive jobs first with nothing beside them, then shared jobs side by side, longest first', async () => {
    let inFlight = 0;
    const seen: { name: string; beside: number; lane: number }[] = [];
    const jobs = [
      { name: 'a', exclusive: false, expectedMs: 1, key: 'a' }, { name: 'x', exclusive: true, expectedMs: 1, key: 'x' },
      { name: 'b', exclusive: false, expectedMs: 50, key: 'b' }, { name: 'c', exclusive: false, expectedMs: 10, key: 'c' },
    ];
    const out = await runInLanes(jobs, 2, async (job, lane) => {
      inFlight++;
      seen.push({ name: job.name, beside: inFlight - 1, lane });
      await new Promise((r) => setTimeout(r, 20));
      inFlight--;
      return job.name;
    });
    expect(out).toEqual(['a', 'x', 'b', 'c']);
    expect(seen.map((s) => s.name)).toEqual(['x', 'b', 'c', 'a']);
    expect(seen[0]!.beside).toBe(0);
    expect(seen.find((s) => s.name === 'c')!.beside).toBe(1);
    expect(new Set(seen.map((s) => s.lane))).toEqual(new Set([0, 1]));
  });
});

describe('runInLanes() with trials', () => {
  test('never runs two jobs of one key at once, and still uses every lane', async () => {
    const active = new Map<string, number>();
    let overlapSameKey = 0;
    let maxBeside = 0;
    let inFlight = 0;
    const jobs = ['p', 'p', 'p', 'q', 'q', 'r'].map((key, i) => ({ key, exclusive: false, expectedMs: 10 - i, i }));
    const out = await runInLanes(jobs, 3, async (job) => {
      if ((active.get(job.key) ?? 0) > 0) overlapSameKey++;
      active.set(job.key, (active.get(job.key) ?? 0) + 1);
      maxBeside = Math.max(maxBeside, ++inFlight);
      await new Promise((r) => setTimeout(r, 15));
      inFlight--;
      active.set(job.key, active.get(job.key)! - 1);
      return job.i;
    });
    expect(out).toEqual([0, 1, 2, 3, 4, 5]);
    expect(overlapSameKey).toBe(0);
    expect(maxBeside).toBe(3);
  });
});

describe('mergeResults()', () => {
  const file = (runs: string[], probes: ReturnType<typeof probe>[]): ResultsFile => ({ schemaVersion: 2, engine: 'inngest', category: 'ex', runs: runs.map((r) => run(r)), probes });
  test('replaces the probes that ran and keeps the others with their own run', () => {
    const merged = mergeResults(file(['old'], [probe('EX-01', 'old'), probe('EX-02', 'old')]), 'ex', run('new'), [probe('EX-02', 'new')]);
    expect(merged.probes.map((p) => [p.id, p.runId])).toEqual([['EX-01', 'old'], ['EX-02', 'new']]);
    expect(merged.runs.map((r) => r.id)).toEqual(['old', 'new']);
    expect(merged.engine).toBe('inngest');
  });
  test('drops runs that no probe refers to any more', () => {
    expect(mergeResults(file(['old'], [probe('EX-01', 'old')]), 'ex', run('new'), [probe('EX-01', 'new')]).runs.map((r) => r.id)).toEqual(['new']);
  });
  test('keeps catalog order whatever order probes finished in', () => {
    const merged = mergeResults(null, 'ex', run('r'), [probe('EX-03', 'r'), probe('EX-01', 'r')]);
    expect(merged.probes.map((p) => p.id)).toEqual(['EX-01', 'EX-03']);
  });
  test("refuses to merge one engine's run into another engine's results", () => {
    const temporal = { ...file(['old'], []), engine: 'temporal' as const };
    expect(() => mergeResults(temporal, 'ex', run('new'), [probe('EX-01', 'new')])).toThrow(/results of temporal cannot take a run of inngest/);
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

describe('harnessCost() and formatTiming()', () => {
  test('worker start-ups inside trials are summed from harness metrics in ms, and shown apart from probe time', async () => {
    const { formatTiming, harnessCost } = await import('../../runner/core/progress.ts');
    const cost = harnessCost([
      { metrics: [{ name: 'harness: worker start-up (spawn to polling)', unit: 'ms', samples: [1500, 2500] }, { name: 'crash to workflow completed', unit: 'ms', samples: [11000] }] },
      { metrics: [{ name: 'harness: worker start-up (spawn to polling)', unit: 'ms', samples: [1000] }] },
    ]);
    expect(cost).toEqual({ ms: 5000, count: 3 });
    const text = formatTiming(30_000, [{ id: 'EX-01', trial: 1, durationMs: 20_000 }], 1_000, cost);
    expect(text).toContain('worker start-ups inside trials 5.0s over 3 start(s); probe time without them 15.0s');
    expect(formatTiming(30_000, [{ id: 'EX-01', trial: 1, durationMs: 20_000 }], 1_000)).not.toContain('worker start-ups');
  });
});
