import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { decodeOutput, findStepId } from '../../runner/drivers/inngest/api.ts';
import { startDependency, startModelServer } from '../../runner/core/dependency.ts';
import { recordedSteps } from '../../src/probes/inngest/harness/replay.ts';
import { show } from '../../runner/core/recorder.ts';
import { LEDGER_ENV, readLedger, record, recordOnce } from '../../src/probes/core/ledger.ts';
import type { TraceSpan } from '../../src/probes/inngest/harness/probe.ts';

const span = (name: string, stepId: string | undefined, children: TraceSpan[] = []): TraceSpan => ({ name, status: 'COMPLETED', stepId, children });

describe('findStepId()', () => {
  test('finds the hashed id of a step by its name, at any depth', () => {
    const trace = span('run', 'root', [span('first', 'aaa'), span('attempts', undefined, [span('load into warehouse', 'bbb')])]);
    expect(findStepId(trace, 'load into warehouse')).toBe('bbb');
  });
  test('returns undefined for a step the trace does not have', () => {
    expect(findStepId(span('run', 'root', [span('first', 'aaa')]), 'missing')).toBeUndefined();
  });
});

describe('decodeOutput()', () => {
  test('takes the data of a RunComplete opcode, as checkpointed runs store it', () => {
    expect(decodeOutput('[{"op":"RunComplete","id":"x","data":{"done":[1]}}]')).toEqual({ done: [1] });
  });
  test('decodes a plain JSON output and keeps a non-JSON one as text', () => {
    expect(decodeOutput('{"a":1}')).toEqual({ a: 1 });
    expect(decodeOutput('not json')).toBe('not json');
    expect(decodeOutput(null)).toBeNull();
  });
});

describe('startDependency()', () => {
  test('answers with its status, counts calls, and changes status on request', async () => {
    const dep = await startDependency(503);
    try {
      expect((await fetch(dep.url, { method: 'POST' })).status).toBe(503);
      dep.setStatus(200);
      expect((await fetch(dep.url)).status).toBe(200);
      expect(dep.calls).toHaveLength(2);
    } finally {
      await dep.close();
    }
  });
  test('records the headers of each call, names in lower case', async () => {
    const dep = await startDependency(200);
    try {
      await fetch(dep.url, { headers: { TraceParent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } });
      await fetch(dep.url);
      expect(dep.headers).toHaveLength(2);
      expect(dep.headers[0]!.traceparent).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
      expect(dep.headers[1]!.traceparent).toBeUndefined();
    } finally {
      await dep.close();
    }
  });
});

describe('the ledger', () => {
  const previous = process.env[LEDGER_ENV];
  afterEach(() => {
    if (previous === undefined) delete process.env[LEDGER_ENV];
    else process.env[LEDGER_ENV] = previous;
  });

  test('records effects in order, with time and process', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'l.jsonl');
    process.env[LEDGER_ENV] = file;
    record('a', { n: 1 });
    record('b');
    const entries = readLedger(file);
    expect(entries.map((e) => e.effect)).toEqual(['a', 'b']);
    expect(entries[0]).toMatchObject({ data: { n: 1 }, pid: process.pid });
  });

  test('recordOnce() drops a repeat with the same idempotency key', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'ledger-')), 'l.jsonl');
    process.env[LEDGER_ENV] = file;
    expect(recordOnce('charged', 'run-1:charge')).toBe(true);
    expect(recordOnce('charged', 'run-1:charge')).toBe(false);
    expect(recordOnce('charged', 'run-2:charge')).toBe(true);
    expect(readLedger(file)).toHaveLength(2);
  });

  test('refuses to record outside a probe worker', () => {
    delete process.env[LEDGER_ENV];
    expect(() => record('x')).toThrow(/PROBE_LEDGER is not set/);
  });

  test('reads a missing ledger as empty', () => {
    expect(readLedger('/nonexistent/ledger.jsonl')).toEqual([]);
  });
});

describe('show()', () => {
  test('renders strings as they are and other values as JSON', () => {
    expect(show('COMPLETED')).toBe('COMPLETED');
    expect(show({ a: [1] })).toBe('{"a":[1]}');
    expect(show(undefined)).toBe('undefined');
  });
});

describe('startModelServer()', () => {
  const ask = (baseUrl: string, body: unknown) =>
    fetch(`${baseUrl}chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  test('answers like an OpenAI chat completion, the same text in fixed mode', async () => {
    const model = await startModelServer({ mode: 'fixed' });
    try {
      const a = (await (await ask(model.baseUrl, { messages: [{ role: 'user', content: 'hi' }] })).json()) as { choices: { message: { content: string } }[] };
      const b = (await (await ask(model.baseUrl, { messages: [{ role: 'user', content: 'hi' }] })).json()) as { choices: { message: { content: string } }[] };
      expect(a.choices[0]!.message.content).toBe(b.choices[0]!.message.content);
      expect(model.calls.map((c) => c.status)).toEqual([200, 200]);
    } finally {
      await model.close();
    }
  });

  test('rate-limits the first calls when asked, with a retry-after header', async () => {
    const model = await startModelServer({ mode: 'random', failFirst: 1 });
    try {
      const first = await ask(model.baseUrl, { messages: [] });
      expect(first.status).toBe(429);
      expect(first.headers.get('retry-after')).toBe('1');
      expect((await ask(model.baseUrl, { messages: [] })).status).toBe(200);
    } finally {
      await model.close();
    }
  });

  test('plays an agent: calls the offered tool, then answers with the tool result', async () => {
    const model = await startModelServer({ mode: 'tool-then-answer' });
    try {
      const tools = [{ type: 'function', function: { name: 'lookup_order' } }];
      const first = (await (await ask(model.baseUrl, { tools, messages: [{ role: 'user', content: 'where?' }] })).json()) as { choices: { message: { tool_calls?: { function: { name: string } }[] } }[] };
      expect(first.choices[0]!.message.tool_calls?.[0]?.function.name).toBe('lookup_order');
      const second = (await (await ask(model.baseUrl, { tools, messages: [{ role: 'tool', content: 'ships tomorrow' }] })).json()) as { choices: { message: { content: string } }[] };
      expect(second.choices[0]!.message.content).toContain('ships tomorrow');
    } finally {
      await model.close();
    }
  });
});

describe('recordedSteps()', () => {
  test('lists each recorded step once, in order, with its kind and output', () => {
    const trace: TraceSpan = {
      name: 'run', status: 'COMPLETED', children: [
        { name: 'fetch', status: 'COMPLETED', stepOp: 'RUN', output: { data: 1 }, children: [] },
        { name: 'fetch', status: 'COMPLETED', stepOp: 'RUN', output: { data: 1 }, children: [] },
        { name: 'nap', status: 'COMPLETED', stepOp: 'SLEEP', children: [] },
      ],
    };
    expect(recordedSteps(trace)).toEqual([
      { id: 'fetch', op: 'RUN', output: { data: 1 } },
      { id: 'nap', op: 'SLEEP', output: undefined },
    ]);
  });
});
