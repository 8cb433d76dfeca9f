/**
 * OB-04 · OpenTelemetry compliance
 *
 * Question: do a function's spans reach an ordinary OpenTelemetry collector over OTLP, named by the semantic
 * conventions, and does the trace context travel from the server through the steps into an outgoing HTTP call?
 *
 * How: the worker sets up OpenTelemetry the way an application with its own tracing does: a tracer provider that
 * exports over OTLP/HTTP to the collector in `OTEL_EXPORTER_OTLP_ENDPOINT`, HTTP server and client
 * instrumentation, and the SDK's Extended Traces middleware attached to that provider. The collector and a
 * payments API are stand-ins on loopback. A checkout function runs three steps: one calls the payments API, one
 * opens a span of its own. The probe compares what the collector received, what the payments API was sent, and
 * the server's own trace of the run. Then a refund calls the payments API through `step.fetch` (the server makes
 * that call); the checkout runs again over a `connect()` worker; last, the server is restarted with the standard
 * exporter variables pointing at the collector.
 */
import { createRequire } from 'node:module';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { UndiciInstrumentation } from '@opentelemetry/instrumentation-undici';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { Inngest } from 'inngest';
import { extendedTracesMiddleware } from 'inngest/experimental';
import { defineProbe, type ProbeContext, type ReceivedSpan } from '../harness/index.ts';

// The application's OpenTelemetry setup, done before the Inngest client exists, and only where a collector is
// named: the runner imports this file too, and stays untraced.
const collector = process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
if (collector) {
  new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'ob-04-shop' }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter(), { scheduledDelayMillis: 200 })],
  }).register();
  registerInstrumentations({ instrumentations: [new HttpInstrumentation(), new UndiciInstrumentation()] });
  // The worker's entry point loaded node:http before this file; requiring it again lets the instrumentation
  // patch it, as preloading this setup with `node --import` would.
  createRequire(import.meta.url)('node:http');
}

// Extended Traces adds Inngest's span processor to the provider above instead of creating one of its own.
const inngest = new Inngest({ id: 'ob-04', middleware: [extendedTracesMiddleware({ behaviour: collector ? 'extendProvider' : 'off' })] });

const checkout = inngest.createFunction(
  { id: 'ob-04-checkout', triggers: [{ event: 'probe/ob-04.checkout' }], retries: 0 },
  async ({ event, step, tracer }) => {
    const order = await step.run('reserve stock', () => ({ orderId: String(event.data.orderId), items: 2 }));
    const paid = await step.run('charge the card', async () => {
      const res = await fetch(process.env.PAYMENTS_URL!, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(order) });
      return res.status;
    });
    await step.run('email the receipt', () =>
      tracer.startActiveSpan('render receipt', (span) => {
        span.setAttribute('receipt.lines', order.items);
        span.end();
        return 'sent';
      }),
    );
    return { orderId: order.orderId, paid };
  },
);
const STEPS = ['reserve stock', 'charge the card', 'email the receipt'];

// step.fetch: the server, not the worker, makes this HTTP call, durably, on the step's behalf.
const refund = inngest.createFunction({ id: 'ob-04-refund', triggers: [{ event: 'probe/ob-04.refund' }], retries: 0 }, async ({ step }) => {
  const res = await step.fetch(`${process.env.PAYMENTS_URL}refunds`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"orderId":"A-17"}' });
  return res.status;
});

/** What the stable HTTP client semantic conventions require or recommend on a client span. */
const HTTP_CLIENT_ATTRIBUTES = ['http.request.method', 'server.address', 'server.port', 'url.full', 'http.response.status_code'];
/** Their deprecated predecessors (semantic conventions before 1.23). */
const DEPRECATED_HTTP_ATTRIBUTES = ['http.method', 'http.url', 'http.status_code', 'net.peer.name', 'net.peer.port', 'http.target', 'http.host'];
/** OpenTelemetry's naming rules for attributes: lower case, dot-separated namespaces, snake_case words. */
const ATTRIBUTE_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;

