/**
 * Inngest's probe context: events, runs, traces, reruns and cancellation through the server's APIs, the worker
 * (an HTTP `serve()` app or `connect()` processes) and the server itself, on top of the core's context.
 */
import { join } from 'node:path';
import type { ProbeContext, ProbeDefinition, RunView } from '../../../src/probes/inngest/harness/probe.ts';
import type { LoadedProbe, TrialRun } from '../../core/driver.ts';
import { coreContext, DEFAULT_WAIT_MS, until as untilCore } from '../../core/scenario.ts';
import { ENDED_STATUSES, findStepId, RunNotFound, ServerApi } from './api.ts';
import type { Engine } from './driver.ts';
import { Worker } from './worker.ts';
import { CONNECTED_LINE } from './worker-protocol.ts';

/** Lines the harness itself writes into a worker's log, kept out of what the SDK is said to have printed. */
function isHarnessLine(line: string): boolean {
  return line.startsWith('--- worker start') || / listening on \d+ /.test(line) || line.startsWith(CONNECTED_LINE);
}

/** How long a run's output (or error) may lag behind its status. */
const OUTPUT_SETTLE_MS = 3_000;

/** A run that is listed but not yet readable is "not yet", not broken: poll again. */
function until<T>(signal: AbortSignal, timeoutMs: number, what: string, poll: () => Promise<T | undefined>): Promise<T> {
  return untilCore(signal, timeoutMs, what, poll, (e) => e instanceof RunNotFound);
}

/** How to make another worker process of the same probe (for `worker.scale`), writing to its own log. */
type ExtraWorker = (n: number) => Worker;

function createContext(engine: Engine, worker: Worker, extraWorker: ExtraWorker, run: TrialRun, repointClient: () => void): ProbeContext {
  const { signal, files } = run;
  const { cleanups } = files;
  const api = new ServerApi(() => engine);
  const extras: Worker[] = [];
  cleanups.push(async () => void (await Promise.all(extras.map((w) => w.stop()))));
  const getRun = (id: string) => api.getRun(id);
  const runsForEvent = async (eventId: string): Promise<RunView[]> =>
    Promise.all((await api.runIdsForEvent(eventId)).map(getRun));

  return {
    ...coreContext(files, run.recorder, signal),
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
      start: (env, transport, options) => worker.start(env, transport, options),
      get serveUrl() {
        return worker.serveUrl;
      },
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
          const extra = extraWorker(extras.length + 2);
          extras.push(extra);
          await extra.start(worker.env, 'connect');
        }
      },
    },
    server: {
      restart: async (options) => {
        const envBefore = JSON.stringify(engine.workerEnv());
        await engine.restart(options);
        repointClient();
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
  };
}

/**
 * Points the probe's own Inngest client (used by scenarios that send events the way an application would, with
 * `inngest.send`) at this server in its current mode, through the SDK's `setEnvVars`. Keys of another mode are
 * cleared, so a client never carries a self-hosted key to the dev server or back.
 */
function pointClient(definition: ProbeDefinition, engine: Engine): void {
  definition.client.setEnvVars({ INNGEST_SIGNING_KEY: undefined, INNGEST_EVENT_KEY: undefined, ...engine.workerEnv() });
}

/**
 * Runs one trial of an Inngest probe on a server: starts the probe's worker (and stops it, with any extra ones,
 * when the trial ends), then the scenario with the context above.
 */
export async function runInngestScenario(probe: LoadedProbe<ProbeDefinition>, engine: Engine, run: TrialRun): Promise<void> {
  const { files } = run;
  const makeWorker = (suffix: string) =>
    new Worker({
      probeFile: probe.absolutePath,
      serverEnv: () => engine.workerEnv(),
      ledgerFile: files.ledgerFile,
      logFile: join(files.workDir, `${files.slug}.worker${suffix}.log`),
    });
  const worker = makeWorker('');
  files.cleanups.push(() => worker.stop());
  await worker.start();
  pointClient(probe.definition, engine);
  await probe.definition.run(createContext(engine, worker, (n) => makeWorker(`-${n}`), run, () => pointClient(probe.definition, engine)));
}
