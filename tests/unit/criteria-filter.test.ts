import { describe, expect, test } from 'vitest';
import { categories } from '../../src/catalog/criteria.ts';
import {
  differsFromBaseline,
  filterFromQuery,
  filterToQuery,
  matchesFilter,
  noFilter,
  type CriterionFacts,
} from '../../src/lib/criteria-filter.ts';

const catIds = categories.map((c) => c.id);
const facts: CriterionFacts = { category: 'rt', stars: 2, verdict: 'fail', differs: true };

describe('matchesFilter()', () => {
  test('lets everything through when nothing is chosen', () => {
    expect(matchesFilter(facts, noFilter)).toBe(true);
    expect(matchesFilter({ category: 'op', stars: null, verdict: null, differs: false }, noFilter)).toBe(true);
  });

  test('requires every chosen part to hold', () => {
    expect(matchesFilter(facts, { category: 'rt', stars: 2, verdict: 'fail', differs: true })).toBe(true);
    expect(matchesFilter(facts, { ...noFilter, category: 'ex' })).toBe(false);
    expect(matchesFilter(facts, { ...noFilter, stars: 3 })).toBe(false);
    expect(matchesFilter(facts, { ...noFilter, verdict: 'pass' })).toBe(false);
    expect(matchesFilter({ ...facts, differs: false }, { ...noFilter, differs: true })).toBe(false);
  });

  test('never matches a star filter for a criterion not evaluated', () => {
    expect(matchesFilter({ ...facts, stars: null }, { ...noFilter, stars: 2 })).toBe(false);
  });
});

describe('differsFromBaseline()', () => {
  test('compares our rating with the baseline, and says no when there is no rating', () => {
    expect(differsFromBaseline(2, 3)).toBe(true);
    expect(differsFromBaseline(3, 3)).toBe(false);
    expect(differsFromBaseline(null, 3)).toBe(false);
  });
});

describe('filterFromQuery() and filterToQuery()', () => {
  test('reads the example query of the report', () => {
    const f = filterFromQuery(new URLSearchParams('cat=RT&stars=2&verdict=fail&differs=1'), catIds);
    expect(f).toEqual({ category: 'rt', stars: 2, verdict: 'fail', differs: true });
  });

  test('ignores values that are not valid', () => {
    const f = filterFromQuery(new URLSearchParams('cat=zz&stars=9&verdict=maybe&differs=yes'), catIds);
    expect(f).toEqual(noFilter);
    expect(filterFromQuery(new URLSearchParams('stars=2.5'), catIds).stars).toBeNull();
  });

  test('round-trips, leaves "any" out and keeps other parameters', () => {
    const f = { category: 'wf', stars: 5 as const, verdict: null, differs: false };
    const q = filterToQuery(f, new URLSearchParams('lang=x&stars=1'));
    expect(q.toString()).toBe('lang=x&cat=WF&stars=5');
    expect(filterFromQuery(q, catIds)).toEqual(f);
    expect(filterToQuery(noFilter).toString()).toBe('');
  });
});
