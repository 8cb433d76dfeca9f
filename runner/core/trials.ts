/**
 * Puts a probe's trials together into one result. The verdict is the one every trial reached, or `mixed` when they
 * disagree: no majority decides. Each check says in how many trials it held; metrics pool the samples of every
 * trial and say how many trials they came from.
 */
import { isDeepStrictEqual } from 'node:util';
import type { AgreedVerdict, Check, EngineConfig, Metric, ProbeResult, Trial, TrialCheck } from '../../src/schema.ts';
import { trialMetric, type RecordedMetric, type RecordedTrial } from './recorder.ts';
import { summarise } from './stats.ts';

/** The fields of a result that its trials decide. */
export type Aggregate = Pick<ProbeResult, 'verdict' | 'durationMs' | 'checks' | 'metrics' | 'notes' | 'skipReason' | 'error' | 'configs' | 'trials'>;

/** The verdict of all trials: theirs when they agree, `mixed` otherwise. */
export function agreedVerdict(verdicts: Trial['verdict'][]): AgreedVerdict {
  if (verdicts.length === 0) throw new Error('no trials to agree on');
  return verdicts.every((v) => v === verdicts[0]) ? verdicts[0]! : 'mixed';
}

/** The median of some numbers (the lower middle one of an even count). */
function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

/**
 * Groups items of several trials by a key, keeping the order of first appearance; an item whose key repeats within
 * one trial (a check made twice under one name) is told apart by its occurrence.
 */
function groupAcrossTrials<T>(perTrial: T[][], key: (item: T) => string): { key: string; items: { trial: number; item: T }[] }[] {
  const groups = new Map<string, { trial: number; item: T }[]>();
  perTrial.forEach((items, trial) => {
    const occurrences = new Map<string, number>();
    for (const item of items) {
      const base = key(item);
      const n = occurrences.get(base) ?? 0;
      occurrences.set(base, n + 1);
      const k = `${base}\u0000${n}`;
      groups.set(k, [...(groups.get(k) ?? []), { trial, item }]);
    }
  });
  return [...groups].map(([k, items]) => ({ key: k, items }));
}

/** Joins distinct texts for reading: the one text when all agree, otherwise each trial's, in trial order. */
function joinObservations(values: string[]): string {
  return values.every((v) => v === values[0]) ? values[0]! : values.join(' | ');
}

/** One result's trial-level records, their configurations merged into one list. */
export function aggregateTrials(recorded: RecordedTrial[]): Aggregate {
  if (recorded.length === 0) throw new Error('a result needs at least one trial');
  const configs: EngineConfig[] = [];
  const indexOf = (c: EngineConfig) => {
    const found = configs.findIndex((x) => isDeepStrictEqual(x, c));
    if (found >= 0) return found;
    configs.push(c);
    return configs.length - 1;
  };
  // Renumber each trial's configurations into the result's list.
  const trials = recorded.map((t) => {
    const remap = t.configs.map(indexOf);
    const at = (i: number) => remap[i] ?? indexOf(t.configs[0]!);
    return {
      ...t,
      checks: t.checks.map((c) => ({ ...c, config: at(c.config) })),
      metrics: t.metrics.map((m) => ({ ...m, config: at(m.config) })),
    };
  });

  const checks: Check[] = groupAcrossTrials<TrialCheck>(trials.map((t) => t.checks), (c) => `${c.name}\u0000${c.config}`).map(({ items }) => {
    const observations = items.map((x) => x.item.observed);
    const held = items.filter((x) => x.item.ok).length;
    const first = items[0]!.item;
    return {
      name: first.name,
      expected: joinObservations(items.map((x) => x.item.expected)),
      observed: joinObservations(observations),
      ok: held === items.length && items.length === trials.length,
      config: first.config,
      held,
      seen: items.length,
      observations,
    };
  });

  const metrics: Metric[] = groupAcrossTrials<RecordedMetric>(trials.map((t) => t.metrics), (m) => `${m.name}\u0000${m.unit}\u0000${m.config}\u0000${m.kind}`).map(({ items }) => {
    const first = items[0]!.item;
    if (items.length === 1) return trialMetric(first);
    const pooled = items.flatMap((x) => x.item.samples);
    return { name: first.name, unit: first.unit, summary: summarise(pooled), trials: items.length, config: first.config };
  });

  const written: Trial[] = trials.map((t) => ({
    verdict: t.verdict,
    durationMs: t.durationMs,
    checks: t.checks,
    metrics: t.metrics.map(trialMetric),
    notes: t.notes,
    ...(t.skipReason ? { skipReason: t.skipReason } : {}),
    ...(t.error ? { error: t.error } : {}),
  }));
  const verdict = agreedVerdict(written.map((t) => t.verdict));
  const skipReasons = [...new Set(written.flatMap((t) => (t.skipReason ? [t.skipReason] : [])))];
  const errors = [...new Set(written.flatMap((t) => (t.error ? [t.error.message] : [])))];
  return {
    verdict,
    durationMs: median(written.map((t) => t.durationMs)),
    checks,
    metrics,
    notes: [...new Set(written.flatMap((t) => t.notes))],
    ...(skipReasons.length ? { skipReason: skipReasons.join(' | ') } : {}),
    ...(errors.length ? { error: { message: errors.map((m, i) => (errors.length > 1 ? `(${i + 1}) ${m}` : m)).join(' ') } } : {}),
    configs: configs.length ? configs : recorded[0]!.configs,
    trials: written,
  };
}
