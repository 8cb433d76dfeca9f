import { describe, expect, test } from 'vitest';
import { categories } from '../../src/catalog/criteria.ts';
import {
  differsFromBaseline,
  filterFromQuery,
  filterToQuery,
  matchesFilter,
  noFilterFor,
  type CriterionFacts,
} from '../../src/lib/criteria-filter.ts';

const catIds = categories.map((c) => c.id);
const engineIds = ['inngest', 'temporal'];
const noFilter = noFilterFor('inngest');
const facts: CriterionFacts = {
  category: 'rt',
  engines: { inngest: { stars: 2, verdict: 'fail', differs: true }, temporal: { stars: 4, verdict: 'pass', differs: false } },
};
const withInngest = (inngest: CriterionFacts['engines'][string]): CriterionFacts => ({ ...facts, engines: { ...facts.engines, inngest } });

describe('matchesFilter()', () => {
  test('lets everything through when nothing is chosen', () => {
    expect(matchesFilter(facts, noFilter)).toBe(true);
    expect(matchesFilter({ category: 'op', engines: {} }, noFilter)).toBe(true);
  });

  test('requires every chosen part to hold', () => {
    expect(matchesFilter(facts, { category: 'rt', engine: 'inngest', stars: 2, verdict: 'fail', differs: true })).toBe(true);
    expect(matchesFilter(facts, { ...noFilter, category: 'ex' })).toBe(false);
    expect(matchesFilter(facts, { ...noFilter, stars: 3 })).toBe(false);
    expect(matchesFilter(facts, { ...noFilter, verdict: 'pass' })).toBe(false);
    expect(matchesFilter(withInngest({ stars: 2, verdict: 'fail', differs: false }), { ...noFilter, differs: true })).toBe(false);
  });

  test('reads the rating and verdict of the chosen engine only', () => {
    expect(matchesFilter(facts, { ...noFilter, engine: 'temporal', stars: 4, verdict: 'pass' })).toBe(true);
    expect(matchesFilter(facts, { ...noFilter, engine: 'temporal', stars: 2 })).toBe(false);
    expect(matchesFilter(facts, { ...noFilter, engine: 'inngest', stars: 4 })).toBe(false);
  });

  test('never matches a star or verdict filter for an engine not measured on the criterion', () => {
    expect(matchesFilter(withInngest({ stars: null, verdict: null, differs: false }), { ...noFilter, stars: 2 })).toBe(false);
    expect(matchesFilter({ category: 'rt', engines: { inngest: facts.engines.inngest! } }, { ...noFilter, engine: 'temporal', verdict: 'pass' })).toBe(false);
  });
});

describe('differsFromBaseline()', () => {
  test('compares a rating with the baseline, and says no when there is no rating or no baseline', () => {
    expect(differsFromBaseline(2, 3)).toBe(true);
    expect(differsFromBaseline(3, 3)).toBe(false);
    expect(differsFromBaseline(null, 3)).toBe(false);
    expect(differsFromBaseline(2, null)).toBe(false);
  });
});

describe('filterFromQuery() and filterToQuery()', () => {
  test('reads the example query of the report, on the default engine', () => {
    const f = filterFromQuery(new URLSearchParams('cat=RT&stars=2&verdict=fail&differs=1'), catIds, engineIds);
    expect(f).toEqual({ category: 'rt', engine: 'inngest', stars: 2, verdict: 'fail', differs: true });
  });

  test('reads a chosen engine', () => {
    expect(filterFromQuery(new URLSearchParams('engine=temporal&stars=4'), catIds, engineIds)).toEqual({ ...noFilter, engine: 'temporal', stars: 4 });
  });

  test('ignores values that are not valid', () => {
    const f = filterFromQuery(new URLSearchParams('cat=zz&engine=restate&stars=9&verdict=maybe&differs=yes'), catIds, engineIds);
    expect(f).toEqual(noFilter);
    expect(filterFromQuery(new URLSearchParams('stars=2.5'), catIds, engineIds).stars).toBeNull();
  });

  test('round-trips, leaves "any" and the default engine out and keeps other parameters', () => {
    const f = { category: 'wf', engine: 'inngest', stars: 5 as const, verdict: null, differs: false };
    const q = filterToQuery(f, 'inngest', new URLSearchParams('lang=x&stars=1'));
    expect(q.toString()).toBe('lang=x&cat=WF&stars=5');
    expect(filterFromQuery(q, catIds, engineIds)).toEqual(f);
    const other = { ...f, engine: 'temporal' };
    expect(filterToQuery(other, 'inngest').toString()).toBe('cat=WF&engine=temporal&stars=5');
    expect(filterFromQuery(filterToQuery(other, 'inngest'), catIds, engineIds)).toEqual(other);
    expect(filterToQuery(noFilter, 'inngest').toString()).toBe('');
  });
});
