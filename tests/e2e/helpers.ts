/** What the end-to-end tests expect, read from the catalog so the tests grow as ratings are added. */
import { categories, criteria, langs, type Lang } from '../../src/catalog/criteria.ts';
import { ratings as allRatings } from '../../src/catalog/ratings.ts';

export { categories, criteria, langs, type Lang };

/** Inngest's ratings: the only engine rated so far, and the one the overview, list and comparison are about. */
export const ratings = allRatings.inngest;

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
