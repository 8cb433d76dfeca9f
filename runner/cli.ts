/**
 * `npm run probes [-- --engine inngest] [--only EX-03,RT] [--trials N] [--concurrency N] [--server-url URL]
 *  [--results-dir DIR] [--list]`
 *
 * The engine-neutral runner: finds the engine through its driver, starts one engine instance per lane, runs each
 * selected probe `--trials` times (fresh workers each time, the engine put back on its baseline after every
 * trial), puts the trials of each probe together, and merges the results into `results/<engine>/<category>.json`;
 * every run is also archived whole in `results/<engine>/history/<runId>.json`.
 * Exits non-zero when any trial errored or no engine could be had.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ProbeResult, RunInfo, Trial } from '../src/schema.ts';
import type { EngineDriver, EngineInstance, LoadedProbe } from './core/driver.ts';
import { probeSourceHash } from '../src/lib/probe-files.ts';
import { idOfFile, listProbeFiles, loadProbe, selectProbeFiles } from './core/discover.ts';
import { archiveRun, historyDir, readHistory, recordRun } from './core/history.ts';
import { killAllChildren } from './core/process.ts';
import { formatSummary, formatTiming, formatTrialLine, harnessCost } from './core/progress.ts';
import { gitCommit, machine } from './core/provenance.ts';
import { trialMetric, type RecordedTrial } from './core/recorder.ts';
import { engineResultsDir, mergeResults, readResults, writeResults } from './core/results.ts';
import { runTrial } from './core/run-trial.ts';
import { runInLanes } from './core/schedule.ts';
import { aggregateTrials } from './core/trials.ts';
import { driverFor, drivers } from './drivers/index.ts';

const USAGE = `Usage: npm run probes -- [options]
  --engine NAME       the engine to measure: ${Object.keys(drivers).join(', ')} (default: inngest)
  --only SEL          criteria (EX-03) or categories (EX), comma-separated or repeated; default: all
  --trials N          run each probe N times, each with fresh workers (default: 1)
  --concurrency N     lanes, each with an engine of its own; probes that measure time still run alone (default: 4)
  --server-url URL    use a server that is already running (one lane; probes that reconfigure it error)
  --results-dir DIR   where <engine>/<category>.json and <engine>/history/<runId>.json live (default: results)
  --list              list the probes and exit`;

/** Engine instances this run started, one per lane; stopped on every way out. */
const instances: (EngineInstance | undefined)[] = [];

/** How long each probe took when it last ran (from the run archive), to schedule the longest first. */
function expectedDurations(resultsDir: string): Map<string, number> {
  const out = new Map<string, number>();
  try {
    // Oldest first, so the latest run of each probe has the last word.
    for (const record of readHistory(historyDir(resultsDir))) for (const p of record.probes) out.set(p.id, p.durationMs);
  } catch (e) {
    console.warn(`(could not read the run archive for scheduling: ${(e as Error).message.split('\n')[0]})`);
  }
  return out;
}

