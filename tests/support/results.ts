/**
 * The results the tests check the site against, read the way the site's loaders read them: REPORT_RESULTS_DIR when
 * set (a scratch run the site was built from), else results/; latest files from `<dir>/<engine>/<category>.json`,
 * the archive from `<dir>/<engine>/history/`. Shared by the unit and browser tests.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readHistory } from '../../runner/core/history.ts';
import { FAULTS_FILE, parseResultsFile, type ArchivedRun, type EngineId, type ResultsFile } from '../../src/schema.ts';

export const RESULTS_DIR = process.env.REPORT_RESULTS_DIR ?? 'results';

/** One engine's latest results files, parsed; none when it has no folder yet. */
export function latestResults(engine: EngineId = 'inngest'): ResultsFile[] {
  const dir = join(RESULTS_DIR, engine);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== FAULTS_FILE)
    .sort()
    .map((f) => parseResultsFile(JSON.parse(readFileSync(join(dir, f), 'utf8')), join(dir, f)));
}

/** One engine's archived runs as written (either schema version), oldest first. */
export function archivedRuns(engine: EngineId = 'inngest'): ArchivedRun[] {
  return readHistory(join(RESULTS_DIR, engine, 'history'));
}
