/**
 * The results contract between the runner (which writes `results/<category>.json`) and the site (which reads it).
 * Both sides parse with this schema, so malformed data fails loudly, naming the file and the field.
 * This module imports only zod.
 */
import { z } from 'zod';

/** The current version of results files and run records. Version 1 records stay in the archive as written. */
export const SCHEMA_VERSION = 2;
/** The version archived runs were written in before results were keyed by engine and kept their trials. */
export const LEGACY_SCHEMA_VERSION = 1;

/** The engines this report can measure; a results folder and a probe folder per engine. */
export const engineIdSchema = z.enum(['inngest', 'temporal']);
export type EngineId = z.infer<typeof engineIdSchema>;

/** pass: evidence matches what was expected; fail: evidence contradicts it; error: the probe or harness broke;
 *  skipped: not observable here (a reason is required). */
export const verdictSchema = z.enum(['pass', 'fail', 'error', 'skipped']);
export type Verdict = z.infer<typeof verdictSchema>;

/** A criterion's verdict over its trials: the one they all reached, or `mixed` when they disagree. */
export const agreedVerdictSchema = z.enum(['pass', 'fail', 'error', 'skipped', 'mixed']);
export type AgreedVerdict = z.infer<typeof agreedVerdictSchema>;

const isoDate = z.iso.datetime({ offset: true });

/**
 * One expectation and what was observed, both rendered as text for readers. `config` is the index, in the
 * result's `configs`, of the engine configuration the observation was made under.
 */
export const trialCheckSchema = z.strictObject({
  name: z.string().min(1),
  expected: z.string(),
  observed: z.string(),
  ok: z.boolean(),
  config: z.int().nonnegative(),
});
export type TrialCheck = z.infer<typeof trialCheckSchema>;

/**
 * A check over all trials: `held` of `seen` trials made it and saw it hold (a trial that ended before reaching
 * it did not see it); `observations` is what each of those trials observed, in trial order. `observed` is the
 * one value when they all agree, otherwise the values joined for reading. `ok` only when it held in every trial.
 */
