/**
 * Full-text search over the criteria, one static MiniSearch index per language built with the site
 * (`/data/search-<lang>.json`) and loaded by the search page. Japanese has no spaces between words, so the
 * tokenizer cuts runs of Japanese characters into overlapping pairs (character bigrams): 「リトライ」 becomes
 * リト, トラ, ライ, and a query matches a text that holds all of its pairs. Latin words stay whole.
 * The index and the page must share these options, so both import them from here.
 */
import type { Options, SearchOptions } from 'minisearch';

/** One searchable criterion. */
export interface SearchDoc {
  /** Criterion id, `EX-03`. */
  id: string;
  name: string;
  /** The criterion's name in the other language, so either name finds it. */
  altName: string;
  category: string;
  summary: string;
  /** The rationale as plain text. */
  body: string;
  /** The probe's opening comment: the question it answers and how. */
  question: string;
}

/** What a search result carries besides its id, for rendering without another request. */
export type StoredDoc = Pick<SearchDoc, 'id' | 'name' | 'category' | 'summary'>;

const JA_CHAR = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー々〆`;
const TOKEN = new RegExp(String.raw`([${JA_CHAR}]+)|((?:(?![${JA_CHAR}])[\p{L}\p{N}_])+)`, 'gu');

/** Splits text into search terms: lower-cased words, and character bigrams for runs of Japanese. */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  for (const m of text.normalize('NFKC').toLowerCase().matchAll(TOKEN)) {
    if (m[2]) {
      terms.push(m[2]);
      continue;
    }
    const chars = [...m[1]!];
    if (chars.length === 1) terms.push(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i]! + chars[i + 1]!);
  }
  return terms;
}

const isLatin = (term: string) => /^[a-z]/.test(term);

/** Search behaviour: every term must match; Latin words also match as prefixes, long ones with a typo. */
export const searchBehaviour: SearchOptions = {
  combineWith: 'AND',
  prefix: true,
  fuzzy: (term) => (isLatin(term) && term.length >= 5 ? 0.2 : false),
  boost: { id: 4, name: 3, altName: 2, summary: 2 },
  tokenize,
};

/** The index's options; the page loading the index must pass the same ones. */
export const indexOptions: Options<SearchDoc> = {
  fields: ['id', 'name', 'altName', 'summary', 'body', 'question'],
  storeFields: ['id', 'name', 'category', 'summary'],
  tokenize,
  searchOptions: searchBehaviour,
};

/** The plain text of a rationale's MDX body: no components, links reduced to their text, no markup. */
export function mdxToText(mdx: string): string {
  return mdx
    .replace(/^(import|export)\s.*$/gm, ' ')
    .replace(/<([A-Za-z][\w.]*)\b[^>]*\/>/g, ' ')
    .replace(/<\/?[A-Za-z][\w.]*\b[^>]*>/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_#>|]+/g, ' ')
    .replace(/^\s*-{3,}\s*$/gm, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The opening doc comment of a probe file as plain text (empty when the file has none). */
export function probeQuestion(source: string): string {
  const m = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source);
  if (!m) return '';
  return m[1]!
    .split('\n')
    .map((line) => line.replace(/^\s*\*\s?/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}
