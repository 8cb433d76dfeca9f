/** /data/history/<runId>.json: one archived run (results/history/<runId>.json) as the site validated it at build. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';

export const getStaticPaths = (async () => {
  const records = await getCollection('history');
  return records.map((record) => ({ params: { run: record.data.run.id }, props: { record } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ record: CollectionEntry<'history'> }> = ({ props }) =>
  new Response(`${JSON.stringify(props.record.data, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
