import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { reconstructRuns } from '../../runner/backfill-history.ts';
import { archiveRun, historyDir, readHistory, recordRun } from '../../runner/history.ts';
import { parseResultsFile, parseRunRecord, type ProbeResult, type RunInfo } from '../../src/schema.ts';

const run = (id: string, startedAt = '2026-11-24T05:00:00.000Z'): RunInfo => ({
  id, startedAt, finishedAt: startedAt, durationMs: 0, command: 'npm run probes',
  engine: { kind: 'dev', source: 'started', serverVersion: '1.43.0', flags: [], stateStore: 'in-memory' },
  sdkVersion: '4.24.0', node: 'v24', os: 'linux', cpus: 2, gitCommit: 'abc',
});
const probe = (id: string, runId: string): ProbeResult => ({
  id, runId, verdict: 'pass', durationMs: 1, checks: [{ name: 'c', expected: '1', observed: '1', ok: true }], metrics: [], notes: [],
  source: `src/probes/ex/${id.toLowerCase()}-x.ts`, sourceHash: 'b'.repeat(64),
});
const scratch = () => historyDir(mkdtempSync(join(tmpdir(), 'history-')));

describe('recordRun()', () => {
  test('keeps every result of the run, in catalog order', () => {
    const record = recordRun(run('r'), [probe('RT-01', 'r'), probe('EX-03', 'r'), probe('EX-01', 'r')]);
    expect(record.probes.map((p) => p.id)).toEqual(['EX-01', 'EX-03', 'RT-01']);
    expect(record.run.id).toBe('r');
  });
});

describe('archiveRun()', () => {
  test('writes one file named after the run and leaves no temporary file behind', () => {
    const dir = scratch();
    const file = archiveRun(dir, recordRun(run('run-1'), [probe('EX-01', 'run-1')]));
    expect(file).toBe(join(dir, 'run-1.json'));
    expect(readdirSync(dir)).toEqual(['run-1.json']);
    expect(parseRunRecord(JSON.parse(readFileSync(file, 'utf8')), file).probes[0]!.id).toBe('EX-01');
  });
  test('never rewrites a run that is already archived', () => {
    const dir = scratch();
    archiveRun(dir, recordRun(run('run-1'), [probe('EX-01', 'run-1')]));
    const before = readFileSync(join(dir, 'run-1.json'), 'utf8');
    expect(() => archiveRun(dir, recordRun(run('run-1'), [probe('EX-02', 'run-1')]))).toThrow(/already exists/);
    expect(readFileSync(join(dir, 'run-1.json'), 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['run-1.json']);
  });
  test('refuses a record whose results belong to another run, and writes nothing', () => {
    const dir = scratch();
    expect(() => archiveRun(dir, recordRun(run('run-1'), [probe('EX-01', 'run-0')]))).toThrow(/run-1\.json[\s\S]*probes\.0\.runId/);
    expect(existsSync(dir)).toBe(false);
  });
  test('refuses a run id that is not a plain file name', () => {
    expect(() => archiveRun(scratch(), recordRun(run('../x'), [probe('EX-01', '../x')]))).toThrow(/cannot name a file/);
  });
});

describe('readHistory()', () => {
  test('returns no runs when there is no archive yet', () => {
    expect(readHistory(join(tmpdir(), 'no-such-history-dir'))).toEqual([]);
  });
  test('reads every archived run back, oldest first, ignoring temporary files', () => {
    const dir = scratch();
    archiveRun(dir, recordRun(run('b', '2026-11-24T06:00:00.000Z'), [probe('EX-01', 'b')]));
    archiveRun(dir, recordRun(run('a', '2026-11-24T05:00:00.000Z'), [probe('EX-01', 'a'), probe('EX-02', 'a')]));
    writeFileSync(join(dir, '.c.json.1.tmp'), '{');
    const runs = readHistory(dir);
    expect(runs.map((r) => r.run.id)).toEqual(['a', 'b']);
    expect(runs[0]!.probes).toHaveLength(2);
  });
  test('names the file when a record is malformed or misnamed', () => {
    const dir = scratch();
    archiveRun(dir, recordRun(run('a'), [probe('EX-01', 'a')]));
    writeFileSync(join(dir, 'b.json'), readFileSync(join(dir, 'a.json')));
    expect(() => readHistory(dir)).toThrow(/b\.json holds run "a"/);
  });
});

describe('reconstructRuns()', () => {
  const file = (commit: string, category: string, runs: RunInfo[], probes: ProbeResult[]) => ({
    commit, path: `results/${category}.json`, text: JSON.stringify({ schemaVersion: 1, category, runs, probes }),
  });
  test('groups committed results by their run and names the commits they came from', () => {
    const { records } = reconstructRuns([
      file('c1'.padEnd(40, '0'), 'ex', [run('a')], [probe('EX-01', 'a'), probe('EX-02', 'a')]),
      file('c2'.padEnd(40, '0'), 'ex', [run('a'), run('b', '2026-11-24T06:00:00.000Z')], [probe('EX-01', 'b'), probe('EX-02', 'a')]),
    ]);
    expect(records.map((r) => [r.run.id, r.probes.map((p) => p.id), r.backfilledFrom])).toEqual([
      ['a', ['EX-01', 'EX-02'], ['c1'.padEnd(40, '0')]],
      ['b', ['EX-01'], ['c2'.padEnd(40, '0')]],
    ]);
  });
  test('refuses to choose when two commits hold different results under one run id', () => {
    const changed = { ...probe('EX-01', 'a'), durationMs: 2 };
    expect(() => reconstructRuns([
      file('c1'.padEnd(40, '0'), 'ex', [run('a')], [probe('EX-01', 'a')]),
      file('c2'.padEnd(40, '0'), 'ex', [run('a')], [changed]),
    ])).toThrow(/different EX-01 for run a/);
  });
  test('skips, and reports, a committed file the current schema rejects', () => {
    const { records, skipped } = reconstructRuns([{ commit: 'c'.repeat(40), path: 'results/ex.json', text: '{"schemaVersion":0}' }]);
    expect(records).toEqual([]);
    expect(skipped[0]).toMatch(/results\/ex\.json does not match/);
  });
});

describe('the committed archive', () => {
  const archive = readHistory('results/history');
  test('holds every latest result exactly as the latest files do', () => {
    const byRun = new Map(archive.map((r) => [r.run.id, r]));
    for (const name of readdirSync('results').filter((f) => f.endsWith('.json'))) {
      const latest = parseResultsFile(JSON.parse(readFileSync(`results/${name}`, 'utf8')), name);
      for (const p of latest.probes) {
        const record = byRun.get(p.runId);
        expect(record, `${p.id}: run ${p.runId} is not archived (a run made before the archive existed: commit results/, then npm run history:backfill)`).toBeDefined();
        expect(record!.run).toEqual(latest.runs.find((r) => r.id === p.runId));
        expect(record!.probes.find((q) => q.id === p.id)).toEqual(p);
      }
    }
  });
});
