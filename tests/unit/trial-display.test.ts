/** What pages say about a result's trials, tested on a fixture result whose trials disagree (not evidence). */
import { describe, expect, test } from 'vitest';
import { agreementOf, checkByTrial, configRef, quoteMetric, spreadOf, versionsOf } from '../../src/lib/trials.ts';
import type { Metric } from '../../src/schema.ts';
import { disagreeingResult as result } from '../fixtures/disagreeing-trials.ts';

const index = (name: string) => result.checks.findIndex((c) => c.name === name);

describe('agreementOf()', () => {
  test('lists each trial’s verdict and says they disagree', () => {
    expect(agreementOf(result)).toEqual({ trials: 3, agreed: false, verdicts: ['pass', 'fail', 'pass'] });
  });
  test('agrees when every trial reached the same verdict, one trial included', () => {
    expect(agreementOf({ trials: [result.trials[0]!] })).toMatchObject({ trials: 1, agreed: true });
  });
});

describe('spreadOf()', () => {
  test('calls a check split when it held in some trials only, or some trials never reached it', () => {
    expect(spreadOf(result.checks[index('run finished')]!, 3)).toBe('split');
    expect(spreadOf(result.checks[index('resumed after restart')]!, 3)).toBe('split');
  });
  test('calls a check varied when it held every time but was observed differently', () => {
    expect(spreadOf(result.checks[index('wake-up lateness under 1 s')]!, 3)).toBe('varied');
  });
  test('calls a check the same when every trial observed the same thing', () => {
    expect(spreadOf({ held: 3, seen: 3, observations: ['1', '1', '1'] }, 3)).toBe('same');
    expect(spreadOf({ held: 0, seen: 3, observations: ['0', '0', '0'] }, 3)).toBe('same');
  });
});

describe('checkByTrial()', () => {
  test('gives each trial’s own record of a check, null where the trial ended before it', () => {
    expect(checkByTrial(result, index('resumed after restart')).map((c) => c?.observed ?? null)).toEqual(['true', null, 'true']);
    expect(checkByTrial(result, index('run finished')).map((c) => c?.ok)).toEqual([true, false, true]);
  });
  test('tells apart two checks of one name by their order', () => {
    const twice = {
      checks: [0, 1].map((n) => ({ ...result.checks[0]!, name: 'x', observations: [`${n}`], held: 1, seen: 1 })),
      trials: [{ ...result.trials[0]!, checks: [{ ...result.trials[0]!.checks[0]!, name: 'x', observed: 'first' }, { ...result.trials[0]!.checks[0]!, name: 'x', observed: 'second' }] }],
    };
    expect(checkByTrial(twice, 1).map((c) => c?.observed)).toEqual(['second']);
  });
});

describe('quoteMetric()', () => {
  const latency = result.metrics.find((m) => m.name === 'latency')!;
  test('quotes a median pooled from several trials with its range and trial count', () => {
    expect(quoteMetric(latency)).toEqual({ value: 1000, pooled: { min: 980, max: 1020, trials: 3 } });
  });
  test('quotes a statistic asked for by name alone, since the prose names it', () => {
    expect(quoteMetric(latency, 'p95')).toEqual({ value: 1020 });
    expect(quoteMetric(latency, 'n')).toEqual({ value: 3 });
  });
  test('quotes a single value, or a one-trial distribution’s median, as before', () => {
    const one: Metric = { name: 'x', unit: 'ms', value: 7, trials: 1, config: 0 };
    const samples: Metric = { name: 'y', unit: 'ms', summary: { n: 50, p50: 4, p95: 9, min: 1, max: 12 }, trials: 1, config: 0 };
    expect(quoteMetric(one)).toEqual({ value: 7 });
    expect(quoteMetric(samples)).toEqual({ value: 4 });
  });
});

describe('configRef()', () => {
  test('numbers configurations from 1, as the provenance lists them', () => {
    expect(configRef(result.configs, 1)).toMatchObject({ number: 2, mode: 'self-hosted' });
    expect(() => configRef(result.configs, 2)).toThrow(/no configuration 2/);
  });
  test('versionsOf() gives each engine version once', () => {
    expect(versionsOf(result.configs)).toEqual(['0.0.0-fixture']);
  });
});
