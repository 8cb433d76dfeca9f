import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { categories, criteria, findCriterion, slugOf } from '../../src/catalog/criteria.ts';
import { ratings } from '../../src/catalog/ratings.ts';
import { parseResultsFile } from '../../src/schema.ts';

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

describe('the rationale files', () => {
  test('exist in the same set in English and Japanese, each for a rated criterion', () => {
    const en = readdirSync('src/content/en').sort();
    const ja = readdirSync('src/content/ja').sort();
    expect(ja).toEqual(en);
    expect(en.map((f) => f.replace(/\.mdx$/, '').toUpperCase()).sort()).toEqual(Object.keys(ratings).sort());
  });
});

describe('every rated criterion', () => {
  const rated = Object.keys(ratings);

  test('is a criterion of the catalog', () => {
    for (const id of rated) expect(() => findCriterion(id)).not.toThrow();
  });

  test.each(rated)('%s has a rationale in English and in Japanese', (id) => {
    for (const lang of ['en', 'ja']) {
      const file = `src/content/${lang}/${slugOf(id)}.mdx`;
      expect(existsSync(file), `${file} is missing`).toBe(true);
      expect(readFileSync(file, 'utf8')).toMatch(new RegExp(`criterion:\\s*${id}`));
    }
  });

  test.each(rated)('%s has a probe result in results/', (id) => {
    const file = `results/${findCriterion(id).category}.json`;
    const results = parseResultsFile(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(results.probes.map((p) => p.id)).toContain(id);
  });
});
