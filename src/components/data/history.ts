/**
 * Data access for history and pinned pages: joins an engine's archive (`history` collection, records of either
 * schema version) with its latest results files, per criterion, oldest run first. Pages call these; components
 * receive what they return as props.
 */
import { getCollection } from 'astro:content';
import type { Lang } from '../../catalog/criteria.ts';
import { DEFAULT_ENGINE, type EngineId } from '../../catalog/engines.ts';
import { paths } from '../../i18n/index.ts';
import { collectHistories, type HistoryEntry } from '../../lib/history.ts';
import type { ArchivedRun } from '../../schema.ts';
import { resultsFilesOf } from './evidence.ts';

export type { HistoryEntry };

/** Every archived run of every engine, as written (a version-1 record stays version 1). */
export async function loadArchive(): Promise<{ engine: EngineId; record: ArchivedRun }[]> {
  return (await getCollection('history')).map((entry) => entry.data);
}

/** One engine's recorded runs per criterion, oldest first (a criterion never run is absent). */
export async function loadHistories(engine: EngineId = DEFAULT_ENGINE): Promise<Map<string, HistoryEntry[]>> {
  const [archive, files] = await Promise.all([loadArchive(), resultsFilesOf(engine)]);
  return collectHistories(engine, archive.map((a) => a.record), files);
}

/** One criterion's recorded runs for one engine, oldest first; empty when it has never run. */
export async function historyOf(id: string, engine: EngineId = DEFAULT_ENGINE): Promise<HistoryEntry[]> {
  return (await loadHistories(engine)).get(id) ?? [];
}

/** The stable URL of one criterion's evidence as one run recorded it; run ids are unique across engines. */
export function pinnedPath(lang: Lang, id: string, runId: string): string {
  return `${paths.criterion(lang, id)}runs/${runId}/`;
}

/** The raw record of one archived run, as written, the same for both languages. */
export function rawRunPath(runId: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/data/history/${runId}.json`;
}
