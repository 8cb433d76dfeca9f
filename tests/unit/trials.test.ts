import { describe, expect, test } from 'vitest';
import type { RecordedTrial } from '../../runner/core/recorder.ts';
import { agreedVerdict, aggregateTrials } from '../../runner/core/trials.ts';
import { probeResultSchema } from '../../src/schema.ts';
import { devConfig, fixtureResult, selfHostedConfig } from '../fixtures/results-v2.ts';

/** A trial as the recorder would hand it over: checks given as [name, observed, ok]. */
function trial(verdict: RecordedTrial['verdict'], checks: [string, string, boolean][], extra: Partial<RecordedTrial> = {}): RecordedTrial {
  return {
    verdict, durationMs: 1000, notes: [], metrics: [], configs: [devConfig],
    checks: checks.map(([name, observed, ok]) => ({ name, expected: 'x', observed, ok, config: 0 })),
    ...extra,
  };
}

const asResult = (a: ReturnType<typeof aggregateTrials>) => ({
  id: 'RT-01', engine: 'inngest', runId: 'r', source: 'src/probes/inngest/rt/rt-01-retry.ts', sourceHash: 'a'.repeat(64), ...a,
});

describe('agreedVerdict()', () => {
  test("is the trials' verdict when they all agree", () => {
    expect(agreedVerdict(['pass', 'pass', 'pass'])).toBe('pass');
    expect(agreedVerdict(['fail', 'fail'])).toBe('fail');
  });
  test('is mixed when one trial disagrees, however many agree', () => {
    expect(agreedVerdict(['pass', 'pass', 'fail'])).toBe('mixed');
    expect(agreedVerdict(['skipped', 'error'])).toBe('mixed');
  });
});

