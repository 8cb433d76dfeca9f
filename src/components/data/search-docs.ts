/**
 * The documents of the search index for one language: every criterion with its names, category, rationale
 * summary and text, and its probe's opening question, over every engine (the default engine's summary first).
 * Read from the collections, like every page.
 */
import { getCollection } from 'astro:content';
import { categories, type Lang } from '../../catalog/criteria.ts';
import { DEFAULT_ENGINE, engines } from '../../catalog/engines.ts';
import { mdxToText, probeQuestion, type SearchDoc } from '../../lib/search.ts';
import { withoutCodeMarks } from '../../i18n/index.ts';

/** Groups items by criterion, each group in the engines' order with the default engine first. */
function groupByCriterion<T>(items: T[], criterionOf: (item: T) => string, engineOf: (item: T) => string): Map<string, T[]> {
  const order: string[] = [DEFAULT_ENGINE, ...engines.map((e) => e.id).filter((e) => e !== DEFAULT_ENGINE)];
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => order.indexOf(engineOf(a)) - order.indexOf(engineOf(b)))) {
    groups.set(criterionOf(item), [...(groups.get(criterionOf(item)) ?? []), item]);
  }
  return groups;
}

/** One document per criterion of the catalog, in catalog order. */
export async function loadSearchDocs(lang: Lang): Promise<SearchDoc[]> {
  const other: Lang = lang === 'en' ? 'ja' : 'en';
  const [rationales, probes] = await Promise.all([
    getCollection('rationale', (e) => e.id.split('/')[1] === lang),
    getCollection('probes'),
  ]);
  // A rationale's id is `<engine>/<lang>/<id>`.
  const rationaleById = groupByCriterion(rationales, (e) => e.data.criterion, (e) => e.id.split('/')[0]!);
  const probeById = groupByCriterion(probes, (p) => p.data.id, (p) => p.data.engine);
  return categories.flatMap((cat) =>
    cat.criteria.map((k): SearchDoc => {
      const rationales = rationaleById.get(k.id) ?? [];
      const probes = probeById.get(k.id) ?? [];
      return {
        id: k.id,
        name: k.name[lang],
        altName: k.name[other],
        category: cat.name[lang],
        summary: withoutCodeMarks(rationales[0]?.data.summary ?? ''),
        body: rationales.map((r) => (r.body ? mdxToText(r.body) : '')).join(' ').trim(),
        question: probes.map((p) => probeQuestion(p.data.source)).join(' ').trim(),
      };
    }),
  );
}
