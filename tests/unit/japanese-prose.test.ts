import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';

/** Kana, kanji and full-width punctuation. */
const CJK = '\\u3000-\\u303f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uff00-\\uffef';
/** A line break between two Japanese characters: HTML renders it as a stray space inside a Japanese sentence. */
const BREAK_INSIDE_JAPANESE = new RegExp(`[${CJK}][ \\t]*\\n[ \\t]*[${CJK}]`);

/** Every Japanese rationale, `<engine>/ja/<id>.mdx`, under src/content. */
const files = readdirSync('src/content')
  .filter((engine) => existsSync(`src/content/${engine}/ja`))
  .flatMap((engine) => readdirSync(`src/content/${engine}/ja`).map((name) => `${engine}/ja/${name}`));

describe('the Japanese rationales', () => {
  test.each(files)('%s has no line break inside Japanese text', (name) => {
    const text = readFileSync(`src/content/${name}`, 'utf8');
    const match = BREAK_INSIDE_JAPANESE.exec(text);
    expect(match?.[0], `a line break inside Japanese text in ${name}`).toBeUndefined();
  });
});
