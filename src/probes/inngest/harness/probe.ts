/**
 * What a probe is, and the toolbox its scenario receives. The runner implements `ProbeContext`; probe files only
 * see this interface, so they never import the runner.
 */
import type { Inngest, InngestFunction } from 'inngest';
import type { CoreProbeContext, CoreProbeDefinition, WaitOptions } from '../../core/context.ts';

export type { Dependency, ModelServer, OtlpReceiver, OtlpRequest, Postgres, ReceivedSpan, WaitOptions } from '../../core/context.ts';

/** How the server under test runs; see `ProbeContext.server.restart`. */
export type ServerMode = 'dev' | 'dev-persist' | 'self-hosted' | 'self-hosted-embedded-redis';

/** A run as the server reports it. `status` is the server's own word (e.g. COMPLETED, FAILED, RUNNING). */
export interface RunView {
  id: string;
  status: string;
  /** The function's return value, as the server stored it (JSON-decoded). */
  output: unknown;
  /** The error text when the run failed, as the server stored it. */
  error?: unknown;
  startedAt?: string;
  endedAt?: string;
}

/** One span of a run's trace: a step, an attempt, a sleep, … as the server's trace API shows it. */
export interface TraceSpan {
  name: string;
  status: string;
  stepOp?: string;
  stepId?: string;
  attempts?: number;
  queuedAt?: string;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  /** The step's recorded output, when the trace was read with outputs. */
  output?: unknown;
  children: TraceSpan[];
}

export interface SendOptions {
  /** Event id: the server deduplicates events that share it. */
  id?: string;
}

/** The toolbox a probe's scenario gets from the runner: the core's, and Inngest's own endpoints. */
export interface ProbeContext extends CoreProbeContext {
  /** Sends an event to the server; resolves to the event id the server assigned. */
  send(name: string, data?: Record<string, unknown>, options?: SendOptions): Promise<string>;
  /** Sends many events in one request; resolves to their ids, in order. */
  sendBatch(events: { name: string; data?: Record<string, unknown> }[]): Promise<string[]>;
  /** Every run the server started for an event, as seen now. */
  runsForEvent(eventId: string): Promise<RunView[]>;
  /** Waits until the event has started at least `count` runs, then returns them. */
  waitForRuns(eventId: string, count?: number, options?: WaitOptions): Promise<RunView[]>;
  /** Waits until a run has ended (completed, failed or cancelled) and returns it. */
  waitForEnd(runId: string, options?: WaitOptions): Promise<RunView>;
  /** The run as the server reports it now. */
  getRun(runId: string): Promise<RunView>;
  /** The run's trace: one span per step and attempt, with timings (and recorded outputs if asked). */
  getTrace(runId: string, options?: { includeOutput?: boolean }): Promise<TraceSpan>;
  /** An event as the server stored it: its name and data. */
  getEvent(eventId: string): Promise<{ name: string; data: Record<string, unknown> }>;
  /**
   * Asks the server to run a finished run again (its "rerun"); resolves to the new run's id. With `fromStep`
   * (a step name), the new run starts at that step and reuses the recorded outputs of the steps before it.
   */
  rerun(runId: string, options?: { fromStep?: string }): Promise<string>;
  /** Cancels a run through the server's API. */
  cancel(runId: string): Promise<void>;
  /** Ids of runs the server lists in a status (e.g. FAILED), for one of this probe's functions. */
  listRuns(status: string, functionId: string): Promise<string[]>;
  /** A raw call to the server's HTTP API, for probes that examine an endpoint itself. */
  callApi(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }>;

