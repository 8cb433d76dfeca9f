/**
 * The documents of the search index for one language: every criterion with its names, category, rationale
 * summary and text, and its probe's opening question. Read from the collections, like every page.
 */
import { getCollection } from 'astro:content';
import { categories, type Lang } from '../../catalog/criteria.ts';
import { mdxToText, probeQuestion, type SearchDoc } from '../../lib/search.ts';

/** One document per criterion of the catalog, in catalog order. */
export async function loadSearchDocs(lang: Lang): Promise<SearchDoc[]> {
  const other: Lang = lang === 'en' ? 'ja' : 'en';
  const [rationales, probes] = await Promise.all([
    getCollection('rationale', (e) => e.id.startsWith(`${lang}/`)),
    getCollection('probes'),
  ]);
  const rationaleById = new Map(rationales.map((e) => [e.data.criterion, e]));
  const probeById = new Map(probes.map((p) => [p.data.id, p.data]));
  return categories.flatMap((cat) =>
    cat.criteria.map((k): SearchDoc => {
      const rationale = rationaleById.get(k.id);
      const probe = probeById.get(k.id);
      return {
        id: k.id,
        name: k.name[lang],
        altName: k.name[other],
        category: cat.name[lang],
        summary: rationale?.data.summary ?? '',
        body: rationale?.body ? mdxToText(rationale.body) : '',
        question: probe ? probeQuestion(probe.source) : '',
      };
    }),
  );
}
