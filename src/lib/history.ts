/**
 * A criterion's history for one engine: every recorded result of its probe, one per run, and what changed from one
 * run to the next. Pure functions of the archive (`results/<engine>/history/`) and the latest files; pages read both
 * from collections.
 */
import { upgradeRecord, type AgreedVerdict, type ArchivedRun, type EngineId, type Metric, type ProbeResult, type ResultsFile, type RunInfo } from '../schema.ts';

/** One run's result for one criterion. */
export interface HistoryEntry {
  run: RunInfo;
  result: ProbeResult;
  /**
   * `archive`: written by the runner when it ran; `backfill`: copied from results committed before the archive
   * existed (see `backfilledFrom`); `latest`: in a latest results file but not (yet) in the archive.
   */
  origin: 'archive' | 'backfill' | 'latest';
  backfilledFrom?: string[];
  /**
   * Archived in schema version 1, before trials and per-result configurations were kept: read as one trial, under
   * the server configuration the run recorded as it ended.
   */
  legacy: boolean;
}

/** The engine an archived run measured: version-1 records predate engines and are all Inngest's. */
export function engineOfRecord(record: ArchivedRun): EngineId {
  return record.schemaVersion === 1 ? 'inngest' : record.run.engine;
}

/**
 * One engine's results over time, per criterion and oldest first, from its archive (records of either schema
 * version, upgraded) and its latest files together: a latest result whose run the archive lacks still counts as a
 * run. One entry per criterion and run; records and files of other engines are left out.
 */
export function collectHistories(engine: EngineId, records: ArchivedRun[], latest: ResultsFile[]): Map<string, HistoryEntry[]> {
  const byId = new Map<string, Map<string, HistoryEntry>>();
  const add = (entry: HistoryEntry) => {
    const runs = byId.get(entry.result.id) ?? new Map<string, HistoryEntry>();
    if (!runs.has(entry.run.id)) runs.set(entry.run.id, entry);
    byId.set(entry.result.id, runs);
  };
  for (const archived of records.filter((r) => engineOfRecord(r) === engine)) {
    const { legacy, ...record } = upgradeRecord(archived);
    const backfilledFrom = legacy?.backfilledFrom;
    for (const result of record.probes) {
      add({
        run: record.run,
        result,
        origin: backfilledFrom ? 'backfill' : 'archive',
        ...(backfilledFrom ? { backfilledFrom } : {}),
        legacy: legacy !== undefined,
      });
    }
  }
  for (const file of latest.filter((f) => f.engine === engine)) {
    for (const result of file.probes) {
      const run = file.runs.find((r) => r.id === result.runId);
      if (run) add({ run, result, origin: 'latest', legacy: false });
    }
  }
  return new Map(
    [...byId].map(([id, runs]) => [
      id,
      [...runs.values()].sort((a, b) => a.run.startedAt.localeCompare(b.run.startedAt) || a.run.id.localeCompare(b.run.id)),
    ]),
  );
}

/** A metric's headline number: its value, or the median of its samples. */
export function headline(metric: Metric): number {
  return 'value' in metric ? metric.value : metric.summary.p50;
}

/** The metrics a history table shows for a result: the first few, as the probe ordered them. */
export function keyMetrics(result: ProbeResult, count = 2): Metric[] {
  return result.metrics.slice(0, count);
}

export interface CheckFlip {
  name: string;
  from: boolean;
  to: boolean;
}

export interface MetricDelta {
  name: string;
  unit: string;
  from: number;
  to: number;
}

/** What changed in a criterion's result from one run to the next. */
export interface ResultChange {
  verdict: { from: AgreedVerdict; to: AgreedVerdict } | null;
  checksAdded: string[];
  checksRemoved: string[];
  checksFlipped: CheckFlip[];
  /** Metrics present in both runs whose headline number differs (same name and unit). */
  metricDeltas: MetricDelta[];
}

/** Pairs same-named items in order, so two checks that share a name are compared first with first. */
function keyed<T extends { name: string }>(items: T[]): Map<string, T> {
  const seen = new Map<string, number>();
  const out = new Map<string, T>();
  for (const item of items) {
    const n = seen.get(item.name) ?? 0;
    seen.set(item.name, n + 1);
    out.set(n === 0 ? item.name : `${item.name}\u0000${n}`, item);
  }
  return out;
}

/** Compares a result with the one before it: verdict, checks added, removed or flipped, metric deltas. */
export function compareResults(previous: ProbeResult, current: ProbeResult): ResultChange {
  const before = keyed(previous.checks);
  const after = keyed(current.checks);
  const metricsBefore = keyed(previous.metrics);
  const metricDeltas: MetricDelta[] = [];
  for (const [key, m] of keyed(current.metrics)) {
    const old = metricsBefore.get(key);
    if (old && old.unit === m.unit && headline(old) !== headline(m))
      metricDeltas.push({ name: m.name, unit: m.unit, from: headline(old), to: headline(m) });
  }
  return {
    verdict: previous.verdict === current.verdict ? null : { from: previous.verdict, to: current.verdict },
    checksAdded: [...after].filter(([k]) => !before.has(k)).map(([, c]) => c.name),
    checksRemoved: [...before].filter(([k]) => !after.has(k)).map(([, c]) => c.name),
    checksFlipped: [...after]
      .filter(([k, c]) => before.has(k) && before.get(k)!.ok !== c.ok)
      .map(([k, c]) => ({ name: c.name, from: before.get(k)!.ok, to: c.ok })),
    metricDeltas,
  };
}

/** True when nothing a reader would compare changed between two runs. */
export function isUnchanged(change: ResultChange): boolean {
  return !change.verdict && !change.checksAdded.length && !change.checksRemoved.length && !change.checksFlipped.length && !change.metricDeltas.length;
}

/**
 * Whether a result is older than its probe: the sha256 the runner recorded for the probe file differs from the
 * sha256 of that file now. Unknown (no probe file) is not stale.
 */
export function isStale(result: Pick<ProbeResult, 'sourceHash'>, currentHash: string | null): boolean {
  return currentHash !== null && result.sourceHash !== currentHash;
}

/** Splits an interface string at its `{name}` placeholders, so a component can put elements in their place. */
export function templateParts(template: string): ({ text: string } | { slot: string })[] {
  return template
    .split(/(\{\w+\})/)
    .filter((s) => s.length > 0)
    .map((s) => (/^\{\w+\}$/.test(s) ? { slot: s.slice(1, -1) } : { text: s }));
}
