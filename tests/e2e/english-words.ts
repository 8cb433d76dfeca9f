/**
 * What counts as an English word on a Japanese page (japanese-text.spec.ts), kept apart so a unit test can show it
 * catches one. Identifiers are not words here: a token in capitals (EX-01, COMPLETED, API) or glued to digits, dots,
 * slashes or underscores (p50, step.run, run_*) is a name, not prose.
 */

/**
 * Names that have no Japanese of their own (products, projects, formats) and the units the pages print. A word
 * belongs here only when a Japanese writer would write it in Latin letters too.
 */
export const ALLOWED = new Set([
  'Inngest', 'Temporal', 'Restate', 'Redis', 'PostgreSQL', 'SQLite', 'TypeScript', 'Python', 'GraphQL', 'Prometheus',
  'OpenTelemetry', 'Webhook', 'GitHub', 'Debian', 'Chromium',
  'ms', 'MiB', 'KiB',
]);

/** The English words in a text: Latin-letter prose tokens that are neither identifiers nor ALLOWED. */
export function englishWords(text: string): string[] {
  const tokens = text.match(/[A-Za-z0-9][A-Za-z0-9_.\/'’-]*/g) ?? [];
  return tokens
    .map((t) => t.replace(/[.'’-]+$/, ''))
    .filter((t) => /^[A-Za-z][A-Za-z'’-]*[A-Za-z]$/.test(t))
    .filter((t) => !/^[A-Z][A-Z-]*$/.test(t) && !ALLOWED.has(t));
}
