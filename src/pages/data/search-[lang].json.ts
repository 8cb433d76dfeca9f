/** /data/search-<lang>.json: the search page's MiniSearch index for one language, built with the site. */
import type { APIRoute, GetStaticPaths } from 'astro';
import MiniSearch from 'minisearch';
import { langs, type Lang } from '../../catalog/criteria.ts';
import { loadSearchDocs } from '../../components/data/search-docs.ts';
import { indexOptions } from '../../lib/search.ts';

export const getStaticPaths = (() => langs.map((lang) => ({ params: { lang } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const index = new MiniSearch(indexOptions);
  index.addAll(await loadSearchDocs(params.lang as Lang));
  return new Response(JSON.stringify(index), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
