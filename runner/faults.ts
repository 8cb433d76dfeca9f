/**
 * `npm run faults [-- --engine inngest|temporal|all] [--only SEL] [--crashes N] [--runs N] [--lanes N] [--results-dir DIR]`
 *
 * The fault matrix: for every self-hosted configuration of each engine, deploys it on loopback (one deployment per
 * lane, each with its own directories), and for every fault that can occur in it crashes it `--crashes` times, each
 * crash catching `--runs` runs at every moment. Writes `results/<engine>/faults.json` (validated, merged by pair) and
 * archives the run's own matrix in `results/<engine>/history/faults/<runId>.json`.
 * `--only` takes configuration ids and fault ids (`sigkill-server`, `graceful-all`, …), comma-separated or repeated.
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { probeSourceHash } from '../src/lib/probe-files.ts';
import { FAULTS_SCHEMA_VERSION, type FaultConfiguration, type FaultMatrix, type RunInfo } from '../src/schema.ts';
import { SLEEP_MS, STEP_MS } from '../src/faults/core.ts';
import { archiveMatrix, measurePair, mergeMatrix, readMatrix, writeMatrix } from './core/fault-matrix.ts';
import { applicableFaults, START_ORDER, type FaultLab, type LabDeployment } from './core/faults.ts';
import { killAllChildren } from './core/process.ts';
import { seconds } from './core/progress.ts';
import { gitCommit, machine } from './core/provenance.ts';
import { engineResultsDir } from './core/results.ts';
import { runInLanes } from './core/schedule.ts';
import { inngestFaultLab } from './drivers/inngest/faults.ts';
import { temporalFaultLab } from './drivers/temporal/faults.ts';

const LABS: Record<string, FaultLab> = { inngest: inngestFaultLab, temporal: temporalFaultLab };
/** A run not completed this long after it could go on counts as one that never completes. */
const COMPLETION_BOUND_MS = 20_000;

const USAGE = `Usage: npm run faults -- [options]
  --engine NAME      ${Object.keys(LABS).join(', ')} or all (default: all)
  --only SEL         configuration ids and/or fault ids, comma-separated or repeated (default: everything)
  --crashes N        crashes per (configuration, fault) pair (default: 3)
  --runs N           runs caught at every moment in each crash (default: 2)
  --lanes N          configurations deployed side by side (default: 3)
  --results-dir DIR  where <engine>/faults.json lives (default: results)
  --list             list configurations and faults, and exit`;

