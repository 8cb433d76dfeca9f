/**
 * Temporal's probe context: the SDK's `Client` on the server under test, event histories, reset and local replay,
 * the worker process and the dev server itself, on top of the core's context.
 */
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection, type WorkflowHandle } from '@temporalio/client';
import proto from '@temporalio/proto';
const { temporal } = proto;
import { bundleWorkflowCode, Worker, type BundlerPlugin } from '@temporalio/worker';
import type { HistoryEventView, ProbeContext, ProbeDefinition } from '../../../src/probes/temporal/harness/probe.ts';
import type { LoadedProbe, TrialRun } from '../../core/driver.ts';
import { coreContext } from '../../core/scenario.ts';
import { NAMESPACE, type Engine } from './driver.ts';
import { TemporalWorker } from './worker.ts';
import { READY_LINE } from './worker-protocol.ts';

type History = proto.temporal.api.history.v1.IHistory;
type Long = NonNullable<proto.temporal.api.workflowservice.v1.IResetWorkflowExecutionRequest['workflowTaskFinishEventId']>;
type Timestamp = { seconds?: { toNumber(): number } | number | null; nanos?: number | null } | null | undefined;

/** Bundled workflow code, kept per module and content for the whole run: bundling takes seconds. */
const bundleCache = new Map<string, Promise<{ code: string; ms: number }>>();

function bundle(module: URL, sourceKey: string, workflowInterceptorModules?: string[], plugins?: BundlerPlugin[]): Promise<{ code: string; ms: number }> {
  const key = `${module.href}#${sourceKey}`;
  let cached = bundleCache.get(key);
  if (!cached) {
    cached = (async () => {
      const started = performance.now();
      const { code } = await bundleWorkflowCode({ workflowsPath: fileURLToPath(module), workflowInterceptorModules, plugins, logger: quietLogger });
      return { code, ms: performance.now() - started };
    })();
    bundleCache.set(key, cached);
    cached.catch(() => bundleCache.delete(key));
  }
  return cached;
}

/** The bundler logs every module it packs at INFO; keep its warnings and errors only. */
const quietLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(`[workflow bundler] ${message}`),
  error: (message: string) => console.error(`[workflow bundler] ${message}`),
};

function millis(t: Timestamp): number {
  if (!t) return 0;
  const seconds = typeof t.seconds === 'number' ? t.seconds : t.seconds ? t.seconds.toNumber() : 0;
  // Truncated to the millisecond, as the SDK's own tsToMs does: a time read here equals what workflow code saw.
  return seconds * 1000 + Math.floor((t.nanos ?? 0) / 1e6);
}

/** One history event in the few fields probes compare. */
export function summariseEvent(e: proto.temporal.api.history.v1.IHistoryEvent): HistoryEventView {
  const type = (temporal.api.enums.v1.EventType[e.eventType ?? 0] ?? String(e.eventType)).replace(/^EVENT_TYPE_/, '');
  const failure =
    e.activityTaskFailedEventAttributes?.failure?.message ??
    e.workflowTaskFailedEventAttributes?.failure?.message ??
    e.workflowExecutionFailedEventAttributes?.failure?.message ??
    undefined;
  const name =
    e.activityTaskScheduledEventAttributes?.activityType?.name ??
    e.timerStartedEventAttributes?.timerId ??
    e.workflowExecutionSignaledEventAttributes?.signalName ??
    e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name ??
    undefined;
  const attempt = e.activityTaskStartedEventAttributes?.attempt ?? undefined;
  const causeCode = e.workflowTaskFailedEventAttributes?.cause;
  const cause = causeCode ? (temporal.api.enums.v1.WorkflowTaskFailedCause[causeCode] ?? String(causeCode)).replace(/^WORKFLOW_TASK_FAILED_CAUSE_/, '') : undefined;
  const eventId = typeof e.eventId === 'number' ? e.eventId : Number(e.eventId ?? 0);
  return {
    eventId, type, time: millis(e.eventTime as Timestamp),
    ...(name ? { name } : {}), ...(attempt ? { attempt } : {}), ...(failure ? { failure } : {}), ...(cause ? { cause } : {}),
  };
}

