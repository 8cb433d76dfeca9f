/**
 * What every engine's probes share, whatever the engine: the recording of checks, metrics and notes, the ledger of
 * side effects, deliberate pauses, skipping, and the stand-in services and real databases the runner can start on
 * loopback. Each engine's harness extends `CoreProbeContext` with its own endpoints (see `../inngest/harness/`).
 */
import type { LedgerEntry } from './ledger.ts';

export interface WaitOptions {
  /** Give up after this long (default: the harness's own, well inside the probe budget). */
  timeoutMs?: number;
}

/** What a probe needs of the engine before it starts: a mode and flags, in its driver's words. */
export interface EngineNeeds<Mode extends string = string> {
  mode?: Mode;
  flags?: string[];
  env?: Record<string, string>;
}

/** The parts of a probe definition the engine-neutral runner reads. */
export interface CoreProbeDefinition<Mode extends string = string> {
  /** Criterion id, e.g. `EX-01`. */
  id: string;
  /** The question the probe answers, in one line. */
  question: string;
  /** Time budget for the whole scenario; past it the trial is recorded as `error`. */
  budgetMs: number;
  /**
   * Whether the probe must run with nothing beside it, because it measures time and would be disturbed. Probes
   * that restart or reconfigure the engine do not need it: each runs on an engine of its own.
   */
  exclusive?: boolean;
  /** The engine configuration the scenario starts on; the runner puts the engine back on its baseline after. */
  needs?: EngineNeeds<Mode>;
}

/** The toolbox every engine's probe context offers. */
export interface CoreProbeContext {
  /** The ledger of side effects that the probe's code recorded. */
  ledger: {
    entries(effect?: string): LedgerEntry[];
    count(effect: string): number;
    /** Waits until `effect` has been recorded at least `count` times. */
    waitFor(effect: string, count?: number, options?: WaitOptions): Promise<LedgerEntry[]>;
  };
  /** Records an expectation against what was observed. `ok` defaults to deep equality of the two. */
  check(name: string, expected: unknown, observed: unknown, ok?: boolean): boolean;
  /** Records a measurement: one value, or many samples (summarised as n, p50, p95, min, max). */
  metric(name: string, unit: string, valueOrSamples: number | number[]): void;
  /** Records a sentence worth showing beside the checks. */
  note(text: string): void;
  /** Ends the probe as `skipped`: what cannot be observed here, and why. */
  skip(reason: string): never;
  /**
   * Starts a stand-in for an external service on loopback (not an engine API): it answers every request with
   * `status` and records when each call arrived. Closed when the probe ends.
   */
  startDependency(options: { status: number }): Promise<Dependency>;
  /**
   * Starts a stand-in OpenAI-compatible model server on loopback: `fixed` answers, `random` ones that make a
   * repeated call visible, or `tool-then-answer` (call the first tool offered, then answer with its result); the
   * first `failFirst` calls get 429. Closed when the probe ends.
   */
  startModelServer(options: { mode: 'fixed' | 'random' | 'tool-then-answer'; failFirst?: number }): Promise<ModelServer>;
  /**
   * Starts a stand-in OpenTelemetry collector on loopback (not an engine API): it takes OTLP/HTTP trace exports,
   * decodes the JSON encoding into spans and records every export request. Closed when the probe ends.
   */
  startOtlpReceiver(): Promise<OtlpReceiver>;
  /**
   * Starts a real PostgreSQL on loopback (Debian's `postgresql`) with an empty database. Skips the probe if
   * PostgreSQL is not installed. Stopped and deleted when the probe ends.
   */
  startPostgres(): Promise<Postgres>;
  /** A deliberate, named pause in the scenario. */
  pause(ms: number, why: string): Promise<void>;
  /** Aborted when the probe overruns its budget; long waits in the harness honour it. */
  readonly signal: AbortSignal;
}

/** A stand-in OpenAI-compatible model server started by `startModelServer` (not an Inngest API). */
export interface ModelServer {
  /** Base URL for an OpenAI-compatible client, ending in `/v1/`. */
  baseUrl: string;
  /** Every chat completion request so far: when, the status answered, and the prompt text. */
  readonly calls: { at: number; status: number; prompt: string }[];
}

/** A PostgreSQL started by `startPostgres`. */
export interface Postgres {
  /** Connection URI of its database `inngest` (e.g. for Inngest's `--postgres-uri`). */
  uri: string;
  /** Runs SQL with `psql` and returns the rows, each as its columns' text. */
  query(sql: string): Promise<string[][]>;
}

/** A stand-in OpenTelemetry collector started by `startOtlpReceiver`. */
export interface OtlpReceiver {
  /** Base URL, e.g. for `OTEL_EXPORTER_OTLP_ENDPOINT` (exporters append `/v1/traces`). */
  url: string;
  /** Every span decoded so far, in arrival order. */
  readonly spans: ReceivedSpan[];
  /** Every export request so far, decodable or not. */
  readonly requests: OtlpRequest[];
}

/** One export request as the receiver got it. */
export interface OtlpRequest {
  at: number;
  path: string;
  contentType: string;
  bytes: number;
  /** Spans decoded from it (0 for an encoding the receiver does not decode, such as protobuf). */
  spans: number;
  userAgent: string;
  /** Why decoding failed, if it did. */
  error?: string;
}

/** One span as exported over OTLP, with its resource's attributes beside it. */
export interface ReceivedSpan {
  /** Lower-case hex, as in a W3C `traceparent`. */
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: 'UNSPECIFIED' | 'INTERNAL' | 'SERVER' | 'CLIENT' | 'PRODUCER' | 'CONSUMER';
  startMs: number;
  endMs: number;
  attributes: Record<string, unknown>;
  /** Attributes of the resource that produced the span (`service.name`, …). */
  resource: Record<string, unknown>;
  /** Name of the instrumentation scope (the tracer) that made the span. */
  scope: string;
  /** OTLP status code: 0 unset, 1 ok, 2 error. */
  statusCode: number;
  /** When the receiver got it (ms since the epoch). */
  receivedAt: number;
}

/** A stand-in external service started by `startDependency`. */
export interface Dependency {
  url: string;
  /** Arrival time (ms since the epoch) of every call so far. */
  readonly calls: number[];
  /** The request headers of every call so far (names in lower case), in the order of `calls`. */
  readonly headers: Record<string, string>[];
  /** Changes the status it answers with, e.g. to play a recovery. */
  setStatus(status: number): void;
}