export const checkSchema = z
  .strictObject({
    name: z.string().min(1),
    expected: z.string(),
    observed: z.string(),
    ok: z.boolean(),
    config: z.int().nonnegative(),
    held: z.int().nonnegative(),
    seen: z.int().positive(),
    observations: z.array(z.string()).min(1),
  })
  .superRefine((c, ctx) => {
    if (c.held > c.seen) ctx.addIssue({ code: 'custom', path: ['held'], message: 'held in more trials than saw the check' });
    if (c.observations.length !== c.seen) ctx.addIssue({ code: 'custom', path: ['observations'], message: 'one observation per trial that saw the check' });
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

/**
 * A measurement: a single value, or the distribution of many samples, never both. `trials` says how many trials
 * its samples were pooled from (a value measured in three trials becomes a distribution of three); `config` as
 * for checks.
 */
export const metricSchema = z.union([
  z.strictObject({ name: z.string().min(1), unit: z.string().min(1), value: z.number(), trials: z.int().positive(), config: z.int().nonnegative() }),
  z.strictObject({ name: z.string().min(1), unit: z.string().min(1), summary: summarySchema, trials: z.int().positive(), config: z.int().nonnegative() }),
]);
export type Metric = z.infer<typeof metricSchema>;

/** The SDK a probe's code used. */
export const sdkSchema = z.strictObject({ package: z.string().min(1), version: z.string().min(1) });

/**
 * One configuration of the engine that a probe ran against: the engine, its version, the mode it ran in with its
 * flags (free ports, keys and paths masked), where its state lived, and the SDK the probe used.
 */
export const engineConfigSchema = z.strictObject({
  engine: engineIdSchema,
  version: z.string().min(1),
  /** How the runner got the engine: a binary it started, or a server already running at a URL. */
  source: z.enum(['started', 'external']),
  /** The server's way of running, in the driver's words (for Inngest: dev, dev-persist, self-hosted, …). */
  mode: z.string().min(1),
  flags: z.array(z.string()),
  /** Where run state lived, in the driver's words. */
  stateStore: z.string().min(1),
  sdk: sdkSchema,
});
export type EngineConfig = z.infer<typeof engineConfigSchema>;

/** Provenance of one invocation of the runner: machine, commit, command and time. */
export const runSchema = z.strictObject({
  id: z.string().min(1),
  engine: engineIdSchema,
  startedAt: isoDate,
  finishedAt: isoDate,
  durationMs: z.number().nonnegative(),
  command: z.string().min(1),
  /** Trials each probe was run in. */
  trials: z.int().positive(),
  node: z.string().min(1),
  os: z.string().min(1),
  cpus: z.int().positive(),
  gitCommit: z.string().min(1),
});
export type RunInfo = z.infer<typeof runSchema>;

/** The outcome rules every verdict obeys, for a trial and for the agreed result alike. */
function refineOutcome(
  p: { verdict: string; checks: { ok: boolean }[]; skipReason?: string; error?: { message: string } },
  ctx: z.RefinementCtx,
): void {
  if (p.verdict === 'skipped' && !p.skipReason)
    ctx.addIssue({ code: 'custom', path: ['skipReason'], message: 'a skipped probe must give its reason' });
  if (p.verdict === 'error' && !p.error)
    ctx.addIssue({ code: 'custom', path: ['error'], message: 'an errored probe must carry its error' });
  if (p.verdict === 'pass' && (p.checks.length === 0 || p.checks.some((c) => !c.ok)))
    ctx.addIssue({ code: 'custom', path: ['verdict'], message: 'pass needs at least one check and every check ok' });
  if (p.verdict === 'fail' && !p.checks.some((c) => !c.ok))
    ctx.addIssue({ code: 'custom', path: ['verdict'], message: 'fail needs at least one failed check' });
}

/** One trial of a probe: a whole run of its scenario with fresh workers. */
export const trialSchema = z
  .strictObject({
    verdict: verdictSchema,
    durationMs: z.number().nonnegative(),
    checks: z.array(trialCheckSchema),
    metrics: z.array(metricSchema),
    notes: z.array(z.string()),
    skipReason: z.string().min(1).optional(),
    error: z.strictObject({ message: z.string().min(1) }).optional(),
  })
  .superRefine(refineOutcome);
export type Trial = z.infer<typeof trialSchema>;

export const probeResultSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z]{2}-\d{2}$/, 'a criterion id such as EX-01'),
    engine: engineIdSchema,
    /** The run (see `runs`) that produced this result. */
    runId: z.string().min(1),
    /** What every trial agreed on, or `mixed` when they did not (no majority decides). */
    verdict: agreedVerdictSchema,
    /** The median trial's duration. */
    durationMs: z.number().nonnegative(),
    checks: z.array(checkSchema),
    metrics: z.array(metricSchema),
    /** Every distinct note of the trials, in the order they were first made. */
    notes: z.array(z.string()),
    /** Why the probe was skipped; required when every trial skipped. */
    skipReason: z.string().min(1).optional(),
    /** What broke; required when every trial errored. */
    error: z.strictObject({ message: z.string().min(1) }).optional(),
    /** Every engine configuration the checks and metrics were made under; each names its index here. */
    configs: z.array(engineConfigSchema).min(1, 'a result must record the engine configuration it ran against'),
    trials: z.array(trialSchema).min(1),
    /** Path of the probe file, relative to the project root. */
    source: z.string().min(1),
    /** sha256 of the probe file when it ran; the site flags results older than their probe's source. */
    sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .superRefine((p, ctx) => {
    refineOutcome(p, ctx);
    const verdicts = new Set(p.trials.map((t) => t.verdict));
    const agreed = verdicts.size === 1 ? [...verdicts][0] : 'mixed';
    if (p.verdict !== agreed)
      ctx.addIssue({ code: 'custom', path: ['verdict'], message: `the trials' verdicts are ${[...verdicts].join(', ')}, so the verdict must be ${agreed}` });
    const refs = [...p.checks, ...p.metrics, ...p.trials.flatMap((t) => [...t.checks, ...t.metrics])].map((x) => x.config);
    if (refs.some((i) => i >= p.configs.length))
      ctx.addIssue({ code: 'custom', path: ['configs'], message: 'a check or metric names a configuration the result does not record' });
    if (p.configs.some((c) => c.engine !== p.engine))
      ctx.addIssue({ code: 'custom', path: ['configs'], message: `every configuration must be of engine ${p.engine}` });
    p.checks.forEach((c, i) => {
      if (c.seen > p.trials.length) ctx.addIssue({ code: 'custom', path: ['checks', i, 'seen'], message: 'seen in more trials than were run' });
    });
  });
