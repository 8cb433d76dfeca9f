/**
 * Rationale prose quotes the results through <Metric>, <Observed>, <HeldIn> and <CheckTally>. Here every quote in
 * every rationale is rendered as the pages render it (src/lib/quote.ts, the dictionaries) and put back into its
 * sentence, so a unit or a probe's English phrase landing inside Japanese prose ("内部 ID を 5 ids 返しました",
 * 「報告した内容: nothing。」), or a unit said twice in English ("5 ids internal ids", "1 effects effect"), fails
 * here, naming the file and the quote.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Lang } from '../../src/catalog/criteria.ts';
import { translate } from '../../src/i18n/index.ts';
import { metricText, observedSegments, unitFor } from '../../src/lib/quote.ts';
import { engineIdSchema, type EngineId, type ProbeResult } from '../../src/schema.ts';
import { englishWords } from '../e2e/english-words.ts';
import { latestResults } from '../support/results.ts';

/** Every engine's latest results, keyed `<engine>/<criterion>`. */
const results = new Map<string, ProbeResult>(
  engineIdSchema.options.flatMap((engine) => latestResults(engine).flatMap((f) => f.probes.map((p) => [`${engine}/${p.id}`, p] as const))),
);
/** The engines with rationales. */
const ENGINES: EngineId[] = engineIdSchema.options.filter((engine) => existsSync(`src/content/${engine}`));
/** The engine a quote reads: its `engine` prop, Inngest when it has none (as the components default). */
const engineOf = (q: Pick<Quote, 'props'>): EngineId => (typeof q.props.engine === 'string' ? (q.props.engine as EngineId) : 'inngest');
/** The result a quote reads. */
const resultOf = (q: Pick<Quote, 'props'>) => results.get(`${engineOf(q)}/${String(q.props.criterion)}`);

/** One component in a rationale: its name, its props, and the prose right after it. */
interface Quote {
  tag: string;
  props: Record<string, string | true>;
  after: string;
}

const COMPONENT = /<(Metric|Observed|HeldIn|CheckTally)\s+([^>]*?)\/>/g;

