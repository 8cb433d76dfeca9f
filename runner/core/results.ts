/** Merges a run's probe results into `results/<engine>/<category>.json` and writes it atomically. */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseResultsFile, SCHEMA_VERSION, type EngineId, type ProbeResult, type ResultsFile, type RunInfo } from '../../src/schema.ts';
import { criteria } from '../../src/catalog/criteria.ts';

/** An engine's folder of results: `<results>/<engine>/`. */
export function engineResultsDir(resultsDir: string, engine: EngineId): string {
  return join(resultsDir, engine);
}

/** Reads and validates a results file; null when it does not exist yet. */
export function readResults(file: string): ResultsFile | null {
  if (!existsSync(file)) return null;
  return parseResultsFile(JSON.parse(readFileSync(file, 'utf8')), file);
}

/**
 * Puts fresh probe results over the previous file's: probes that did not run keep their old results and the
 * run that produced them; runs no probe refers to any more are dropped. Probes stay in catalog order.
 */
export function mergeResults(previous: ResultsFile | null, category: string, run: RunInfo, fresh: ProbeResult[]): ResultsFile {
  if (previous && previous.engine !== run.engine) throw new Error(`results of ${previous.engine} cannot take a run of ${run.engine}`);
  const byId = new Map<string, ProbeResult>();
  for (const p of previous?.probes ?? []) byId.set(p.id, p);
  for (const p of fresh) byId.set(p.id, p);
  const order = criteria.map((c) => c.id);
  const probes = [...byId.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  const used = new Set(probes.map((p) => p.runId));
  const runs = [...(previous?.runs ?? []).filter((r) => r.id !== run.id), run].filter((r) => used.has(r.id));
  return { schemaVersion: SCHEMA_VERSION, engine: run.engine, category, runs, probes };
}

/**
 * Validates, then writes `<dir>/<category>.json` through a temporary file and a rename, so a crash mid-write leaves the old file whole.
 */
export function writeResults(dir: string, results: ResultsFile): string {
  const file = join(dir, `${results.category}.json`);
  const valid = parseResultsFile(results, file);
  mkdirSync(dir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(valid, null, 2) + '\n');
  renameSync(temp, file);
  return file;
}
