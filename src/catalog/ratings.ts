/**
 * The ratings: one judgment per engine and evaluated criterion, made from that engine's evidence in
 * `results/<engine>/`, in one language-neutral place. The rationale for each lives in
 * `src/content/<engine>/<lang>/<id>.mdx`. A criterion absent from an engine's ratings is not evaluated for it yet;
 * an engine with no ratings at all is not measured yet, and the site says so.
 */
import type { Stars } from './criteria.ts';
import type { EngineId } from '../schema.ts';

export interface Rating {
  stars: Stars;
}

/** One engine's ratings, keyed by criterion id. */
export type EngineRatings = Readonly<Record<string, Rating>>;

/** Inngest, TypeScript SDK 4.x on the real Inngest server; its baseline is the seed's Python SDK 0.5.x. */
const inngest: EngineRatings = {
  'EX-01': { stars: 5 },
  'EX-02': { stars: 4 },
  'EX-03': { stars: 5 },
  'EX-04': { stars: 3 },
  'EX-05': { stars: 4 },
  'EX-06': { stars: 2 },
  'EX-07': { stars: 4 },
  'RT-01': { stars: 4 },
  'RT-02': { stars: 3 },
  'RT-03': { stars: 3 },
  'RT-04': { stars: 2 },
  'CP-01': { stars: 4 },
  'CP-02': { stars: 5 },
  'CP-03': { stars: 4 },
  'CP-04': { stars: 4 },
  'WF-01': { stars: 5 },
  'WF-02': { stars: 4 },
  'WF-03': { stars: 5 },
  'WF-04': { stars: 4 },
  'WF-05': { stars: 4 },
  'WF-06': { stars: 4 },
  'SG-01': { stars: 5 },
  'SG-02': { stars: 3 },
  'SG-03': { stars: 5 },
  'SG-04': { stars: 3 },
  'VR-01': { stars: 3 },
  'VR-02': { stars: 1 },
  'VR-03': { stars: 3 },
  'VR-04': { stars: 4 },
  'DX-01': { stars: 5 },
  'DX-02': { stars: 4 },
  'DX-03': { stars: 5 },
  'DX-04': { stars: 3 },
  'DX-05': { stars: 3 },
  'DX-06': { stars: 4 },
  'DX-07': { stars: 2 },
  'PF-01': { stars: 4 },
  'PF-02': { stars: 4 },
  'PF-03': { stars: 4 },
  'AI-01': { stars: 5 },
  'AI-02': { stars: 4 },
  'AI-03': { stars: 4 },
  'AI-04': { stars: 4 },
  'AI-05': { stars: 3 },
  'AI-06': { stars: 5 },
  'OP-01': { stars: 5 },
  'OP-02': { stars: 3 },
  'OP-03': { stars: 3 },
  'OP-04': { stars: 4 },
  'OP-05': { stars: 3 },
  'OP-06': { stars: 3 },
  'OP-07': { stars: 4 },
  'OB-01': { stars: 4 },
  'OB-02': { stars: 3 },
  'OB-03': { stars: 4 },
  'OB-04': { stars: 3 },
  'OB-05': { stars: 4 },
  'OB-06': { stars: 4 },
};

/**
 * Temporal, TypeScript SDK 1.x on the `temporal` CLI's dev server. The seed rated only Inngest, so Temporal has no
 * baseline stars: only the seed's claims (src/catalog/temporal-comparison.ts), which the rationales weigh.
 */
const temporal: EngineRatings = {
  'EX-01': { stars: 5 },
  'EX-02': { stars: 4 },
  'EX-03': { stars: 5 },
  'EX-04': { stars: 5 },
  'EX-05': { stars: 4 },
  'EX-06': { stars: 4 },
  'EX-07': { stars: 5 },
  // RT
  'RT-01': { stars: 5 },
  'RT-02': { stars: 5 },
  'RT-03': { stars: 4 },
  'RT-04': { stars: 5 },
  // CP
  'CP-01': { stars: 4 },
  'CP-02': { stars: 5 },
  'CP-03': { stars: 5 },
  'CP-04': { stars: 4 },
  // WF
  'WF-01': { stars: 4 },
  'WF-02': { stars: 5 },
  'WF-03': { stars: 5 },
  'WF-04': { stars: 5 },
  'WF-05': { stars: 5 },
  'WF-06': { stars: 3 },
  // SG
  'SG-01': { stars: 5 },
  'SG-02': { stars: 5 },
  'SG-03': { stars: 3 },
  'SG-04': { stars: 5 },
  // VR
  'VR-01': { stars: 4 },
  'VR-02': { stars: 5 },
  'VR-03': { stars: 4 },
  'VR-04': { stars: 3 },
  // DX
  'DX-01': { stars: 4 },
  'DX-02': { stars: 5 },
  'DX-03': { stars: 4 },
  'DX-04': { stars: 4 },
  'DX-05': { stars: 4 },
  'DX-06': { stars: 3 },
  'DX-07': { stars: 4 },
  // PF
  'PF-01': { stars: 3 },
  'PF-02': { stars: 4 },
  'PF-03': { stars: 4 },
  // OP
  'OP-01': { stars: 4 },
  'OP-02': { stars: 5 },
  'OP-03': { stars: 5 },
  'OP-04': { stars: 4 },
  'OP-05': { stars: 4 },
  'OP-06': { stars: 4 },
  'OP-07': { stars: 4 },
  // OB
  'OB-01': { stars: 5 },
  'OB-02': { stars: 5 },
  'OB-03': { stars: 5 },
  'OB-04': { stars: 3 },
  'OB-05': { stars: 3 },
  'OB-06': { stars: 5 },
  // AI
  'AI-01': { stars: 5 },
  'AI-02': { stars: 5 },
  'AI-03': { stars: 5 },
  'AI-04': { stars: 3 },
  'AI-05': { stars: 3 },
  'AI-06': { stars: 5 },
};

/** Every engine's ratings. */
export const ratings: Readonly<Record<EngineId, EngineRatings>> = { inngest, temporal };

/** One criterion's rating for one engine, or null when it is not evaluated yet. */
export function ratingOf(engine: EngineId, id: string): Rating | null {
  return ratings[engine][id] ?? null;
}