interface ServerSpan {
  name: string;
  isUserland: boolean;
  childrenSpans?: ServerSpan[];
}

/** The run as the server's GraphQL API shows it: its trace id and the span tree, userland spans marked. */
async function serverTrace(t: ProbeContext, runId: string): Promise<{ traceId: string; userland: string[] }> {
  const query = `query($id: String!) {
    run(runID: $id) { traceID }
    runTrace(runID: $id) { name isUserland childrenSpans { name isUserland childrenSpans { name isUserland childrenSpans { name isUserland } } } }
  }`;
  const res = JSON.parse((await t.callApi('POST', '/v0/gql', { query, variables: { id: runId } })).body) as {
    data?: { run?: { traceID?: string }; runTrace?: ServerSpan };
  };
  const userland: string[] = [];
  const walk = (s: ServerSpan | undefined, parent: string) => {
    if (!s) return;
    if (s.isUserland) userland.push(`${s.name} (under ${parent})`);
    for (const c of s.childrenSpans ?? []) walk(c, s.name);
  };
  walk(res.data?.runTrace, 'the run');
  return { traceId: res.data?.run?.traceID ?? '', userland };
}

/** Runs one checkout and returns its run id and the spans the collector received for it. */
async function runCheckout(t: ProbeContext, spans: ReceivedSpan[], orderId: string) {
  const [run] = await t.waitForRuns(await t.send('probe/ob-04.checkout', { orderId }));
  const ended = await t.waitForEnd(run!.id);
  const ofRun = () => {
    const traces = new Set(spans.filter((s) => s.attributes['sdk.run.id'] === run!.id).map((s) => s.traceId));
    return spans.filter((s) => traces.has(s.traceId));
  };
  for (let waited = 0; !ofRun().some((s) => s.name === 'render receipt') && waited < 10_000; waited += 200) await t.pause(200, 'let the exporter send its batch');
  await t.pause(500, 'let a late batch arrive');
  return { runId: run!.id, status: ended.status, spans: ofRun() };
}

/** A span tree on one line: each span as `name [kind, scope]`, its children in parentheses. */
function tree(spans: ReceivedSpan[]): string {
  const ids = new Set(spans.map((s) => s.spanId));
  const show = (s: ReceivedSpan): string => {
    const children = spans.filter((c) => c.parentSpanId === s.spanId).sort((a, b) => a.startMs - b.startMs);
    return `${s.name} [${s.kind}, ${s.scope}]${children.length ? ` (${children.map(show).join(', ')})` : ''}`;
  };
  return spans.filter((s) => !s.parentSpanId || !ids.has(s.parentSpanId)).map(show).join('; ');
}

/** Whether one run's spans form one trace, and it is the trace the server keeps for the run. */
function continuity(spans: ReceivedSpan[], serverTraceId: string) {
  const traces = [...new Set(spans.map((s) => s.traceId))];
  const ok = traces.length === 1 && traces[0] === serverTraceId;
  return { ok, observed: `${traces.length} trace(s); ${traces.includes(serverTraceId) ? 'the server\'s among them' : 'none is the server\'s'}` };
}