interface Job {
  lab: FaultLab;
  config: string;
  exclusive: false;
  expectedMs: number;
  key: string;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      engine: { type: 'string', default: 'all' },
      only: { type: 'string', multiple: true },
      crashes: { type: 'string', default: '3' },
      runs: { type: 'string', default: '2' },
      lanes: { type: 'string', default: '3' },
      'results-dir': { type: 'string', default: 'results' },
      list: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) return console.log(USAGE), 0;
  const labs = values.engine === 'all' ? Object.values(LABS) : [LABS[values.engine!] ?? fail(`unknown engine "${values.engine}"\n${USAGE}`)];
  const only = new Set((values.only ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean));
  const crashes = positive(values.crashes!, '--crashes');
  const runsPerMoment = positive(values.runs!, '--runs');
  const lanes = positive(values.lanes!, '--lanes');
  const faultIds = new Set(applicableFaults(START_ORDER.slice(), {}).faults.map((f) => f.id));
  const configIds = new Set(labs.flatMap((l) => l.configurations));
  for (const s of only) if (!faultIds.has(s) && !configIds.has(s)) fail(`--only ${s}: neither a configuration (${[...configIds].join(', ')}) nor a fault (${[...faultIds].join(', ')})`);
  const onlyConfigs = [...only].filter((s) => configIds.has(s));
  const onlyFaults = [...only].filter((s) => faultIds.has(s));
  const jobs: Job[] = labs.flatMap((lab) =>
    lab.configurations.filter((c) => !onlyConfigs.length || onlyConfigs.includes(c)).map((config) => ({ lab, config, exclusive: false as const, expectedMs: config.includes('postgres') ? 2 : 1, key: `${lab.engine}/${config}` })),
  );
  if (values.list) {
    for (const j of jobs) console.log(`${j.lab.engine}  ${j.config}`);
    console.log(`faults: ${[...faultIds].join(', ')}`);
    return 0;
  }
  if (jobs.length === 0) fail('the selection names no configuration');

  const root = process.cwd();
  const resultsDir = resolve(values['results-dir']!);
  const startedAt = new Date();
  // The code that runs is the code at the start: a commit made while the matrix runs is not what measured it.
  const commit = gitCommit(root);
  const stamp = startedAt.toISOString().replace(/[:.]/g, '-');
  const command = ['npm run faults', ...(process.argv.slice(2).length ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const work = mkdtempSync(join(tmpdir(), 'faults-'));
  console.log(`fault matrix: ${jobs.length} configuration(s) on ${Math.min(lanes, jobs.length)} lane(s); ${crashes} crash(es) per pair, ${runsPerMoment} run(s) per moment per crash; logs in ${work}`);
  const progress = (line: string) => console.log(`[${seconds(Date.now() - startedAt.getTime()).padStart(7)}] ${line}`);

  const measured = await runInLanes(jobs, lanes, async ({ lab, config }, lane): Promise<FaultConfiguration & { engine: string }> => {
    const dir = mkdtempSync(join(work, `${lab.engine}-${config}-`));
    const log = createWriteStream(join(work, `${lab.engine}-${config}.log`), { flags: 'a' });
    const ledgerFile = join(dir, 'ledger.jsonl');
    const runId = `faults-${stamp}-${lab.engine}`;
    const unavailable = lab.unavailable(config);
    const base = { engine: lab.engine, id: config, pairs: [], omitted: [] };
    if (unavailable) {
      progress(`${lab.engine} ${config}: not run: ${unavailable}`);
      return { ...base, engineConfig: placeholderConfig(lab), processes: [{ role: 'server', command: [] }], error: unavailable };
    }
    progress(`${lab.engine} ${config}: deploying on lane ${lane + 1}`);
    let dep: LabDeployment | null = null;
    try {
      dep = await lab.deploy(config, join(dir, 'deployment'), ledgerFile, log);
      await dep.up();
      const roles = dep.processes.map((p) => p.role);
      const { faults, omitted } = applicableFaults(roles, dep.inProcess);
      const selected = faults.filter((f) => !onlyFaults.length || onlyFaults.includes(f.id));
      const pairs = [];
      for (const fault of selected) pairs.push(await measurePair(dep, config, fault, runId, crashes, ledgerFile, { runsPerMoment, completionBoundMs: COMPLETION_BOUND_MS }, progress));
      return { ...base, engineConfig: dep.describe(), processes: dep.processes.map((p) => ({ role: p.role, command: p.command })), pairs, omitted };
    } catch (e) {
      progress(`${lab.engine} ${config}: ERROR ${(e as Error).message}`);
      return {
        ...base,
        engineConfig: dep ? dep.describe() : placeholderConfig(lab),
        processes: dep ? dep.processes.map((p) => ({ role: p.role, command: p.command })) : [{ role: 'server', command: [] }],
        error: (e as Error).message,
      };
    } finally {
      await dep?.teardown().catch(() => {});
      log.end();
    }
  });

  const finishedAt = new Date();
  let errors = 0;
  for (const lab of labs) {
    const configurations = measured.filter((c) => c.engine === lab.engine).map(({ engine: _engine, ...c }) => c);
    if (configurations.length === 0) continue;
    const m = machine();
    const run: RunInfo = {
      id: `faults-${stamp}-${lab.engine}`, engine: lab.engine, startedAt: startedAt.toISOString(), finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(), command, trials: crashes, node: m.node, os: m.os, cpus: m.cpus, gitCommit: commit,
    };
    const fresh = {
      schemaVersion: FAULTS_SCHEMA_VERSION, engine: lab.engine, run,
      scenario: { source: lab.scenarioFile, sourceHash: probeSourceHash(join(root, lab.scenarioFile)) },
      bounds: { crashesPerPair: crashes, runsPerMomentPerCrash: runsPerMoment, stepMs: STEP_MS, sleepMs: SLEEP_MS, completionBoundMs: COMPLETION_BOUND_MS },
      configurations, omittedConfigurations: lab.omittedConfigurations, notes: lab.notes,
    } as const;
    const engineDir = engineResultsDir(resultsDir, lab.engine);
    const { run: _run, ...rest } = fresh;
    const own: FaultMatrix = { ...rest, runs: [run], configurations: [...configurations], omittedConfigurations: [...rest.omittedConfigurations], notes: [...rest.notes] };
    console.log(`wrote ${writeMatrix(engineDir, mergeMatrix(readMatrix(engineDir), { ...own, run }))}`);
    console.log(`archived ${archiveMatrix(engineDir, run.id, own)}`);
    errors += configurations.filter((c) => c.error).length + configurations.flatMap((c) => c.pairs).filter((p) => p.error).length;
    for (const c of configurations) {
      for (const p of c.pairs) {
        const cells = p.cells.map((cell) => `${cell.moment}:${cell.outcome}`).join(' ');
        console.log(`  ${lab.engine} ${c.id.padEnd(34)} ${p.fault.id.padEnd(17)} ${cells}${p.error ? `  ERROR ${p.error}` : ''}`);
      }
    }
  }
  console.log(`wall time ${seconds(finishedAt.getTime() - startedAt.getTime())}`);
  if (errors) console.log(`${errors} configuration(s) or pair(s) errored; logs kept in ${work}`);
  else rmSync(work, { recursive: true, force: true });
  return errors ? 1 : 0;
}

/** The configuration recorded for one that could not be deployed: what the lab knows without starting it. */
function placeholderConfig(lab: FaultLab): FaultConfiguration['engineConfig'] {
  return { engine: lab.engine, version: 'not started', source: 'started', mode: 'not started', flags: [], stateStore: 'not started', sdk: { package: 'none', version: 'none' } };
}

function positive(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) fail(`${flag} must be a positive integer`);
  return n;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

process.on('SIGINT', () => {
  killAllChildren();
  process.exit(130);
});
main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    killAllChildren();
    process.exit(1);
  },
);
