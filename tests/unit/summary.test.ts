import { describe, expect, test } from 'vitest';
import { criteria, type Stars } from '../../src/catalog/criteria.ts';
import { ratings as allRatings } from '../../src/catalog/ratings.ts';
import { defaultPremises, summarise } from '../../src/catalog/summary.ts';

/** The report's ratings: Inngest's, the only engine rated so far. */
const ratings = allRatings.inngest;

const allAt = (stars: Stars) => Object.fromEntries(criteria.map((c) => [c.id, { stars }]));

describe('summarise()', () => {
  test('counts good (three stars or more) and attention (two or fewer) from the ratings', () => {
    const s = summarise({ 'EX-01': { stars: 5 }, 'EX-02': { stars: 3 }, 'EX-06': { stars: 2 }, 'RT-04': { stars: 1 } });
    expect(s.good).toBe(2);
    expect(s.attention).toBe(2);
    expect(s.evaluated).toBe(4);
    const ex = s.categories.find((c) => c.id === 'ex')!;
    expect(ex).toMatchObject({ total: 7, evaluated: 3, good: 2, attention: 1, mean: 3.3 });
    expect(s.distribution).toEqual({ 1: 1, 2: 1, 3: 1, 4: 0, 5: 1 });
  });

  test('per-category counts add up to the totals for the real ratings', () => {
    const s = summarise(ratings);
    expect(s.categories.reduce((a, c) => a + c.good, 0)).toBe(s.good);
    expect(s.categories.reduce((a, c) => a + c.attention, 0)).toBe(s.attention);
    expect(s.good + s.attention).toBe(s.evaluated);
    expect(s.categories.reduce((a, c) => a + c.total, 0)).toBe(58);
  });

  test('gives the rounded mean as the verdict when every fail-close criterion holds', () => {
    const s = summarise(allAt(4));
    expect(s.verdict).toBe(4);
    expect(s.capped).toBe(false);
    expect(s.partial).toBe(false);
  });

  test('caps the verdict when a fail-close criterion is below three stars', () => {
    const s = summarise({ ...allAt(5), 'EX-03': { stars: 2 } });
    expect(s.capped).toBe(true);
    expect(s.verdict).toBe(2);
    expect(s.failClose.find((r) => r.id === 'EX-03')!.status).toBe('fail');
  });

  test('does not apply the duration premise to VR-01 when runs are short', () => {
    const s = summarise({ ...allAt(5), 'VR-01': { stars: 1 } }, { ...defaultPremises, duration: 'seconds' });
    expect(s.failClose.find((r) => r.id === 'VR-01')!.status).toBe('n/a');
    expect(s.capped).toBe(false);
  });

  test('marks unevaluated fail-close criteria as pending and the verdict as partial', () => {
    const s = summarise({ 'EX-01': { stars: 5 } });
    expect(s.failClose.find((r) => r.id === 'RT-01')!.status).toBe('pending');
    expect(s.partial).toBe(true);
  });

  test('has no verdict when nothing is rated', () => {
    expect(summarise({}).verdict).toBeNull();
  });
});