export type ProbeResult = z.infer<typeof probeResultSchema>;

/** One results file, `results/<engine>/<category>.json`: every probe of a category, and the runs that made them. */
export const resultsFileSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    engine: engineIdSchema,
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
      if (p.engine !== f.engine)
        ctx.addIssue({ code: 'custom', path: ['probes', i, 'engine'], message: `${p.id} is a result of ${p.engine}, not ${f.engine}` });
    });
    f.runs.forEach((r, i) => {
      if (r.engine !== f.engine) ctx.addIssue({ code: 'custom', path: ['runs', i, 'engine'], message: `run ${r.id} measured ${r.engine}, not ${f.engine}` });
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
 * One archived run, `results/<engine>/history/<runId>.json`: the provenance of one invocation of the runner and
 * every probe result it produced, written once and never rewritten. The latest files hold only each probe's newest
 * result; the archive keeps them all.
 */
export const runRecordSchema = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION),
    run: runSchema,
    probes: z.array(probeResultSchema).min(1),
  })
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.probes.forEach((p, i) => {
      if (p.runId !== r.run.id)
        ctx.addIssue({ code: 'custom', path: ['probes', i, 'runId'], message: `"${p.runId}" is not this record's run "${r.run.id}"` });
      if (p.engine !== r.run.engine)
        ctx.addIssue({ code: 'custom', path: ['probes', i, 'engine'], message: `${p.id} is a result of ${p.engine}, not ${r.run.engine}` });
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['probes', i, 'id'], message: `duplicate ${p.id}` });
      seen.add(p.id);
    });
  });
export type RunRecord = z.infer<typeof runRecordSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Version 1: the records archived before results were keyed by engine. They stay as written; `upgradeRecord`
// reads them as one-trial version-2 records, taking the run's (only) engine description as each result's config.

const legacyEngineSchema = z.strictObject({
  kind: z.enum(['dev', 'self-hosted']),
  source: z.enum(['started', 'external']),
  serverVersion: z.string().min(1),
  flags: z.array(z.string()),
  stateStore: z.string().min(1),
});

const legacyRunSchema = z.strictObject({
  id: z.string().min(1),
  startedAt: isoDate,
  finishedAt: isoDate,
  durationMs: z.number().nonnegative(),
  command: z.string().min(1),
  engine: legacyEngineSchema,
  sdkVersion: z.string().min(1),
  node: z.string().min(1),
  os: z.string().min(1),
  cpus: z.int().positive(),
  gitCommit: z.string().min(1),
});

const legacyCheckSchema = z.strictObject({ name: z.string().min(1), expected: z.string(), observed: z.string(), ok: z.boolean() });
const legacyMetricSchema = z.union([
  z.strictObject({ name: z.string().min(1), unit: z.string().min(1), value: z.number() }),
  z.strictObject({ name: z.string().min(1), unit: z.string().min(1), summary: summarySchema }),
]);

