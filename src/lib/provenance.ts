/**
 * What the recorded runs have in common and where they differ: the distinct servers, SDKs and machines the
 * evidence came from, for the methodology page. Takes the runs as data; the page reads them from the collection.
 */
import type { RunInfo } from '../schema.ts';

export interface RunFacts {
  runs: number;
  /** Earliest start and latest finish over all runs (ISO timestamps). */
  from: string;
  to: string;
  /** Distinct server modes: how the server ran (dev or self-hosted) and how the runner got it. */
  modes: Pick<RunInfo['engine'], 'kind' | 'source'>[];
  serverVersions: string[];
  sdkVersions: string[];
  nodes: string[];
  oses: string[];
  cpus: number[];
  stateStores: string[];
  flags: string[];
}

const distinct = <T>(xs: T[]): T[] => [...new Set(xs)].sort();

/** Collects the distinct provenance values over runs (deduplicated by run id). */
export function describeRuns(all: RunInfo[]): RunFacts {
  const runs = [...new Map(all.map((r) => [r.id, r])).values()];
  if (runs.length === 0) throw new Error('No run is recorded in results/: nothing to describe');
  const starts = runs.map((r) => r.startedAt).sort();
  const ends = runs.map((r) => r.finishedAt).sort();
  return {
    runs: runs.length,
    from: starts[0]!,
    to: ends[ends.length - 1]!,
    modes: [...new Map(runs.map((r) => [`${r.engine.kind}/${r.engine.source}`, { kind: r.engine.kind, source: r.engine.source }])).values()],
    serverVersions: distinct(runs.map((r) => r.engine.serverVersion)),
    sdkVersions: distinct(runs.map((r) => r.sdkVersion)),
    nodes: distinct(runs.map((r) => r.node)),
    oses: distinct(runs.map((r) => r.os)),
    cpus: [...new Set(runs.map((r) => r.cpus))].sort((a, b) => a - b),
    stateStores: distinct(runs.map((r) => r.engine.stateStore)),
    flags: distinct(runs.map((r) => r.engine.flags.join(' ')).filter((f) => f.length > 0)),
  };
}
