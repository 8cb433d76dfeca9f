/** Runs one probe: its worker, its scenario within its budget, and its result. */
import { join } from 'node:path';
import { readLedger } from '../src/probes/harness/ledger.ts';
import type { ProbeContext, ProbeDefinition, RunView } from '../src/probes/harness/probe.ts';
import type { ProbeResult } from '../src/schema.ts';
import { ENDED_STATUSES, findStepId, RunNotFound, ServerApi } from './api.ts';
import { startDependency, startModelServer, startOtlpReceiver } from './dependency.ts';
import { findPostgresBin, startPostgres } from './postgres.ts';
import type { Engine } from './engine.ts';
import { ProbeSkipped, Recorder } from './recorder.ts';
import { Worker } from './worker.ts';
import { CONNECTED_LINE } from './worker-protocol.ts';

/** Lines the harness itself writes into a worker's log, kept out of what the SDK is said to have printed. */
function isHarnessLine(line: string): boolean {
  return line.startsWith('--- worker start') || / listening on \d+ /.test(line) || line.startsWith(CONNECTED_LINE);
}

/** How often waits poll the server or the ledger. */
const POLL_MS = 100;
/** Default for a single wait inside a scenario; the probe's budget still bounds the whole. */
const DEFAULT_WAIT_MS = 30_000;
/** How long a run's output (or error) may lag behind its status. */
const OUTPUT_SETTLE_MS = 3_000;

/** A probe file, loaded. */
export interface LoadedProbe {
  definition: ProbeDefinition;
  /** Path relative to the project root, e.g. `src/probes/ex/ex-01-progress.ts`. */
  source: string;
  absolutePath: string;
  sourceHash: string;
}

export interface RunProbeOptions {
  engine: Engine;
  /** A directory of this run's own, for ledgers and logs. */
  workDir: string;
  runId: string;
  /** Overrides the probe's budget (tests use it). */
  budgetMs?: number;
}

/** Thrown into a scenario's waits when its budget has run out. */
class BudgetExceeded extends Error {}

async function until<T>(signal: AbortSignal, timeoutMs: number, what: string, poll: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (signal.aborted) throw new BudgetExceeded(`stopped waiting for ${what}: the probe's budget ran out`);
    const value = await poll().catch((e: unknown) => {
      if (e instanceof RunNotFound) return undefined; // listed, not yet readable: poll again
      throw e;
    });
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Where a probe's files go and how to make another worker process for it. */
interface ProbeFiles {
  ledgerFile: string;
  /** A directory for logs of dependencies the probe starts. */
  workDir: string;
  slug: string;
  /** Another worker process of the same probe (for `worker.scale`), writing to its own log. */
  extraWorker(n: number): Worker;
}

function createContext(engine: Engine, worker: Worker, files: ProbeFiles, recorder: Recorder, signal: AbortSignal, cleanups: (() => Promise<void>)[]): ProbeContext {
  const { ledgerFile } = files;
  const api = new ServerApi(() => engine);
  const extras: Worker[] = [];
  cleanups.push(async () => void (await Promise.all(extras.map((w) => w.stop()))));
  const getRun = (id: string) => api.getRun(id);
  const runsForEvent = async (eventId: string): Promise<RunView[]> =>
    Promise.all((await api.runIdsForEvent(eventId)).map(getRun));
  const ledgerEntries = (effect?: string) => readLedger(ledgerFile).filter((e) => effect === undefined || e.effect === effect);

  return {
    send: (name, data, options) => api.send(name, data, options?.id),
    sendBatch: (events) => api.sendBatch(events.map((e) => ({ name: e.name, data: e.data ?? {} }))),
    runsForEvent,
    waitForRuns: (eventId, count = 1, options) =>
      until(signal, options?.timeoutMs ?? DEFAULT_WAIT_MS, `${count} run(s) of event ${eventId}`, async () => {
        const ids = await api.runIdsForEvent(eventId);
        return ids.length >= count ? Promise.all(ids.map(getRun)) : undefined;
      }),
    waitForEnd: async (runId, options) => {
      const ended = await until(signal, options?.timeoutMs ?? DEFAULT_WAIT_MS, `run ${runId} to end`, async () => {
        const run = await getRun(runId);
        return ENDED_STATUSES.has(run.status) ? run : undefined;
      });
      const settled = (run: RunView) => (run.status === 'COMPLETED' ? run.output !== null : run.status === 'FAILED' ? run.error != null : true);
      if (settled(ended)) return ended;
      // The status can change a moment before the output or error is stored: read again briefly.
      return until(signal, OUTPUT_SETTLE_MS, `the output of run ${runId}`, async () => {
        const run = await getRun(runId);
        return settled(run) ? run : undefined;
      }).catch(() => ended);
    },
    getRun,
    getTrace: (runId, options) => api.getTrace(runId, options?.includeOutput ?? false),
    getEvent: (eventId) => api.getEvent(eventId),
    rerun: async (runId, options) => {
      if (!options?.fromStep) return api.rerun(runId);
      const stepId = findStepId(await api.getTrace(runId), options.fromStep);
      if (!stepId) throw new Error(`run ${runId} has no step named "${options.fromStep}" in its trace`);
      return api.rerun(runId, { stepId });
    },
    cancel: (runId) => api.cancel(runId),
    listRuns: async (status, functionId) => (await api.listRuns(status)).filter((r) => r.functionId === functionId).map((r) => r.id),
    callApi: (method, path, body) => api.raw(method, path, body),
    worker: {
      kill: () => worker.kill(),
      start: (env, transport) => worker.start(env, transport),
      get running() {
        return worker.running;
      },
      output: () => worker.output(),
      sdkLines: (pattern, since = 0) =>
        worker
          .output()
          .slice(since)
          .split('\n')
          .map((line) => line.trim())
          .filter((line) => line && !isHarnessLine(line) && pattern.test(line)),
      scale: async (count) => {
        if (count < 1) throw new Error('worker.scale needs at least one worker');
        while (extras.length > count - 1) await extras.pop()!.stop();
        if (worker.transport !== 'connect') {
          // Several processes can only share the work as connect() workers: the first one becomes one too.
          await worker.kill();
          await worker.start(undefined, 'connect');
        }
        while (extras.length < count - 1) {
          const extra = files.extraWorker(extras.length + 2);
          extras.push(extra);
          await extra.start(worker.env, 'connect');
        }
      },
    },
    server: {
      restart: async (options) => {
        const envBefore = JSON.stringify(engine.workerEnv());
        await engine.restart(options);
        if (!worker.running) return;
        // A new mode may need other keys, and connect() workers must dial the new server: restart the worker
        // processes then; otherwise re-sync the HTTP app, as a deploy hook would.
        if (JSON.stringify(engine.workerEnv()) !== envBefore || worker.transport === 'connect') {
          for (const w of [worker, ...extras]) {
            await w.kill();
            await w.start();
          }
        } else await worker.sync();
      },
      get mode() {
        return engine.mode;
      },
      get flags() {
        return engine.flags;
      },
      supports: (mode) => engine.supports(mode),
      get url() {
        return engine.url;
      },
      stores: () => engine.stores(),
    },
    ledger: {
      entries: ledgerEntries,
      count: (effect) => ledgerEntries(effect).length,
      waitFor: (effect, count = 1, options) =>
        until(signal, options?.timeoutMs ?? DEFAULT_WAIT_MS, `${count}× "${effect}" in the ledger`, async () => {
          const found = ledgerEntries(effect);
          return found.length >= count ? found : undefined;
        }),
    },
    check: (name, expected, observed, ok) => recorder.check(name, expected, observed, ok),
    metric: (name, unit, v) => recorder.metric(name, unit, v),
    note: (text) => recorder.note(text),
    startDependency: async ({ status }) => {
      const dependency = await startDependency(status);
      cleanups.push(dependency.close);
      return dependency;
    },
    startPostgres: async () => {
      if (!findPostgresBin()) throw new ProbeSkipped('PostgreSQL is not installed on this machine (Debian: apt-get install postgresql)');
      const pg = await startPostgres(join(files.workDir, `${files.slug}.postgres.log`));
      cleanups.push(pg.close);
      return pg;
    },
    startModelServer: async (options) => {
      const model = await startModelServer(options);
      cleanups.push(model.close);
      return model;
    },
    startOtlpReceiver: async () => {
      const receiver = await startOtlpReceiver();
      cleanups.push(receiver.close);
      return receiver;
    },
    skip: (reason) => {
      throw new ProbeSkipped(reason);
    },
    pause: (ms) =>
      new Promise((resolve, reject) => {
        if (signal.aborted) return reject(new BudgetExceeded('the probe budget ran out'));
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new BudgetExceeded('the probe budget ran out'));
        }, { once: true });
      }),
    signal,
  };
}