function propsOf(source: string): Record<string, string | true> {
  return Object.fromEntries([...source.matchAll(/(\w+)(?:="([^"]*)"|='([^']*)')?/g)].map((m) => [m[1]!, m[2] ?? m[3] ?? true]));
}

/** A quote as the page shows it, with raw values (code) as `…`, which prose may hold; `null` for untranslated. */
function rendered(lang: Lang, quote: Quote): string | null {
  const { tag, props } = quote;
  const criterion = String(props.criterion);
  const engine = engineOf(quote);
  const result = resultOf(quote);
  if (!result) throw new Error(`no ${engine} result for ${criterion}`);
  if (tag === 'Metric') {
    const metric = result.metrics.find((m) => m.name === props.name);
    if (!metric) throw new Error(`${criterion} has no metric ${String(props.name)}`);
    return metricText(lang, engine, metric, { stat: props.stat as 'p50' | undefined, bare: props.bare === true }).text;
  }
  if (tag === 'CheckTally') {
    const checks = props.match ? result.checks.filter((c) => c.name.includes(String(props.match))) : result.checks;
    const vars = { ok: checks.filter((c) => c.ok).length, total: checks.length, trials: result.trials.length };
    return translate(lang, result.trials.length > 1 ? 'cell.checks.tally.trials' : 'cell.checks.tally', vars);
  }
  const check = result.checks.find((c) => c.name === props.check);
  if (!check) throw new Error(`${criterion} has no check ${String(props.check)}`);
  if (tag === 'HeldIn') return translate(lang, 'check.held', { held: check.held, trials: result.trials.length });
  const segments = observedSegments(lang, engine, criterion, check.observed);
  return segments && segments.map((s) => ('code' in s ? '`…`' : s.text)).join('');
}

/** Every rationale of every engine in one language, with its quotes; named `<engine>/<file>`. */
function rationales(lang: Lang) {
  return ENGINES.flatMap((engine) =>
    readdirSync(`src/content/${engine}/${lang}`).map((file) => {
      const text = readFileSync(`src/content/${engine}/${lang}/${file}`, 'utf8');
      const quotes = [...text.matchAll(COMPONENT)].map((m) => ({ tag: m[1]!, props: propsOf(m[2]!), after: text.slice(m.index + m[0].length, m.index + m[0].length + 40) }));
      return { name: `${engine}/${file}`, text, quotes };
    }),
  );
}

/** The prose a reader of a Japanese page reads: quotes rendered, code spans, link targets and markup set aside. */
function readerText(text: string, render: (q: Quote) => string | null): string {
  // Of the front matter, a reader sees the summary's value only.
  const body = text.replace(/^---\n([\s\S]*?)\n---\n/, (_, front: string) => `${/^summary:(.*)$/m.exec(front)?.[1] ?? ''}\n`);
  return body
    // MDX's import lines are code, not prose.
    .replace(/^import .+$/gm, ' ')
    .replace(COMPONENT, (_, tag: string, props: string) => render({ tag, props: propsOf(props), after: '' }) ?? '[untranslated]')
    .replace(/`[^`]*`/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/<[^>]+>/g, ' ');
}

describe('quotes in the Japanese rationales', () => {
  test.each(rationales('ja').map((r) => [r.name, r] as const))('%s reads as Japanese once its quotes are rendered', (_, { text, quotes }) => {
    const untranslated = quotes.filter((q) => rendered('ja', q) === null).map((q) => `${q.tag} ${String(q.props.check ?? q.props.name)}`);
    expect(untranslated, 'quotes with no Japanese').toEqual([]);
    expect(englishWords(readerText(text, (q) => rendered('ja', q))), 'English words in the Japanese prose').toEqual([]);
  });

  test.each(rationales('ja').map((r) => [r.name, r] as const))('%s does not say a quoted unit twice', (_, { quotes }) => {
    const doubled = quotes
      .filter((q) => q.tag === 'Metric' && q.props.bare !== true)
      .filter((q) => {
        const metric = resultOf(q)!.metrics.find((m) => m.name === q.props.name)!;
        const unit = unitFor('ja', engineOf(q), metric.unit, 2);
        return /[^\x00-\x7f]/.test(unit) && q.after.trimStart().startsWith(unit);
      })
      .map((q) => String(q.props.name));
    expect(doubled).toEqual([]);
  });
});

describe('quotes in the English rationales', () => {
  test.each(rationales('en').map((r) => [r.name, r] as const))('%s does not say a quoted unit twice', (_, { quotes }) => {
    const doubled = quotes
      .filter((q) => q.tag === 'Metric' && q.props.bare !== true)
      .filter((q) => {
        const metric = resultOf(q)!.metrics.find((m) => m.name === q.props.name)!;
        if (!/^[a-z]+$/.test(metric.unit)) return false;
        const next = q.after.trim().split(/[^A-Za-z]+/).slice(0, 2);
        return next.some((w) => w === metric.unit || w === unitFor('en', engineOf(q), metric.unit, 1));
      })
      .map((q) => String(q.props.name));
    expect(doubled).toEqual([]);
  });
});

describe('the checks above', () => {
  const nothing = { tag: 'Observed', props: { criterion: 'EX-06', check: 'the change was reported (SDK warning or error)' }, after: '' };

  test('find the English the review found inside Japanese sentences', () => {
    expect(englishWords('内部 ID を 5 ids 返しました')).toEqual(['ids']);
    expect(englishWords('報告した内容: nothing。')).toEqual(['nothing']);
    expect(englishWords('not ended within 25000 ms (RUNNING) という状態')).toEqual(['not', 'ended', 'within']);
  });

  test('quote a phrase a probe wrote in Japanese, and a value as it is', () => {
    expect(rendered('ja', nothing)).not.toMatch(/nothing/);
    expect(observedSegments('ja', 'inngest', 'EX-04', 'not ended within 25000 ms (RUNNING)')).toEqual([{ text: '25000 ms 以内に終了せず（' }, { code: 'RUNNING' }, { text: '）' }]);
    expect(observedSegments('ja', 'inngest', 'EX-04', 'COMPLETED')).toEqual([{ code: 'COMPLETED' }]);
    expect(observedSegments('ja', 'inngest', 'EX-04', 'a phrase no table knows')).toBeNull();
  });

  test('say a unit once, in the reader’s language, singular after one', () => {
    const ids = { name: 'ids', unit: 'ids', value: 5, trials: 1, config: 0 } as const;
    expect(metricText('ja', 'inngest', ids).text).toBe('5 個');
    expect(metricText('en', 'inngest', ids).text).toBe('5 ids');
    expect(metricText('en', 'inngest', { ...ids, unit: 'effects', value: 1 }).text).toBe('1 effect');
  });
});
