import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseResultsFile, type ResultsFile } from '../../src/schema.ts';

/** A small, valid results file, built fresh for each test to be broken in one place. */
function validFile(): ResultsFile {
  return {
    schemaVersion: 1,
    category: 'ex',
    runs: [
      {
        id: 'run-1',
        startedAt: '2026-11-24T05:00:00.000Z',
        finishedAt: '2026-11-24T05:01:00.000Z',
        durationMs: 60000,
        command: 'npm run probes',
        engine: { kind: 'dev', source: 'started', serverVersion: '1.43.0', flags: ['dev'], stateStore: 'in-memory' },
        sdkVersion: '4.24.0',
        node: 'v24.9.0',
        os: 'linux',
        cpus: 2,
        gitCommit: 'abc123',
      },
    ],
    probes: [
      {
        id: 'EX-01',
        runId: 'run-1',
        verdict: 'pass',
        durationMs: 1000,
        checks: [{ name: 'completed', expected: 'COMPLETED', observed: 'COMPLETED', ok: true }],
        metrics: [{ name: 'latency', unit: 'ms', summary: { n: 3, p50: 2, p95: 3, min: 1, max: 3 } }],
        notes: [],
        source: 'src/probes/ex/ex-01-progress.ts',
        sourceHash: 'a'.repeat(64),
      },
    ],
  };
}

describe('parseResultsFile()', () => {
  test('accepts a well-formed file', () => {
    expect(parseResultsFile(validFile(), 'ex.json').probes[0]!.id).toBe('EX-01');
  });

  test.each(readdirSync('results').filter((f) => f.endsWith('.json')))('accepts the committed results/%s', (name) => {
    const file = `results/${name}`;
    expect(() => parseResultsFile(JSON.parse(readFileSync(file, 'utf8')), file)).not.toThrow();
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
    expect(() => parseResultsFile(file, 'ex.json')).toThrow(/pass needs/);
  });

  test('rejects a skipped probe without its reason', () => {
    const file = validFile();
    file.probes[0]!.verdict = 'skipped';
    expect(() => parseResultsFile(file, 'ex.json')).toThrow(/probes\.0\.skipReason/);
  });

  test('rejects a probe that names a run the file does not have', () => {
    const file = validFile();
    file.probes[0]!.runId = 'run-2';
    expect(() => parseResultsFile(file, 'ex.json')).toThrow(/probes\.0\.runId/);
  });

  test('rejects a metric that has both a value and a summary', () => {
    const file = validFile() as unknown as { probes: { metrics: unknown[] }[] };
    file.probes[0]!.metrics = [{ name: 'x', unit: 'ms', value: 1, summary: { n: 1, p50: 1, p95: 1, min: 1, max: 1 } }];
    expect(() => parseResultsFile(file, 'ex.json')).toThrow(/probes\.0\.metrics\.0/);
  });

  test('rejects a probe filed under the wrong category', () => {
    const file = validFile();
    file.probes[0]!.id = 'RT-01';
    expect(() => parseResultsFile(file, 'ex.json')).toThrow(/not in category ex/);
  });
});
