import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { describe, expect, test } from 'vitest';
import { categories, type Lang } from '../../src/catalog/criteria.ts';
import { indexOptions, mdxToText, probeQuestion, tokenize, type SearchDoc, type StoredDoc } from '../../src/lib/search.ts';

describe('tokenize()', () => {
  test('keeps Latin words whole and lower-cases them', () => {
    expect(tokenize('Retry strategy: RetryAfterError, step.run')).toEqual(['retry', 'strategy', 'retryaftererror', 'step', 'run']);
  });

  test('cuts a run of Japanese characters into character bigrams', () => {
    expect(tokenize('リトライ戦略')).toEqual(['リト', 'トラ', 'ライ', 'イ戦', '戦略']);
  });

  test('separates Japanese from Latin without spaces and keeps a lone Japanese character', () => {
    expect(tokenize('step.runで冪等')).toEqual(['step', 'run', 'で冪', '冪等']);
    expect(tokenize('ID は 5 回')).toEqual(['id', 'は', '5', '回']);
  });

  test('normalises full-width Latin and half-width katakana (NFKC)', () => {
    expect(tokenize('ＩＮＮＧＥＳＴ ﾘﾄﾗｲ')).toEqual(['inngest', 'リト', 'トラ', 'ライ']);
  });
});

describe('mdxToText()', () => {
  test('drops components and markup, keeps link text', () => {
    const text = mdxToText('A **bold** `code` run <Metric criterion="EX-01" name="x" /> [docs](https://example.org/a) end.\n\n| a | b |');
    expect(text).toBe('A bold code run docs end. a b');
  });
});

describe('probeQuestion()', () => {
  test('reads the opening doc comment as one line of text', () => {
    expect(probeQuestion('/**\n * EX-01 · Progress\n *\n * Question: does it?\n */\nimport x;')).toBe('EX-01 · Progress Question: does it?');
    expect(probeQuestion('import x;')).toBe('');
  });
});

/** The index built the way the site builds it, from Inngest's rationale files on disk. */
function docsFor(lang: Lang): SearchDoc[] {
  const dir = join(process.cwd(), 'src', 'content', 'inngest', lang);
  const files = new Map(
    readdirSync(dir).map((f) => {
      const raw = readFileSync(join(dir, f), 'utf8');
      const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(raw)!;
      const criterion = /criterion: (\S+)/.exec(m[1]!)![1]!;
      const summary = /summary: (.*)/.exec(m[1]!)![1]!;
      return [criterion, { summary, body: m[2]! }] as const;
    }),
  );
  return categories.flatMap((cat) =>
    cat.criteria.map((k) => ({
      id: k.id,
      name: k.name[lang],
      altName: k.name[lang === 'en' ? 'ja' : 'en'],
      category: cat.name[lang],
      summary: files.get(k.id)?.summary ?? '',
      body: mdxToText(files.get(k.id)?.body ?? ''),
      question: '',
    })),
  );
}

function indexOf(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>(indexOptions);
  index.addAll(docs);
  // Round-trip through JSON, as the page loads it.
  return MiniSearch.loadJSON<SearchDoc>(JSON.stringify(index), indexOptions);
}

const ids = (index: MiniSearch<SearchDoc>, q: string) => index.search(q).map((r) => (r as unknown as StoredDoc).id);

describe('the search index', () => {
  const jaDocs = docsFor('ja');
  const en = indexOf(docsFor('en'));
  const ja = indexOf(jaDocs);

  test('finds criteria by English words, prefixes and ids', () => {
    expect(ids(en, 'idempotency')).toContain('EX-03');
    expect(ids(en, 'heartbeat')[0]).toBe('RT-04');
    expect(ids(en, 'idempot')).toContain('EX-03');
    expect(ids(en, 'RT-01')[0]).toBe('RT-01');
  });

  test('finds Japanese words inside unspaced text, and only texts holding the whole word', () => {
    expect(ids(ja, 'リトライ')).toContain('RT-01');
    expect(ids(ja, '冪等')).toContain('EX-03');
    const hits = ja.search('リトライ戦略');
    expect(hits[0]!.id).toBe('RT-01');
    // A hit must hold every bigram of the query, not just one: each text found for 「タイムアウト」 contains the word.
    const found = ids(ja, 'タイムアウト');
    expect(found.length).toBeGreaterThan(1);
    for (const id of found) {
      const doc = jaDocs.find((d) => d.id === id)!;
      expect(`${doc.name} ${doc.summary} ${doc.body}`, id).toContain('タイムアウト');
    }
    expect(ja.search('ライ').length).toBeGreaterThan(found.length);
  });

  test('finds a criterion by its name in the other language', () => {
    expect(ids(ja, 'idempotency')).toContain('EX-03');
    expect(ids(en, '冪等性')).toContain('EX-03');
  });

  test('returns the stored fields a result needs', () => {
    const hit = en.search('heartbeat')[0] as unknown as StoredDoc;
    expect(hit.name).toBe('Heartbeat');
    expect(hit.category.length).toBeGreaterThan(0);
  });
});
