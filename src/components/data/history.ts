/**
 * Data access for history and pinned pages: joins the archive (`history` collection) with the latest results
 * files, per criterion, oldest run first. Pages call these; components receive what they return as props.
 */
import { getCollection } from 'astro:content';
import type { Lang } from '../../catalog/criteria.ts';
import { paths } from '../../i18n/index.ts';
import { collectHistories, type HistoryEntry } from '../../lib/history.ts';

export type { HistoryEntry };

/** Every criterion's recorded runs, oldest first (a criterion never run is absent). */
export async function loadHistories(): Promise<Map<string, HistoryEntry[]>> {
  const [records, files] = await Promise.all([getCollection('history'), getCollection('results')]);
  return collectHistories(
    records.map((r) => r.data),
    files.map((f) => f.data),
  );
}

/** One criterion's recorded runs, oldest first; empty when it has never run. */
export async function historyOf(id: string): Promise<HistoryEntry[]> {
  return (await loadHistories()).get(id) ?? [];
}

/** The stable URL of one criterion's evidence as one run recorded it. */
export function pinnedPath(lang: Lang, id: string, runId: string): string {
  return `${paths.criterion(lang, id)}runs/${runId}/`;
}

/** The raw record of one archived run, the same for both languages. */
export function rawRunPath(runId: string): string {
  return `${import.meta.env.BASE_URL.replace(/\/$/, '')}/data/history/${runId}.json`;
}
