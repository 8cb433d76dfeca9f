/**
 * How a cell shows trials and provenance, rendered through Astro's container API from a fixture result whose
 * trials disagree (tests/fixtures/disagreeing-trials.ts; the real data may have no disagreement to show).
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import ChecksTable from '../../src/components/ChecksTable.astro';
import MetricsTable from '../../src/components/MetricsTable.astro';
import Provenance from '../../src/components/Provenance.astro';
import TrialAgreement from '../../src/components/TrialAgreement.astro';
import VerdictBadge from '../../src/components/VerdictBadge.astro';
import { disagreeingResult as result, fixtureRun } from '../fixtures/disagreeing-trials.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/**
 * The rendered HTML of a component. Queried below with a few small helpers rather than a DOM: the markup is these
 * components' own, with no same-name nesting where the helpers look.
 */
async function render(component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>): Promise<string> {
  return container.renderToString(component, { props });
}

/** The text a reader sees in a piece of markup: tags dropped, entities decoded, white space collapsed. */
const text = (html: string | undefined) =>
  (html ?? '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** Every element `<tag …>…</tag>` whose opening tag contains `has` (an attribute, a class), whole. */
function all(html: string, tag: string, has = ''): string[] {
  const found: string[] = [];
  const open = new RegExp(`<${tag}\\b[^>]*>`, 'g');
  for (const m of html.matchAll(open)) {
    if (!m[0].includes(has)) continue;
    const end = html.indexOf(`</${tag}>`, m.index);
    found.push(html.slice(m.index, end + tag.length + 3));
  }
  return found;
}
const one = (html: string, tag: string, has = '') => all(html, tag, has)[0];
/** The value of an attribute in an element's opening tag. */
const attr = (element: string | undefined, name: string) => new RegExp(`^<[^>]*\\s${name}="([^"]*)"`).exec(element ?? '')?.[1];
/** The body row whose heading cell starts with `name`. */
const row = (html: string, name: string) => all(one(html, 'tbody')!, 'tr').find((tr) => text(one(tr, 'th')).startsWith(name))!;

describe('the fixture', () => {
  test('is a mixed result of three trials under two configurations', () => {
    expect(result.verdict).toBe('mixed');
    expect(result.trials.map((t) => t.verdict)).toEqual(['pass', 'fail', 'pass']);
    expect(result.configs.map((c) => c.mode)).toEqual(['dev', 'self-hosted']);
  });
});

describe('<TrialAgreement>', () => {
  test('lists every trial’s verdict when they disagree, in both languages', async () => {
    expect(text(await render(TrialAgreement, { result, lang: 'en' }))).toBe('Trials disagree: pass, fail, pass');
    expect(text(await render(TrialAgreement, { result, lang: 'ja' }))).toBe('試行ごとに判定が分かれました: 合格、不合格、合格');
  });
  test('says how many trials agreed when they do', async () => {
    const agreed = { trials: [result.trials[0]!, result.trials[2]!, result.trials[0]!] };
    expect(text(await render(TrialAgreement, { result: agreed, lang: 'en' }))).toBe('3 of 3 trials agreed');
    expect(text(await render(TrialAgreement, { result: { trials: [result.trials[0]!] }, lang: 'en' }))).toBe('One trial');
  });
});

describe('<VerdictBadge>', () => {
  test('names the mixed verdict in words, not colour alone', async () => {
    const html = await render(VerdictBadge, { verdict: 'mixed', lang: 'en' });
    expect(attr(one(html, 'span', 'badge'), 'class')).toContain('verdict-mixed');
    expect(text(html)).toContain('mixed');
  });
});

describe('<ChecksTable>', () => {
  const props = { result, lang: 'en', caption: 'Checks', owner: 'EX-01', anchor: 'ex-01-prov' };

  test('counts only the checks that held in every trial', async () => {
    const html = await render(ChecksTable, props);
    expect(text(one(html, 'caption'))).toBe('Checks · 1 of 3 checks as expected in every one of 3 trials');
  });

  test('marks a check whose trials disagreed, with each trial’s observation and outcome', async () => {
    const tr = row(await render(ChecksTable, props), 'run finished');
    expect(attr(tr, 'data-spread')).toBe('split');
    expect(attr(tr, 'class')).toMatch(/\bcheck-split\b/);
    expect(text(one(tr, 'span', 'spread-tag'))).toBe('trials disagree');
    expect(all(one(tr, 'ol', 'by-trial')!, 'li').map(text)).toEqual([
      'trial 1 COMPLETED ✓ as expected',
      'trial 2 RUNNING ✗ differs',
      'trial 3 COMPLETED ✓ as expected',
    ]);
    expect(text(one(tr, 'span', 'aria-hidden'))).toBe('2/3');
    expect(text(one(tr, 'span', 'visually-hidden'))).toBe('held in 2 of 3 trials');
  });

  test('says which trial ended before a check', async () => {
    const tr = row(await render(ChecksTable, props), 'resumed after restart');
    expect(attr(tr, 'data-spread')).toBe('split');
    expect(text(one(tr, 'li', 'data-trial="2"'))).toBe('trial 2 ended before this check');
    expect(text(one(tr, 'span', 'aria-hidden'))).toBe('2/3');
  });

  test('lists differing observations of a check that held every time, without calling it a disagreement', async () => {
    const tr = row(await render(ChecksTable, props), 'wake-up lateness under 1 s');
    expect(attr(tr, 'data-spread')).toBe('varied');
    expect(text(one(tr, 'span', 'spread-tag'))).toBe('observations differ');
    expect(all(one(tr, 'ol', 'by-trial')!, 'li').map(text)).toEqual(['trial 1 120 ms', 'trial 2 130 ms', 'trial 3 125 ms']);
    expect(text(one(tr, 'span', 'aria-hidden'))).toBe('3/3');
  });

  test('labels each check with the configuration it was made under, linking to it', async () => {
    const html = await render(ChecksTable, props);
    const label = one(row(html, 'resumed after restart'), 'a', 'config-label');
    expect(text(label)).toBe('config 2: self-hosted');
    expect(attr(label, 'href')).toBe('#ex-01-prov-config-2');
    expect(text(one(row(html, 'run finished'), 'a', 'config-label'))).toBe('config 1: dev');
  });

  test('reads as before when every trial agrees: one observation, no tag', async () => {
    const single = { ...result, trials: [result.trials[0]!], configs: [result.configs[0]!], checks: [{ ...result.checks[0]!, held: 1, seen: 1, ok: true, observed: 'COMPLETED', observations: ['COMPLETED'] }] };
    const tr = row(await render(ChecksTable, { ...props, result: single }), 'run finished');
    expect(attr(tr, 'data-spread')).toBe('same');
    expect(tr).not.toMatch(/spread-tag|by-trial|config-label/);
    expect(text(one(tr, 'span', 'aria-hidden'))).toBe('1/1');
  });

  test('speaks Japanese on a Japanese page', async () => {
    const tr = row(await render(ChecksTable, { ...props, lang: 'ja', caption: 'チェック' }), 'run finished');
    expect(text(one(tr, 'span', 'spread-tag'))).toBe('試行ごとに結果が異なる');
    expect(text(one(tr, 'li', 'data-trial="2"'))).toBe('試行 2 RUNNING ✗ 不一致');
    expect(text(one(tr, 'span', 'visually-hidden'))).toBe('3 回の試行のうち 2 回で成立');
  });
});

describe('<MetricsTable>', () => {
  test('says how many trials a metric pooled, and under which configuration', async () => {
    const html = await render(MetricsTable, { result, lang: 'en', caption: 'Metrics', owner: 'EX-01', anchor: 'ex-01-prov' });
    const tr = row(html, 'latency');
    expect(attr(tr, 'data-trials')).toBe('3');
    expect(text(one(tr, 'td', 'metric-trials'))).toBe('3');
    expect(text(one(tr, 'a', 'config-label'))).toBe('config 2: self-hosted');
    expect(all(tr, 'td', 'num').map(text)).toEqual(['3', '1,000 ms', '1,020 ms', '980 ms', '1,020 ms', '3']);
  });
});

describe('<Provenance>', () => {
  test('gives the run and every configuration, numbered where the labels point', async () => {
    const html = await render(Provenance, { run: fixtureRun, result, lang: 'en', anchor: 'ex-01-prov' });
    expect(text(html)).toContain(fixtureRun.command);
    expect(text(one(html, 'dd', 'prov-trials'))).toBe('3');
    const configs = all(one(html, 'ol', 'configs')!, 'li', 'data-config');
    expect(configs.map((li) => attr(li, 'id'))).toEqual(['ex-01-prov-config-1', 'ex-01-prov-config-2']);
    expect(text(one(configs[1]!, 'strong'))).toBe('config 2: self-hosted');
    expect(text(configs[1])).toContain('fixture: external Redis');
    expect(text(configs[1])).toContain('inngest 0.0.0-fixture');
    expect(html).not.toContain('prov-legacy');
  });

  test('says when a record predates trials and per-result configurations', async () => {
    const html = await render(Provenance, { run: fixtureRun, result: { ...result, configs: [result.configs[0]!] }, lang: 'en', anchor: 'x', legacy: true });
    expect(html).not.toContain('class="configs"');
    expect(text(one(html, 'p', 'prov-legacy'))).toMatch(/^Recorded before results kept their trials/);
  });
});
