/**
 * Filters over the list of all criteria — category, an engine's rating and its probe's verdict, and whether the
 * rating differs from the seed baseline — read from and written to the query string
 * (`?cat=RT&stars=2&verdict=fail&differs=1`, with `engine=temporal` for an engine other than the default).
 * Pure, so the page's script and the tests share one predicate.
 */
import type { Stars } from '../catalog/criteria.ts';
import type { AgreedVerdict } from '../schema.ts';

/** Probe verdicts a reader can filter by (kept here so the page's script does not pull in the schema library). */
export const filterVerdicts = ['pass', 'fail', 'mixed', 'skipped', 'error'] as const satisfies readonly AgreedVerdict[];

/** One engine's side of a criterion, as the filters see it. */
export interface EngineFacts {
  /** The engine's rating; null when not evaluated. */
  stars: Stars | null;
  /** Its probe's verdict; null when there is no result. */
  verdict: AgreedVerdict | null;
  /** Its rating differs from its seed baseline (never true without a rating, or for an engine the seed did not rate). */
  differs: boolean;
}

/** What the filters look at for one criterion. */
export interface CriterionFacts {
  /** Category id, lower case (`rt`). */
  category: string;
  /** Each engine's facts, by engine id; an engine absent here has nothing for the criterion. */
  engines: Readonly<Record<string, EngineFacts>>;
}

/** A filter; null (or false) means "any". The rating, verdict and difference are the chosen engine's. */
export interface CriteriaFilter {
  category: string | null;
  engine: string;
  stars: Stars | null;
  verdict: AgreedVerdict | null;
  differs: boolean;
}

/** The filter that shows everything, looking at the default engine. */
export function noFilterFor(engine: string): CriteriaFilter {
  return { category: null, engine, stars: null, verdict: null, differs: false };
}

/** Whether a rating differs from the baseline; a criterion not evaluated, or an engine without one, has nothing to compare. */
export function differsFromBaseline(ours: Stars | null, baseline: Stars | null): boolean {
  return ours !== null && baseline !== null && ours !== baseline;
}

/** Whether a criterion passes every part of the filter. */
export function matchesFilter(facts: CriterionFacts, filter: CriteriaFilter): boolean {
  const e = facts.engines[filter.engine] ?? { stars: null, verdict: null, differs: false };
  return (
    (filter.category === null || facts.category === filter.category) &&
    (filter.stars === null || e.stars === filter.stars) &&
    (filter.verdict === null || e.verdict === filter.verdict) &&
    (!filter.differs || e.differs)
  );
}

/**
 * Reads a filter from a query string; values that are not valid (an unknown category or engine, `stars=9`) are
 * ignored. `engines` lists the engines a reader can choose, the default first.
 */
export function filterFromQuery(params: URLSearchParams, categoryIds: readonly string[], engines: readonly string[]): CriteriaFilter {
  const cat = params.get('cat')?.toLowerCase() ?? null;
  const engine = params.get('engine')?.toLowerCase() ?? '';
  const stars = Number(params.get('stars'));
  const verdict = params.get('verdict');
  return {
    category: cat !== null && categoryIds.includes(cat) ? cat : null,
    engine: engines.includes(engine) ? engine : engines[0]!,
    stars: Number.isInteger(stars) && stars >= 1 && stars <= 5 ? (stars as Stars) : null,
    verdict: (filterVerdicts as readonly string[]).includes(verdict ?? '') ? (verdict as AgreedVerdict) : null,
    differs: params.get('differs') === '1',
  };
}

/**
 * Writes a filter into a query string, keeping parameters that are not filters; "any" leaves a parameter out, and
 * so does the default engine (`defaultEngine`), so the addresses published before engines could be chosen still read the same.
 */
export function filterToQuery(filter: CriteriaFilter, defaultEngine: string, keep: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(keep);
  for (const name of ['cat', 'engine', 'stars', 'verdict', 'differs']) params.delete(name);
  if (filter.category !== null) params.set('cat', filter.category.toUpperCase());
  if (filter.engine !== defaultEngine) params.set('engine', filter.engine);
  if (filter.stars !== null) params.set('stars', String(filter.stars));
  if (filter.verdict !== null) params.set('verdict', filter.verdict);
  if (filter.differs) params.set('differs', '1');
  return params;
}
