/**
 * The Inngest server's HTTP APIs, as the probes observe them. Every endpoint the runner uses is named here once.
 * Verified against the dev server built from inngest/inngest v1.43: REST v1 (cached per URL for seconds, so
 * every GET carries a nonce), REST v2 (run and trace) and GraphQL (run status and output).
 */
import { request } from '../../core/process.ts';
import type { RunView, TraceSpan } from '../../../src/probes/inngest/harness/probe.ts';

const REQUEST_TIMEOUT_MS = 10_000;

/** Where the server is and the keys it wants, read afresh for each call (a probe may switch modes). */
export interface Connection {
  url: string;
  eventKey: string;
  signingKey: string | undefined;
}

let nonce = 0;
/** v1 GETs are cached by URL; a unique query parameter reads through the cache. */
function fresh(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}_probe=${Date.now().toString(36)}${(nonce++).toString(36)}`;
}

async function json<T>(url: string, init: RequestInit = {}, signingKey?: string): Promise<T> {
  const headers = new Headers(init.headers);
  if (signingKey) headers.set('authorization', `Bearer ${signingKey}`);
  const res = await request(url, { ...init, headers, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered HTTP ${res.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
}

/** Decodes a run's stored output. With checkpointing, the SDK stores an opcode list; its RunComplete carries data. */
export function decodeOutput(raw: unknown): unknown {
  if (typeof raw !== 'string' || raw === '') return raw ?? null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return raw;
  }
  if (Array.isArray(value)) {
    const done = value.find((op) => op && typeof op === 'object' && (op as { op?: string }).op === 'RunComplete');
    if (done) return (done as { data?: unknown }).data ?? null;
  }
  return value;
}

interface V2Span {
  name: string;
  status: string;
  stepOp?: string;
  stepId?: string;
  attempts?: number;
  queuedAt?: string;
  startedAt?: string;
  endedAt?: string;
  durationMs?: string | number;
  output?: unknown;
  children?: V2Span[];
}

function toSpan(s: V2Span): TraceSpan {
  return {
    name: s.name,
    status: s.status,
    stepOp: s.stepOp,
    stepId: s.stepId,
    attempts: s.attempts,
    queuedAt: s.queuedAt,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    durationMs: s.durationMs === undefined ? undefined : Number(s.durationMs),
    ...(s.output === undefined ? {} : { output: s.output }),
    children: (s.children ?? []).map(toSpan),
  };
}

/** A client for one server's APIs. */
export class ServerApi {
  constructor(private readonly connection: () => Connection) {}

  private get baseUrl(): string {
    return this.connection().url;
  }

  private call<T>(path: string, init?: RequestInit): Promise<T> {
    const { url, signingKey } = this.connection();
    return json<T>(`${url}${path}`, init, signingKey);
  }

  /** `POST /e/{key}`: sends one event; returns the id the server assigned (or kept). */
  async send(name: string, data: Record<string, unknown> = {}, id?: string): Promise<string> {
    const body = { name, data, ...(id ? { id } : {}) };
    const res = await json<{ ids: string[]; status: number }>(`${this.baseUrl}/e/${this.connection().eventKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const first = res.ids?.[0];
    if (!first) throw new Error(`The server accepted event ${name} but returned no id`);
    return first;
  }

  /** `POST /e/{key}` with an array: many events in one request; returns their ids in order. */
  async sendBatch(events: { name: string; data: Record<string, unknown> }[]): Promise<string[]> {
    const res = await json<{ ids: string[] }>(`${this.baseUrl}/e/${this.connection().eventKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    return res.ids ?? [];
  }

  /** `GET /v1/events/{id}/runs`: runs started by one event (status only). */
  async runIdsForEvent(eventId: string): Promise<string[]> {
    const res = await this.call<{ data: { run_id: string }[] | null }>(fresh(`/v1/events/${eventId}/runs`));
    return (res.data ?? []).map((r) => r.run_id);
  }

  /** GraphQL `run(runID)`: status and output of one run. */
  async getRun(runId: string): Promise<RunView> {
    const query = `query($id: String!) { run(runID: $id) { id status output startedAt endedAt } }`;
    const res = await this.call<{ data?: { run?: { id: string; status: string; output: string | null; startedAt?: string; endedAt?: string } }; errors?: { message: string }[] }>(
      `/v0/gql`,
      { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables: { id: runId } }) },
    );
    const run = res.data?.run;
    if (!run) throw new RunNotFound(`The server knows no run ${runId}: ${res.errors?.map((e) => e.message).join('; ') ?? 'empty answer'}`);
    const output = decodeOutput(run.output);
    const failed = run.status === 'FAILED';
    return {
      id: run.id,
      status: run.status,
      output: failed ? null : output,
      ...(failed ? { error: output } : {}),
      startedAt: run.startedAt ?? undefined,
      endedAt: run.endedAt ?? undefined,
    };
  }

  /**
   * `POST /api/v2/runs/{id}/rerun`: starts a new run of the same function with the same event; with `fromStep`
   * (a step's hashed id, as the trace shows it) the new run starts at that step.
   */
  async rerun(runId: string, fromStep?: { stepId: string; input?: unknown[] }): Promise<string> {
    const res = await this.call<{ data: { runId: string } }>(`/api/v2/runs/${runId}/rerun`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fromStep ? { fromStep } : {}),
    });
    return res.data.runId;
  }

  /** `POST /api/v2/runs/{id}/cancel`. */
  async cancel(runId: string): Promise<void> {
    await this.call(`/api/v2/runs/${runId}/cancel`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  }

  /** `GET /api/v2/runs?status=…`: runs in a given status (the newest first), up to `limit`. */
  async listRuns(status: string, limit = 100): Promise<{ id: string; functionId: string; status: string }[]> {
    const res = await this.call<{ data: { id: string; function: { id: string }; status: string }[] }>(
      `/api/v2/runs?status=${encodeURIComponent(status)}&limit=${limit}`,
    );
    return (res.data ?? []).map((r) => ({ id: r.id, functionId: r.function.id, status: r.status }));
  }

  /** Any request to the server's APIs, answered as status and body (for probes that test an endpoint itself). */
  async raw(method: string, path: string, body?: unknown): Promise<{ status: number; body: string }> {
    const { url, signingKey } = this.connection();
    const res = await request(`${url}${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(signingKey ? { authorization: `Bearer ${signingKey}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return { status: res.status, body: await res.text() };
  }

  /** `GET /api/v2/runs/{id}/trace`: the run's span tree, with each step's recorded output if asked. */
  async getTrace(runId: string, includeOutput = false): Promise<TraceSpan> {
    const res = await this.call<{ data: { rootSpan: V2Span } }>(`/api/v2/runs/${runId}/trace${includeOutput ? '?includeOutput=true' : ''}`);
    return toSpan(res.data.rootSpan);
  }

  /** `GET /v1/events/{id}`: one stored event. */
  async getEvent(eventId: string): Promise<{ name: string; data: Record<string, unknown> }> {
    const res = await this.call<{ data: { name: string; data: Record<string, unknown> } }>(fresh(`/v1/events/${eventId}`));
    return { name: res.data.name, data: res.data.data };
  }
}

/** The server does not know the run (yet): a run listed for an event can take a moment to become readable. */
export class RunNotFound extends Error {}

/** The hashed id the server gave the step named `name`, searching the whole trace. */
export function findStepId(span: TraceSpan, name: string): string | undefined {
  if (span.name === name && span.stepId) return span.stepId;
  for (const child of span.children) {
    const found = findStepId(child, name);
    if (found) return found;
  }
  return undefined;
}

/** Statuses after which a run changes no more. */
export const ENDED_STATUSES = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);
