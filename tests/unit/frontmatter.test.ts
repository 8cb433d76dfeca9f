/**
 * Every rationale's frontmatter is plain YAML the site's build can read: its `summary` is an unquoted scalar, so it
 * must not start with a character YAML reserves (a backtick among them) nor hold ": ", which YAML reads as a key.
 * The build fails on either; this finds it in seconds, with the file named.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const root = join(process.cwd(), 'src', 'content');
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.mdx') && /^(inngest|temporal)\//.test(f));

describe('rationale frontmatter', () => {
  test('there are rationales to check', () => {
    expect(files.length).toBeGreaterThan(100);
  });
  for (const file of files) {
    test(`${file}: summary is a plain YAML scalar`, () => {
      const text = readFileSync(join(root, file), 'utf8');
      const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      const summary = /^summary: (.*)$/m.exec(front)?.[1] ?? '';
      expect(summary.length, 'a summary').toBeGreaterThan(0);
      expect(summary[0], 'its first character').not.toMatch(/[`@%&*!|>#{[\]},?'"-]/);
      expect(summary, 'no ": " inside').not.toContain(': ');
      expect(summary.endsWith(':'), 'no trailing colon').toBe(false);
    });
  }
});
