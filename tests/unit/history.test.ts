import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { archiveRun, historyDir, readHistory, recordRun } from '../../runner/core/history.ts';
import { migrateLayout } from '../../runner/migrate-layout.ts';
import { FAULTS_FILE, parseArchivedRun, parseResultsFile, parseRunRecord, upgradeRecord } from '../../src/schema.ts';
import { fixtureResult as probe, fixtureRun as run } from '../fixtures/results-v2.ts';

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

describe('upgradeRecord()', () => {
  const v1 = {
    schemaVersion: 1,
    run: {
      id: 'run-old', startedAt: '2026-11-24T05:00:00.000Z', finishedAt: '2026-11-24T05:01:00.000Z', durationMs: 60000, command: 'npm run probes',
      engine: { kind: 'self-hosted', source: 'started', serverVersion: '1.43.0', flags: ['start'], stateStore: 'external Redis' },
      sdkVersion: '4.24.0', node: 'v24', os: 'linux', cpus: 2, gitCommit: 'abc',
    },
    probes: [{
      id: 'EX-01', runId: 'run-old', verdict: 'fail', durationMs: 5, notes: ['n'], source: 'src/probes/ex/ex-01-progress.ts', sourceHash: 'c'.repeat(64),
      checks: [{ name: 'a', expected: '1', observed: '2', ok: false }], metrics: [{ name: 'm', unit: 'ms', value: 3 }],
    }],
    backfilledFrom: ['d'.repeat(40)],
  };
  test('reads a version-1 record as one trial whose configuration is what the run recorded', () => {
    const upgraded = upgradeRecord(parseArchivedRun(v1, 'v1.json'));
    const { legacy, ...asVersion2 } = upgraded;
    expect(parseRunRecord(asVersion2, 'upgraded').probes).toHaveLength(1);
    expect(legacy).toEqual({ backfilledFrom: ['d'.repeat(40)] });
    const [p] = upgraded.probes;
    expect(p!.configs).toEqual([{ engine: 'inngest', version: '1.43.0', source: 'started', mode: 'self-hosted', flags: ['start'], stateStore: 'external Redis', sdk: { package: 'inngest', version: '4.24.0' } }]);
    expect(p!.checks[0]).toMatchObject({ observed: '2', ok: false, held: 0, seen: 1, observations: ['2'] });
    expect(p!.trials).toHaveLength(1);
    expect(upgraded.run.trials).toBe(1);
  });
  test('leaves a version-2 record as it is', () => {
    const record = recordRun(run('r'), [probe('EX-01', 'r')]);
    expect(upgradeRecord(record)).toBe(record);
  });
});

describe('migrateLayout()', () => {
  test('moves archived runs byte for byte, removes latest files only when archived, and logs both', () => {
    const root = mkdtempSync(join(tmpdir(), 'migrate-'));
    const results = join(root, 'results');
    const text = JSON.stringify(
      { ...{ schemaVersion: 1, run: { id: 'run-old', startedAt: '2026-11-24T05:00:00.000Z', finishedAt: '2026-11-24T05:01:00.000Z', durationMs: 1, command: 'c', engine: { kind: 'dev', source: 'started', serverVersion: '1', flags: [], stateStore: 's' }, sdkVersion: '4', node: 'v24', os: 'linux', cpus: 2, gitCommit: 'abc' } },
        probes: [{ id: 'EX-01', runId: 'run-old', verdict: 'pass', durationMs: 1, checks: [{ name: 'a', expected: '1', observed: '1', ok: true }], metrics: [], notes: [], source: 's', sourceHash: 'c'.repeat(64) }] }, null, 2);
    const latest = (probes: unknown[]) => JSON.stringify({ schemaVersion: 1, category: 'ex', runs: [JSON.parse(text).run], probes });
    mkdirSync(join(results, 'history'), { recursive: true });
    writeFileSync(join(results, 'history', 'run-old.json'), text);
    writeFileSync(join(results, 'ex.json'), latest(JSON.parse(text).probes));
    const done = migrateLayout(results, root);
    expect(readFileSync(join(results, 'inngest', 'history', 'run-old.json'), 'utf8')).toBe(text);
    expect(existsSync(join(results, 'history'))).toBe(false);
    expect(existsSync(join(results, 'ex.json'))).toBe(false);
    expect(done.moved.map((m) => [m.from, m.to])).toEqual([['results/history/run-old.json', 'results/inngest/history/run-old.json']]);
    expect(done.removed.map((r) => r.file)).toEqual(['results/ex.json']);
    expect(JSON.parse(readFileSync(join(results, 'migrations.json'), 'utf8'))).toHaveLength(1);
  });
  test('refuses to remove a latest file holding a result the archive lacks', () => {
    const root = mkdtempSync(join(tmpdir(), 'migrate-'));
    const results = join(root, 'results');
    mkdirSync(results, { recursive: true });
    const orphan = { id: 'EX-02', runId: 'run-x', verdict: 'pass', durationMs: 1, checks: [], metrics: [], notes: [], source: 's', sourceHash: 'c'.repeat(64) };
    writeFileSync(join(results, 'ex.json'), JSON.stringify({ schemaVersion: 1, category: 'ex', runs: [], probes: [orphan] }));
    expect(() => migrateLayout(results, root)).toThrow(/EX-02 \(run-x\) not found identical in the archive/);
    expect(existsSync(join(results, 'ex.json'))).toBe(true);
  });
});

describe('the committed archive', () => {
  const dir = 'results/inngest/history';
  const archive = readHistory(dir).map(upgradeRecord);
  test('holds every latest result exactly as the latest files do', () => {
    const byRun = new Map(archive.map((r) => [r.run.id, r]));
    const latestFiles = readdirSync('results/inngest').filter((f) => f.endsWith('.json') && f !== FAULTS_FILE);
    expect(latestFiles.length).toBeGreaterThan(0);
    for (const name of latestFiles) {
      const latest = parseResultsFile(JSON.parse(readFileSync(`results/inngest/${name}`, 'utf8')), name);
      for (const p of latest.probes) {
        const record = byRun.get(p.runId);
        expect(record, `${p.id}: run ${p.runId} is not archived`).toBeDefined();
        expect(record!.run).toEqual(latest.runs.find((r) => r.id === p.runId));
        expect(record!.probes.find((q) => q.id === p.id)).toEqual(p);
      }
    }
  });
  test('every run the migration moved is still there, byte for byte', () => {
    const log = JSON.parse(readFileSync('results/migrations.json', 'utf8')) as { moved: { to: string; sha256: string }[] }[];
    for (const { to, sha256 } of log.flatMap((m) => m.moved)) {
      expect(createHash('sha256').update(readFileSync(to)).digest('hex'), to).toBe(sha256);
    }
  });
});
