/**
 * Collects what one trial of a probe observed (checks, metrics, notes), each tagged with the engine configuration
 * it was made under, and turns it into the trial's verdict.
 */
import { isDeepStrictEqual } from 'node:util';
import type { EngineConfig, Trial, TrialCheck, Verdict } from '../../src/schema.ts';
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

/** A metric as recorded in one trial, with its raw samples kept so trials can be pooled. */
export interface RecordedMetric {
  name: string;
  unit: string;
  /** A single value (`kind: 'value'`) or the samples of a distribution. */
  kind: 'value' | 'samples';
  samples: number[];
  config: number;
}

/** What one trial recorded, before it is written: its configurations are local to the trial. */
export interface RecordedTrial {
  verdict: Verdict;
  durationMs: number;
  checks: TrialCheck[];
  metrics: RecordedMetric[];
  notes: string[];
  skipReason?: string;
  error?: { message: string };
  configs: EngineConfig[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

export class Recorder {
  readonly checks: TrialCheck[] = [];
  readonly metrics: RecordedMetric[] = [];
  readonly notes: string[] = [];
  /** Every configuration an observation was made under, in the order first seen. */
  readonly configs: EngineConfig[] = [];

  /** `current` describes the engine as it is at the moment of each observation. */
  constructor(private readonly current: () => EngineConfig) {}

  /** Index of the engine's current configuration in `configs`, adding it when new. */
  private config(): number {
    const now = this.current();
    const found = this.configs.findIndex((c) => isDeepStrictEqual(c, now));
    if (found >= 0) return found;
    this.configs.push(now);
    return this.configs.length - 1;
  }

  /** Records the engine's configuration now, so that even a trial that observed nothing names what it ran on. */
  begin(): void {
    this.config();
  }

  check(name: string, expected: unknown, observed: unknown, ok?: boolean): boolean {
    const passed = ok ?? isDeepStrictEqual(expected, observed);
    this.checks.push({ name, expected: show(expected), observed: show(observed), ok: passed, config: this.config() });
    return passed;
  }

  metric(name: string, unit: string, valueOrSamples: number | number[]): void {
    const samples = typeof valueOrSamples === 'number' ? [valueOrSamples] : valueOrSamples;
    if (samples.length === 0) throw new Error(`metric "${name}" has no samples`);
    if (!samples.every(Number.isFinite)) throw new Error(`metric "${name}" is not a finite number`);
    this.metrics.push({ name, unit, kind: typeof valueOrSamples === 'number' ? 'value' : 'samples', samples: samples.map(round), config: this.config() });
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

/** A recorded metric as a trial's results file shows it: a value, or the summary of its samples. */
export function trialMetric(m: RecordedMetric): Trial['metrics'][number] {
  return m.kind === 'value'
    ? { name: m.name, unit: m.unit, value: m.samples[0]!, trials: 1, config: m.config }
    : { name: m.name, unit: m.unit, summary: summarise(m.samples), trials: 1, config: m.config };
}
