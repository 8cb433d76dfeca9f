/**
 * The fault matrix as pages show it: the order of faults and moments, each cell's anchor, and finding the cell a
 * page quotes. Pure functions over the parsed matrix; the collection is read in components/data/faults.ts.
 */
import type { CellOutcome, FaultCell, FaultConfiguration, FaultMatrix, FaultMoment, FaultPair } from '../schema.ts';

/** Moments in the order of a run's life: just triggered, mid-step, asleep, waiting. */
export const MOMENTS: readonly FaultMoment[] = ['trigger', 'step', 'sleep', 'event'];

/** Faults in reading order: each process killed, everything killed; then the same gracefully. */
export const FAULT_ORDER: readonly string[] = ['worker', 'server', 'redis', 'postgres', 'all'].flatMap((target) => [`sigkill-${target}`]).concat(
  ['worker', 'server', 'redis', 'postgres', 'all'].map((target) => `graceful-${target}`),
);

/** Outcomes, worst first, with the mark shown beside the word (the colour is never the only signal). */
export const OUTCOME_MARK: Record<CellOutcome, string> = { lost: '✗', stuck: '⏸', repeated: '↻', held: '✓' };

/** The anchor of one cell's evidence on the faults page. */
export function cellAnchor(engine: string, config: string, fault: string, moment: FaultMoment): string {
  return `${engine}--${config}--${fault}--${moment}`;
}

/** A configuration's pairs in reading order. */
export function orderedPairs(config: FaultConfiguration): FaultPair[] {
  return [...config.pairs].sort((a, b) => FAULT_ORDER.indexOf(a.fault.id) - FAULT_ORDER.indexOf(b.fault.id));
}

/** The cell of a pair for a moment; null when the pair has none (it errored before reaching it). */
export function cellOf(pair: FaultPair, moment: FaultMoment): FaultCell | null {
  return pair.cells.find((c) => c.moment === moment) ?? null;
}

/** A cell a page quotes, with its pair and configuration; throws when the matrix has no such cell. */
export function findCell(matrix: FaultMatrix, config: string, fault: string, moment: FaultMoment): { configuration: FaultConfiguration; pair: FaultPair; cell: FaultCell } {
  const configuration = matrix.configurations.find((c) => c.id === config);
  if (!configuration) throw new Error(`the ${matrix.engine} fault matrix has no configuration "${config}" (it has ${matrix.configurations.map((c) => c.id).join(', ')})`);
  const pair = configuration.pairs.find((p) => p.fault.id === fault);
  if (!pair) throw new Error(`the ${matrix.engine} fault matrix has no fault "${fault}" in configuration "${config}"`);
  const cell = cellOf(pair, moment);
  if (!cell) throw new Error(`the ${matrix.engine} fault matrix has no "${moment}" cell for ${config} × ${fault}`);
  return { configuration, pair, cell };
}

/** How many cells of a matrix have each outcome, for the counts above it. */
export function outcomeCounts(matrix: FaultMatrix): Record<CellOutcome, number> {
  const counts: Record<CellOutcome, number> = { lost: 0, stuck: 0, repeated: 0, held: 0 };
  for (const c of matrix.configurations) for (const p of c.pairs) for (const cell of p.cells) if (cell.runs > 0) counts[cell.outcome] += 1;
  return counts;
}
