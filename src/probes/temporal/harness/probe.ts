/**
 * What a Temporal probe is, and the toolbox its scenario receives. The runner implements `ProbeContext`; probe
 * files only see this interface, so they never import the runner.
 *
 * A Temporal probe has three parts, each where Temporal wants it:
 * - **workflows** in a module of their own (`<id>-<slug>.workflows.ts`), because the worker bundles that module
 *   and runs it in its deterministic sandbox; it imports nothing but `@temporalio/workflow` (and types);
 * - **activities**, plain async functions in the probe file, run by the worker process; their effects go to the
 *   ledger with `record`;
 * - the **scenario** (`run`), in the runner: it starts workflows with the SDK's own `Client`, crashes the worker
 *   or restarts the server, and checks what happened.
 */
import type { Client, WorkflowHandle } from '@temporalio/client';
import type { ReplayHistoriesIterable, WorkerOptions } from '@temporalio/worker';
import type { Sinks } from '@temporalio/workflow';
import type { CoreProbeContext, CoreProbeDefinition } from '../../core/context.ts';

export type { Dependency, ModelServer, OtlpReceiver, Postgres, ReceivedSpan, WaitOptions } from '../../core/context.ts';

/**
 * How the dev server keeps its state: `state-file` (the baseline) is `temporal server start-dev --db-filename
 * <file>`, SQLite on disk; `in-memory` is the dev server's default, SQLite in memory (lost when the process ends).
 */
export type ServerMode = 'state-file' | 'in-memory';

/** One event of a workflow's history, as the server recorded it. */
export interface HistoryEventView {
  eventId: number;
  /** The event type without its prefix, e.g. `ACTIVITY_TASK_SCHEDULED`. */
  type: string;
  /** When the server recorded it (ms since the epoch). */
  time: number;
  /** For activity events: the activity type; for timers: the timer id; for signals: the signal name. */
  name?: string;
  /** For ACTIVITY_TASK_STARTED: the attempt; for failures: the failure message. */
  attempt?: number;
  failure?: string;
  /** For WORKFLOW_TASK_FAILED: the cause without its prefix, e.g. `NON_DETERMINISTIC_ERROR`. */
  cause?: string;
}

/**
 * The sink through which workflow code writes to the ledger: `proxySinks<LedgerSinks>().ledger.record(name, data)`.
 * Sinks are the SDK's way out of the sandbox. This one is called during replay too (`callDuringReplay`), and each
 * entry adds `replaying` (the SDK's `workflowInfo().unsafe.isReplaying` at the call), so a probe can count how
 * often workflow code really ran, first time and replays alike.
 */
export interface LedgerSinks extends Sinks {
  ledger: { record(effect: string, data?: Record<string, unknown>): void };
}

/** Options of a worker start. */
export interface WorkerStart {
  /**
   * Which deployment of the workflow code the worker runs: `v1` is `definition.workflows`, other labels are the
   * modules in `definition.deployments`. Plays a redeploy of the same workflow types with changed code.
   */
  deployment?: string;
  /** Environment visible to the activities (e.g. a switch the probe flips between starts). */
  env?: Record<string, string>;
  /**
   * Worker options for this start and later ones, over the definition's `worker` (JSON-serialisable ones only:
   * they cross into the worker process), e.g. `{ maxCachedWorkflows: 0 }` to replay every workflow task.
   */
  options?: WorkerTuning;
}

/**
 * The SDK's worker options a probe may set per start: slots, caching, rate limits and deployment. Only
 * JSON-serialisable ones, as they cross into the worker process.
 */
export type WorkerTuning = Partial<
  Pick<
    WorkerOptions,
    | 'maxCachedWorkflows'
    | 'stickyQueueScheduleToStartTimeout'
    | 'maxConcurrentWorkflowTaskExecutions'
    | 'maxConcurrentActivityTaskExecutions'
    | 'maxActivitiesPerSecond'
    | 'maxTaskQueueActivitiesPerSecond'
    | 'workerDeploymentOptions'
  >
>;

/** The toolbox a Temporal probe's scenario gets from the runner: the core's, and Temporal's own. */
export interface ProbeContext extends CoreProbeContext {
  /**
   * The TypeScript SDK's own `Client`, connected to the server under test (namespace `default`): start, signal,
   * query, update, result, describe, list, cancel, terminate and fetchHistory all go through it, as in an
   * application. After a server restart this is a new client: read `t.client` again rather than keeping one.
   */
  readonly client: Client;
  /** The task queue this trial's worker polls; start workflows on it. */
  readonly taskQueue: string;
  /** A workflow id unique to this trial, e.g. `t.workflowId('order')` → `ex-01-order-<trial>`. */
  workflowId(name: string): string;
  /** A workflow's event history, summarised (from the SDK's `fetchHistory`). */
  history(handle: WorkflowHandle): Promise<HistoryEventView[]>;
  /**
   * Resets a workflow to an event (a WORKFLOW_TASK_COMPLETED, _TIMED_OUT or _FAILED event id) through the
   * server's ResetWorkflowExecution; resolves to the new run id.
   */
  reset(handle: WorkflowHandle, toEventId: number, reason: string): Promise<string>;
  /**
   * Replays a recorded history against a deployment of the workflow code with the SDK's
   * `Worker.runReplayHistory`, locally, without the server. Resolves to the error it raised, or null.
   */
  replay(handle: WorkflowHandle, deployment?: string): Promise<{ error: null } | { error: string; name: string }>;
  /**
   * Replays many recorded histories against a deployment of the workflow code with the SDK's
   * `Worker.runReplayHistories` (e.g. `t.client.workflow.list({ query }).intoHistories()`), locally; one result per
   * history, in the order replayed, with the error it raised or null.
   */
  replayHistories(histories: ReplayHistoriesIterable, deployment?: string): Promise<{ workflowId: string; error: null | { name: string; message: string } }[]>;

