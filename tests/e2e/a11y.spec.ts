/**
 * Accessibility: an axe scan of every built page in both languages (WCAG 2.0, 2.1 and 2.2, levels A and AA, and
 * axe's best practices, such as unique landmark names), and the keyboard path through the page frame. The page list comes from dist/, so new pages are scanned unasked.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { builtPages, redirectingPages, REFRESH, shard } from './built-pages.ts';
import { criteria, langs } from './helpers.ts';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];
/** Scans run sequentially inside each shard; shards run in parallel across the Playwright workers. */
const SHARDS = 4;

const pages = builtPages();

/**
 * Serves the pages that redirect at once (`/`) without their `<meta http-equiv="refresh">`, so axe scans the page
 * itself rather than where it leads; root.spec.ts checks that the refresh is immediate. Only those pages are
 * intercepted: every other document comes straight from the server, as a reader's browser gets it.
 *
 * route.fetch() goes through Playwright's own HTTP client, which, unlike the browser, does not retry a request sent on
 * a kept-alive connection the server had just closed (`socket hang up`, seen once in CI after a long scan). That
 * transport error, and only that, is retried once.
 */
const redirecting = new Set(redirectingPages());

async function holdRedirects(page: Page) {
  await page.route(
    (url) => redirecting.has(url.pathname),
    async (route) => {
      const response = await route.fetch().catch((error: Error) => {
        if (!/ECONNRESET|socket hang up/.test(error.message)) throw error;
        return route.fetch();
      });
      const body = await response.text();
      await route.fulfill({ response, body: body.replace(REFRESH, '') });
    },
  );
}

/**
 * Lets axe see everything a reader can reach: opens every `<details>` and unclips every scrolled region (code
 * blocks, wide tables), because axe cannot judge the contrast of text scrolled out of its container.
 */
async function revealAll(page: Page) {
  await page.evaluate(() => {
    for (const d of document.querySelectorAll('details')) d.open = true;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const { overflowX, overflowY } = getComputedStyle(el);
      const scrolls = /auto|scroll/.test(overflowX + overflowY);
      if (scrolls && (el.scrollHeight > el.clientHeight || el.scrollWidth > el.clientWidth)) {
        el.style.setProperty('overflow', 'visible', 'important');
        el.style.setProperty('max-height', 'none', 'important');
      }
    }
  });
}

/** One line per violation: where, which rule, how bad, and the first few elements it matched. */
async function violationsOf(page: Page, path: string): Promise<string[]> {
  await revealAll(page);
  // Only violations are reported back: serialising every passing node would double the scan time. options()
  // replaces the whole options object, so it must come before withTags(), or every rule would run.
  const { violations } = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(AXE_TAGS).analyze();
  return violations.map(
    (v) => `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.length} node(s): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`,
  );
}

test('the page list read from dist/ holds every page kind in both languages', () => {
  expect(pages).toContain('/');
  for (const lang of langs) {
    for (const path of ['', 'categories/', 'categories/ex/', 'comparison/', 'methodology/']) {
      expect(pages).toContain(`/${lang}/${path}`);
    }
    for (const k of criteria) expect(pages).toContain(`/${lang}/criteria/${k.id.toLowerCase()}/`);
  }
  expect(pages.some((p) => /\.(json|csv)$/.test(p))).toBe(false);
  // The root page redirects; if it were missed here, axe would scan /en/ in its place.
  expect([...redirecting]).toContain('/');
});

shard(pages, SHARDS).forEach((group, i) => {
  test(`axe finds no WCAG 2 A/AA or best-practice violation on pages, shard ${i + 1} of ${SHARDS}`, async ({ page }) => {
    test.setTimeout(30_000 + group.length * 10_000);
    await holdRedirects(page);
    const found: string[] = [];
    for (const path of group) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      found.push(...(await violationsOf(page, path)));
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});

for (const lang of langs) {
  test.describe(`keyboard (${lang})`, () => {
    test('the first Tab reaches a visible skip link, and following it moves focus to the main content', async ({ page }) => {
      await page.goto(`/${lang}/categories/ex/`);
      await page.keyboard.press('Tab');
      const skip = page.locator('a.skip-link');
      await expect(skip).toBeFocused();
      const box = await skip.boundingBox();
      expect(box && box.y >= 0 && box.height > 0, 'skip link is on screen when focused').toBe(true);
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#main$/);
      await expect(page.locator('main#main')).toBeFocused();
      // The next Tab continues inside the main content, not back in the header.
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => !!document.activeElement?.closest('main'))).toBe(true);
    });

    test('Tab reaches every navigation link and the language switch, each with a visible focus outline', async ({ page }) => {
      await page.goto(`/${lang}/`);
      const navLinks = await page.locator('.site-nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      const switchLinks = await page.locator('.lang-switch a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(navLinks.length).toBeGreaterThanOrEqual(4);
      expect(switchLinks.length).toBe(langs.length - 1);
      const wanted = new Set([...navLinks, ...switchLinks]);
      const reached = new Set<string | null>();
      for (let i = 0; i < 40 && reached.size < wanted.size; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          if (!el || !el.closest('.site-nav, .lang-switch')) return null;
          const style = getComputedStyle(el);
          return { href: el.getAttribute('href'), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
        if (!focused) continue;
        expect(focused.outline, `focus outline on ${focused.href}`).not.toBe('none');
        expect(focused.width, `focus outline width on ${focused.href}`).toBeGreaterThan(0);
        reached.add(focused.href);
      }
      expect([...reached].sort()).toEqual([...wanted].sort());
    });
  });
}
