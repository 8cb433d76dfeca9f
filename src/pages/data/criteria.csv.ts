/** /data/criteria.csv: one row per criterion with its baseline, the default engine's rating and probe verdict, and permalinks. */
import type { APIRoute } from 'astro';
import { DEFAULT_ENGINE } from '../../catalog/engines.ts';
import { resultsFilesOf } from '../../components/data/evidence.ts';
import { criteriaCsv } from '../../lib/data-export.ts';

export const GET: APIRoute = async ({ site }) => {
  const files = await resultsFilesOf(DEFAULT_ENGINE);
  const verdicts = new Map(files.flatMap((f) => f.probes.map((p) => [p.id, p.verdict] as const)));
  return new Response(criteriaCsv(verdicts, site), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