async function main(): Promise<number> {
  const root = process.cwd();
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'inngest' },
      only: { type: 'string', multiple: true },
      trials: { type: 'string', default: '1' },
      'server-url': { type: 'string' },
      'results-dir': { type: 'string', default: 'results' },
      concurrency: { type: 'string', default: '4' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const driver: EngineDriver = driverFor(values.engine);
  const files = selectProbeFiles(listProbeFiles(root, driver.id), values.only);
  if (values.list) {
    for (const f of files) console.log(`${idOfFile(f)}  ${f}`);
    return 0;
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency must be a positive integer');
  const trials = Number(values.trials);
  if (!Number.isInteger(trials) || trials < 1) throw new Error('--trials must be a positive integer');

  const serverUrl = values['server-url'] ?? process.env[driver.urlEnv];
  if (serverUrl) process.env[driver.urlEnv] = serverUrl;
  const located = driver.locate(process.env, root, serverUrl);
  if (!located.found) {
    console.error(located.howToGet);
    return 2;
  }
  const lanes = serverUrl ? 1 : concurrency;

  const startedAt = new Date();
  // The engine in the id: pinned pages and /data/history/<runId>.json are named by the run id alone.
  const runId = `run-${driver.id}-${startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const workDir = mkdtempSync(join(tmpdir(), `probes-${driver.id}-${runId}-`));
  const resultsDir = engineResultsDir(resolve(root, values['results-dir']), driver.id);

  let interrupted = false;
  const interrupt = (signal: string) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping; results/ is left as it was.`);
    killAllChildren();
    process.exit(130);
  };
  process.on('SIGINT', () => interrupt('SIGINT'));
  process.on('SIGTERM', () => interrupt('SIGTERM'));

  driver.prepareRunnerProcess?.();
  console.log(`${driver.name}: ${located.description}`);
  console.log(`${files.length} probe(s) × ${trials} trial(s) on ${lanes} lane(s), each with an engine of its own; work dir ${workDir}\n`);

  type Job = { file: string; probe?: LoadedProbe; loadError?: string; trial: number; exclusive: boolean; expectedMs: number; key: string };
  const expected = expectedDurations(resultsDir);
  const loaded = new Map<string, { probe?: LoadedProbe; loadError?: string }>();
  for (const file of files) {
    try {
      loaded.set(file, { probe: await loadProbe(root, file, driver) });
    } catch (e) {
      loaded.set(file, { loadError: (e as Error).message });
    }
  }
  const jobs: Job[] = files.flatMap((file) =>
    Array.from({ length: trials }, (_, i) => ({
      file,
      ...loaded.get(file)!,
      trial: i + 1,
      exclusive: loaded.get(file)!.probe?.definition.exclusive ?? false,
      expectedMs: expected.get(idOfFile(file)) ?? 30_000,
      key: file,
    })),
  );

  let startupMs = 0;
  /** The probes each lane's engine has served since it last started fresh. */
  const servedBy: Set<string>[] = [];
  const instanceFor = async (lane: number): Promise<EngineInstance> => {
    const existing = instances[lane];
    if (existing) return existing;
    const t0 = performance.now();
    const instance = await driver.start(join(workDir, `engine-${lane + 1}.log`));
    startupMs += performance.now() - t0;
    instances[lane] = instance;
    firstConfig ??= instance.describe();
    return instance;
  };
  /** The engine as the run first started it: the configuration of a trial that never got an engine of its own. */
  let firstConfig: ReturnType<EngineInstance['describe']> | undefined;

  /** Stops a lane's engine and forgets it, so the lane's next trial starts a fresh one; returns what it ran as. */
  const retire = async (lane: number) => {
    const instance = instances[lane];
    instances[lane] = undefined;
    servedBy[lane] = new Set();
    const config = instance?.describe();
    await instance?.stop().catch(() => {});
    return config;
  };

  /** A trial that could not run because the lane's engine could not be had; the lane's engine is replaced. */
  const laneFailure = async (lane: number, e: unknown): Promise<RecordedTrial> => {
    const config = (await retire(lane)) ?? firstConfig;
    return { verdict: 'error', durationMs: 0, checks: [], metrics: [], notes: [], error: { message: `the engine of lane ${lane + 1} failed: ${(e as Error).message}` }, configs: config ? [config] : [] };
  };

  let done = 0;
  const recorded = await runInLanes(jobs, lanes, async (job, lane): Promise<RecordedTrial> => {
    let trial: RecordedTrial;
    try {
      if (!job.probe) {
        const instance = await instanceFor(lane);
        trial = {
          verdict: 'error', durationMs: 0, checks: [], metrics: [], notes: [], error: { message: `could not load the probe: ${job.loadError}` },
          configs: [instance.describe()],
        };
      } else {
        const instance = await instanceFor(lane);
        // A trial meets no state of an earlier trial of the same probe (its idempotency keys, event ids, runs).
        const served = (servedBy[lane] ??= new Set());
        if (served.has(job.file)) {
          const t0 = performance.now();
          await instance.reset();
          startupMs += performance.now() - t0;
          served.clear();
        }
        const outcome = await runTrial(driver, job.probe, instance, { workDir, trial: job.trial });
        startupMs += outcome.resetMs;
        if (outcome.reset) served.clear();
        served.add(job.file);
        trial = outcome.trial;
        // The instance could not go back to its baseline: replace it, so no later probe inherits its state.
        if (!outcome.healthy) await retire(lane);
      }
    } catch (e) {
      // The lane's engine could not be started or reset: this trial errors, the run goes on with a new engine.
      trial = await laneFailure(lane, e);
    }
    done += 1;
    if (!interrupted) console.log(formatTrialLine(done, jobs.length, idOfFile(job.file), job.trial, trials, { ...trial, metrics: trial.metrics.map(trialMetric) } as Trial));
    return trial;
  });
  if (interrupted) return 130;
  await Promise.all(instances.map((i) => i?.stop().catch(() => {})));

  const finishedAt = new Date();
  const run: RunInfo = {
    id: runId,
    engine: driver.id,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    command: ['npm run probes', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    trials,
    ...machine(),
    gitCommit: gitCommit(root),
  };

  const results: ProbeResult[] = files.map((file) => {
    const mine = jobs.map((job, i) => ({ job, trial: recorded[i]! })).filter((x) => x.job.file === file);
    const probe = loaded.get(file)!.probe;
    const aggregate = aggregateTrials(mine.map((x) => x.trial));
    return { id: idOfFile(file), engine: driver.id, runId, ...aggregate, source: file, sourceHash: probe?.sourceHash ?? probeSourceHash(join(root, file)) };
  });

  // The archive first: the latest files then never name a run the archive lacks.
  console.log(`archived ${archiveRun(historyDir(resultsDir), recordRun(run, results))}`);
  const byCategory = new Map<string, ProbeResult[]>();
  for (const r of results) byCategory.set(r.id.slice(0, 2).toLowerCase(), [...(byCategory.get(r.id.slice(0, 2).toLowerCase()) ?? []), r]);
  for (const [category, fresh] of byCategory) {
    const file = join(resultsDir, `${category}.json`);
    console.log(`wrote ${writeResults(resultsDir, mergeResults(readResults(file), category, run, fresh))}`);
  }

  console.log('\n' + formatSummary(results));
  console.log('\n' + formatTiming(run.durationMs, jobs.map((job, i) => ({ id: idOfFile(job.file), trial: job.trial, durationMs: recorded[i]!.durationMs })), startupMs, harnessCost(recorded)));
  const errored = recorded.filter((t) => t.verdict === 'error').length;
  if (errored > 0) {
    console.log(`\n${errored} trial(s) errored; engine and worker logs kept in ${workDir}`);
    return 1;
  }
  rmSync(workDir, { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (e: Error) => {
    await Promise.all(instances.map((i) => i?.stop().catch(() => {})));
    killAllChildren();
    console.error(`npm run probes: ${e.message}`);
    process.exit(2);
  },
);
