import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { decodeOutput, findStepId } from '../../runner/api.ts';
import { startDependency } from '../../runner/dependency.ts';
import { show } from '../../runner/recorder.ts';
import { LEDGER_ENV, readLedger, record, recordOnce } from '../../src/probes/harness/ledger.ts';
import type { TraceSpan } from '../../src/probes/harness/probe.ts';

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
