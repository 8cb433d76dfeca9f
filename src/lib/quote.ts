/**
 * How rationale prose quotes the results, in the page's language: a metric with its unit (`<Metric>`) and what a
 * check observed (`<Observed>`). Pure functions, so the unit tests quote every rationale's evidence exactly as the
 * pages do, and catch a unit or an English phrase that would land inside a Japanese sentence.
 */
import type { Lang } from '../catalog/criteria.ts';
import type { EngineId, Metric } from '../schema.ts';
import { formatNumber, useTranslations } from '../i18n/index.ts';
import { observedJa, unitJa, type Segment } from '../i18n/evidence/index.ts';
import { quoteMetric } from './trials.ts';

/** English count units and their singular, for "1 effect" rather than "1 effects". */
const SINGULAR: Record<string, string> = {
  effects: 'effect', ids: 'id', runs: 'run', steps: 'step', calls: 'call', entries: 'entry', reads: 'read', times: 'time',
  exports: 'export', concepts: 'concept', values: 'value', lines: 'line', spans: 'span', keys: 'key', tables: 'table', bytes: 'byte',
};

/** A metric's unit as a reader of `lang` reads it after `n`; a worded unit without Japanese stays English, for the tests to find. */
export function unitFor(lang: Lang, engine: EngineId, unit: string, n: number): string {
  if (lang === 'ja') return unitJa(engine, unit) ?? unit;
  return n === 1 ? (SINGULAR[unit] ?? unit) : unit;
}

export interface MetricQuoteOptions {
  stat?: 'n' | 'p50' | 'p95' | 'min' | 'max';
  /** The number alone, for prose that carries the unit itself ("called 3 times", 「3 回」). */
  bare?: boolean;
}

/**
 * A metric as prose quotes it: "5 ids" / 「5 個」, or, for a median pooled over trials, with its range and trial
 * count. A count (`stat: 'n'`) and a `bare` quote carry no unit.
 */
export function metricText(lang: Lang, engine: EngineId, metric: Metric, { stat, bare = false }: MetricQuoteOptions = {}): { value: number; text: string } {
  const t = useTranslations(lang);
  const quote = quoteMetric(metric, stat);
  const count = stat === 'n' && 'summary' in metric;
  const show = (n: number) => (count || bare ? formatNumber(lang, n, count ? 0 : 2) : `${formatNumber(lang, n, 2)} ${unitFor(lang, engine, metric.unit, n)}`);
  const text = !quote.pooled
    ? show(quote.value)
    : quote.pooled.min === quote.pooled.max
      ? t('metric.pooled.same', { value: show(quote.value), trials: quote.pooled.trials })
      : t('metric.pooled.range', { value: show(quote.value), min: formatNumber(lang, quote.pooled.min, 2), max: show(quote.pooled.max), trials: quote.pooled.trials });
  return { value: quote.value, text };
}

/**
 * What a check observed, as prose quotes it. In English, the value as the probe wrote it. In Japanese, a phrase the
 * probe wrote ("not ended within 25000 ms (RUNNING)", "nothing") through src/i18n/evidence/, a raw value (a
 * number, JSON, a status word, the engine's own message) kept as it is; `null` for a phrase with no Japanese yet.
 */
export function observedSegments(lang: Lang, engine: EngineId, criterion: string, observed: string): Segment[] | null {
  return lang === 'en' ? [{ code: observed }] : observedJa(engine, criterion, observed);
}
