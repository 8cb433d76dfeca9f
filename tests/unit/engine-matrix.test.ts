import { describe, expect, test } from 'vitest';
import { criteria } from '../../src/catalog/criteria.ts';
import { temporalClaims } from '../../src/catalog/temporal-comparison.ts';
import { buildMatrix, CLAIMS_ENGINE, type EngineFact } from '../../src/lib/engine-matrix.ts';

const none: EngineFact = { stars: null, verdict: null };

describe('buildMatrix()', () => {
  test('has one row per criterion in catalog order, one cell per engine in the order given', () => {
    const m = buildMatrix(['inngest', 'temporal'], () => none, []);
    expect(m.rows.map((r) => r.criterion.id)).toEqual(criteria.map((k) => k.id));
    for (const r of m.rows) expect(r.cells.map((c) => c.engine)).toEqual(['inngest', 'temporal']);
  });

  test('marks an engine without rating or result as not measured, and counts each engine apart', () => {
    const m = buildMatrix(['inngest', 'temporal'], (engine, id) =>
      engine === 'inngest' ? { stars: 4, verdict: 'pass' } : id === 'EX-01' ? { stars: null, verdict: 'fail' } : none, []);
    const ex01 = m.rows.find((r) => r.criterion.id === 'EX-01')!;
    expect(ex01.cells[1]).toMatchObject({ engine: 'temporal', measured: true, stars: null, verdict: 'fail' });
    expect(m.rows.find((r) => r.criterion.id === 'EX-02')!.cells[1]!.measured).toBe(false);
    expect(m.counts).toEqual({ inngest: { rated: criteria.length, measured: criteria.length }, temporal: { rated: 0, measured: 1 } });
  });

  test('keeps a claim about Temporal a claim until Temporal is measured on its criterion', () => {
    const claims = [{ criterion: 'RT-04', text: { en: 'native', ja: '標準' }, stars: 5 as const }, { criterion: 'DX-04', text: { en: 'built in', ja: '組み込み' } }];
    const m = buildMatrix(['inngest', CLAIMS_ENGINE], (engine, id) => (engine === CLAIMS_ENGINE && id === 'RT-04' ? { stars: 3, verdict: 'pass' } : none), claims);
    expect(m.rows.find((r) => r.criterion.id === 'RT-04')!.claimStatus).toBe('measured');
    expect(m.rows.find((r) => r.criterion.id === 'DX-04')!.claimStatus).toBe('claim');
    expect(m.rows.find((r) => r.criterion.id === 'EX-01')!.claimStatus).toBeNull();
    expect(m.claims).toEqual({ total: 2, measured: 1 });
  });

  test('refuses a claim about a criterion the catalog does not have', () => {
    expect(() => buildMatrix(['temporal'], () => none, [{ criterion: 'ZZ-99', text: { en: 'x', ja: 'x' } }])).toThrow(/ZZ-99/);
  });

  test('every seed claim about Temporal names a criterion of the catalog, at most once', () => {
    expect(() => buildMatrix(['temporal'], () => none, temporalClaims)).not.toThrow();
    expect(new Set(temporalClaims.map((c) => c.criterion)).size).toBe(temporalClaims.length);
  });
});
