import { describe, expect, test } from 'vitest';
import { criteria, langs } from '../../src/catalog/criteria.ts';
import { temporalComparison as rows } from '../../src/catalog/temporal-comparison.ts';
import { resolveTemporalRows, splitPlaceholders } from '../../src/lib/temporal-comparison.ts';
import type { Metric } from '../../src/schema.ts';
import { latestResults } from '../support/results.ts';

/** Every recorded Inngest result's metrics, by criterion id, read as the site reads them. */
const metricsById = new Map<string, Metric[]>(latestResults('inngest').flatMap((f) => f.probes.map((p) => [p.id, p.metrics] as const)));
const measured = rows.filter((r) => r.evidence.kind === 'measured');
const ids = new Set(criteria.map((k) => k.id));

describe('the Temporal comparison rows', () => {
  test('restate every row of the seed table, once each, in both languages', () => {
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    for (const r of rows) {
      for (const lang of langs) {
        for (const text of [r.aspect, r.temporal.text, r.inngest.text]) expect(text[lang].trim(), `${r.id} ${lang}`).not.toBe('');
      }
    }
  });

  test('are each either measured here or marked as the seed’s claim, with some of both', () => {
    expect(measured.length).toBeGreaterThan(0);
    expect(rows.filter((r) => r.evidence.kind === 'seed-claim').length).toBeGreaterThan(0);
  });

  test('name criteria that exist in the catalog', () => {
    for (const r of rows) {
      const id = r.evidence.kind === 'measured' ? r.evidence.criterion : r.evidence.related;
      if (id) expect(ids.has(id), `${r.id} → ${id}`).toBe(true);
    }
  });

  test('quote every metric they name exactly once in each language, and type no number by hand', () => {
    for (const r of measured) {
      if (r.evidence.kind !== 'measured') continue;
      for (const lang of langs) {
        const text = r.evidence.finding[lang];
        const used = splitPlaceholders(text).filter((p) => typeof p === 'number');
        expect([...used].sort(), `${r.id} ${lang}`).toEqual(r.evidence.metrics.map((_, i) => i));
        expect(text.replace(/\{\d+\}/g, ''), `${r.id} ${lang}: a digit outside a placeholder`).not.toMatch(/[0-9０-９]/);
      }
    }
  });

  test('find every metric they quote in the recorded results', () => {
    const resolved = resolveTemporalRows(rows, (id) => metricsById.get(id) ?? null);
    for (const r of resolved) {
      const refs = r.evidence.kind === 'measured' ? r.evidence.metrics : [];
      expect(r.quoted.map((q) => q.name)).toEqual(refs.map((m) => m.name));
      for (const q of r.quoted) expect(Number.isFinite(q.value), `${r.id}: ${q.name}`).toBe(true);
    }
  });
});

describe('resolveTemporalRows()', () => {
  const row = measured[0]!;
  const criterion = row.evidence.kind === 'measured' ? row.evidence.criterion : '';

  test('fails, naming the row, criterion and metric, when a quoted metric has disappeared', () => {
    const without = (id: string) => (id === criterion ? [] : (metricsById.get(id) ?? null));
    expect(() => resolveTemporalRows([row], without)).toThrow(new RegExp(`row "${row.id}": ${criterion} has no metric`));
  });

  test('fails when the criterion has no result at all', () => {
    expect(() => resolveTemporalRows([row], () => null)).toThrow(/no result recorded/);
  });

  test('picks the median of a distribution unless the row asks for another statistic', () => {
    const summary = { n: 3, p50: 20, p95: 40, min: 10, max: 41 };
    const metric = { name: 'm', unit: 'ms', summary, trials: 1, config: 0 };
    const at = (stat?: 'p95') => resolveTemporalRows(
      [{ ...row, evidence: { kind: 'measured', criterion: 'X', metrics: [{ name: 'm', stat }], finding: { en: '{0}', ja: '{0}' } } }],
      () => [metric],
    )[0]!.quoted[0]!.value;
    expect(at()).toBe(20);
    expect(at('p95')).toBe(40);
  });
});

describe('splitPlaceholders()', () => {
  test('alternates text and placeholder indexes', () => {
    expect(splitPlaceholders('took {0} and {1}.')).toEqual(['took ', 0, ' and ', 1, '.']);
    expect(splitPlaceholders('no numbers')).toEqual(['no numbers']);
  });
});
