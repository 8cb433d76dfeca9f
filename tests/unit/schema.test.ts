import { describe, expect, test } from 'vitest';
import { parseResultsFile, upgradeRecord, type ResultsFile } from '../../src/schema.ts';
import { archivedRuns, latestResults } from '../support/results.ts';

const config = {
  engine: 'inngest', version: '1.43.0', source: 'started', mode: 'dev', flags: ['dev'], stateStore: 'in-memory',
  sdk: { package: 'inngest', version: '4.24.0' },
} as const;

/** A small, valid results file, built fresh for each test to be broken in one place. */
function validFile(): ResultsFile {
  const check = { name: 'completed', expected: 'COMPLETED', observed: 'COMPLETED', ok: true, config: 0 };
  const metric = { name: 'latency', unit: 'ms', summary: { n: 3, p50: 2, p95: 3, min: 1, max: 3 }, trials: 1, config: 0 };
  return {
    schemaVersion: 2,
    engine: 'inngest',
    category: 'ex',
    runs: [
      {
        id: 'run-1',
        engine: 'inngest',
        startedAt: '2026-11-24T05:00:00.000Z',
        finishedAt: '2026-11-24T05:01:00.000Z',
        durationMs: 60000,
        command: 'npm run probes',
        trials: 1,
        node: 'v24.9.0',
        os: 'linux',
        cpus: 2,
        gitCommit: 'abc123',
      },
    ],
    probes: [
      {
        id: 'EX-01',
        engine: 'inngest',
        runId: 'run-1',
        verdict: 'pass',
        durationMs: 1000,
        checks: [{ ...check, held: 1, seen: 1, observations: ['COMPLETED'] }],
        metrics: [metric],
        notes: [],
        configs: [{ ...config, flags: [...config.flags], sdk: { ...config.sdk } }],
        trials: [{ verdict: 'pass', durationMs: 1000, checks: [check], metrics: [metric], notes: [] }],
        source: 'src/probes/inngest/ex/ex-01-progress.ts',
        sourceHash: 'a'.repeat(64),
      },
    ],
  };
}

describe('parseResultsFile()', () => {
  test('accepts a well-formed file', () => {
    expect(parseResultsFile(validFile(), 'ex.json').probes[0]!.id).toBe('EX-01');
  });

  test('accepts every latest results file the site is built from', () => {
    expect(() => latestResults('inngest')).not.toThrow();
  });

  test('reads every archived run, of either version, as a version-2 record', () => {
    const archive = archivedRuns('inngest');
    expect(archive.length).toBeGreaterThan(0);
    for (const record of archive) {
      const upgraded = upgradeRecord(record);
      expect(upgraded.schemaVersion).toBe(2);
      for (const p of upgraded.probes) expect(p.trials.length).toBeGreaterThan(0);
    }
  });

  test('rejects a malformed file with a message naming the file and the field', () => {
    const broken = validFile() as unknown as { probes: { verdict: string }[] };
    broken.probes[0]!.verdict = 'maybe';
    expect(() => parseResultsFile(broken, 'results/ex.json')).toThrow(/results\/ex\.json[\s\S]*probes\.0\.verdict/);
  });

  test('rejects a pass that has no checks', () => {
    const file = validFile();
    file.probes[0]!.checks = [];
    expect(() => parseResultsFile(file, 'ex.json')).toThrow(/probes\.0\.verdict/);
  });

  test('rejects a pass with a failed check', () => {
    const file = validFile();
    file.probes[0]!.checks[0]!.ok = false;
    file.probes[0]!.checks[0]!.held = 0;
    expect(() => parseResultsFile(file, 'ex.json')).toThrow(/pass needs/);
  });

  test('rejects a skipped probe without its reason', () => {
    const file = validFile();
    file.probes[0]!.verdict = 'skipped';
    file.probes[0]!.trials[0]!.verdict = 'skipped';
    expect(() => parseResultsFile(file, 'ex.json')).toThrow(/probes\.0\.skipReason/);
  });

  test('rejects a probe that names a run the file does not have', () => {
    const file = validFile();
    file.probes[0]!.runId = 'run-2';
    expect(() => parseResultsFile(file, 'ex.json')).toThrow(/probes\.0\.runId/);
  });

  test('rejects a metric that has both a value and a summary', () => {
    const file = validFile() as unknown as { probes: { metrics: unknown[] }[] };
    file.probes[0]!.metrics = [{ name: 'x', unit: 'ms', value: 1, summary: { n: 1, p50: 1, p95: 1, min: 1, max: 1 }, trials: 1, config: 0 }];
    expect(() => parseResultsFile(file, 'ex.json')).toThrow(/probes\.0\.metrics\.0/);
  });

  test('rejects a probe filed under the wrong category', () => {
    const file = validFile();
    file.probes[0]!.id = 'RT-01';
    expect(() => parseResultsFile(file, 'ex.json')).toThrow(/not in category ex/);
  });
});
