/**
 * How a result's trials relate to each other, for pages to show: whether they agreed on the verdict, how each
 * check fared trial by trial, how a pooled metric reads in prose, and which engine configuration a check or metric
 * was made under. Pure functions of a result; components turn what they return into words.
 */
import type { Check, EngineConfig, Metric, ProbeResult, TrialCheck, Verdict } from '../schema.ts';

/** Whether the trials of a result reached one verdict, and each trial's verdict in trial order. */
export interface Agreement {
  trials: number;
  agreed: boolean;
  verdicts: Verdict[];
}

/** The agreement of a result's trials on the verdict. */
export function agreementOf(result: Pick<ProbeResult, 'trials'>): Agreement {
  const verdicts = result.trials.map((t) => t.verdict);
  return { trials: verdicts.length, agreed: verdicts.every((v) => v === verdicts[0]), verdicts };
}

/**
 * How a check's trials compare. `split`: it held in some trials and not in others, or some trials ended before
 * reaching it, so the trials disagree on it. `varied`: it came out the same way in every trial, but what was
 * observed differs. `same`: every trial observed the same thing.
 */
export type CheckSpread = 'same' | 'varied' | 'split';

/** How one check's trials compare, out of the `trials` the result ran. */
export function spreadOf(check: Pick<Check, 'held' | 'seen' | 'observations'>, trials: number): CheckSpread {
  if (check.seen < trials || (check.held > 0 && check.held < check.seen)) return 'split';
  return check.observations.every((o) => o === check.observations[0]) ? 'same' : 'varied';
}

/**
 * What each trial recorded for the result's check at `index`, in trial order: null for a trial that ended before
 * making it. A check made twice under one name in a trial is matched by its occurrence, as the runner groups them.
 */
export function checkByTrial(result: Pick<ProbeResult, 'checks' | 'trials'>, index: number): (TrialCheck | null)[] {
  const check = result.checks[index];
  if (!check) throw new Error(`no check at index ${index}`);
  const same = (c: Pick<TrialCheck, 'name' | 'config'>) => c.name === check.name && c.config === check.config;
  const occurrence = result.checks.slice(0, index).filter(same).length;
  return result.trials.map((trial) => trial.checks.filter(same)[occurrence] ?? null);
}

/** A metric as rationale prose quotes it: one number, and the spread of its trials when it pooled several. */
export interface MetricQuote {
  value: number;
  /** Present when the number is the median of samples pooled from more than one trial. */
  pooled?: { min: number; max: number; trials: number };
}

/**
 * The number prose quotes for a metric: its value; for a distribution, the statistic asked for (the median by
 * default). The median of samples pooled over several trials comes with their range and trial count, unless a
 * statistic was asked for by name, which the prose then names itself.
 */
export function quoteMetric(metric: Metric, stat?: 'n' | 'p50' | 'p95' | 'min' | 'max'): MetricQuote {
  if ('value' in metric) return { value: metric.value };
  const value = metric.summary[stat ?? 'p50'];
  if (stat !== undefined || metric.trials < 2) return { value };
  return { value, pooled: { min: metric.summary.min, max: metric.summary.max, trials: metric.trials } };
}

/** A configuration's place in a result's list, counted from 1 as readers count, and its mode. */
export interface ConfigRef {
  number: number;
  mode: string;
  config: EngineConfig;
}

/** The configuration a check or metric names, for labelling it; throws on an index the result does not record. */
export function configRef(configs: readonly EngineConfig[], index: number): ConfigRef {
  const config = configs[index];
  if (!config) throw new Error(`no configuration ${index} among ${configs.length}`);
  return { number: index + 1, mode: config.mode, config };
}

/** The distinct engine versions of a result's configurations, in order of first appearance. */
export function versionsOf(configs: readonly EngineConfig[]): string[] {
  return [...new Set(configs.map((c) => c.version))];
}

/** The distinct SDKs (`package version`) of a result's configurations, in order of first appearance. */
export function sdksOf(configs: readonly EngineConfig[]): string[] {
  return [...new Set(configs.map((c) => `${c.sdk.package} ${c.sdk.version}`))];
}