/** What a scenario came to, before it is dressed as a result. */
export type Outcome = Pick<ProbeResult, 'verdict' | 'skipReason' | 'error'>;

/**
 * Runs a scenario within a budget and judges it: `skipped` if it skipped, `error` if it threw, overran or checked
 * nothing, otherwise `pass` or `fail` from its checks. The signal is aborted when the budget runs out.
 */
export async function settleScenario(scenario: (signal: AbortSignal) => Promise<void>, budgetMs: number, recorder: Recorder): Promise<Outcome> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`the probe exceeded its budget of ${budgetMs} ms`));
    }, budgetMs);
  });
  try {
    await Promise.race([scenario(abort.signal), overrun]);
    const { verdict, error } = recorder.verdict();
    return error ? { verdict, error: { message: error } } : { verdict };
  } catch (e) {
    if (e instanceof ProbeSkipped) return { verdict: 'skipped', skipReason: e.reason };
    return { verdict: 'error', error: { message: (e as Error).message || String(e) } };
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

/** Runs one probe to a result. Never throws: a broken probe or harness becomes verdict `error`. */
export async function runProbe(probe: LoadedProbe, options: RunProbeOptions): Promise<ProbeResult> {
  const { definition } = probe;
  const started = performance.now();
  const slug = definition.id.toLowerCase();
  const ledgerFile = join(options.workDir, `${slug}.ledger.jsonl`);
  const makeWorker = (suffix: string) =>
    new Worker({
      probeFile: probe.absolutePath,
      serverEnv: () => options.engine.workerEnv(),
      ledgerFile,
      logFile: join(options.workDir, `${slug}.worker${suffix}.log`),
    });
  const worker = makeWorker('');
  const files: ProbeFiles = { ledgerFile, workDir: options.workDir, slug, extraWorker: (n) => makeWorker(`-${n}`) };
  const recorder = new Recorder();
  const cleanups: (() => Promise<void>)[] = [];
  const outcome = await settleScenario(
    async (signal) => {
      await worker.start();
      await definition.run(createContext(options.engine, worker, files, recorder, signal, cleanups));
    },
    options.budgetMs ?? definition.budgetMs,
    recorder,
  ).finally(async () => {
    await worker.stop();
    await Promise.all(cleanups.map((close) => close()));
  });
  return {
    id: definition.id,
    runId: options.runId,
    ...outcome,
    durationMs: Math.round(performance.now() - started),
    checks: recorder.checks,
    metrics: recorder.metrics,
    notes: recorder.notes,
    source: probe.source,
    sourceHash: probe.sourceHash,
  };
}
