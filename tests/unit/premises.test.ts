import { describe, expect, test } from 'vitest';
import { criteria } from '../../src/catalog/criteria.ts';
import { ratings as allRatings } from '../../src/catalog/ratings.ts';
import {
  defaultPremises,
  failCloseApplies,
  failCloseDecidedBy,
  premiseNames,
  premiseOptions,
  summarise,
} from '../../src/catalog/summary.ts';
import { premisesFromQuery, premisesToQuery } from '../../src/lib/premises-query.ts';

/** The report's ratings: Inngest's, the only engine rated so far. */
const ratings = allRatings.inngest;

describe('premises', () => {
  test('the defaults are among the options of each premise', () => {
    for (const name of premiseNames) expect(premiseOptions[name]).toContain(defaultPremises[name]);
  });

  test('a duration-bound fail-close rule applies for minutes or longer, not for seconds', () => {
    expect(failCloseApplies('duration-minutes', defaultPremises)).toBe(true);
    expect(failCloseApplies('duration-minutes', { ...defaultPremises, duration: 'days-or-longer' })).toBe(true);
    expect(failCloseApplies('duration-minutes', { ...defaultPremises, duration: 'seconds' })).toBe(false);
    expect(failCloseApplies('always', { ...defaultPremises, duration: 'seconds' })).toBe(true);
    expect(failCloseApplies(null, defaultPremises)).toBe(false);
  });
});

describe('failCloseDecidedBy()', () => {
  test('names the duration-bound criteria for the duration and nothing for the other premises', () => {
    const durationBound = criteria.filter((k) => k.failClose === 'duration-minutes').map((k) => k.id);
    expect(durationBound.length).toBeGreaterThan(0);
    expect(failCloseDecidedBy('duration')).toEqual(durationBound);
    for (const name of premiseNames.filter((n) => n !== 'duration')) expect(failCloseDecidedBy(name)).toEqual([]);
  });
});

describe('summarise() under chosen premises', () => {
  test('short runs take the duration-bound criteria out of the fail-close table and can lift a cap', () => {
    const durationBound = criteria.filter((k) => k.failClose === 'duration-minutes').map((k) => k.id);
    const weak = { ...ratings, ...Object.fromEntries(durationBound.map((id) => [id, { stars: 1 as const }])) };
    const long = summarise(weak, defaultPremises);
    const short = summarise(weak, { ...defaultPremises, duration: 'seconds' });
    expect(long.capped).toBe(true);
    for (const id of durationBound) expect(short.failClose.find((r) => r.id === id)!.status).toBe('n/a');
    expect(short.failClose.filter((r) => r.status === 'fail')).toEqual([]);
    expect(short.verdict).not.toBeNull();
    expect(short.verdict!).toBeGreaterThanOrEqual(long.verdict!);
  });
});

describe('premisesFromQuery() and premisesToQuery()', () => {
  test('reads chosen premises and falls back to the defaults for unknown values', () => {
    const p = premisesFromQuery(new URLSearchParams('duration=seconds&scale=galactic&nope=1'));
    expect(p).toEqual({ ...defaultPremises, duration: 'seconds' });
  });

  test('writes only the premises that differ from the defaults, keeping other parameters', () => {
    expect(premisesToQuery(defaultPremises).toString()).toBe('');
    const q = premisesToQuery({ ...defaultPremises, duration: 'seconds', determinism: 'deterministic' }, new URLSearchParams('x=1&duration=days-or-longer'));
    expect(q.toString()).toBe('x=1&duration=seconds&determinism=deterministic');
    expect(premisesFromQuery(q)).toEqual({ ...defaultPremises, duration: 'seconds', determinism: 'deterministic' });
  });
});
