/**
 * OB-04 · OpenTelemetry compliance (Temporal)
 *
 * Question: with the SDK's OpenTelemetry interceptors (`@temporalio/interceptors-opentelemetry`), do spans reach
 * a collector over OTLP, is the trace context carried from the client through the workflow to its activities
 * (one trace, each span the child of the one before), and do the attribute names follow OpenTelemetry's rules?
 *
 * How: a stand-in OTLP collector on loopback takes OTLP/HTTP JSON. The client side (this process) starts the
 * workflow through the SDK's client interceptor, with a tracer provider exporting to the collector. The worker is
 * restarted with the activity interceptors, the workflow interceptors bundled into the workflow code
 * (`workflowInterceptorModules`) and the sink that carries workflow spans out of the sandbox to an exporter. The
 * workflow runs an activity that fails once before it succeeds, so a retry shows too. The probe reads what the
 * collector received.
 */
import { context, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { activityInfo } from '@temporalio/activity';
import { Client } from '@temporalio/client';
import {
  makeWorkflowExporter,
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  OpenTelemetryWorkflowClientInterceptor,
} from '@temporalio/interceptors-opentelemetry';
import { defineProbe, record } from '../harness/index.ts';
import type { ReceivedSpan } from '../harness/probe.ts';

/** The worker learns the collector's address from its environment. */
const OTLP_ENV = 'OB04_OTLP_URL';

export const activities = {
  async priceOrder(items: number): Promise<number> {
    return items * 1200;
  },
  async chargeCard(total: number): Promise<string> {
    record('charge attempted', { attempt: activityInfo().attempt });
    if (activityInfo().attempt < 2) throw new Error('card processor unavailable');
    return `charged ${total}`;
  },
};

/**
 * The interceptors package (1.x) builds workflow spans in OpenTelemetry JS 1.x's shape (`parentSpanId`,
 * `instrumentationLibrary`); this project's exporter is OpenTelemetry JS 2.x, which reads `parentSpanContext` and
 * `instrumentationScope`. The adapter fills in the 2.x fields and counts the spans that needed it.
 */
function adaptTo2x(next: SpanProcessor): SpanProcessor & { adapted: number } {
  const adapter = {
    adapted: 0,
    onStart: () => {},
    onEnd(span: ReadableSpan) {
      const old = span as ReadableSpan & { parentSpanId?: string; instrumentationLibrary?: ReadableSpan['instrumentationScope'] };
      const shape = 'parentSpanId' in old || 'instrumentationLibrary' in old ? 'OpenTelemetry JS 1.x' : 'OpenTelemetry JS 2.x';
      record('workflow span handed to the exporter', { name: span.name, shape });
      if (shape === 'OpenTelemetry JS 2.x') return next.onEnd(span);
      adapter.adapted++;
      const parentSpanContext = span.parentSpanContext ?? (old.parentSpanId ? { traceId: span.spanContext().traceId, spanId: old.parentSpanId, traceFlags: 1 } : undefined);
      next.onEnd(Object.assign(Object.create(span), { parentSpanContext, instrumentationScope: span.instrumentationScope ?? old.instrumentationLibrary }) as ReadableSpan);
    },
    forceFlush: () => next.forceFlush(),
    shutdown: () => next.shutdown(),
  };
  return adapter;
}

/** The worker's tracing, set up only in the worker process, where the collector's address is in the environment. */
function workerTracing() {
  const url = process.env[OTLP_ENV];
  if (!url) return {};
  const resource = resourceFromAttributes({ 'service.name': 'ob-04-worker' });
  const processor = new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${url}/v1/traces` }));
  const provider = new BasicTracerProvider({ resource, spanProcessors: [processor] });
  trace.setGlobalTracerProvider(provider);
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const workflowSpans = adaptTo2x(processor);
  return {
    interceptors: { activity: [(ctx: Parameters<typeof makeActivityInterceptors>[0]) => makeActivityInterceptors(ctx)] },
    // The sink through which the workflow interceptors hand their spans out of the sandbox.
    sinks: { exporter: makeWorkflowExporter(workflowSpans as never, resource as never) }, // 1.x types; 2.x objects (see adaptTo2x)
  };
}
function makeActivityInterceptors(ctx: ConstructorParameters<typeof OpenTelemetryActivityInboundInterceptor>[0]) {
  return { inbound: new OpenTelemetryActivityInboundInterceptor(ctx), outbound: new OpenTelemetryActivityOutboundInterceptor(ctx) };
}

/** OpenTelemetry's attribute naming rules: lower case, dot-separated namespaces, snake_case words. */
const ATTRIBUTE_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;

export default defineProbe({
  id: 'OB-04',
  question: 'Do the SDK\'s OpenTelemetry interceptors export spans over OTLP, carry one trace from client to workflow to activity, and name attributes by the rules?',
  budgetMs: 60_000,
  workflows: new URL('./ob-04-opentelemetry.workflows.ts', import.meta.url),
  workflowInterceptorModules: ['@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'],
  activities,
  worker: workerTracing(),

  async run(t) {
    // 1. The collector, and the worker again with tracing pointed at it.
    const otlp = await t.startOtlpReceiver();
    await t.worker.kill();
    await t.worker.start({ env: { [OTLP_ENV]: otlp.url } });

    // 2. The client side: a tracer provider exporting to the collector, and the SDK's client interceptor. The
    // interceptor carries the context through OpenTelemetry's global propagator and context manager.
    propagation.setGlobalPropagator(new W3CTraceContextPropagator());
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'ob-04-client' }),
      spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${otlp.url}/v1/traces` }))],
    });
    const client = new Client({ connection: t.client.connection, interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor({ tracer: provider.getTracer('ob-04-client') })] } });

    // 3. One workflow: an activity, then one that is retried once.
    const handle = await client.workflow.start('checkout', { taskQueue: t.taskQueue, workflowId: t.workflowId('checkout'), args: [2] });
    t.check('the workflow completed', 'charged 2400', await handle.result());
    await provider.forceFlush();
    await t.pause(2_000, 'let the worker export its last spans');

    const spans = otlp.spans;
    t.metric('spans at the collector', 'spans', spans.length);
    t.note(`Spans at the collector: ${spans.map((s) => `${s.name} [${s.resource['service.name']}] ${s.spanId.slice(0, 6)}←${(s.parentSpanId ?? '-').slice(0, 6)}`).join('; ')}`);
    t.check("the workflow's spans reach the OTLP collector", 'spans over OTLP/HTTP', `${spans.length} span(s)`, spans.length > 0);
    const names = [...new Set(spans.map((s) => s.name))].sort();
    t.check('span names: client start, workflow run, activity start and run', ['RunActivity:chargeCard', 'RunActivity:priceOrder', 'RunWorkflow:checkout', 'StartActivity:chargeCard', 'StartActivity:priceOrder', 'StartWorkflow:checkout'], names.filter((n) => /^(Start|Run)(Workflow|Activity):/.test(n)));
    t.check('one trace from the client to the activities', 1, new Set(spans.map((s) => s.traceId)).size);

    // The chain: each span the child of the one before it.
    const find = (name: string) => spans.filter((s) => s.name === name);
    const parentOf = (s: ReceivedSpan | undefined) => spans.find((p) => p.spanId === s?.parentSpanId)?.name ?? (s?.parentSpanId ? 'a span not received' : 'none (a root)');
    t.check('parent of each span', {
      'StartWorkflow:checkout': 'none (a root)', 'RunWorkflow:checkout': 'StartWorkflow:checkout', 'StartActivity:chargeCard': 'RunWorkflow:checkout', 'RunActivity:chargeCard': 'StartActivity:chargeCard',
    }, Object.fromEntries(['StartWorkflow:checkout', 'RunWorkflow:checkout', 'StartActivity:chargeCard', 'RunActivity:chargeCard'].map((n) => [n, parentOf(find(n)[0])])));
    const runs = find('RunActivity:chargeCard');
    t.check('the retried activity: one run span per attempt, the failed one marked as an error', { spans: 2, errors: 1 }, { spans: runs.length, errors: runs.filter((s) => s.statusCode === 2).length });
    t.check('every span names its service (resource service.name)', ['ob-04-client', 'ob-04-worker'], [...new Set(spans.map((s) => String(s.resource['service.name'])))].sort());

    // Attributes: which the SDK adds, and whether their names follow the rules.
    const added = [...new Set(spans.flatMap((s) => Object.keys(s.attributes)))].sort();
    t.note(`Attributes on the spans: ${added.join(', ')}`);
    t.check("the SDK's attribute names follow OpenTelemetry's naming rules (lower case, snake_case)", [], added.filter((a) => !ATTRIBUTE_NAME.test(a)));
    const shapes = t.ledger.entries('workflow span handed to the exporter').map((e) => (e.data as { shape: string }).shape);
    t.check('workflow spans leave the sandbox in the shape of', 'OpenTelemetry JS 2.x (this project\'s exporter)', [...new Set(shapes)].join(', ') || 'no workflow spans', shapes.length > 0 && shapes.every((s) => s === 'OpenTelemetry JS 2.x'));
    const kinds = Object.fromEntries(['StartWorkflow:checkout', 'RunWorkflow:checkout', 'RunActivity:chargeCard'].map((n) => [n, find(n)[0]?.kind ?? 'missing']));
    t.note(`Span kinds: ${JSON.stringify(kinds)}`);
  },
});
