/** /data/results/<category>.json: a results file as the site validated it at build, at a stable URL. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection, type CollectionEntry } from 'astro:content';

export const getStaticPaths = (async () => {
  const files = await getCollection('results');
  return files.map((file) => ({ params: { cat: file.data.category }, props: { file } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: CollectionEntry<'results'> }> = ({ props }) =>
  new Response(`${JSON.stringify(props.file.data, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
