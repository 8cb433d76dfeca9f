/**
 * Data access for the site: joins the content collections (results, probes, rationale) with the catalog and the
 * ratings, by engine and criterion id. Pages call these; components receive what they return as props.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { categories, criteria, type Criterion, type Lang, type Stars } from '../../catalog/criteria.ts';
import { DEFAULT_ENGINE, engines, isMeasured, type EngineId } from '../../catalog/engines.ts';
import { ratings } from '../../catalog/ratings.ts';
import type { ProbeResult, ResultsFile, RunInfo } from '../../schema.ts';
import { isStale } from '../../lib/history.ts';

export type ProbeFile = CollectionEntry<'probes'>['data'];
export type RationaleEntry = CollectionEntry<'rationale'>;

/** Everything known about one criterion for one engine: its rating, its latest result, run and probe file. */
export interface Evidence {
  engine: EngineId;
  criterion: Criterion & { category: string };
  stars: Stars | null;
  result: ProbeResult | null;
  run: RunInfo | null;
  probe: ProbeFile | null;
  /** The probe file changed after the result was recorded. */
  stale: boolean;
}

/** One engine's latest results files. */
export async function resultsFilesOf(engine: EngineId): Promise<ResultsFile[]> {
  return (await getCollection('results', (f) => f.data.engine === engine)).map((f) => f.data);
}

/** One engine's evidence for every criterion, keyed by id, in catalog order. */
export async function loadEvidence(engine: EngineId = DEFAULT_ENGINE): Promise<Map<string, Evidence>> {
  const [files, probes] = await Promise.all([resultsFilesOf(engine), getCollection('probes', (p) => p.data.engine === engine)]);
  const probeById = new Map(probes.map((p) => [p.data.id, p.data]));
  const resultById = new Map<string, { result: ProbeResult; run: RunInfo | null }>();
  for (const file of files) {
    for (const result of file.probes) {
      resultById.set(result.id, { result, run: file.runs.find((r) => r.id === result.runId) ?? null });
    }
  }
  return new Map(
    criteria.map((criterion) => {
      const found = resultById.get(criterion.id);
      const probe = probeById.get(criterion.id) ?? null;
      const evidence: Evidence = {
        engine,
        criterion,
        stars: ratings[engine][criterion.id]?.stars ?? null,
        result: found?.result ?? null,
        run: found?.run ?? null,
        probe,
        stale: !!found && isStale(found.result, probe?.sha256 ?? null),
      };
      return [criterion.id, evidence];
    }),
  );
}

/**
 * The engines a reader is shown, in the catalog's order: those with a rating, a result or an archived run. An
 * engine that has none of these is not measured yet and stays off the pages until it has.
 */
export async function measuredEngines(): Promise<EngineId[]> {
  const [files, archive] = await Promise.all([getCollection('results'), getCollection('history')]);
  const recorded = (engine: EngineId) =>
    files.filter((f) => f.data.engine === engine).reduce((n, f) => n + f.data.probes.length, 0) +
    archive.filter((a) => a.data.engine === engine).length;
  return engines.filter((e) => isMeasured(ratings[e.id], recorded(e.id))).map((e) => e.id);
}

/**
 * Every engine of the catalog's evidence, measured or not: engine → criterion id → evidence. Pages that compare
 * engines show each one, and say plainly where an engine has not been measured yet.
 */
export async function loadAllEvidence(): Promise<Map<EngineId, Map<string, Evidence>>> {
  return new Map(await Promise.all(engines.map(async ({ id }) => [id, await loadEvidence(id)] as const)));
}

/** Whether an engine has anything for a criterion: a rating or a recorded result. */
export function hasEvidence(e: Pick<Evidence, 'stars' | 'result'>): boolean {
  return e.stars !== null || e.result !== null;
}

/** One engine's part of a criterion's cell: its evidence and its rationale in the page's language. */
export interface CellEntry {
  evidence: Evidence;
  rationale: RationaleEntry | null;
}

/** A criterion's cell entries, one per engine in `all` (as `loadAllEvidence` returns it), in that order. */
export async function cellEntries(lang: Lang, id: string, all: Map<EngineId, Map<string, Evidence>>): Promise<CellEntry[]> {
  return Promise.all(
    [...all].map(async ([engine, evidence]) => ({ evidence: evidence.get(id)!, rationale: await findRationale(lang, id, engine) })),
  );
}

/** The rationale of one criterion for one engine in one language, if written. */
export async function findRationale(lang: Lang, id: string, engine: EngineId = DEFAULT_ENGINE): Promise<RationaleEntry | null> {
  const all = await getCollection('rationale', (e) => e.id.startsWith(`${engine}/${lang}/`) && e.data.criterion === id);
  return all[0] ?? null;
}

/** The latest result of one criterion for one engine, for prose components that quote numbers. */
export async function findResult(id: string, engine: EngineId = DEFAULT_ENGINE): Promise<ProbeResult | null> {
  for (const file of await resultsFilesOf(engine)) {
    const found = file.probes.find((p) => p.id === id);
    if (found) return found;
  }
  return null;
}

/**
 * One check of a recorded result, with the result, for prose components that quote it; `who` names the component
 * in the error. An unknown result or check fails the build, naming the checks there are.
 */
export async function findCheck(who: string, criterion: string, check: string, engine: EngineId = DEFAULT_ENGINE): Promise<{ result: ProbeResult; found: ProbeResult['checks'][number] }> {
  const result = await findResult(criterion, engine);
  if (!result) throw new Error(`<${who}>: no ${engine} result recorded for ${criterion}`);
  const found = result.checks.find((c) => c.name === check);
  if (!found) throw new Error(`<${who}>: ${criterion} (${engine}) has no check "${check}" (has: ${result.checks.map((c) => c.name).join(', ')})`);
  return { result, found };
}

/** The category a criterion belongs to. */
export function categoryOf(id: string) {
  const cat = categories.find((c) => c.criteria.some((k) => k.id === id));
  if (!cat) throw new Error(`No category holds criterion ${id}`);
  return cat;
}
