/**
 * The results contract between the runner (which writes `results/<category>.json`) and the site (which reads it).
 * Both sides parse with this schema, so malformed data fails loudly, naming the file and the field.
 * This module imports only zod.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

/** pass: evidence matches what was expected; fail: evidence contradicts it; error: the probe or harness broke;
 *  skipped: not observable here (a reason is required). */
export const verdictSchema = z.enum(['pass', 'fail', 'error', 'skipped']);
export type Verdict = z.infer<typeof verdictSchema>;

const isoDate = z.iso.datetime({ offset: true });

/** One expectation and what was observed, both rendered as text for readers. */
export const checkSchema = z.strictObject({
  name: z.string().min(1),
  expected: z.string(),
  observed: z.string(),
  ok: z.boolean(),
});
export type Check = z.infer<typeof checkSchema>;

export const summarySchema = z.strictObject({
  n: z.int().positive(),
  p50: z.number(),
  p95: z.number(),
  min: z.number(),
  max: z.number(),
});
export type Summary = z.infer<typeof summarySchema>;

/** A measurement: a single value, or the distribution of many samples. Never both. */
export const metricSchema = z.union([
  z.strictObject({ name: z.string().min(1), unit: z.string().min(1), value: z.number() }),
  z.strictObject({ name: z.string().min(1), unit: z.string().min(1), summary: summarySchema }),
]);
export type Metric = z.infer<typeof metricSchema>;

/** The engine the probes ran against, as the runner found it. */
export const engineSchema = z.strictObject({
  kind: z.enum(['dev', 'self-hosted']),
  /** How the runner got the server: a binary it started, or a server already running at a URL. */
  source: z.enum(['started', 'external']),
  serverVersion: z.string().min(1),
  /** Command-line flags the server was started with (empty for an external server). */
  flags: z.array(z.string()),
  /** Where run state lived during the run, in the runner's words (e.g. the dev server's in-memory store). */
  stateStore: z.string().min(1),
});

/** Provenance of one invocation of the runner. */
export const runSchema = z.strictObject({
  id: z.string().min(1),
  startedAt: isoDate,
  finishedAt: isoDate,
  durationMs: z.number().nonnegative(),
  command: z.string().min(1),
  engine: engineSchema,
  sdkVersion: z.string().min(1),
  node: z.string().min(1),
  os: z.string().min(1),
  cpus: z.int().positive(),
  gitCommit: z.string().min(1),
});
export type RunInfo = z.infer<typeof runSchema>;

export const probeResultSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z]{2}-\d{2}$/, 'a criterion id such as EX-01'),
    /** The run (see `runs`) that produced this result. */
    runId: z.string().min(1),
    verdict: verdictSchema,
    durationMs: z.number().nonnegative(),
    checks: z.array(checkSchema),
    metrics: z.array(metricSchema),
    notes: z.array(z.string()),
    /** Why the probe was skipped; required when verdict is `skipped`. */
    skipReason: z.string().min(1).optional(),
    /** What broke; required when verdict is `error`. */
    error: z.strictObject({ message: z.string().min(1) }).optional(),
    /** Path of the probe file, relative to the project root. */
    source: z.string().min(1),
    /** sha256 of the probe file when it ran; the site flags results older than their probe's source. */
    sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .superRefine((p, ctx) => {
    if (p.verdict === 'skipped' && !p.skipReason)
      ctx.addIssue({ code: 'custom', path: ['skipReason'], message: 'a skipped probe must give its reason' });
    if (p.verdict === 'error' && !p.error)
      ctx.addIssue({ code: 'custom', path: ['error'], message: 'an errored probe must carry its error' });
    if (p.verdict === 'pass' && (p.checks.length === 0 || p.checks.some((c) => !c.ok)))
      ctx.addIssue({ code: 'custom', path: ['verdict'], message: 'pass needs at least one check and every check ok' });
    if (p.verdict === 'fail' && !p.checks.some((c) => !c.ok))
      ctx.addIssue({ code: 'custom', path: ['verdict'], message: 'fail needs at least one failed check' });
  });
export type ProbeResult = z.infer<typeof probeResultSchema>;

/** One results file: every probe of a category, and the runs that produced them. */
export const resultsFileSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    category: z.string().regex(/^[a-z]{2}$/),
    runs: z.array(runSchema).min(1),
    probes: z.array(probeResultSchema),
  })
  .superRefine((f, ctx) => {
    const runIds = new Set(f.runs.map((r) => r.id));
    f.probes.forEach((p, i) => {
      if (!runIds.has(p.runId))
        ctx.addIssue({ code: 'custom', path: ['probes', i, 'runId'], message: `no run "${p.runId}" in runs` });
      if (p.id.slice(0, 2).toLowerCase() !== f.category)
        ctx.addIssue({ code: 'custom', path: ['probes', i, 'id'], message: `${p.id} is not in category ${f.category}` });
    });
    const seen = new Set<string>();
    f.probes.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['probes', i, 'id'], message: `duplicate ${p.id}` });
      seen.add(p.id);
    });
  });
export type ResultsFile = z.infer<typeof resultsFileSchema>;

/** Parses a results file, throwing one message that names the file and every offending field. */
export function parseResultsFile(data: unknown, fileName: string): ResultsFile {
  const parsed = resultsFileSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  throw new Error(`${fileName} does not match the results schema:\n${lines.join('\n')}`);
}

/**
 * One archived run, `results/history/<runId>.json`: the provenance of one invocation of the runner and every probe
 * result it produced, written once and never rewritten. The latest files (`results/<category>.json`) hold only
 * each probe's newest result; the archive keeps them all.
 */
export const runRecordSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    run: runSchema,
    probes: z.array(probeResultSchema).min(1),
    /**
     * Only on records rebuilt by `npm run history:backfill` from results files committed before the archive
     * existed: the commits they were copied from. Such a record holds the results of that run that were committed,
     * which may be fewer than the run produced.
     */
    backfilledFrom: z.array(z.string().regex(/^[0-9a-f]{40}$/)).min(1).optional(),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.probes.forEach((p, i) => {
      if (p.runId !== r.run.id)
        ctx.addIssue({ code: 'custom', path: ['probes', i, 'runId'], message: `"${p.runId}" is not this record's run "${r.run.id}"` });
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['probes', i, 'id'], message: `duplicate ${p.id}` });
      seen.add(p.id);
    });
  });
export type RunRecord = z.infer<typeof runRecordSchema>;

/** Parses an archived run, throwing one message that names the file and every offending field. */
export function parseRunRecord(data: unknown, fileName: string): RunRecord {
  const parsed = runRecordSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  throw new Error(`${fileName} does not match the run-record schema:\n${lines.join('\n')}`);
}
