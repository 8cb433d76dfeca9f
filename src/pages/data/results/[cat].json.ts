/**
 * /data/results/<category>.json: the default engine's (Inngest's) results file as the site validated it at build,
 * at the address it had before results were keyed by engine. /data/results/<engine>/<category>.json has every engine's.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { DEFAULT_ENGINE } from '../../../catalog/engines.ts';
import { resultsFilesOf } from '../../../components/data/evidence.ts';
import type { ResultsFile } from '../../../schema.ts';

export const getStaticPaths = (async () =>
  (await resultsFilesOf(DEFAULT_ENGINE)).map((file) => ({ params: { cat: file.category }, props: { file } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ file: ResultsFile }> = ({ props }) =>
  new Response(`${JSON.stringify(props.file, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
