/**
 * Everything the overview says in numbers, computed from the ratings: never typed by hand.
 * Good means three stars or more; attention means two or fewer.
 */
import { categories, criteria, type FailClose, type Stars } from './criteria.ts';
import type { Rating } from './ratings.ts';

/**
 * The premises of the workload a rating is judged against, each with the values a reader can choose. The seed
 * report's premises are the defaults. In this framework only the run duration decides whether a fail-close
 * criterion applies; the others describe the workload the ratings were judged for.
 */
export const premiseOptions = {
  duration: ['seconds', 'minutes-hours', 'days-or-longer'],
  sideEffects: ['read-only', 'limited-writes', 'critical-writes'],
  deployment: ['serverless-cloud', 'self-hosted'],
  scale: ['up-to-100', 'thousands-or-more'],
  determinism: ['includes-llm', 'deterministic'],
} as const;
export type PremiseName = keyof typeof premiseOptions;
export const premiseNames = Object.keys(premiseOptions) as PremiseName[];
/** The premises that decide which fail-close criteria apply. */
export type Premises = { [K in PremiseName]: (typeof premiseOptions)[K][number] };
export const defaultPremises: Premises = {
  duration: 'minutes-hours',
  sideEffects: 'limited-writes',
  deployment: 'serverless-cloud',
  scale: 'up-to-100',
  determinism: 'includes-llm',
};

/** Stars a fail-close criterion must reach. */
export const FAIL_CLOSE_THRESHOLD = 3;
/** The most the overall verdict can be while a fail-close criterion that applies is below the threshold. */
export const FAIL_CLOSE_CAP: Stars = 2;
/** Stars from which a criterion counts as good rather than needing attention. */
export const GOOD_FROM = 3;

/** Whether a fail-close rule applies under the premises: `duration-minutes` only when runs last minutes or longer. */
export function failCloseApplies(rule: FailClose, premises: Premises): boolean {
  return rule === 'always' || (rule === 'duration-minutes' && premises.duration !== 'seconds');
}

/** The fail-close criteria whose applicability changes with this premise alone (the others held at `base`). */
export function failCloseDecidedBy(name: PremiseName, base: Premises = defaultPremises): string[] {
  return criteria
    .filter((k) => k.failClose !== null)
    .filter((k) => new Set(premiseOptions[name].map((v) => failCloseApplies(k.failClose, { ...base, [name]: v }))).size > 1)
    .map((k) => k.id);
}

export interface CategorySummary {
  id: string;
  total: number;
  evaluated: number;
  good: number;
  attention: number;
  /** Mean stars of the evaluated criteria, to one decimal; null when none is evaluated. */
  mean: number | null;
}

export interface FailCloseRow {
  id: string;
  applies: boolean;
  stars: Stars | null;
  /** pass: at or above the threshold; fail: below it; pending: not evaluated yet; n/a: does not apply. */
  status: 'pass' | 'fail' | 'pending' | 'n/a';
}

export interface Summary {
  categories: CategorySummary[];
  failClose: FailCloseRow[];
  evaluated: number;
  total: number;
  good: number;
  attention: number;
  /** Count of evaluated criteria per star, 1 to 5. */
  distribution: Record<Stars, number>;
  /** Mean stars over evaluated criteria, before any cap; null when none is evaluated. */
  mean: number | null;
  /** The overall verdict: the mean rounded to whole stars, capped when a fail-close criterion fails. */
  verdict: Stars | null;
  capped: boolean;
  /** True until every criterion is evaluated: the verdict covers only part of the framework. */
  partial: boolean;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Computes every summary figure from the ratings under the given premises. */
export function summarise(ratings: Readonly<Record<string, Rating>>, premises: Premises = defaultPremises): Summary {
  const starsOf = (id: string): Stars | null => ratings[id]?.stars ?? null;
  const cats = categories.map((c): CategorySummary => {
    const rated = c.criteria.map((k) => starsOf(k.id)).filter((s): s is Stars => s !== null);
    return {
      id: c.id,
      total: c.criteria.length,
      evaluated: rated.length,
      good: rated.filter((s) => s >= GOOD_FROM).length,
      attention: rated.filter((s) => s < GOOD_FROM).length,
      mean: rated.length ? round1(rated.reduce((a, b) => a + b, 0) / rated.length) : null,
    };
  });
  const failClose = criteria
    .filter((k) => k.failClose !== null)
    .map((k): FailCloseRow => {
      const applies = failCloseApplies(k.failClose, premises);
      const stars = starsOf(k.id);
      const status = !applies ? 'n/a' : stars === null ? 'pending' : stars >= FAIL_CLOSE_THRESHOLD ? 'pass' : 'fail';
      return { id: k.id, applies, stars, status };
    });
  const all = criteria.map((k) => starsOf(k.id)).filter((s): s is Stars => s !== null);
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<Stars, number>;
  for (const s of all) distribution[s] += 1;
  const mean = all.length ? round1(all.reduce((a, b) => a + b, 0) / all.length) : null;
  const capped = failClose.some((r) => r.status === 'fail');
  const rounded = mean === null ? null : (Math.min(5, Math.max(1, Math.round(mean))) as Stars);
  const verdict = rounded === null ? null : capped ? (Math.min(rounded, FAIL_CLOSE_CAP) as Stars) : rounded;
  return {
    categories: cats,
    failClose,
    evaluated: all.length,
    total: criteria.length,
    good: all.filter((s) => s >= GOOD_FROM).length,
    attention: all.filter((s) => s < GOOD_FROM).length,
    distribution,
    mean,
    verdict,
    capped,
    partial: all.length < criteria.length,
  };
}