const legacyProbeResultSchema = z
  .strictObject({
    id: z.string().regex(/^[A-Z]{2}-\d{2}$/),
    runId: z.string().min(1),
    verdict: verdictSchema,
    durationMs: z.number().nonnegative(),
    checks: z.array(legacyCheckSchema),
    metrics: z.array(legacyMetricSchema),
    notes: z.array(z.string()),
    skipReason: z.string().min(1).optional(),
    error: z.strictObject({ message: z.string().min(1) }).optional(),
    source: z.string().min(1),
    sourceHash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .superRefine(refineOutcome);

/** A run archived in version 1, before engines and trials: Inngest only, one trial, the run's last engine state. */
export const legacyRunRecordSchema = z.strictObject({
  schemaVersion: z.literal(LEGACY_SCHEMA_VERSION),
  run: legacyRunSchema,
  probes: z.array(legacyProbeResultSchema).min(1),
  /** On records rebuilt by `npm run history:backfill` from committed results files: the commits they came from. */
  backfilledFrom: z.array(z.string().regex(/^[0-9a-f]{40}$/)).min(1).optional(),
});
export type LegacyRunRecord = z.infer<typeof legacyRunRecordSchema>;

/** Any archived run, as written. */
export const archivedRunSchema = z.union([runRecordSchema, legacyRunRecordSchema]);
export type ArchivedRun = z.infer<typeof archivedRunSchema>;

/** How a version-1 record's single engine description reads as a configuration. */
const LEGACY_MODE = { dev: 'dev', 'self-hosted': 'self-hosted' } as const;

/**
 * Reads any archived run as a version-2 record. A version-1 record becomes one trial per result, each result's
 * configuration being what the version-1 run recorded (the server as the run ended, which is all it kept), and
 * says so through `legacy`.
 */
export function upgradeRecord(record: ArchivedRun): RunRecord & { legacy?: { backfilledFrom?: string[] } } {
  if (record.schemaVersion === SCHEMA_VERSION) return record;
  const { run } = record;
  const config: EngineConfig = {
    engine: 'inngest',
    version: run.engine.serverVersion,
    source: run.engine.source,
    mode: LEGACY_MODE[run.engine.kind],
    flags: run.engine.flags,
    stateStore: run.engine.stateStore,
    sdk: { package: 'inngest', version: run.sdkVersion },
  };
  return {
    schemaVersion: SCHEMA_VERSION,
    run: {
      id: run.id, engine: 'inngest', startedAt: run.startedAt, finishedAt: run.finishedAt, durationMs: run.durationMs,
      command: run.command, trials: 1, node: run.node, os: run.os, cpus: run.cpus, gitCommit: run.gitCommit,
    },
    probes: record.probes.map((p) => {
      const checks = p.checks.map((c) => ({ ...c, config: 0 }));
      const metrics = p.metrics.map((m) => ({ ...m, trials: 1, config: 0 }));
      const outcome = { ...(p.skipReason ? { skipReason: p.skipReason } : {}), ...(p.error ? { error: p.error } : {}) };
      return {
        id: p.id, engine: 'inngest' as const, runId: p.runId, verdict: p.verdict, durationMs: p.durationMs,
        checks: checks.map((c) => ({ ...c, held: c.ok ? 1 : 0, seen: 1, observations: [c.observed] })),
        metrics, notes: p.notes, ...outcome, configs: [config],
        trials: [{ verdict: p.verdict, durationMs: p.durationMs, checks, metrics, notes: p.notes, ...outcome }],
        source: p.source, sourceHash: p.sourceHash,
      };
    }),
    legacy: record.backfilledFrom ? { backfilledFrom: record.backfilledFrom } : {},
  };
}

/** Parses an archived run of either version, throwing one message that names the file and every offending field. */
export function parseArchivedRun(data: unknown, fileName: string): ArchivedRun {
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion;
  const schema = version === LEGACY_SCHEMA_VERSION ? legacyRunRecordSchema : runRecordSchema;
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  throw new Error(`${fileName} does not match the run-record schema (version ${String(version)}):\n${lines.join('\n')}`);
}

/** Parses a version-2 run record (what the runner writes), throwing one message that names the file and field. */
export function parseRunRecord(data: unknown, fileName: string): RunRecord {
  const parsed = runRecordSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  throw new Error(`${fileName} does not match the run-record schema:\n${lines.join('\n')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// The fault matrix: `results/<engine>/faults.json` (and its archived copies in `results/<engine>/history/faults/`),
// written by `npm run faults`. Configuration × fault × moment; each cell keeps every run it observed, so its counts
// can be re-derived by a reader, and the schema checks that they were.

/** The name of an engine's fault-matrix file in its results folder; results loaders leave it to the matrix's own. */
export const FAULTS_FILE = 'faults.json';
/** The version of the fault-matrix file. */
export const FAULTS_SCHEMA_VERSION = 1;

/** The processes of a self-hosted deployment that a fault can hit. */
export const faultRoleSchema = z.enum(['worker', 'server', 'redis', 'postgres']);
export type FaultRole = z.infer<typeof faultRoleSchema>;
/** SIGKILL of the process (and its children) then a start, or a graceful stop (SIGTERM; PostgreSQL's SIGINT) then a start. */
export const faultKindSchema = z.enum(['sigkill', 'graceful']);
export type FaultKind = z.infer<typeof faultKindSchema>;
/** When in a run the crash hits it. */
export const faultMomentSchema = z.enum(['step', 'sleep', 'event', 'trigger']);
export type FaultMoment = z.infer<typeof faultMomentSchema>;
/** A cell at a glance, worst first: runs lost, runs that never completed, completed steps run again, or all held. */
export const cellOutcomeSchema = z.enum(['lost', 'stuck', 'repeated', 'held']);
export type CellOutcome = z.infer<typeof cellOutcomeSchema>;

export const faultSchema = z.strictObject({
  /** e.g. `sigkill-server`, `graceful-all`. */
  id: z.string().regex(/^(sigkill|graceful)-(worker|server|redis|postgres|all)$/),
  kind: faultKindSchema,
  target: z.union([faultRoleSchema, z.literal('all')]),
});
export type Fault = z.infer<typeof faultSchema>;

/** What happened to one run caught by a crash. */
export const faultRunSchema = z
  .strictObject({
  /** The run's own tag (in its trigger's data and every ledger line it wrote). */
  tag: z.string().min(1),
  moment: faultMomentSchema,
  /** Which crash of the pair (1-based) caught it. */
  crash: z.int().positive(),
  /** completed: its last step completed within the bound; lost: the engine no longer knows it (its view reads `absent…`); stuck: otherwise. */
  outcome: z.enum(['completed', 'stuck', 'lost']),
  /** What the engine said about the run at the end of the bound: its status, or `absent…` with what it still had. */
  engineView: z.string().min(1),
  /** Steps that had completed and were executed again, with how many extra executions each. */
  repeatedSteps: z.array(z.strictObject({ step: z.string().min(1), extraExecutions: z.int().positive() })),
  /** Interrupted steps started again (expected after a crash mid-step; not repeated completed work). */
  interruptedRestarts: z.int().nonnegative(),
  /** From the due time of its timer to the step after it (sleep moment only). */
  timerLatenessMs: z.number().optional(),
  /** From recovery (or the first moment the run could legitimately go on) to its first step after it. */
  resumeMs: z.number().optional(),
  })
  .superRefine((r, ctx) => {
    if (r.outcome === 'lost' && !r.engineView.startsWith('absent'))
      ctx.addIssue({ code: 'custom', path: ['outcome'], message: `a run the engine still reports (${r.engineView}) is not lost` });
    if (r.timerLatenessMs !== undefined && r.moment !== 'sleep')
      ctx.addIssue({ code: 'custom', path: ['timerLatenessMs'], message: 'only a run caught asleep has a timer' });
  });
export type FaultRun = z.infer<typeof faultRunSchema>;

/** One crash: when it was injected, when each process it hit was back, and what else died by itself. */
export const crashSchema = z.strictObject({
  crash: z.int().positive(),
  injectedAt: isoDate,
  /** ms from injection until each restarted process was ready again, in start order. */
  back: z.array(z.strictObject({ role: faultRoleSchema, readyMs: z.number().nonnegative() })),
  /** ms from injection until the whole deployment was ready again (including re-syncing the worker). */
  recoveredMs: z.number().nonnegative(),
  /** Processes the fault did not target that exited by themselves and had to be started again. */
  collateral: z.array(faultRoleSchema),
  /** ms from recovery until every run of the crash had ended or the bound had passed. */
  settledMs: z.number().nonnegative(),
  /** Processes that were back after the crash but had exited by themselves when the runs settled (started again before the next crash). */
  exitedLater: z.array(faultRoleSchema).default([]),
});
export type Crash = z.infer<typeof crashSchema>;

/** One cell: a configuration, a fault, a moment, and every run observed in it. */
export const faultCellSchema = z
  .strictObject({
    moment: faultMomentSchema,
    outcome: cellOutcomeSchema,
    runs: z.int().nonnegative(),
    crashes: z.int().nonnegative(),
    lost: z.strictObject({ runs: z.int().nonnegative(), crashes: z.int().nonnegative(), tags: z.array(z.string()) }),
    stuck: z.strictObject({ runs: z.int().nonnegative(), crashes: z.int().nonnegative(), tags: z.array(z.string()) }),
    repeated: z.strictObject({ runs: z.int().nonnegative(), crashes: z.int().nonnegative(), extraExecutions: z.int().nonnegative(), tags: z.array(z.string()) }),
    timerLatenessMs: summarySchema.optional(),
    resumeMs: summarySchema.optional(),
    observed: z.array(faultRunSchema),
  })
  .superRefine((c, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (c.observed.length !== c.runs) issue('runs', `says ${c.runs} runs but lists ${c.observed.length}`);
    if (c.observed.some((r) => r.moment !== c.moment)) issue('observed', `a run of another moment in the ${c.moment} cell`);
    const crashes = (rs: FaultRun[]) => new Set(rs.map((r) => r.crash)).size;
    if (crashes(c.observed) !== c.crashes) issue('crashes', `says ${c.crashes} crashes but its runs come from ${crashes(c.observed)}`);
    const lost = c.observed.filter((r) => r.outcome === 'lost');
    const stuck = c.observed.filter((r) => r.outcome === 'stuck');
    const repeated = c.observed.filter((r) => r.repeatedSteps.length > 0);
    if (c.lost.runs !== lost.length || c.lost.crashes !== crashes(lost)) issue('lost', 'does not match the runs observed');
    if (c.stuck.runs !== stuck.length || c.stuck.crashes !== crashes(stuck)) issue('stuck', 'does not match the runs observed');
    const extra = repeated.reduce((n, r) => n + r.repeatedSteps.reduce((m, s) => m + s.extraExecutions, 0), 0);
    if (c.repeated.runs !== repeated.length || c.repeated.crashes !== crashes(repeated) || c.repeated.extraExecutions !== extra)
      issue('repeated', 'does not match the runs observed');
    const worst: CellOutcome = lost.length ? 'lost' : stuck.length ? 'stuck' : repeated.length ? 'repeated' : 'held';
    if (c.runs > 0 && c.outcome !== worst) issue('outcome', `the runs observed make it ${worst}, not ${c.outcome}`);
  });
export type FaultCell = z.infer<typeof faultCellSchema>;

/** One (configuration, fault) pair: its crashes and a cell per moment. */
export const faultPairSchema = z
  .strictObject({
    fault: faultSchema,
    /** The run (see the matrix's `runs`) that measured this pair. */
    runId: z.string().min(1),
    crashes: z.array(crashSchema),
    cells: z.array(faultCellSchema),
    /** What broke in the harness, if the pair could not be measured whole. */
    error: z.string().min(1).optional(),
  })
  .superRefine((p, ctx) => {
    if (!p.error && p.cells.length !== faultMomentSchema.options.length)
      ctx.addIssue({ code: 'custom', path: ['cells'], message: 'a pair measured whole has a cell for every moment' });
    const known = new Set(p.crashes.map((c) => c.crash));
    p.cells.forEach((c, i) => {
      if (c.observed.some((r) => !known.has(r.crash))) ctx.addIssue({ code: 'custom', path: ['cells', i], message: 'a run names a crash the pair does not record' });
    });
  });
export type FaultPair = z.infer<typeof faultPairSchema>;

/** A process of a configuration as it was started: its role and command line (ports, keys and paths masked). */
export const deployedProcessSchema = z.strictObject({ role: faultRoleSchema, command: z.array(z.string()) });

/** One self-hosted configuration of the engine, its exact setup, and the pairs measured on it. */
export const faultConfigurationSchema = z.strictObject({
  /** e.g. `start-redis-aof-everysec`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  engineConfig: engineConfigSchema,
  processes: z.array(deployedProcessSchema).min(1),
  pairs: z.array(faultPairSchema),
  /** Faults that cannot occur in this configuration, and why. */
  omitted: z.array(z.strictObject({ fault: z.string().min(1), reason: z.string().min(1) })),
  /** What broke, when the configuration could not be started at all. */
  error: z.string().min(1).optional(),
});
export type FaultConfiguration = z.infer<typeof faultConfigurationSchema>;

/** `results/<engine>/faults.json`: the matrix of one run of `npm run faults`. */
export const faultMatrixSchema = z
  .strictObject({
    schemaVersion: z.literal(FAULTS_SCHEMA_VERSION),
    engine: engineIdSchema,
    /** The runs whose pairs the matrix holds (a run with `--only` replaces only the pairs it measured). */
    runs: z.array(runSchema).min(1),
    /** The scenario module the runs came from, and its sha256 when it ran. */
    scenario: z.strictObject({ source: z.string().min(1), sourceHash: z.string().regex(/^[0-9a-f]{64}$/) }),
    /** The deliberate timings and bounds every cell was measured under. */
    bounds: z.strictObject({
      crashesPerPair: z.int().positive(),
      runsPerMomentPerCrash: z.int().positive(),
      stepMs: z.int().positive(),
      sleepMs: z.int().positive(),
      /** A run not completed this long after recovery (after its timer was due, for sleeps) counts as not completing. */
      completionBoundMs: z.int().positive(),
    }),
    configurations: z.array(faultConfigurationSchema),
    /** Configurations that were not run here, and why (with a source where one says so). */
    omittedConfigurations: z.array(z.strictObject({ id: z.string().min(1), reason: z.string().min(1), source: z.url().optional() })),
    notes: z.array(z.string()),
  })
  .superRefine((m, ctx) => {
    m.runs.forEach((r, i) => {
      if (r.engine !== m.engine) ctx.addIssue({ code: 'custom', path: ['runs', i, 'engine'], message: `run ${r.id} measured ${r.engine}, not ${m.engine}` });
    });
    const runIds = new Set(m.runs.map((r) => r.id));
    m.configurations.forEach((c, i) => {
      if (c.engineConfig.engine !== m.engine) ctx.addIssue({ code: 'custom', path: ['configurations', i, 'engineConfig'], message: `a configuration of ${c.engineConfig.engine}` });
      c.pairs.forEach((p, j) => {
        if (!runIds.has(p.runId)) ctx.addIssue({ code: 'custom', path: ['configurations', i, 'pairs', j, 'runId'], message: `no run "${p.runId}" in runs` });
      });
      const ids = c.pairs.map((p) => p.fault.id);
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: ['configurations', i, 'pairs'], message: 'a fault measured twice in one configuration' });
    });
  });
export type FaultMatrix = z.infer<typeof faultMatrixSchema>;

/** Parses a fault-matrix file, throwing one message that names the file and every offending field. */
export function parseFaultMatrix(data: unknown, fileName: string): FaultMatrix {
  const parsed = faultMatrixSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
  throw new Error(`${fileName} does not match the fault-matrix schema:\n${lines.join('\n')}`);
}
