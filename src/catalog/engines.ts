/**
 * The engines this report measures, in the order pages show them, and what each is compared against. Pages that
 * compare engines show every engine listed here, and say plainly where one has no evidence yet (see `isMeasured`).
 */
import type { EngineId } from '../schema.ts';
import type { Criterion, Stars } from './criteria.ts';
import type { EngineRatings } from './ratings.ts';

export type { EngineId };

export interface Engine {
  id: EngineId;
  /** The product's name, the same in every language. */
  name: string;
  /** Whether the seed report's rating (Inngest Python SDK 0.5.x) is this engine's baseline. */
  seedBaseline: boolean;
}

export const engines: readonly Engine[] = [
  { id: 'inngest', name: 'Inngest', seedBaseline: true },
  { id: 'temporal', name: 'Temporal', seedBaseline: false },
];

/**
 * The engine the report started with. Addresses without an engine (`/data/results/<cat>.json`) and the rationale
 * components (`<Metric>`, `<CheckTally>`, `<Observed>`) mean this one unless told otherwise.
 */
export const DEFAULT_ENGINE: EngineId = 'inngest';

/** Looks an engine up by id; throws on an unknown one. */
export function findEngine(id: string): Engine {
  const found = engines.find((e) => e.id === id);
  if (!found) throw new Error(`Unknown engine "${id}"`);
  return found;
}

/** An engine's baseline for a criterion: the seed's rating where the seed rated this engine, else null. */
export function baselineOf(engine: EngineId, criterion: Pick<Criterion, 'baseline'>): Stars | null {
  return findEngine(engine).seedBaseline ? criterion.baseline : null;
}

/** Whether an engine has anything to show: a rating, or any recorded result (latest or archived). */
export function isMeasured(ratings: EngineRatings, recordedResults: number): boolean {
  return Object.keys(ratings).length > 0 || recordedResults > 0;
}

/** The command that re-runs probes: one criterion's, or all; the default engine needs no `--engine`. */
export function rerunCommand(engine: EngineId, id?: string): string {
  const parts = ['npm run probes', ...(engine !== DEFAULT_ENGINE || id ? ['--'] : []), ...(engine !== DEFAULT_ENGINE ? [`--engine ${engine}`] : []), ...(id ? [`--only ${id}`] : [])];
  return parts.join(' ');
}
