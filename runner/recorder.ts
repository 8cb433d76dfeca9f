/** Collects what a probe observed (checks, metrics, notes) and turns it into a verdict. */
import { isDeepStrictEqual } from 'node:util';
import type { Check, Metric, Verdict } from '../src/schema.ts';
import { summarise } from './stats.ts';

/** Thrown by `skip()`: not a failure, the probe's honest "cannot be observed here". */
export class ProbeSkipped extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/** Renders a value for the checks table: strings as they are, everything else as compact JSON. */
export function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'undefined';
  return JSON.stringify(value, (_k, v) => (v instanceof Map ? { Map: [...v.entries()] } : v));
}

export class Recorder {
  readonly checks: Check[] = [];
  readonly metrics: Metric[] = [];
  readonly notes: string[] = [];

  check(name: string, expected: unknown, observed: unknown, ok?: boolean): boolean {
    const passed = ok ?? isDeepStrictEqual(expected, observed);
    this.checks.push({ name, expected: show(expected), observed: show(observed), ok: passed });
    return passed;
  }

  metric(name: string, unit: string, valueOrSamples: number | number[]): void {
    if (typeof valueOrSamples === 'number') {
      if (!Number.isFinite(valueOrSamples)) throw new Error(`metric "${name}" is not a finite number`);
      this.metrics.push({ name, unit, value: Math.round(valueOrSamples * 1000) / 1000 });
    } else {
      this.metrics.push({ name, unit, summary: summarise(valueOrSamples) });
    }
  }

  note(text: string): void {
    this.notes.push(text);
  }

  /** pass only when there are checks and all hold; a probe that checked nothing cannot pass. */
  verdict(): { verdict: Verdict; error?: string } {
    if (this.checks.length === 0) return { verdict: 'error', error: 'the probe recorded no checks, so it cannot pass' };
    return { verdict: this.checks.every((c) => c.ok) ? 'pass' : 'fail' };
  }
}
