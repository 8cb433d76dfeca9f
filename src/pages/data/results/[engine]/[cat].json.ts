/** /data/results/<engine>/<category>.json: one engine's results file as the site validated it at build. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getCollection } from 'astro:content';
import type { ResultsFile } from '../../../../schema.ts';

export const getStaticPaths = (async () =>
  (await getCollection('results')).map(({ data: file }) => ({ params: { engine: file.engine, cat: file.category }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: ResultsFile }> = ({ props }) =>
  new Response(`${JSON.stringify(props.file, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
