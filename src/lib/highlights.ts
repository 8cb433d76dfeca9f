/**
 * Strengths and considerations for the overview, computed from the ratings: the criteria at the highest rating
 * given, and those that need attention (below three stars).
 */
import { criteria } from '../catalog/criteria.ts';
import type { Rating } from '../catalog/ratings.ts';
import { GOOD_FROM } from '../catalog/summary.ts';

export interface Highlights {
  /** Ids at the highest rating, in catalog order. */
  strengths: string[];
  /** Ids rated below three stars, lowest first, then in catalog order. */
  considerations: string[];
}

/** Picks the strengths and considerations from the ratings. */
export function pickHighlights(ratings: Readonly<Record<string, Rating>>): Highlights {
  const rated = criteria.flatMap((k) => (ratings[k.id] ? [{ id: k.id, stars: ratings[k.id]!.stars }] : []));
  if (rated.length === 0) return { strengths: [], considerations: [] };
  const max = Math.max(...rated.map((r) => r.stars));
  return {
    strengths: rated.filter((r) => r.stars === max).map((r) => r.id),
    considerations: rated
      .filter((r) => r.stars < GOOD_FROM)
      .sort((a, b) => a.stars - b.stars)
      .map((r) => r.id),
  };
}
