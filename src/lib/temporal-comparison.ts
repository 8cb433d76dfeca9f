/**
 * Joins the seed's Temporal-versus-Inngest rows (src/catalog/temporal-comparison.ts) with the results: every
 * metric a measured row names is looked up, and a missing one throws, so the build fails instead of showing a
 * stale or invented number. Pure: the caller passes the metrics it loaded.
 */
import type { MetricRef, TemporalRow } from '../catalog/temporal-comparison.ts';
import type { Metric } from '../schema.ts';

/** A metric a row quotes, with the value picked for it. */
export interface QuotedMetric extends MetricRef {
  value: number;
  unit: string;
}

export type ResolvedRow = TemporalRow & { quoted: QuotedMetric[] };

/** Splits `text` at `{0}`, `{1}` …: strings at even positions, placeholder indexes at odd ones. */
export function splitPlaceholders(text: string): (string | number)[] {
  return text.split(/\{(\d+)\}/).map((part, i) => (i % 2 ? Number(part) : part));
}

/** Looks up every metric the measured rows name; throws naming the row, criterion and metric when one is missing. */
export function resolveTemporalRows(
  rows: readonly TemporalRow[],
  metricsOf: (criterion: string) => readonly Metric[] | null,
): ResolvedRow[] {
  return rows.map((row) => {
    if (row.evidence.kind !== 'measured') return { ...row, quoted: [] };
    const { criterion, metrics: refs } = row.evidence;
    const metrics = metricsOf(criterion);
    if (!metrics) throw new Error(`Temporal comparison, row "${row.id}": no result recorded for ${criterion}`);
    const quoted = refs.map((ref): QuotedMetric => {
      const m = metrics.find((x) => x.name === ref.name);
      if (!m) {
        throw new Error(`Temporal comparison, row "${row.id}": ${criterion} has no metric "${ref.name}" (has: ${metrics.map((x) => x.name).join(', ')})`);
      }
      return { ...ref, unit: m.unit, value: 'value' in m ? m.value : m.summary[ref.stat ?? 'p50'] };
    });
    return { ...row, quoted };
  });
}
