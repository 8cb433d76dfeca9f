/**
 * Evidence on a Japanese page: check and metric names, expected values and units in Japanese from
 * src/i18n/evidence/, code kept as code, the English a reader cites beside it; a string without Japanese shown
 * unmarked, so the Japanese pages' scan finds it.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, test } from 'vitest';
import ChecksTable from '../../src/components/ChecksTable.astro';
import MetricsTable from '../../src/components/MetricsTable.astro';
import { disagreeingResult } from '../fixtures/disagreeing-trials.ts';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

/** The rendered HTML, without the scoping attributes Astro adds for component styles. */
const render = async (component: Parameters<AstroContainer['renderToString']>[0], props: Record<string, unknown>) =>
  (await container.renderToString(component, { props })).replace(/ data-astro-[\w-]+(="[^"]*")?/g, '');

/** A one-trial EX-04 result holding one check, on the fixture's single configuration. */
function withCheck(name: string, expected: string) {
  const check = { name, expected, observed: 'COMPLETED', ok: true, config: 0, held: 1, seen: 1, observations: ['COMPLETED'] };
  return { ...disagreeingResult, id: 'EX-04', trials: [disagreeingResult.trials[0]!], configs: [disagreeingResult.configs[0]!], checks: [check] };
}

const props = { lang: 'ja', caption: 'チェック', owner: 'EX-04', anchor: 'ex-04-prov' };

describe('<ChecksTable> on a Japanese page', () => {
  test('names a check in Japanese, its mode as code, with the English original marked as English', async () => {
    const html = await render(ChecksTable, { ...props, result: withCheck('dev: the sleeping run finishes after the restart', 'COMPLETED') });
    expect(html).toContain('<code>dev</code>：スリープ中の実行が再起動の後に完了する');
    expect(html).toMatch(/<span class="ev-original"[^>]*lang="en"[^>]*>dev: the sleeping run finishes after the restart<\/span>/);
    expect(html).toContain('<code>COMPLETED</code>');
    expect(html).not.toContain('data-untranslated');
  });

  test('translates an expected value that is prose', async () => {
    const html = await render(ChecksTable, { ...props, result: { ...withCheck('breaker: calls cut to at most 3 + the calls already in flight', '≤ 6'), id: 'RT-03' } });
    expect(html).toContain('6 以下');
  });

  test('shows a check it has no Japanese for in English, unmarked, for the scan to find', async () => {
    const html = await render(ChecksTable, { ...props, result: withCheck('dev: a check written after the table', 'COMPLETED') });
    expect(html).toMatch(/<span class="untranslated" data-untranslated[^>]*>dev: a check written after the table<\/span>/);
  });
});

describe('<MetricsTable> on a Japanese page', () => {
  test('names a metric and its unit in Japanese', async () => {
    const metric = { name: 'self-hosted: restart to run completed', unit: 'runs/s', value: 2, trials: 1, config: 0 };
    const html = await render(MetricsTable, { ...props, result: { ...withCheck('x', '1'), metrics: [metric] } });
    expect(html).toContain('<code>self-hosted</code>：再起動から実行完了まで');
    expect(html).toContain('2 件/秒');
  });
});
