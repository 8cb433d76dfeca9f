/**
 * `npm run history:backfill`: rebuilds archive records (`results/history/<runId>.json`) for runs made before the
 * runner kept an archive, by copying them verbatim from the results files committed in git history
 * (`git show <commit>:results/<cat>.json`). Nothing is invented: a record holds exactly the results of that run
 * that some commit held, with the run's provenance as committed, and names those commits in `backfilledFrom`.
 * Runs already archived are left alone; running it twice adds nothing.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { parseResultsFile, SCHEMA_VERSION, type ProbeResult, type RunInfo, type RunRecord } from '../src/schema.ts';
import { criteria } from '../src/catalog/criteria.ts';
import { archiveRun, historyDir, readHistory } from './history.ts';

const LATEST_FILE = /^results\/[a-z]{2}\.json$/;

/** One committed version of one results file. */
export interface CommittedFile {
  commit: string;
  path: string;
  text: string;
}

/** Every committed version of results/<cat>.json, oldest commit first. */
export function committedResultsFiles(root: string): CommittedFile[] {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const commits = git('log', '--reverse', '--format=%H', '--', 'results').split('\n').filter(Boolean);
  const out: CommittedFile[] = [];
  for (const commit of commits) {
    const paths = git('diff-tree', '--no-commit-id', '--name-only', '-r', '--root', commit, '--', 'results').split('\n');
    for (const path of paths.filter((p) => LATEST_FILE.test(p))) {
      let text: string;
      try {
        text = git('show', `${commit}:${path}`);
      } catch {
        continue; // the commit deleted the file
      }
      out.push({ commit, path, text });
    }
  }
  return out;
}

/**
 * Groups the committed results by the run that produced them. The same result committed twice must be identical
 * (a run id names one invocation), otherwise this throws rather than choose. Files that do not match the current
 * schema are reported in `skipped` and contribute nothing.
 */
export function reconstructRuns(files: CommittedFile[]): { records: RunRecord[]; skipped: string[] } {
  const runs = new Map<string, { run: RunInfo; probes: Map<string, ProbeResult>; commits: string[] }>();
  const skipped: string[] = [];
  for (const { commit, path, text } of files) {
    let parsed;
    try {
      parsed = parseResultsFile(JSON.parse(text), `${commit.slice(0, 12)}:${path}`);
    } catch (e) {
      skipped.push((e as Error).message.split('\n')[0]!);
      continue;
    }
    for (const run of parsed.runs) {
      const entry = runs.get(run.id) ?? { run, probes: new Map<string, ProbeResult>(), commits: [] as string[] };
      if (!isDeepStrictEqual(entry.run, run)) throw new Error(`${commit}:${path} records run ${run.id} differently from an earlier commit`);
      runs.set(run.id, entry);
      for (const probe of parsed.probes.filter((p) => p.runId === run.id)) {
        const seen = entry.probes.get(probe.id);
        if (seen && !isDeepStrictEqual(seen, probe)) throw new Error(`${commit}:${path} holds a different ${probe.id} for run ${run.id} than an earlier commit`);
        if (!seen) {
          entry.probes.set(probe.id, probe);
          if (!entry.commits.includes(commit)) entry.commits.push(commit);
        }
      }
    }
  }
  const order = criteria.map((c) => c.id);
  const records = [...runs.values()]
    .filter((e) => e.probes.size > 0)
    .map((e): RunRecord => ({
      schemaVersion: SCHEMA_VERSION,
      run: e.run,
      probes: [...e.probes.values()].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id)),
      backfilledFrom: e.commits,
    }))
    .sort((a, b) => a.run.startedAt.localeCompare(b.run.startedAt));
  return { records, skipped };
}

function main(): void {
  const root = process.cwd();
  const dir = historyDir(resolve(root, 'results'));
  const archived = new Set(readHistory(dir).map((r) => r.run.id));
  const { records, skipped } = reconstructRuns(committedResultsFiles(root));
  for (const s of skipped) console.log(`skipped (does not match the current schema): ${s}`);
  let added = 0;
  for (const record of records) {
    if (archived.has(record.run.id)) continue;
    archiveRun(dir, record);
    added++;
    console.log(`backfilled ${record.run.id}: ${record.probes.map((p) => p.id).join(', ')} (from ${record.backfilledFrom!.map((c) => c.slice(0, 7)).join(', ')})`);
  }
  console.log(`${added} run(s) added to ${dir}; ${archived.size} were already there.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
