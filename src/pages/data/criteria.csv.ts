/** /data/criteria.csv: one row per criterion with its baseline, every engine's rating and probe verdict, and permalinks. */
import type { APIRoute } from 'astro';
import { engines } from '../../catalog/engines.ts';
import { resultsFilesOf } from '../../components/data/evidence.ts';
import { criteriaCsv } from '../../lib/data-export.ts';

export const GET: APIRoute = async ({ site }) => {
  const verdicts = new Map(
    await Promise.all(
      engines.map(async (e) => [e.id, new Map((await resultsFilesOf(e.id)).flatMap((f) => f.probes.map((p) => [p.id, p.verdict] as const)))] as const),
    ),
  );
  return new Response(criteriaCsv(verdicts, site), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
