/**
 * WF-01's workflows, and the samples they carry. `sample` and `describe` are plain functions with no imports, so the
 * scenario (in the probe file) and the activity use the very same ones as the workflow code.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './wf-01-payload-conversion.ts';

const { echo, issuedAt } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 1 } });

/** A class with a method: does its instance come back as one? */
export class Money {
  constructor(readonly amount: number, readonly currency: string) {}
  format(): string {
    return `${this.amount} ${this.currency}`;
  }
}

/** The values sent through each conversion, by name. */
export const SAMPLES = [
  'Date',
  'undefined',
  'null',
  'key holding undefined',
  'nested object',
  'integer above 2^53',
  'BigInt',
  'Map',
  'Set',
  'Uint8Array',
  'Uint8Array inside an object',
  'NaN',
  'Infinity',
  'class instance',
  '10,000-element array',
] as const;
export type SampleName = (typeof SAMPLES)[number];

/** Builds a fresh value for a sample name. */
export function sample(name: SampleName): unknown {
  switch (name) {
    case 'Date': return new Date('2026-01-02T03:04:05.678Z');
    case 'undefined': return undefined;
    case 'null': return null;
    case 'key holding undefined': return { id: 7, nickname: undefined };
    case 'nested object': return { address: { city: 'Kyoto', geo: { lat: 35.0116, tags: ['old', 'capital'] } } };
    case 'integer above 2^53': return 2 ** 53 + 2;
    case 'BigInt': return 2n ** 64n;
    case 'Map': return new Map([['tea', 3]]);
    case 'Set': return new Set(['a', 'b']);
    case 'Uint8Array': return new Uint8Array([1, 2, 255]);
    case 'Uint8Array inside an object': return { bytes: new Uint8Array([1, 2, 255]) };
    case 'NaN': return NaN;
    case 'Infinity': return Infinity;
    case 'class instance': return new Money(5, 'EUR');
    case '10,000-element array': return Array.from({ length: 10_000 }, (_, i) => i);
  }
}

/** A short, exact description of a value's runtime type and content, e.g. `Date 2026-…` or `Object{id: number 7}`. */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'bigint') return `bigint ${value}`;
  if (typeof value === 'number') return `number ${value}`;
  if (typeof value === 'string') return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value !== 'object') return `${typeof value} ${String(value)}`;
  if (value instanceof Date) return `Date ${value.toISOString()}`;
  if (value instanceof Map) return `Map(${value.size}) [${[...value].map(([k, v]) => `${describe(k)} => ${describe(v)}`).join(', ')}]`;
  if (value instanceof Set) return `Set(${value.size}) [${[...value].map(describe).join(', ')}]`;
  if (value instanceof Uint8Array) return `Uint8Array [${[...value].join(', ')}]`;
  if (Array.isArray(value)) {
    if (value.length > 5) return `Array(${value.length}) of ${[...new Set(value.map((v) => typeof v))].join('/')}, sum ${value.reduce((a: number, b: number) => a + b, 0)}`;
    return `Array [${value.map(describe).join(', ')}]`;
  }
  const kind = Object.getPrototypeOf(value)?.constructor?.name ?? 'null-prototype';
  return `${kind}{${Object.entries(value).map(([k, v]) => `${k}: ${describe(v)}`).join(', ')}}`;
}

/** Turns what a conversion threw into one line: its type and the start of its message. */
export function describeError(error: unknown): string {
  const e = error as Error & { cause?: Error };
  const inner = e.cause ? ` (cause ${e.cause.name}: ${e.cause.message.slice(0, 80)})` : '';
  return `threw ${e.name}: ${e.message.slice(0, 80)}${inner}`;
}

/** Receives a value as its argument, reports what arrived, and returns it as its result. */
export async function argumentTrip(value: unknown): Promise<{ arrived: string; value: unknown }> {
  return { arrived: describe(value), value };
}

/**
 * Builds the sample inside the workflow, sends it to an activity that returns it, and reports what came back. The
 * activity reports what it received through the ledger.
 */
export async function activityTrip(name: SampleName): Promise<string> {
  let value: unknown;
  try {
    value = await echo(name, sample(name));
  } catch (error) {
    return describeError(error);
  }
  return describe(value);
}

/** Returns a sample built in the workflow as the workflow's result, for the client to read. */
export async function resultTrip(name: SampleName): Promise<unknown> {
  return sample(name);
}

/**
 * The activity is declared to return `Promise<Date>`, and the proxy passes that type on: the line below compiles.
 * What the workflow holds at run time is what the converter made of it.
 */
export async function typedDate(): Promise<{ runtimeType: string; hasGetTime: boolean }> {
  const issued: Date = await issuedAt();
  return { runtimeType: issued instanceof Date ? 'Date' : typeof issued, hasGetTime: typeof issued.getTime === 'function' };
}