export default defineProbe({
  id: 'OB-04',
  question: 'Do spans reach an OTLP collector with semantic-convention names, and does trace context reach an HTTP call in a step?',
  budgetMs: 120_000,
  client: inngest,
  functions: [checkout, refund],

  async run(t) {
    const otlp = await t.startOtlpReceiver();
    const payments = await t.startDependency({ status: 200 });
    const env = { OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, PAYMENTS_URL: payments.url };
    await t.worker.kill();
    await t.worker.start(env, 'serve');

    // A checkout over the HTTP serve() worker.
    const first = await runCheckout(t, otlp.spans, 'A-17');
    t.check('the run completed', 'COMPLETED', first.status);
    t.metric('spans of the run at the collector', 'spans', first.spans.length);
    if (first.spans.length) t.metric('span end → arrival at the collector', 'ms', first.spans.map((s) => s.receivedAt - s.endMs));
    t.check('the run\'s spans reach the OTLP collector', 'spans over OTLP/HTTP', `${first.spans.length} span(s)`, first.spans.length > 0);
    t.note(`The run's trace at the collector: ${tree(first.spans)}`);

    // The HTTP call inside "charge the card": the header the payments API got, and the client span for that call.
    const traceparent = payments.headers[0]?.traceparent ?? '';
    const match = TRACEPARENT.exec(traceparent);
    t.check('the HTTP call in a step carries a W3C traceparent', '00-<trace id>-<parent id>-<flags>', traceparent || 'absent', match !== null);
    const call = first.spans.find((s) => s.kind === 'CLIENT' && String(s.attributes['url.full'] ?? '').startsWith(payments.url));
    t.check(
      'the traceparent names the exported client span of that call',
      'same trace id, the client span as parent',
      call ? `${call.traceId === match?.[1] ? 'same' : 'another'} trace id, ${call.spanId === match?.[2] ? 'the client span' : 'another span'} as parent` : 'no client span exported',
      !!call && call.traceId === match?.[1] && call.spanId === match?.[2],
    );
    const callAttributes = Object.keys(call?.attributes ?? {});
    t.check('the client span has the stable HTTP semantic-convention attributes', HTTP_CLIENT_ATTRIBUTES, HTTP_CLIENT_ATTRIBUTES.filter((a) => callAttributes.includes(a)));
    t.check('the client span has none of the deprecated HTTP attribute names', [], callAttributes.filter((a) => DEPRECATED_HTTP_ATTRIBUTES.includes(a)));
    t.check('every span names its service (resource service.name)', ['ob-04-shop'], [...new Set(first.spans.map((s) => String(s.resource['service.name'])))]);
    t.note(`Attributes of the payments call's client span: ${callAttributes.join(', ')}`);

    // Inngest's own contribution: the execution span, the attributes it adds, and whether steps become spans.
    const execution = first.spans.find((s) => s.name === 'inngest.execution');
    t.check('the SDK exports an execution span carrying the run id', first.runId, execution?.attributes['sdk.run.id'] ?? 'no execution span');
    t.check('a span opened in a step with the context\'s tracer is exported', 'render receipt', first.spans.find((s) => s.name === 'render receipt')?.name ?? 'not received');
    const added = [...new Set(first.spans.flatMap((s) => Object.keys(s.attributes)).filter((a) => /^(inngest|sdk|sys)\./.test(a)))].sort();
    t.note(`Attributes the SDK adds to spans: ${added.join(', ')}`);
    t.note(`Resource-style attributes the SDK copies onto its execution span: ${Object.keys(execution?.attributes ?? {}).filter((a) => /^(host|os|process|service)\./.test(a)).join(', ') || 'none'}`);
    t.check('the SDK\'s attribute names follow OpenTelemetry\'s naming rules (lower case, snake_case)', [], added.filter((a) => !ATTRIBUTE_NAME.test(a)));
    const byId = new Map(first.spans.map((s) => [s.spanId, s]));
    const parentOf = (s: ReceivedSpan | undefined) => (s?.parentSpanId ? byId.get(s.parentSpanId) : undefined);
    const receipt = first.spans.find((s) => s.name === 'render receipt');
    t.check(
      'spans made in steps hang under the execution span, and it under the incoming request',
      ['POST → inngest.execution', 'render receipt → inngest.execution', 'inngest.execution → POST (SERVER)'],
      [call, receipt, execution].map((s) => `${s?.name ?? '?'} → ${parentOf(s)?.name ?? 'no parent'}${parentOf(s)?.kind === 'SERVER' ? ' (SERVER)' : ''}`),
    );
    t.metric('execution spans for the run', 'spans', first.spans.filter((s) => s.name === 'inngest.execution').length);
    for (const step of STEPS) t.metric(`spans tagged with step "${step}"`, 'spans', first.spans.filter((s) => s.attributes['inngest.step.id'] === step).length);
    t.check('every step is a span of its own at the collector', STEPS, STEPS.filter((step) => first.spans.some((s) => s.name === step)));

    // The server's view of the same run: its trace id, and the spans Extended Traces sent it.
    const server = await serverTrace(t, first.runId);
    const serve = continuity(first.spans, server.traceId);
    t.check('serve(): the run\'s spans continue the server\'s trace of the run', 'one trace, the server\'s', serve.observed, serve.ok);
    t.note(`Userland spans in the server's trace: ${server.userland.join('; ') || 'none'}`);
    t.check(
      'the server\'s trace shows the spans made inside steps (Extended Traces)',
      ['POST (under charge the card)', 'render receipt (under email the receipt)'],
      server.userland.filter((s) => s === 'POST (under charge the card)' || s === 'render receipt (under email the receipt)'),
    );

    // A refund through step.fetch: the call leaves from the server. Does the trace context go with it?
    const calls = payments.headers.length;
    const [refundRun] = await t.waitForRuns(await t.send('probe/ob-04.refund'));
    const refunded = await t.waitForEnd(refundRun!.id);
    const fetched = payments.headers[calls];
    t.note(`step.fetch: run ${refunded.status}, output ${JSON.stringify(refunded.output ?? refunded.error)}; the payments API got ${payments.headers.length - calls} call(s), user agent ${fetched?.['user-agent'] ?? '-'}, traceparent ${fetched?.traceparent ?? 'absent'}`);
    const refundTrace = (await serverTrace(t, refundRun!.id)).traceId;
    t.check(
      'step.fetch: the call the server makes carries the run\'s trace context',
      `traceparent in the server's trace of the run`,
      fetched ? (fetched.traceparent ? `traceparent in ${TRACEPARENT.exec(fetched.traceparent)?.[1] === refundTrace ? 'the run\'s' : 'another'} trace` : 'no traceparent') : 'no call arrived',
      !!fetched?.traceparent && TRACEPARENT.exec(fetched.traceparent)?.[1] === refundTrace,
    );

    // The same checkout over a connect() worker: the server reaches it over a WebSocket, not an HTTP request.
    await t.worker.kill();
    await t.worker.start(env, 'connect');
    const second = await runCheckout(t, otlp.spans, 'A-18');
    const viaConnect = continuity(second.spans, (await serverTrace(t, second.runId)).traceId);
    t.check('connect(): the run\'s spans continue the server\'s trace of the run', 'one trace, the server\'s', viaConnect.observed, viaConnect.ok);
    t.note(`connect(): the run ${second.status}; its trace at the collector: ${tree(second.spans)}`);
    await t.worker.kill();
    await t.worker.start(env, 'serve');

    // Last: does the server export its own spans to a collector named by the standard variables?
    const before = otlp.requests.length;
    await t.server.restart({
      mode: 'dev',
      flags: [],
      env: { OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: `${otlp.url}/v1/traces`, OTEL_TRACES_COLLECTOR_ENDPOINT: otlp.url.replace('http://', '') },
    });
    await runCheckout(t, otlp.spans, 'A-19');
    await t.pause(2_000, 'give the server time to export');
    const fromServer = otlp.requests.slice(before).filter((r) => !r.userAgent.includes('JavaScript'));
    t.check('the server exports its own spans to a collector named in its environment', 'export requests from the server', `${fromServer.length} request(s) from the server`, fromServer.length > 0);
    t.note(`Export requests after that restart, by sender: ${[...new Set(otlp.requests.slice(before).map((r) => r.userAgent))].join(', ')}`);
  },
});
