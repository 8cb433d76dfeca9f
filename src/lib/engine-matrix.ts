/**
 * The comparison matrix, criterion × engine: each engine's rating and probe verdict for every criterion of the
 * catalog, and, beside Temporal's, the seed's claim about Temporal on that criterion, marked as measured (Temporal
 * has evidence there) or still a claim. Pure: the caller passes what it loaded; counts are computed, never typed.
 */
import { categories, type Criterion, type Stars } from '../catalog/criteria.ts';
import type { EngineId } from '../catalog/engines.ts';
import type { TemporalClaim } from '../catalog/temporal-comparison.ts';
import type { AgreedVerdict } from '../schema.ts';

/** The engine the seed's claims are about. */
export const CLAIMS_ENGINE: EngineId = 'temporal';

/** What an engine has for a criterion. */
export interface EngineFact {
  stars: Stars | null;
  verdict: AgreedVerdict | null;
}

export interface MatrixCell extends EngineFact {
  engine: EngineId;
  /** A rating or a recorded result. */
  measured: boolean;
}

export interface MatrixRow {
  criterion: Criterion;
  category: string;
  /** One per engine, in the order given. */
  cells: MatrixCell[];
  claim: TemporalClaim | null;
  /** Whether the claim stands beside a measurement or is still only the seed's word; null without a claim. */
  claimStatus: 'measured' | 'claim' | null;
}

export interface Matrix {
  rows: MatrixRow[];
  /** Per engine: criteria rated, and criteria with any evidence. */
  counts: Record<string, { rated: number; measured: number }>;
  claims: { total: number; measured: number };
}

/** Builds the matrix over every criterion of the catalog, in catalog order; `factOf` answers for one engine and criterion. */
export function buildMatrix(
  engines: readonly EngineId[],
  factOf: (engine: EngineId, id: string) => EngineFact,
  claims: readonly TemporalClaim[],
): Matrix {
  const known = new Set(categories.flatMap((c) => c.criteria.map((k) => k.id)));
  for (const c of claims) if (!known.has(c.criterion)) throw new Error(`A seed claim about Temporal names ${c.criterion}, which is not a criterion of the catalog`);
  const claimOf = new Map(claims.map((c) => [c.criterion, c]));
  const rows = categories.flatMap((cat) =>
    cat.criteria.map((criterion): MatrixRow => {
      const cells = engines.map((engine): MatrixCell => {
        const fact = factOf(engine, criterion.id);
        return { engine, ...fact, measured: fact.stars !== null || fact.verdict !== null };
      });
      const claim = claimOf.get(criterion.id) ?? null;
      const claimed = cells.find((c) => c.engine === CLAIMS_ENGINE);
      return { criterion, category: cat.id, cells, claim, claimStatus: claim ? (claimed?.measured ? 'measured' : 'claim') : null };
    }),
  );
  const counts = Object.fromEntries(
    engines.map((engine, i) => [engine, { rated: rows.filter((r) => r.cells[i]!.stars !== null).length, measured: rows.filter((r) => r.cells[i]!.measured).length }]),
  );
  const withClaims = rows.filter((r) => r.claim);
  return { rows, counts, claims: { total: withClaims.length, measured: withClaims.filter((r) => r.claimStatus === 'measured').length } };
}