  /** The probe's worker: a child process running the SDK's `Worker` on this trial's task queue. */
  worker: {
    /** Kills the worker with SIGKILL: no graceful shutdown, like a crashed container. */
    kill(): Promise<void>;
    /** Starts the worker again (or for the first time, with other options); resolves once it polls. */
    start(options?: WorkerStart): Promise<void>;
    /** Whether the worker process is alive now. */
    readonly running: boolean;
    /** The deployment the worker runs now. */
    readonly deployment: string;
    /** Everything the worker processes printed so far (the SDK logs its warnings and errors here). */
    output(): string;
    /** Lines the worker printed (not the harness's own; colour codes removed) matching `pattern`, optionally after a mark `since`. */
    sdkLines(pattern: RegExp, since?: number): string[];
    /** The worker process's pid while it runs (ledger entries carry the pid of the process that wrote them). */
    readonly pid: number | null;
    /**
     * Starts one more worker process with the same activities and workflow code: on this trial's task queue (a
     * second replica), or on `taskQueue` (e.g. a queue per tenant). Stopped when the probe ends.
     */
    startExtra(options?: WorkerStart & { taskQueue?: string }): Promise<ExtraWorker>;
  };
  /** The Temporal dev server under test. */
  server: {
    /**
     * Stops the server (SIGTERM, or SIGKILL with `kill: true`) and starts it again on the same ports. With
     * `keepState: false` its state file is deleted first; `mode` switches between `state-file` and `in-memory`.
     */
    restart(options?: { mode?: ServerMode; keepState?: boolean; kill?: boolean; flags?: string[] }): Promise<void>;
    readonly mode: ServerMode;
    readonly flags: string[];
    /** host:port of the frontend gRPC service. */
    readonly address: string;
    /** The server process's pid. */
    readonly pid: number | null;
    /** Its Prometheus endpoint (`--metrics-port`), e.g. to see which services report from the one process. */
    readonly metricsUrl: string;
    /** The Web UI's base URL; it answers only when the probe runs the server with `needs: { flags: ['--headless=false'] }`. */
    readonly uiUrl: string;
    /** Its SQLite state file (`--db-filename`), or null in memory; SQLite keeps `-wal` and `-shm` files beside it. */
    readonly stateFile: string | null;
    /** How long each start of the server took, from spawn to the default namespace answering (ms). */
    readonly startMs: readonly number[];
  };
}

/** An extra worker process started by `t.worker.startExtra()`. */
export interface ExtraWorker {
  readonly taskQueue: string;
  readonly pid: number | null;
  readonly running: boolean;
  /** SIGKILL, like the main worker's `kill()`. */
  kill(): Promise<void>;
}

/** A Temporal probe: one criterion, its workflows and activities, and the scenario that exercises them. */
export interface ProbeDefinition extends CoreProbeDefinition<ServerMode> {
  /** The module with this probe's workflows (deployment `v1`): `new URL('./x.workflows.ts', import.meta.url)`. */
  workflows: URL;
  /** Other deployments of the workflow code, by label, for probes that play a redeploy. */
  deployments?: Record<string, URL>;
  /** The activities the worker registers. */
  activities: Record<string, (...args: any[]) => Promise<unknown>>;
  /**
   * Modules bundled with the workflow code whose `interceptors` export registers workflow interceptors (the SDK's
   * `workflowInterceptorModules`), e.g. `@temporalio/interceptors-opentelemetry/lib/workflow-interceptors`.
   */
  workflowInterceptorModules?: string[];
  /** Worker options beyond connection, task queue, workflows and activities (e.g. concurrency limits). */
  worker?: Partial<Omit<WorkerOptions, 'connection' | 'taskQueue' | 'workflowsPath' | 'workflowBundle' | 'activities'>>;
  /** The scenario: start, fault, wait, observe, check. */
  run(t: ProbeContext): Promise<void>;
}

/** Declares a probe. The identity function gives the probe file its types. */
export function defineProbe(definition: ProbeDefinition): ProbeDefinition {
  return definition;
}
