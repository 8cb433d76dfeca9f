/**
 * The "Inngest or Temporal?" advice follows from the ratings: each item's criteria are rated for both engines and
 * higher for the engine it recommends. Changing a rating so that an item no longer follows must fail here.
 */
import { describe, expect, test } from 'vitest';
import { advice } from '../../src/catalog/advice.ts';
import { criteria } from '../../src/catalog/criteria.ts';
import { engines } from '../../src/catalog/engines.ts';
import { ratings } from '../../src/catalog/ratings.ts';
import { adviceProblems, resolveAdvice } from '../../src/lib/advice.ts';

const ids = engines.map((e) => e.id);

describe('the advice', () => {
  test('every item follows from the current ratings', () => {
    expect(adviceProblems(advice, ratings, ids)).toEqual([]);
  });
  test('has items for each engine, each citing known criteria, in both languages', () => {
    for (const engine of ids) expect(advice.filter((a) => a.engine === engine).length).toBeGreaterThan(0);
    const known = new Set(criteria.map((c) => c.id));
    for (const item of advice) {
      for (const id of item.criteria) expect(known.has(id), `${item.id} cites ${id}`).toBe(true);
      expect(item.text.en.length).toBeGreaterThan(20);
      expect(item.text.ja).toMatch(/[ぁ-んァ-ン一-龯]/);
    }
  });
  test('catches an item whose ratings point the other way, or are missing', () => {
    const flipped = [{ ...advice[0]!, engine: advice[0]!.engine === 'inngest' ? ('temporal' as const) : ('inngest' as const) }];
    expect(adviceProblems(flipped, ratings, ids)).not.toEqual([]);
    expect(() => resolveAdvice(flipped, ratings, ids)).toThrow(/does not follow from the ratings/);
    const equal = { inngest: { 'EX-01': { stars: 4 as const } }, temporal: { 'EX-01': { stars: 4 as const } } };
    expect(adviceProblems([{ id: 'x', engine: 'inngest', text: { en: '', ja: '' }, criteria: ['EX-01'] }], equal, ids)).toHaveLength(1);
    expect(adviceProblems([{ id: 'x', engine: 'inngest', text: { en: '', ja: '' }, criteria: ['EX-02'] }], equal, ids)[0]).toMatch(/no rating/);
  });
});
