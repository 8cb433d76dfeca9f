/** What the end-to-end tests expect, read from the catalog so the tests grow as ratings are added. */
import { categories, criteria, langs, type Lang } from '../../src/catalog/criteria.ts';
import { engines, type EngineId } from '../../src/catalog/engines.ts';
import { ratings as allRatings } from '../../src/catalog/ratings.ts';

export { allRatings, categories, criteria, engines, langs, type EngineId, type Lang };

/** Inngest's ratings: the engine the seed baseline, the highlights and most of these tests are about. */
export const ratings = allRatings.inngest;

/** One engine's part of a criterion's cell (cells hold every engine side by side). */
export const engineBlock = (engine: EngineId = 'inngest') => `.engine-block[data-engine="${engine}"]`;
/** One engine's run history on a criterion's page. */
export const historyPanel = (engine: EngineId = 'inngest') => `section.run-history[aria-labelledby="history-${engine}"]`;

/** Ids of the criteria that have a rating: each must show its full cell. */
export const evaluated = criteria.filter((k) => k.id in ratings).map((k) => ({ ...k, stars: ratings[k.id]!.stars }));

/** The glyphs a rating shows: `★★★★☆` for four stars. */
export const starGlyphs = (stars: number) => '★'.repeat(stars) + '☆'.repeat(5 - stars);

export const permalink = (lang: Lang, id: string) => `/${lang}/criteria/${id.toLowerCase()}/`;
/** One engine's evidence for a criterion. */
export const enginePermalink = (lang: Lang, id: string, engine: string) => `${permalink(lang, id)}${engine}/`;
/** A criterion's evidence pinned to one run. */
export const pinned = (lang: Lang, id: string, runId: string) => `${permalink(lang, id)}runs/${runId}/`;
export const categoryPage = (lang: Lang, cat: string) => `/${lang}/categories/${cat}/`;
export const other = (lang: Lang): Lang => (lang === 'en' ? 'ja' : 'en');
