/** /data/criteria.csv: one row per criterion with its baseline, rating, probe verdict and permalinks. */
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import { criteriaCsv } from '../../lib/data-export.ts';

export const GET: APIRoute = async ({ site }) => {
  const files = await getCollection('results');
  const verdicts = new Map(files.flatMap((f) => f.data.probes.map((p) => [p.id, p.verdict] as const)));
  return new Response(criteriaCsv(verdicts, site), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
