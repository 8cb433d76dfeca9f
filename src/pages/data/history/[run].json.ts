/**
 * /data/history/<runId>.json: one archived run (results/<engine>/history/<runId>.json) as written and as the site
 * validated it at build; a run archived in schema version 1 stays version 1. Run ids are unique across engines.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { loadArchive } from '../../../components/data/history.ts';
import type { ArchivedRun } from '../../../schema.ts';

export const getStaticPaths = (async () =>
  (await loadArchive()).map(({ record }) => ({ params: { run: record.run.id }, props: { record } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ record: ArchivedRun }> = ({ props }) =>
  new Response(`${JSON.stringify(props.record, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
