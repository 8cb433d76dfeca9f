/**
 * What one engine's latest results have in common and where they differ: the distinct engine configurations, SDKs,
 * machines and trial counts the evidence came from, for the methodology page. Takes results files as data; the
 * page reads them from the collection.
 */
import type { EngineConfig, ResultsFile } from '../schema.ts';

export interface EvidenceFacts {
  runs: number;
  /** Earliest start and latest finish over all runs (ISO timestamps). */
  from: string;
  to: string;
  /** Trials per probe that the runs asked for, ascending. */
  trials: number[];
  /** Distinct ways the engine ran: its mode, and how the runner got it. */
  modes: Pick<EngineConfig, 'mode' | 'source'>[];
  versions: string[];
  /** SDK package and version, `inngest 4.24.0`. */
  sdks: string[];
  nodes: string[];
  oses: string[];
  cpus: number[];
  stateStores: string[];
  flags: string[];
}

const distinct = <T>(xs: T[]): T[] => [...new Set(xs)].sort();

/** Collects the distinct provenance values over an engine's results files (runs deduplicated by id). */
export function describeEvidence(files: readonly ResultsFile[]): EvidenceFacts {
  const runs = [...new Map(files.flatMap((f) => f.runs).map((r) => [r.id, r])).values()];
  if (runs.length === 0) throw new Error('No run is recorded in these results: nothing to describe');
  const configs = files.flatMap((f) => f.probes.flatMap((p) => p.configs));
  const starts = runs.map((r) => r.startedAt).sort();
  const ends = runs.map((r) => r.finishedAt).sort();
  return {
    runs: runs.length,
    from: starts[0]!,
    to: ends[ends.length - 1]!,
    trials: [...new Set(runs.map((r) => r.trials))].sort((a, b) => a - b),
    modes: [...new Map(configs.map((c) => [`${c.mode}/${c.source}`, { mode: c.mode, source: c.source }])).values()].sort(
      (a, b) => a.mode.localeCompare(b.mode) || a.source.localeCompare(b.source),
    ),
    versions: distinct(configs.map((c) => c.version)),
    sdks: distinct(configs.map((c) => `${c.sdk.package} ${c.sdk.version}`)),
    nodes: distinct(runs.map((r) => r.node)),
    oses: distinct(runs.map((r) => r.os)),
    cpus: [...new Set(runs.map((r) => r.cpus))].sort((a, b) => a - b),
    stateStores: distinct(configs.map((c) => c.stateStore)),
    flags: distinct(configs.map((c) => c.flags.join(' ')).filter((f) => f.length > 0)),
  };
}
