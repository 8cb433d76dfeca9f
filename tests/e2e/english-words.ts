/**
 * What counts as an English word on a Japanese page (japanese-text.spec.ts), kept apart so a unit test can show it
 * catches one. Identifiers are not words here: a token in capitals (EX-01, COMPLETED, API), in camelCase (cancelOn,
 * PoC), called (serve()), part of a URL or glued to digits, dots, slashes or underscores (p50, step.run, run_*) is a name, not prose.
 */

/**
 * Names a Japanese writer writes in Latin letters too: products and projects, one standard, one term of this
 * report's framework, and the units the pages print. Nothing else belongs here.
 */
export const ALLOWED = new Set([
  // Products and projects.
  'Inngest', 'Cloud', 'Temporal', 'Restate', 'Redis', 'PostgreSQL', 'Postgres', 'SQLite', 'TypeScript', 'Python', 'Go', 'JavaScript', 'Node',
  'MySQL', 'Cassandra', 'GraphQL', 'Prometheus', 'OpenTelemetry', 'OTel', 'Webhook', 'ESLint', 'Git', 'GitHub', 'npm', 'Debian', 'Chromium',
  // A standard's name: JSON Schema.
  'Schema',
  // The framework's name for criteria that cap the verdict, defined on the methodology page in both languages.
  'fail-close', 'Fail-close',
  // A system call Japanese text names in Latin letters (fsync, as in PostgreSQL's and Redis's settings).
  'fsync',
  // Units.
  'ms', 'MiB', 'KiB',
]);

/** The English words in a text: Latin-letter prose tokens that are neither identifiers nor ALLOWED. */
export function englishWords(text: string): string[] {
  // A URL (a permalink shown for copying) is an address, not prose.
  const tokens = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/g, ' ').match(/[A-Za-z0-9][A-Za-z0-9_.\/'’-]*(?:\(\))?/g) ?? [];
  return tokens
    .filter((t) => !t.endsWith('()'))
    .map((t) => t.replace(/[.'’-]+$/, ''))
    .filter((t) => /^[A-Za-z][A-Za-z'’-]*[A-Za-z]$/.test(t))
    .filter((t) => !/^[A-Z][A-Z-]*$/.test(t) && !/[a-z][A-Z]/.test(t) && !ALLOWED.has(t));
}
