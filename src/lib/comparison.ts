/**
 * The baseline comparison: the seed report's rating (Python SDK 0.5.x) beside ours (TypeScript SDK 4.x) for
 * every criterion, and how many went up, down, stayed or are not evaluated yet. Computed, never typed.
 */
import { categories, type Criterion, type Stars } from '../catalog/criteria.ts';
import type { Rating } from '../catalog/ratings.ts';

export type Direction = 'up' | 'down' | 'same' | 'pending';

export interface ComparisonRow {
  criterion: Criterion;
  category: string;
  baseline: Stars;
  ours: Stars | null;
  /** ours − baseline; null when not evaluated. */
  diff: number | null;
  direction: Direction;
}

export interface Comparison {
  rows: ComparisonRow[];
  counts: Record<Direction, number>;
}

/** Compares every criterion of the catalog with its seed baseline. */
export function compareWithBaseline(ratings: Readonly<Record<string, Rating>>): Comparison {
  const rows = categories.flatMap((cat) =>
    cat.criteria.map((k): ComparisonRow => {
      const ours = ratings[k.id]?.stars ?? null;
      const diff = ours === null ? null : ours - k.baseline;
      const direction: Direction = diff === null ? 'pending' : diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
      return { criterion: k, category: cat.id, baseline: k.baseline, ours, diff, direction };
    }),
  );
  const counts: Record<Direction, number> = { up: 0, down: 0, same: 0, pending: 0 };
  for (const r of rows) counts[r.direction] += 1;
  return { rows, counts };
}