  /** The probe's worker: the HTTP app that serves this probe's functions through the SDK. */
  worker: {
    /** Kills the worker with SIGKILL: no cleanup, no goodbye, like a crashed container. */
    kill(): Promise<void>;
    /**
     * Starts the worker again and syncs it with the server. `env` is visible to the function code. `transport`
     * `connect` runs it as the SDK's persistent-connection worker instead of an HTTP `serve()` app; env and
     * transport carry over to later starts that name none. `{ sync: false }` starts an HTTP app without syncing
     * it, for probes that watch the dev server find it by itself (`-u <serveUrl>` and polling).
     */
    start(env?: Record<string, string>, transport?: 'serve' | 'connect', options?: { sync?: boolean }): Promise<void>;
    /** The URL of the worker's HTTP app (`serve()`), the one a deploy hook or `inngest dev -u` syncs. */
    readonly serveUrl: string;
    /** Whether the worker process is alive now. */
    readonly running: boolean;
    /** Everything the worker processes printed so far (SDK warnings and errors land here). */
    output(): string;
    /**
     * Lines the SDK printed (not the harness's own) matching `pattern`, optionally only those after `since`, a
     * mark taken earlier from `output().length`.
     */
    sdkLines(pattern: RegExp, since?: number): string[];
    /**
     * Runs `count` worker processes of the app at once, all as `connect()` workers: each dials the server, which
     * spreads runs over the connections (an HTTP `serve()` app is one URL, scaled behind a load balancer instead).
     * `scale(1)` stops the extra ones. Ledger entries carry each process's pid.
     */
    scale(count: number): Promise<void>;
  };
  /** The Inngest server under test. */
  server: {
    /**
     * Stops the server (SIGTERM) and starts it again on the same ports and data directory, optionally in another
     * mode, then re-syncs the worker. `dev`: `inngest dev`; `dev-persist`: `inngest dev --persist`;
     * `self-hosted`: `inngest start` with run state in an external Redis; `self-hosted-embedded-redis`:
     * `inngest start` with its embedded Redis. Extra `flags` (e.g. `--retry-interval 1`) and `env` (e.g. a
     * feature switch) stay until a restart names others. Never restore the server by hand at the end: the runner
     * puts it back on its baseline after every probe; a probe that needs a configuration from its start declares
     * it as `needs` instead. `redis` sets the persistence of the external Redis in `self-hosted` mode (`none`, the
     * default; `aof-everysec` or `aof-always`: an append-only file fsynced every second or on every write); a
     * change starts a fresh Redis.
     */
    restart(options?: { mode?: ServerMode; flags?: string[]; env?: Record<string, string>; redis?: 'none' | 'aof-everysec' | 'aof-always' }): Promise<void>;
    /** Flags the server runs with now, ports masked. */
    readonly flags: string[];
    /** The mode the server runs in now. */
    readonly mode: ServerMode;
    /** Whether the runner can start a mode on this machine (self-hosted needs `redis-server`). */
    supports(mode: ServerMode): boolean;
    /** Base URL of the server, e.g. http://127.0.0.1:PORT. */
    readonly url: string;
    /**
     * Looks inside the server's own stores now: keys and memory of its Redis (only where the runner started that
     * Redis, i.e. `self-hosted` mode) and the bytes of the SQLite files in its data directory.
     */
    stores(): Promise<StoreUsage>;
  };

  /**
   * Starts a real PostgreSQL on loopback (Debian's `postgresql`), with an empty database for the server; point the
   * server at it with `server.restart({ mode: 'self-hosted', flags: ['--postgres-uri', pg.uri] })`. Skips the
   * probe if PostgreSQL is not installed. Stopped and deleted when the probe ends.
   */
  startPostgres(): ReturnType<CoreProbeContext['startPostgres']>;
}

/** What the server's stores hold at one moment (see `server.stores`). */
export interface StoreUsage {
  /**
   * The Redis holding queues and run state, when the runner can look inside it: `expiringKeys` have a TTL, whose
   * average (Redis's own estimate) is `averageTtlMs`.
   */
  redis?: { keys: number; expiringKeys: number; averageTtlMs: number; usedMemoryBytes: number };
  /** SQLite files (history, apps, events) in the server's data directory. */
  sqliteBytes: number;
}

/** A probe: one criterion, its Inngest functions, and the scenario that exercises them. */
export interface ProbeDefinition extends CoreProbeDefinition<ServerMode> {
  /** The Inngest client the probe's functions were created with; its id is the app id the worker syncs as. */
  client: Inngest.Any;
  /** Functions the probe's worker serves. */
  functions: InngestFunction.Any[];
  /** The scenario: send, fault, wait, observe, check. */
  run(t: ProbeContext): Promise<void>;
}

/** Declares a probe. The identity function gives the probe file its types. */
export function defineProbe(definition: ProbeDefinition): ProbeDefinition {
  return definition;
}
