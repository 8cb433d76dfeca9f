/** Stand-ins for external services that probes need (a failing payments API, say): never an engine's API. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { Dependency, ModelServer, OtlpReceiver, OtlpRequest, ReceivedSpan } from '../../src/probes/core/context.ts';

/** Starts a loopback HTTP stand-in for an external service that answers `status` and counts calls; `close` ends it. */
export async function startDependency(status: number): Promise<Dependency & { close(): Promise<void> }> {
  const calls: number[] = [];
  const headers: Record<string, string>[] = [];
  let answer = status;
  const server = createServer((req, res) => {
    calls.push(Date.now());
    headers.push(Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')])));
    req.resume();
    res.writeHead(answer, { 'content-type': 'application/json' }).end(JSON.stringify({ status: answer }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    calls,
    headers,
    setStatus: (s) => (answer = s),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}


/**
 * Starts a stand-in for an OpenAI-compatible model server on loopback (`POST /v1/chat/completions`). `fixed`
 * answers the same text every time; `random` answers a random number, so a repeated call is visible;
 * `tool-then-answer` plays an agent's model: asked with tools, it calls the first tool, and once a tool result is
 * in the conversation it answers with that result. The first `failFirst` calls are answered 429 (rate limited).
 */
export async function startModelServer(options: { mode: 'fixed' | 'random' | 'tool-then-answer'; failFirst?: number }): Promise<ModelServer & { close(): Promise<void> }> {
  const calls: { at: number; status: number; prompt: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const parsed = JSON.parse(body || '{}') as {
        messages?: { role?: string; content?: unknown }[];
        model?: string;
        tools?: { function: { name: string } }[];
      };
      const text = (c: unknown) => (typeof c === 'string' ? c : JSON.stringify(c ?? ''));
      const prompt = parsed.messages?.map((m) => text(m.content)).join('\n') ?? '';
      if (calls.length < (options.failFirst ?? 0)) {
        calls.push({ at: Date.now(), status: 429, prompt });
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '1' }).end(JSON.stringify({ error: { message: 'rate limited', type: 'rate_limit' } }));
        return;
      }
      calls.push({ at: Date.now(), status: 200, prompt });
      const last = parsed.messages?.[parsed.messages.length - 1];
      const callTool = options.mode === 'tool-then-answer' && parsed.tools?.length && last?.role !== 'tool';
      const content =
        options.mode === 'fixed' ? 'The answer is 42.'
        : options.mode === 'random' ? `Lucky number ${Math.floor(Math.random() * 1_000_000)}`
        : `Answer from the tool: ${text(last?.content)}`;
      const message = callTool
        ? { role: 'assistant', content: null, tool_calls: [{ id: `call_${calls.length}`, type: 'function', function: { name: parsed.tools![0]!.function.name, arguments: JSON.stringify({ orderId: '7' }) } }] }
        : { role: 'assistant', content };
      res.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: `chatcmpl-${calls.length}`,
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: parsed.model ?? 'stand-in',
          choices: [{ index: 0, message, finish_reason: callTool ? 'tool_calls' : 'stop' }],
          usage: { prompt_tokens: prompt.length, completion_tokens: content.length, total_tokens: prompt.length + content.length },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { baseUrl: `http://127.0.0.1:${port}/v1/`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** OTLP's span kinds, by their number on the wire. */
const SPAN_KINDS = ['UNSPECIFIED', 'INTERNAL', 'SERVER', 'CLIENT', 'PRODUCER', 'CONSUMER'] as const;

interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}
interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  bytesValue?: string;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
}
interface OtlpJsonSpan {
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
  name?: string;
  kind?: number;
  startTimeUnixNano?: number | string;
  endTimeUnixNano?: number | string;
  attributes?: OtlpKeyValue[];
  status?: { code?: number };
}
interface OtlpJsonRequest {
  resourceSpans?: { resource?: { attributes?: OtlpKeyValue[] }; scopeSpans?: { scope?: { name?: string }; spans?: OtlpJsonSpan[] }[] }[];
}

function anyValue(v: OtlpAnyValue | undefined): unknown {
  if (!v) return null;
  if (v.stringValue !== undefined) return v.stringValue;
  if (v.boolValue !== undefined) return v.boolValue;
  if (v.intValue !== undefined) return Number(v.intValue);
  if (v.doubleValue !== undefined) return v.doubleValue;
  if (v.bytesValue !== undefined) return v.bytesValue;
  if (v.arrayValue) return (v.arrayValue.values ?? []).map(anyValue);
  if (v.kvlistValue) return attributes(v.kvlistValue.values);
  return null;
}

function attributes(list: OtlpKeyValue[] | undefined): Record<string, unknown> {
  return Object.fromEntries((list ?? []).map((kv) => [kv.key, anyValue(kv.value)]));
}

/** OTLP/JSON carries ids as hex; some encoders write base64 instead. Either way, lower-case hex comes out. */
function hexId(id: string | undefined): string {
  if (!id) return '';
  return /^[0-9a-fA-F]+$/.test(id) && (id.length === 32 || id.length === 16) ? id.toLowerCase() : Buffer.from(id, 'base64').toString('hex');
}

const nanosToMs = (n: number | string | undefined) => (n === undefined ? NaN : Number(BigInt(n) / 1_000_000n));

/**
 * Decodes an OTLP/JSON trace export (`ExportTraceServiceRequest`) into flat spans, each with its resource's and
 * scope's attributes beside it.
 */
export function decodeOtlpJson(body: unknown, receivedAt = Date.now()): ReceivedSpan[] {
  const spans: ReceivedSpan[] = [];
  for (const rs of (body as OtlpJsonRequest).resourceSpans ?? []) {
    const resource = attributes(rs.resource?.attributes);
    for (const ss of rs.scopeSpans ?? []) {
      for (const s of ss.spans ?? []) {
        const parent = hexId(s.parentSpanId);
        spans.push({
          traceId: hexId(s.traceId),
          spanId: hexId(s.spanId),
          ...(parent ? { parentSpanId: parent } : {}),
          name: s.name ?? '',
          kind: SPAN_KINDS[s.kind ?? 0] ?? 'UNSPECIFIED',
          startMs: nanosToMs(s.startTimeUnixNano),
          endMs: nanosToMs(s.endTimeUnixNano),
          attributes: attributes(s.attributes),
          resource,
          scope: ss.scope?.name ?? '',
          statusCode: s.status?.code ?? 0,
          receivedAt,
        });
      }
    }
  }
  return spans;
}

/**
 * Starts a stand-in OpenTelemetry collector on loopback: it accepts OTLP/HTTP trace exports on any path (the
 * standard one is `/v1/traces`), decodes the JSON encoding into spans, and records every request, protobuf ones
 * included (counted, not decoded). It answers as a collector does: 200 with an empty response.
 */
export async function startOtlpReceiver(): Promise<OtlpReceiver & { close(): Promise<void> }> {
  const spans: ReceivedSpan[] = [];
  const requests: OtlpRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = Date.now();
      let raw = Buffer.concat(chunks);
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim();
      const request: OtlpRequest = { at, path: req.url ?? '/', contentType, bytes: raw.length, spans: 0, userAgent: req.headers['user-agent'] ?? '' };
      requests.push(request);
      try {
        if (req.headers['content-encoding'] === 'gzip') raw = gunzipSync(raw);
        if (contentType === 'application/json') {
          const decoded = decodeOtlpJson(JSON.parse(raw.toString('utf8')), at);
          request.spans = decoded.length;
          spans.push(...decoded);
        }
      } catch (e) {
        request.error = (e as Error).message;
      }
      if (contentType === 'application/json') res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      else res.writeHead(200, { 'content-type': 'application/x-protobuf' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
