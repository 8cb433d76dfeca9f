import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { categories, criteria, findCriterion, slugOf } from '../../src/catalog/criteria.ts';
import { baselineOf, DEFAULT_ENGINE, engines, findEngine, isMeasured, rerunCommand } from '../../src/catalog/engines.ts';
import { ratingOf, ratings } from '../../src/catalog/ratings.ts';
import { engineIdSchema } from '../../src/schema.ts';
import { latestResults } from '../support/results.ts';

describe('the catalog', () => {
  test('has 58 criteria in 11 categories, with unique ids', () => {
    expect(categories).toHaveLength(11);
    expect(criteria).toHaveLength(58);
    expect(new Set(criteria.map((c) => c.id)).size).toBe(58);
  });

  test('puts every criterion in the category its id names', () => {
    for (const c of criteria) expect(c.id.slice(0, 2).toLowerCase()).toBe(c.category);
  });

  test('names every criterion in both languages and gives a baseline of 1 to 5 stars', () => {
    for (const c of criteria) {
      expect(c.name.en.length).toBeGreaterThan(0);
      expect(c.name.ja.length).toBeGreaterThan(0);
      expect(c.baseline).toBeGreaterThanOrEqual(1);
      expect(c.baseline).toBeLessThanOrEqual(5);
    }
  });

  test('marks the five fail-close criteria of the framework', () => {
    expect(criteria.filter((c) => c.failClose).map((c) => c.id)).toEqual(['EX-01', 'EX-03', 'RT-01', 'VR-01', 'OP-02']);
  });

  test('finds criteria case-insensitively and rejects unknown ids', () => {
    expect(findCriterion('ex-03').id).toBe('EX-03');
    expect(() => findCriterion('XX-99')).toThrow(/Unknown criterion/);
  });
});

describe('the engines', () => {
  test('are the engines the results schema knows, once each, with Inngest the default', () => {
    expect(engines.map((e) => e.id).sort()).toEqual([...engineIdSchema.options].sort());
    expect(DEFAULT_ENGINE).toBe('inngest');
    expect(() => findEngine('restate')).toThrow(/Unknown engine/);
  });

  test('give the seed’s baseline to Inngest alone', () => {
    const k = findCriterion('EX-06');
    expect(baselineOf('inngest', k)).toBe(k.baseline);
    expect(baselineOf('temporal', k)).toBeNull();
  });

  test('count as measured once they have a rating or a recorded result, not before', () => {
    expect(isMeasured({}, 0)).toBe(false);
    expect(isMeasured({}, 1)).toBe(true);
    expect(isMeasured({ 'EX-01': { stars: 3 } }, 0)).toBe(true);
    expect(isMeasured(ratings.temporal, 0)).toBe(true);
  });

  test('re-run with the command the README gives, naming the engine only when it is not the default', () => {
    expect(rerunCommand('inngest', 'EX-01')).toBe('npm run probes -- --only EX-01');
    expect(rerunCommand('inngest')).toBe('npm run probes');
    expect(rerunCommand('temporal', 'EX-01')).toBe('npm run probes -- --engine temporal --only EX-01');
  });
});

describe('the ratings', () => {
  test('are kept per engine, and a criterion an engine has not rated has no rating', () => {
    expect(ratingOf('inngest', 'EX-01')).toEqual(ratings.inngest['EX-01']);
    expect(ratingOf('temporal', 'EX-01')).toEqual(ratings.temporal['EX-01']);
    const unrated = criteria.find((c) => !ratings.temporal[c.id]);
    if (unrated) expect(ratingOf('temporal', unrated.id)).toBeNull();
    expect(ratingOf('temporal', 'XX-99')).toBeNull();
  });
});

describe('the rationale files', () => {
  test.each(engines.map((e) => e.id))('of %s exist in the same set in English and Japanese, each for a rated criterion', (engine) => {
    const list = (lang: string) => (existsSync(`src/content/${engine}/${lang}`) ? readdirSync(`src/content/${engine}/${lang}`).sort() : []);
    expect(list('ja')).toEqual(list('en'));
    expect(list('en').map((f) => f.replace(/\.mdx$/, '').toUpperCase()).sort()).toEqual(Object.keys(ratings[engine]).sort());
  });
});

describe('every criterion Inngest is rated on', () => {
  const rated = Object.keys(ratings.inngest);

  test('is a criterion of the catalog', () => {
    for (const id of rated) expect(() => findCriterion(id)).not.toThrow();
  });

  test.each(rated)('%s has a rationale in English and in Japanese', (id) => {
    for (const lang of ['en', 'ja']) {
      const file = `src/content/inngest/${lang}/${slugOf(id)}.mdx`;
      expect(existsSync(file), `${file} is missing`).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`criterion:\\s*${id}`));
    }
  });

  test.each(rated)('%s has a latest Inngest result', (id) => {
    const file = latestResults('inngest').find((f) => f.category === findCriterion(id).category);
    expect(file?.probes.map((p) => p.id)).toContain(id);
  });
});