describe('aggregateTrials()', () => {
  test('all trials agree: the verdict stands and every check held in every trial', () => {
    const a = aggregateTrials([trial('pass', [['a', 'x', true]]), trial('pass', [['a', 'x', true]]), trial('pass', [['a', 'x', true]])]);
    expect(a.verdict).toBe('pass');
    expect(a.checks).toEqual([{ name: 'a', expected: 'x', observed: 'x', ok: true, config: 0, held: 3, seen: 3, observations: ['x', 'x', 'x'] }]);
    expect(a.trials).toHaveLength(3);
    expect(probeResultSchema.safeParse(asResult(a)).success).toBe(true);
  });

  test('a check that held in two trials of three: mixed verdict, the count, and what each trial saw', () => {
    const a = aggregateTrials([
      trial('pass', [['second wait longer', '31 s > 15 s', true]]),
      trial('fail', [['second wait longer', '12 s > 40 s', false]]),
      trial('pass', [['second wait longer', '44 s > 20 s', true]]),
    ]);
    expect(a.verdict).toBe('mixed');
    const [check] = a.checks;
    expect(check).toMatchObject({ held: 2, seen: 3, ok: false, observations: ['31 s > 15 s', '12 s > 40 s', '44 s > 20 s'] });
    expect(check!.observed).toBe('31 s > 15 s | 12 s > 40 s | 44 s > 20 s');
    expect(a.trials.map((t) => t.verdict)).toEqual(['pass', 'fail', 'pass']);
    expect(probeResultSchema.safeParse(asResult(a)).success).toBe(true);
  });

  test('a check one trial never reached was seen by fewer trials, and is not ok', () => {
    const a = aggregateTrials([trial('pass', [['a', 'x', true], ['b', 'y', true]]), trial('error', [['a', 'x', true]], { error: { message: 'worker died' } })]);
    expect(a.checks.find((c) => c.name === 'b')).toMatchObject({ held: 1, seen: 1, ok: false });
    expect(a.error).toEqual({ message: 'worker died' });
    expect(a.verdict).toBe('mixed');
  });

  test('keeps two checks of one name in one trial apart, by their order', () => {
    const a = aggregateTrials([trial('fail', [['n', '1', true], ['n', '2', false]]), trial('fail', [['n', '1', true], ['n', '3', false]])]);
    expect(a.checks.map((c) => [c.held, c.observations])).toEqual([[2, ['1', '1']], [0, ['2', '3']]]);
  });

  test('pools the samples of every trial and says how many trials they came from', () => {
    const metric = (kind: 'value' | 'samples', samples: number[]) => ({ name: 'wait', unit: 'ms', kind, samples, config: 0 });
    const a = aggregateTrials([
      trial('pass', [['a', 'x', true]], { metrics: [metric('value', [10]), { ...metric('samples', [1, 2]), name: 'steps' }] }),
      trial('pass', [['a', 'x', true]], { metrics: [metric('value', [30]), { ...metric('samples', [3, 4, 5]), name: 'steps' }] }),
      trial('pass', [['a', 'x', true]], { metrics: [metric('value', [20])] }),
    ]);
    expect(a.metrics).toEqual([
      { name: 'wait', unit: 'ms', summary: { n: 3, p50: 20, p95: 30, min: 10, max: 30 }, trials: 3, config: 0 },
      { name: 'steps', unit: 'ms', summary: { n: 5, p50: 3, p95: 5, min: 1, max: 5 }, trials: 2, config: 0 },
    ]);
    expect(a.trials[0]!.metrics[0]).toEqual({ name: 'wait', unit: 'ms', value: 10, trials: 1, config: 0 });
  });

  test('a single trial keeps a single value as a value', () => {
    const a = aggregateTrials([trial('pass', [['a', 'x', true]], { metrics: [{ name: 'w', unit: 'ms', kind: 'value', samples: [7], config: 0 }] })]);
    expect(a.metrics).toEqual([{ name: 'w', unit: 'ms', value: 7, trials: 1, config: 0 }]);
  });

  test("merges the trials' configurations into one list and renumbers what was made under them", () => {
    const first = trial('pass', [['dev check', 'x', true], ['self-hosted check', 'x', true]], { configs: [devConfig, selfHostedConfig] });
    first.checks[1]!.config = 1;
    // The second trial saw the configurations in the other order.
    const second = trial('pass', [['self-hosted check', 'x', true], ['dev check', 'x', true]], { configs: [selfHostedConfig, devConfig] });
    second.checks[1]!.config = 1;
    const a = aggregateTrials([first, second]);
    expect(a.configs.map((c) => c.mode)).toEqual(['dev', 'self-hosted']);
    expect(a.checks.map((c) => [c.name, c.config, c.held])).toEqual([['dev check', 0, 2], ['self-hosted check', 1, 2]]);
    expect(a.trials[1]!.checks.map((c) => [c.name, c.config])).toEqual([['self-hosted check', 1], ['dev check', 0]]);
  });
});

describe('the results schema, on provenance and trials', () => {
  test('rejects a result without its own engine configuration', () => {
    const parsed = probeResultSchema.safeParse({ ...fixtureResult('EX-01', 'r'), configs: [] });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/must record the engine configuration/);
  });
  test('rejects a check that names a configuration the result does not record', () => {
    const r = fixtureResult('EX-01', 'r');
    expect(probeResultSchema.safeParse({ ...r, checks: [{ ...r.checks[0]!, config: 1 }] }).success).toBe(false);
  });
  test('rejects an agreed verdict its trials do not share', () => {
    const r = fixtureResult('EX-01', 'r');
    const failed = { ...r.trials[0]!, verdict: 'fail' as const, checks: [{ ...r.trials[0]!.checks[0]!, ok: false }] };
    const parsed = probeResultSchema.safeParse({ ...r, trials: [r.trials[0], failed] });
    expect(parsed.success).toBe(false);
    expect(JSON.stringify(parsed.error?.issues)).toMatch(/must be mixed/);
  });
  test("rejects a configuration of another engine than the result's", () => {
    const r = fixtureResult('EX-01', 'r');
    expect(probeResultSchema.safeParse({ ...r, configs: [{ ...devConfig, engine: 'temporal' }] }).success).toBe(false);
  });
});