function createContext(probe: LoadedProbe<ProbeDefinition>, engine: Engine, worker: TemporalWorker, run: TrialRun, ids: { taskQueue: string; trial: string }, bundles: (d: string) => Promise<{ code: string; ms: number }>, extraWorker?: (taskQueue: string) => TemporalWorker): ProbeContext {
  const { signal, files } = run;
  let connection: Connection | null = null;
  let client: Client | null = null;
  let clientAddress = '';
  const connections: Connection[] = [];
  files.cleanups.push(async () => void (await Promise.all(connections.map((c) => c.close().catch(() => {})))));
  const connect = async () => {
    if (client && clientAddress === engine.address) return;
    connection = await Connection.connect({ address: engine.address });
    connections.push(connection);
    client = new Client({ connection, namespace: NAMESPACE });
    clientAddress = engine.address;
  };

  const context: ProbeContext = {
    ...coreContext(files, run.recorder, signal),
    get client() {
      if (!client) throw new Error('the Temporal client is not connected yet');
      return client;
    },
    taskQueue: ids.taskQueue,
    workflowId: (name) => `${probe.definition.id.toLowerCase()}-${name}-${ids.trial}`,
    history: async (handle: WorkflowHandle) => ((await handle.fetchHistory()).events ?? []).map(summariseEvent),
    reset: async (handle, toEventId, reason) => {
      const described = await handle.describe();
      // The generated types want a Long for the event id; protobufjs takes a number as well.
      const request = { namespace: NAMESPACE, workflowExecution: { workflowId: handle.workflowId, runId: described.runId }, reason, workflowTaskFinishEventId: toEventId as unknown as Long, requestId: randomUUID() };
      const response: proto.temporal.api.workflowservice.v1.IResetWorkflowExecutionResponse = await context.client.workflowService.resetWorkflowExecution(request);
      return response.runId ?? '';
    },
    replay: async (handle, deployment = worker.deployment) => {
      const history: History = await handle.fetchHistory();
      const { code } = await bundles(deployment);
      try {
        await Worker.runReplayHistory({ workflowBundle: { code }, replayName: `${handle.workflowId}@${deployment}` }, history);
        return { error: null };
      } catch (e) {
        const error = e as Error;
        return { error: error.message, name: error.name };
      }
    },
    replayHistories: async (histories, deployment = worker.deployment) => {
      const { code } = await bundles(deployment);
      const results: { workflowId: string; error: null | { name: string; message: string } }[] = [];
      for await (const r of Worker.runReplayHistories({ workflowBundle: { code }, replayName: `replay@${deployment}` }, histories)) {
        results.push({ workflowId: r.workflowId, error: r.error ? { name: r.error.name, message: r.error.message } : null });
      }
      return results;
    },
    worker: {
      kill: () => worker.kill(),
      start: (options) => worker.start(options),
      get running() {
        return worker.running;
      },
      get deployment() {
        return worker.deployment;
      },
      output: () => worker.output(),
      get pid() {
        return worker.pid;
      },
      startExtra: async (options = {}) => {
        if (!extraWorker) throw new Error('this runner cannot start extra workers');
        const { taskQueue = ids.taskQueue, ...start } = options;
        const extra = extraWorker(taskQueue);
        files.cleanups.push(() => extra.stop());
        await extra.start({ deployment: worker.deployment, ...start });
        return {
          taskQueue,
          get pid() {
            return extra.pid;
          },
          get running() {
            return extra.running;
          },
          kill: () => extra.kill(),
        };
      },
      sdkLines: (pattern, since = 0) =>
        worker
          .output()
          .slice(since)
          .split('\n')
          .map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim()) // the SDK's core colours its log lines
          .filter((line) => line && !line.startsWith('--- worker start') && !line.startsWith(READY_LINE) && pattern.test(line)),
    },
    server: {
      restart: async (options) => {
        const addressBefore = engine.address;
        await engine.restart(options);
        await connect();
        // Clients and workers reconnect to the same address by themselves; a new address needs a new worker.
        if (engine.address !== addressBefore && worker.running) {
          await worker.kill();
          await worker.start();
        }
      },
      get mode() {
        return engine.mode;
      },
      get flags() {
        return engine.flags;
      },
      get address() {
        return engine.address;
      },
      get pid() {
        return engine.pid;
      },
      get metricsUrl() {
        return engine.metricsUrl;
      },
      get uiUrl() {
        return engine.uiUrl;
      },
      get stateFile() {
        return engine.stateFile;
      },
      get startMs() {
        return engine.startMs;
      },
    },
  };
  return Object.assign(context, { connect });
}

/**
 * Runs one trial of a Temporal probe: bundles its workflow code (once per run), starts its worker on a task queue
 * of the trial's own, connects a client, then runs the scenario. What the harness itself cost (bundling, worker
 * start-up) is recorded apart from the probe's measurements.
 */
export async function runTemporalScenario(probe: LoadedProbe<ProbeDefinition>, engine: Engine, run: TrialRun): Promise<void> {
  const { files } = run;
  const definition = probe.definition;
  const trial = `${files.slug.replace(/[^a-z0-9]+/gi, '-')}-${randomUUID().slice(0, 8)}`;
  const taskQueue = `probe-${trial}`;
  const bundles = async (deployment: string) => {
    const module = deployment === 'v1' ? definition.workflows : definition.deployments?.[deployment];
    if (!module) throw new Error(`${probe.source} has no workflow deployment "${deployment}"`);
    // The worker's plugins shape the bundle too, as `Worker.create` with `workflowsPath` would let them.
    return bundle(module, probe.sourceHash, definition.workflowInterceptorModules, definition.worker?.plugins as BundlerPlugin[] | undefined);
  };
  const workerOptions: ConstructorParameters<typeof TemporalWorker>[0] = {
    probeFile: probe.absolutePath,
    bundles: async (deployment) => {
      const { code } = await bundles(deployment);
      const path = join(files.workDir, `${files.slug}.workflows-${deployment}.js`);
      writeFileSync(path, code);
      return path;
    },
    address: () => engine.address,
    namespace: NAMESPACE,
    taskQueue,
    ledgerFile: files.ledgerFile,
    logFile: join(files.workDir, `${files.slug}.worker.log`),
  };
  const worker = new TemporalWorker(workerOptions);
  files.cleanups.push(() => worker.stop());
  let extras = 0;
  const extraWorker = (queue: string) => new TemporalWorker({ ...workerOptions, taskQueue: queue, logFile: join(files.workDir, `${files.slug}.worker-extra-${++extras}.log`) });
  const context = createContext(probe, engine, worker, run, { taskQueue, trial }, bundles, extraWorker) as ProbeContext & { connect(): Promise<void> };
  await context.connect();
  await worker.start();
  try {
    await definition.run(context);
  } finally {
    run.recorder.metric('harness: worker start-up (spawn to polling)', 'ms', worker.startMs);
  }
}
