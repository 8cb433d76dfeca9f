/**
 * Filters over the list of all criteria — category, our rating, the probe's verdict, and whether our rating
 * differs from the seed baseline — read from and written to the query string (`?cat=RT&stars=2&verdict=fail&differs=1`).
 * Pure, so the page's script and the tests share one predicate.
 */
import type { Stars } from '../catalog/criteria.ts';
import type { AgreedVerdict } from '../schema.ts';

/** Probe verdicts a reader can filter by (kept here so the page's script does not pull in the schema library). */
export const filterVerdicts = ['pass', 'fail', 'mixed', 'skipped', 'error'] as const satisfies readonly AgreedVerdict[];

/** What the filters look at for one criterion. */
export interface CriterionFacts {
  /** Category id, lower case (`rt`). */
  category: string;
  /** Our rating; null when not evaluated. */
  stars: Stars | null;
  /** The probe's verdict; null when there is no result. */
  verdict: AgreedVerdict | null;
  /** Our rating differs from the seed baseline (never true for a criterion not evaluated). */
  differs: boolean;
}

/** A filter; null (or false) means "any". */
export interface CriteriaFilter {
  category: string | null;
  stars: Stars | null;
  verdict: AgreedVerdict | null;
  differs: boolean;
}

export const noFilter: CriteriaFilter = { category: null, stars: null, verdict: null, differs: false };

/** Whether our rating differs from the baseline; a criterion not evaluated has nothing to compare. */
export function differsFromBaseline(ours: Stars | null, baseline: Stars): boolean {
  return ours !== null && ours !== baseline;
}

/** Whether a criterion passes every part of the filter. */
export function matchesFilter(facts: CriterionFacts, filter: CriteriaFilter): boolean {
  return (
    (filter.category === null || facts.category === filter.category) &&
    (filter.stars === null || facts.stars === filter.stars) &&
    (filter.verdict === null || facts.verdict === filter.verdict) &&
    (!filter.differs || facts.differs)
  );
}

/** Reads a filter from a query string; values that are not valid (an unknown category, `stars=9`) are ignored. */
export function filterFromQuery(params: URLSearchParams, categoryIds: readonly string[]): CriteriaFilter {
  const cat = params.get('cat')?.toLowerCase() ?? null;
  const stars = Number(params.get('stars'));
  const verdict = params.get('verdict');
  return {
    category: cat !== null && categoryIds.includes(cat) ? cat : null,
    stars: Number.isInteger(stars) && stars >= 1 && stars <= 5 ? (stars as Stars) : null,
    verdict: (filterVerdicts as readonly string[]).includes(verdict ?? '') ? (verdict as AgreedVerdict) : null,
    differs: params.get('differs') === '1',
  };
}

/** Writes a filter into a query string, keeping parameters that are not filters; "any" leaves a parameter out. */
export function filterToQuery(filter: CriteriaFilter, keep: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(keep);
  for (const name of ['cat', 'stars', 'verdict', 'differs']) params.delete(name);
  if (filter.category !== null) params.set('cat', filter.category.toUpperCase());
  if (filter.stars !== null) params.set('stars', String(filter.stars));
  if (filter.verdict !== null) params.set('verdict', filter.verdict);
  if (filter.differs) params.set('differs', '1');
  return params;
}
