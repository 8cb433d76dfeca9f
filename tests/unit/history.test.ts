import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { archiveRun, historyDir, readHistory, recordRun } from '../../runner/history.ts';
import { parseRunRecord, type ProbeResult, type RunInfo } from '../../src/schema.ts';

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
