import { context, SpanKind, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { NodeTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-node';
import { describe, expect, test } from 'vitest';
import { decodeOtlpJson, startOtlpReceiver } from '../../runner/core/dependency.ts';

describe('decodeOtlpJson()', () => {
  test('flattens resource, scope and spans, and decodes every attribute value type', () => {
    const body = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'shop' } }] },
          scopeSpans: [
            {
              scope: { name: 'inngest' },
              spans: [
                {
                  traceId: '0AF7651916CD43DD8448EB211C80319C',
                  spanId: 'b7ad6b7169203331',
                  name: 'charge',
                  kind: 3,
                  startTimeUnixNano: '1700000000000000000',
                  endTimeUnixNano: '1700000000250000000',
                  attributes: [
                    { key: 'http.response.status_code', value: { intValue: '200' } },
                    { key: 'ok', value: { boolValue: true } },
                    { key: 'ratio', value: { doubleValue: 0.5 } },
                    { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 2 }] } } },
                    { key: 'nested', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } } },
                  ],
                  status: { code: 2 },
                },
              ],
            },
          ],
        },
      ],
    };
    const [span] = decodeOtlpJson(body, 42);
    expect(span).toEqual({
      traceId: '0af7651916cd43dd8448eb211c80319c',
      spanId: 'b7ad6b7169203331',
      name: 'charge',
      kind: 'CLIENT',
      startMs: 1_700_000_000_000,
      endMs: 1_700_000_000_250,
      attributes: { 'http.response.status_code': 200, ok: true, ratio: 0.5, tags: ['a', 2], nested: { k: 'v' } },
      resource: { 'service.name': 'shop' },
      scope: 'inngest',
      statusCode: 2,
      receivedAt: 42,
    });
  });

  test('turns base64 ids (as some encoders write them) into hex, keeps a parent id, and reads numeric times', () => {
    const traceId = Buffer.from('0af7651916cd43dd8448eb211c80319c', 'hex').toString('base64');
    const parentSpanId = Buffer.from('00f067aa0ba902b7', 'hex').toString('base64');
    const [span] = decodeOtlpJson({ resourceSpans: [{ scopeSpans: [{ spans: [{ traceId, spanId: parentSpanId, parentSpanId, name: 'x', startTimeUnixNano: 5_000_000 }] }] }] });
    expect(span!.traceId).toBe('0af7651916cd43dd8448eb211c80319c');
    expect(span!.parentSpanId).toBe('00f067aa0ba902b7');
    expect(span!.kind).toBe('UNSPECIFIED');
    expect(span!.startMs).toBe(5);
  });

  test('reads an empty or span-less request as no spans', () => {
    expect(decodeOtlpJson({})).toEqual([]);
    expect(decodeOtlpJson({ resourceSpans: [{ scopeSpans: [] }] })).toEqual([]);
  });
});

describe('startOtlpReceiver()', () => {
  test('receives what the OpenTelemetry OTLP/HTTP exporter sends: ids, parentage, kind, attributes, resource', async () => {
    const receiver = await startOtlpReceiver();
    const provider = new NodeTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'unit' }),
      spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `${receiver.url}/v1/traces` }))],
    });
    try {
      const tracer = provider.getTracer('unit-scope');
      const parent = tracer.startSpan('checkout');
      const child = tracer.startSpan('POST', { kind: SpanKind.CLIENT, attributes: { 'http.request.method': 'POST', 'server.port': 443 } }, trace.setSpan(context.active(), parent));
      child.end();
      parent.end();
      await provider.forceFlush();

      expect(receiver.requests.length).toBeGreaterThan(0);
      expect(receiver.requests.every((r) => r.path === '/v1/traces' && r.contentType === 'application/json' && !r.error)).toBe(true);
      const got = Object.fromEntries(receiver.spans.map((s) => [s.name, s]));
      expect(got.POST).toMatchObject({ kind: 'CLIENT', scope: 'unit-scope', attributes: { 'http.request.method': 'POST', 'server.port': 443 } });
      expect(got.POST!.resource['service.name']).toBe('unit');
      expect(got.POST!.traceId).toBe(parent.spanContext().traceId);
      expect(got.POST!.parentSpanId).toBe(parent.spanContext().spanId);
      expect(got.checkout!.parentSpanId).toBeUndefined();
      expect(got.POST!.endMs).toBeGreaterThanOrEqual(got.POST!.startMs);
    } finally {
      await provider.shutdown();
      await receiver.close();
    }
  });

  test('records a protobuf export without decoding it, and answers it as a collector does', async () => {
    const receiver = await startOtlpReceiver();
    try {
      const res = await fetch(`${receiver.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf', 'user-agent': 'OTel OTLP Exporter Go/1.0' }, body: new Uint8Array([10, 0]) });
      expect(res.status).toBe(200);
      expect(receiver.requests).toMatchObject([{ contentType: 'application/x-protobuf', bytes: 2, spans: 0, userAgent: 'OTel OTLP Exporter Go/1.0' }]);
      expect(receiver.spans).toEqual([]);
    } finally {
      await receiver.close();
    }
  });
});
