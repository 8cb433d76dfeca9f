/**
 * `npm run probes [-- --only EX-03,RT] [--server-url URL] [--results-dir DIR] [--concurrency N] [--list]`
 *
 * Starts the real Inngest server (or connects to one), runs the selected probes against it, and merges their
 * results into `results/<category>.json`; every run is also archived whole in `results/history/<runId>.json`.
 * Exits non-zero when any probe errored or no server could be had.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ProbeResult, RunInfo } from '../src/schema.ts';
import { hashFile, idOfFile, listProbeFiles, loadProbe, selectProbeFiles } from './discover.ts';
import { connectEngine, findBinary, HOW_TO_GET_A_SERVER, killAllEngines, startEngine, URL_ENV, type Engine } from './engine.ts';
import { gitCommit, machine, sdkVersion } from './provenance.ts';
import { formatLine, formatSummary } from './progress.ts';
import { archiveRun, historyDir, recordRun } from './history.ts';
import { mergeResults, readResults, writeResults } from './results.ts';
import { runProbe, type LoadedProbe } from './run-probe.ts';
import { runScheduled } from './schedule.ts';
import { killAllWorkers } from './worker.ts';

const USAGE = `Usage: npm run probes -- [options]
  --only SEL          criteria (EX-03) or categories (EX), comma-separated or repeated; default: all
  --server-url URL    use an Inngest server that is already running (or set ${URL_ENV})
  --results-dir DIR   where results/<category>.json and history/<runId>.json live (default: results)
  --concurrency N     probes run side by side, except those that must run alone (default: 4)
  --list              list the probes and exit`;

/** The server this run started or joined; stopped on every way out. */
let engine: Engine | undefined;

async function main(): Promise<number> {
  const root = process.cwd();
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
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
  const files = selectProbeFiles(listProbeFiles(root), values.only);
  if (values.list) {
    for (const f of files) console.log(`${idOfFile(f)}  ${f}`);
    return 0;
  }
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('--concurrency must be a positive integer');

  const startedAt = new Date();
  const runId = `run-${startedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
  const workDir = mkdtempSync(join(tmpdir(), `inngest-probes-${runId}-`));

  const serverUrl = values['server-url'] ?? process.env[URL_ENV];
  if (serverUrl) {
    engine = await connectEngine(serverUrl);
  } else {
    const bin = findBinary(process.env, root);
    if (!bin) {
      console.error(HOW_TO_GET_A_SERVER);
      return 2;
    }
    console.log(`Starting inngest dev from ${bin.path} (found via ${bin.via}) …`);
    engine = await startEngine(bin, join(workDir, 'server.log'));
  }
  const server: Engine = engine;
  // Probe modules build Inngest clients when imported; point them at the server under test.
  Object.assign(process.env, server.workerEnv());

  let interrupted = false;
  const interrupt = (signal: string) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping; results/ is left as it was.`);
    killAllWorkers();
    killAllEngines();
    process.exit(130);
  };
  process.on('SIGINT', () => interrupt('SIGINT'));
  process.on('SIGTERM', () => interrupt('SIGTERM'));

  console.log(`Inngest server ${server.version} at ${server.url} (${server.source}); ${files.length} probe(s), work dir ${workDir}\n`);

  type Job = { file: string; probe?: LoadedProbe; loadError?: string; exclusive: boolean };
  const jobs: Job[] = [];
  for (const file of files) {
    try {
      const probe = await loadProbe(root, file);
      jobs.push({ file, probe, exclusive: probe.definition.exclusive ?? false });
    } catch (e) {
      jobs.push({ file, loadError: (e as Error).message, exclusive: false });
    }
  }

  const results = await runScheduled(jobs, concurrency, async (job): Promise<ProbeResult> => {
    const result: ProbeResult = job.probe
      ? await runProbe(job.probe, { engine: server, workDir, runId })
      : {
          id: idOfFile(job.file), runId, verdict: 'error', durationMs: 0, checks: [], metrics: [], notes: [],
          error: { message: `could not load the probe: ${job.loadError}` }, source: job.file, sourceHash: hashFile(join(root, job.file)),
        };
    if (!interrupted) console.log(formatLine(result));
    return result;
  });
  if (interrupted) return 130;

  const finishedAt = new Date();
  const run: RunInfo = {
    id: runId,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: finishedAt.getTime() - startedAt.getTime(),
    command: ['npm run probes', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    engine: { kind: server.kind, source: server.source, serverVersion: server.version, flags: server.flags, stateStore: server.stateStore },
    sdkVersion: sdkVersion(root),
    ...machine(),
    gitCommit: gitCommit(root),
  };
  await server.stop();

  const resultsDir = resolve(root, values['results-dir']);
  // The archive first: the latest files then never name a run the archive lacks.
  console.log(`archived ${archiveRun(historyDir(resultsDir), recordRun(run, results))}`);
  const byCategory = new Map<string, ProbeResult[]>();
  for (const r of results) byCategory.set(r.id.slice(0, 2).toLowerCase(), [...(byCategory.get(r.id.slice(0, 2).toLowerCase()) ?? []), r]);
  for (const [category, fresh] of byCategory) {
    const file = join(resultsDir, `${category}.json`);
    const written = writeResults(resultsDir, mergeResults(readResults(file), category, run, fresh));
    console.log(`wrote ${written}`);
  }

  console.log('\n' + formatSummary(results));
  const errored = results.filter((r) => r.verdict === 'error').length;
  if (errored > 0) {
    console.log(`\n${errored} probe(s) errored; server and worker logs kept in ${workDir}`);
    return 1;
  }
  rmSync(workDir, { recursive: true, force: true });
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (e: Error) => {
    killAllWorkers();
    await engine?.stop().catch(() => killAllEngines());
    console.error(`npm run probes: ${e.message}`);
    process.exit(2);
  },
);
