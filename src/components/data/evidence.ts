/**
 * Data access for the site: joins the content collections (results, probes, rationale) with the catalog
 * by criterion id. Pages call these; components receive what they return as props.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { categories, criteria, type Criterion, type Lang, type Stars } from '../../catalog/criteria.ts';
import { ratings } from '../../catalog/ratings.ts';
import type { ProbeResult, RunInfo } from '../../schema.ts';
import { isStale } from '../../lib/history.ts';

export type ProbeFile = CollectionEntry<'probes'>['data'];
export type RationaleEntry = CollectionEntry<'rationale'>;

/** Everything known about one criterion: the catalog entry, its rating, its result, run and probe file. */
export interface Evidence {
  criterion: Criterion & { category: string };
  stars: Stars | null;
  result: ProbeResult | null;
  run: RunInfo | null;
  probe: ProbeFile | null;
  /** The probe file changed after the result was recorded. */
  stale: boolean;
}

/** Every criterion's evidence, keyed by id, in catalog order. */
export async function loadEvidence(): Promise<Map<string, Evidence>> {
  const [files, probes] = await Promise.all([getCollection('results'), getCollection('probes')]);
  const probeById = new Map(probes.map((p) => [p.data.id, p.data]));
  const resultById = new Map<string, { result: ProbeResult; run: RunInfo | null }>();
  for (const file of files) {
    for (const result of file.data.probes) {
      resultById.set(result.id, { result, run: file.data.runs.find((r) => r.id === result.runId) ?? null });
    }
  }
  return new Map(
    criteria.map((criterion) => {
      const found = resultById.get(criterion.id);
      const probe = probeById.get(criterion.id) ?? null;
      const evidence: Evidence = {
        criterion,
        stars: ratings[criterion.id]?.stars ?? null,
        result: found?.result ?? null,
        run: found?.run ?? null,
        probe,
        stale: !!found && isStale(found.result, probe?.sha256 ?? null),
      };
      return [criterion.id, evidence];
    }),
  );
}

/** The rationale of one criterion in one language, if written. */
export async function findRationale(lang: Lang, id: string): Promise<RationaleEntry | null> {
  const all = await getCollection('rationale', (e) => e.id.startsWith(`${lang}/`) && e.data.criterion === id);
  return all[0] ?? null;
}

/** The recorded result of one criterion, for prose components that quote numbers. */
export async function findResult(id: string): Promise<ProbeResult | null> {
  const files = await getCollection('results');
  for (const file of files) {
    const found = file.data.probes.find((p) => p.id === id);
    if (found) return found;
  }
  return null;
}

/** The category a criterion belongs to. */
export function categoryOf(id: string) {
  const cat = categories.find((c) => c.criteria.some((k) => k.id === id));
  if (!cat) throw new Error(`No category holds criterion ${id}`);
  return cat;
}
