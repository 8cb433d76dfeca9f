/**
 * The run archive: `results/<engine>/history/<runId>.json`, one file per invocation of the runner, holding that run's
 * provenance and every probe result it produced. Append-only: a record is written once and never replaced.
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArchivedRun, parseRunRecord, SCHEMA_VERSION, type ArchivedRun, type ProbeResult, type RunInfo, type RunRecord } from '../../src/schema.ts';
import { criteria } from '../../src/catalog/criteria.ts';

/** The archive folder inside an engine's results folder. */
export function historyDir(resultsDir: string): string {
  return join(resultsDir, 'history');
}

/** The record of one run: its provenance and its results, in catalog order. */
export function recordRun(run: RunInfo, results: ProbeResult[]): RunRecord {
  const order = criteria.map((c) => c.id);
  const probes = [...results].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  return { schemaVersion: SCHEMA_VERSION, run, probes };
}

/**
 * Validates a record and adds it to the archive as `<dir>/<runId>.json`. The bytes go to a temporary file first
 * and appear under their name in one step (a hard link, which also refuses to replace an existing record), so a
 * crash leaves either no record or a whole one. Throws if that run is already archived.
 */
export function archiveRun(dir: string, record: RunRecord): string {
  if (!/^[A-Za-z0-9._-]+$/.test(record.run.id) || record.run.id.startsWith('.'))
    throw new Error(`run id "${record.run.id}" cannot name a file`);
  const file = join(dir, `${record.run.id}.json`);
  const valid = parseRunRecord(record, file);
  mkdirSync(dir, { recursive: true });
  if (existsSync(file)) throw new Error(`${file} already exists: the archive never rewrites a run`);
  const temp = join(dir, `.${record.run.id}.json.${process.pid}.tmp`);
  writeFileSync(temp, JSON.stringify(valid, null, 2) + '\n');
  try {
    linkSync(temp, file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new Error(`${file} already exists: the archive never rewrites a run`);
    // A file system without hard links: fall back to a rename, checked for existence just above.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV') throw e;
    renameSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  return file;
}

/** Every archived run (of either schema version, as written), validated, oldest first; empty when there is none. */
export function readHistory(dir: string): ArchivedRun[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && !name.startsWith('.'))
    .map((name) => {
      const file = join(dir, name);
      const record = parseArchivedRun(JSON.parse(readFileSync(file, 'utf8')), file);
      if (`${record.run.id}.json` !== name) throw new Error(`${file} holds run "${record.run.id}", not the one its name says`);
      return record;
    })
    .sort((a, b) => a.run.startedAt.localeCompare(b.run.startedAt) || a.run.id.localeCompare(b.run.id));
}
