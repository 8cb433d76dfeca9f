/**
 * Interface strings and URL helpers for both languages. Components take every word they show from here.
 * The Japanese dictionary is typed as `Dictionary`, so a missing or extra key fails `astro check`.
 */
import { langs, type Lang } from '../catalog/criteria.ts';
import { en, type Dictionary, type Key } from './en.ts';
import { ja } from './ja.ts';

export type { Key, Lang };
export { langs };

const dictionaries: Record<Lang, Dictionary> = { en, ja };

/** Narrows a route parameter to a language, throwing on anything else. */
export function toLang(value: string | undefined): Lang {
  if (value === 'en' || value === 'ja') return value;
  throw new Error(`Unknown language "${value}"`);
}

/** The other language of the two. */
export function otherLang(lang: Lang): Lang {
  return lang === 'en' ? 'ja' : 'en';
}

/** Looks a string up and fills its `{name}` placeholders. */
export function translate(lang: Lang, key: Key, vars: Record<string, string | number> = {}): string {
  return dictionaries[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in vars ? String(vars[name]) : whole,
  );
}

/** Splits an interface string at its `code` spans (paths, commands), so a component can set them as code. */
export function codeSpans(text: string): ({ text: string } | { code: string })[] {
  return text
    .split(/(`[^`]+`)/)
    .filter((s) => s.length > 0)
    .map((s) => (s.startsWith('`') && s.endsWith('`') && s.length > 1 ? { code: s.slice(1, -1) } : { text: s }));
}

/** The text of a string with `code` spans, the marks dropped: for places that take plain text (link previews, search). */
export function withoutCodeMarks(text: string): string {
  return text.replace(/`([^`]+)`/g, '$1');
}

/** A `t()` bound to one language. */
export function useTranslations(lang: Lang) {
  return (key: Key, vars?: Record<string, string | number>) => translate(lang, key, vars);
}

/** Formats a number for the language (grouping, decimals). */
export function formatNumber(lang: Lang, n: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(lang, { maximumFractionDigits }).format(n);
}

/** Formats a run timestamp in UTC, so the page says the same thing wherever it is built. */
export function formatDate(lang: Lang, iso: string): string {
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'UTC', timeZoneName: 'short' }).format(new Date(iso));
}

/** Formats a duration in milliseconds as seconds once it is long enough to read that way. */
export function formatDuration(lang: Lang, ms: number): string {
  return ms >= 1000 ? `${formatNumber(lang, ms / 1000)} s` : `${formatNumber(lang, ms, 0)} ms`;
}

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/** Site-relative URLs, with the trailing slash the config asks for. */
export const paths = {
  home: () => `${base}/`,
  overview: (lang: Lang) => `${base}/${lang}/`,
  categories: (lang: Lang) => `${base}/${lang}/categories/`,
  category: (lang: Lang, cat: string) => `${base}/${lang}/categories/${cat}/`,
  criterion: (lang: Lang, id: string) => `${base}/${lang}/criteria/${id.toLowerCase()}/`,
  /** One engine's evidence for a criterion. */
  criterionEngine: (lang: Lang, id: string, engine: string) => `${base}/${lang}/criteria/${id.toLowerCase()}/${engine}/`,
  /** The anchor of a criterion's cell on its category page. */
  cell: (lang: Lang, cat: string, id: string) => `${base}/${lang}/categories/${cat}/#${id.toLowerCase()}`,
  methodology: (lang: Lang) => `${base}/${lang}/methodology/`,
  comparison: (lang: Lang) => `${base}/${lang}/comparison/`,
  /** The fault matrix: durability under crashes, per engine. */
  faults: (lang: Lang) => `${base}/${lang}/faults/`,
  /** Every criterion in one list, with filters. */
  criteriaList: (lang: Lang) => `${base}/${lang}/criteria/`,
  search: (lang: Lang) => `${base}/${lang}/search/`,
  /** The search page's index for one language (built with the site). */
  searchIndex: (lang: Lang) => `${base}/data/search-${lang}.json`,
  /** Raw data, the same for both languages. */
  /** The default engine's results of a category, at the address published before results were keyed by engine. */
  dataResults: (cat: string) => `${base}/data/results/${cat}.json`,
  dataEngineResults: (engine: string, cat: string) => `${base}/data/results/${engine}/${cat}.json`,
  dataSchema: () => `${base}/data/results-schema.json`,
  dataCsv: () => `${base}/data/criteria.csv`,
};

/** The locale tag link previews (Open Graph) use for a language. */
export const ogLocale: Record<Lang, string> = { en: 'en_US', ja: 'ja_JP' };

/** The same page in another language: swaps the language segment of a path. */
export function switchLangPath(pathname: string, to: Lang): string {
  const rest = pathname.slice(base.length);
  const m = /^\/(en|ja)(\/.*)?$/.exec(rest);
  return m ? `${base}/${to}${m[2] ?? '/'}` : paths.overview(to);
}
