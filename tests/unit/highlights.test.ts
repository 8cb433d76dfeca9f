import { describe, expect, test } from 'vitest';
import { criteria, type Stars } from '../../src/catalog/criteria.ts';
import { ratings as allRatings } from '../../src/catalog/ratings.ts';
import { pickHighlights } from '../../src/lib/highlights.ts';

/** The report's ratings: Inngest's, the only engine rated so far. */
const ratings = allRatings.inngest;

const r = (entries: Record<string, Stars>) => Object.fromEntries(Object.entries(entries).map(([id, stars]) => [id, { stars }]));

describe('pickHighlights()', () => {
  test('strengths are the criteria at the highest rating; considerations those below three stars, lowest first', () => {
    const h = pickHighlights(r({ 'EX-01': 5, 'EX-02': 4, 'EX-06': 2, 'RT-01': 5, 'RT-04': 1, 'VR-02': 2 }));
    expect(h.strengths).toEqual(['EX-01', 'RT-01']);
    expect(h.considerations).toEqual(['RT-04', 'EX-06', 'VR-02']);
  });

  test('has no considerations when nothing is below three stars, and nothing at all without ratings', () => {
    expect(pickHighlights(r({ 'EX-01': 5, 'EX-02': 3, 'EX-03': 4 })).considerations).toEqual([]);
    expect(pickHighlights(r({ 'EX-01': 4, 'EX-02': 4 }))).toEqual({ strengths: ['EX-01', 'EX-02'], considerations: [] });
    expect(pickHighlights({})).toEqual({ strengths: [], considerations: [] });
  });

  test('agrees with the ratings of the report', () => {
    const h = pickHighlights(ratings);
    const max = Math.max(...Object.values(ratings).map((x) => x.stars));
    expect(h.strengths.length).toBeGreaterThan(0);
    for (const id of h.strengths) expect(ratings[id]!.stars).toBe(max);
    for (const id of h.considerations) expect(ratings[id]!.stars).toBeLessThan(3);
    expect(h.strengths.filter((id) => h.considerations.includes(id))).toEqual([]);
    expect([...h.strengths, ...h.considerations].every((id) => criteria.some((k) => k.id === id))).toBe(true);
  });
});
