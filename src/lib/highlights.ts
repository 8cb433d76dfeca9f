/**
 * Strengths and considerations for the overview, computed from the ratings: the criteria at the highest rating
 * given, and those that need attention (below three stars; if none does, those at the lowest rating given).
 */
import { criteria } from '../catalog/criteria.ts';
import type { Rating } from '../catalog/ratings.ts';
import { GOOD_FROM } from '../catalog/summary.ts';

export interface Highlights {
  /** Ids at the highest rating, in catalog order. */
  strengths: string[];
  /** Ids that need attention, lowest first, then in catalog order. */
  considerations: string[];
}

/** Picks the strengths and considerations from the ratings. */
export function pickHighlights(ratings: Readonly<Record<string, Rating>>): Highlights {
  const rated = criteria.flatMap((k) => (ratings[k.id] ? [{ id: k.id, stars: ratings[k.id]!.stars }] : []));
  if (rated.length === 0) return { strengths: [], considerations: [] };
  const max = Math.max(...rated.map((r) => r.stars));
  const min = Math.min(...rated.map((r) => r.stars));
  const strengths = rated.filter((r) => r.stars === max);
  const weak = rated.filter((r) => r.stars < GOOD_FROM);
  const considerations = weak.length > 0 ? weak : min < max ? rated.filter((r) => r.stars === min) : [];
  return {
    strengths: strengths.map((r) => r.id),
    considerations: [...considerations].sort((a, b) => a.stars - b.stars).map((r) => r.id),
  };
}
