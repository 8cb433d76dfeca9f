/**
 * Japanese all the way through: every built /ja/ page, scanned for English words in the text a reader sees.
 * Exempt is what is meant to stay as written, and only where the page marks it: code and raw values (`code`,
 * `pre`, `kbd`, `samp`), text marked `lang="en"` (the English originals readers cite, the language switch's own
 * name), identifiers (a word in capitals or with digits, dots, slashes or underscores: EX-01, COMPLETED, p50,
 * step.run) and the few names in english-words.ts's ALLOWED. A probe string without Japanese, or a component with a literal English
 * word, fails here, naming the page and the words.
 */
import { expect, test } from '@playwright/test';
import { builtPages, shard } from './built-pages.ts';
import { englishWords } from './english-words.ts';

const SHARDS = 4;
const pages = builtPages().filter((p) => p.startsWith('/ja/'));

test('there are Japanese pages to scan', () => {
  expect(pages.length).toBeGreaterThan(10);
});

shard(pages, SHARDS).forEach((group, i) => {
  test(`Japanese pages, shard ${i + 1} of ${SHARDS}: no English words outside code, raw values and marked originals`, async ({ page }) => {
    test.setTimeout(600_000);
    const found: string[] = [];
    for (const path of group) {
      await page.goto(path);
      // Every text node, hidden or not (a closed <details> is one click away), outside the exempt elements.
      const texts = await page.evaluate(() => {
        const EXEMPT = 'script, style, template, code, pre, kbd, samp, [lang]:not([lang^="ja"])';
        const out: string[] = [document.title];
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          if (n.parentElement?.closest(EXEMPT) || !n.textContent?.trim()) continue;
          // With scripts on, a <noscript>'s content is one text node of markup: read it as a reader without scripts would.
          const markup = n.parentElement?.closest('noscript') ? new DOMParser().parseFromString(n.textContent, 'text/html').body : null;
          if (markup) for (const el of markup.querySelectorAll(EXEMPT)) el.remove();
          out.push(markup ? (markup.textContent ?? '') : n.textContent);
        }
        return out;
      });
      const words = [...new Set(texts.flatMap(englishWords))];
      if (words.length) found.push(`${path}: ${words.slice(0, 25).join(', ')}${words.length > 25 ? ` … (${words.length})` : ''}`);
    }
    expect(found, `English words on Japanese pages:\n${found.join('\n')}`).toEqual([]);
  });
});
