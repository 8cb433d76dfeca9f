/**
 * One crash cycle and one (configuration, fault) pair, for every engine: start runs that stand at each moment,
 * crash the deployment, bring it back, release the runs that wait for an event, wait for every run to end or for
 * the bound, and observe each run from the ledger and the engine's own view. The matrix file is merged and written
 * here too, validated, and archived.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLedger, type LedgerEntry } from '../../src/probes/core/ledger.ts';
import { SLEEP_MS, STEPS } from '../../src/faults/core.ts';
import { FAULTS_FILE, FAULTS_SCHEMA_VERSION, parseFaultMatrix, type Crash, type Fault, type FaultConfiguration, type FaultMatrix, type FaultMoment, type FaultPair, type FaultRun } from '../../src/schema.ts';
import { cellsOf, crashRecord, injectFault, LAST_STEP, observeRun, restoreDeployment, type LabDeployment, type TrackedRun } from './faults.ts';

/** The moments whose runs are started before the crash and must stand at their moment when it comes. */
const STANDING: FaultMoment[] = ['step', 'sleep', 'event'];
/** How long runs may take to reach their moment before the cycle gives up. */
const REACH_TIMEOUT_MS = 30_000;
/** A pause once every run stands at its moment, so the engine has recorded each sleep and wait. */
const SETTLE_MS = 500;

export interface CycleOptions {
  runsPerMoment: number;
  /** A run not completed this long after it could go on counts as not completing. */
  completionBoundMs: number;
}

const mark = (e: LedgerEntry) => e.data as { tag?: string; step?: string };
const has = (ledger: LedgerEntry[], tag: string, effect: string, step: string) => ledger.some((e) => e.effect === effect && mark(e).tag === tag && mark(e).step === step);
const first = (ledger: LedgerEntry[], tag: string, effect: string, step: string) => ledger.find((e) => e.effect === effect && mark(e).tag === tag && mark(e).step === step);

/** Polls the ledger until `done` holds for it, or throws after `timeoutMs`. */
async function untilLedger(file: string, timeoutMs: number, what: string, done: (ledger: LedgerEntry[]) => boolean): Promise<LedgerEntry[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ledger = readLedger(file);
    if (done(ledger)) return ledger;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether a run stands at its moment: mid-way through its long step, or past its first step (asleep, waiting). */
function standing(ledger: LedgerEntry[], tag: string, moment: FaultMoment): boolean {
  return moment === 'step' ? has(ledger, tag, 'step started', STEPS.long) : has(ledger, tag, 'step completed', STEPS.first);
}

/** One crash: what it caught and what became of it. */
export async function crashCycle(dep: LabDeployment, fault: Fault, crash: number, ledgerFile: string, prefix: string, options: CycleOptions): Promise<{ crash: Crash; runs: FaultRun[] }> {
  const nonce = randomBytes(3).toString('hex');
  const tagOf = (moment: FaultMoment, k: number) => `${prefix}.${crash}.${moment}.${k}.${nonce}`;
  const runs: (TrackedRun & { handle: unknown })[] = [];
  // 1. Runs of every standing moment, started together; then wait until each stands at its moment.
  await Promise.all(
    STANDING.flatMap((moment) =>
      Array.from({ length: options.runsPerMoment }, async (_, k) => {
        const tag = tagOf(moment, k + 1);
        runs.push({ tag, moment, crash, handle: await dep.begin(tag, moment) });
      }),
    ),
  );
  const ledger = await untilLedger(ledgerFile, REACH_TIMEOUT_MS, 'not every run reached its moment', (l) => runs.every((r) => standing(l, r.tag, r.moment)));
  for (const r of runs) if (r.moment === 'sleep') r.dueAt = first(ledger, r.tag, 'step completed', STEPS.first)!.at + SLEEP_MS;
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  // 2. Fresh triggers, acknowledged by the engine; the crash follows the last acknowledgement at once.
  await Promise.all(
    Array.from({ length: options.runsPerMoment }, async (_, k) => {
      const tag = tagOf('trigger', k + 1);
      runs.push({ tag, moment: 'trigger', crash, handle: await dep.begin(tag, 'trigger') });
    }),
  );
  const timeline = await injectFault(dep, fault);
  // 3. Back up: send the events the waiting runs wait for, as their producer would.
  for (const r of runs.filter((x) => x.moment === 'event')) {
    r.releasedAt = Date.now();
    await dep.release(r.handle);
  }
  // 4. Wait until every run has done its last step, or until the bound has passed for each.
  const boundOf = (r: TrackedRun) => Math.max(timeline.recoveredAt, r.dueAt ?? 0, r.releasedAt ?? 0) + options.completionBoundMs;
  const deadline = Math.max(...runs.map(boundOf));
  let final = readLedger(ledgerFile);
  while (Date.now() < deadline && !runs.every((r) => has(final, r.tag, 'step completed', LAST_STEP))) {
    await new Promise((r) => setTimeout(r, 200));
    final = readLedger(ledgerFile);
  }
  const settledAt = Date.now();
  // 5. A process that came back and then exited by itself is recorded, and started again to ask the engine.
  const exitedLater = await restoreDeployment(dep);
  // 6. What the engine says about each run, and what each run did.
  const observed = await Promise.all(
    runs.map(async (r) => observeRun(r, final, timeline.recoveredAt, await dep.view(r.handle).catch((e: Error) => `unreadable: ${e.message.slice(0, 120)}`))),
  );
  return { crash: crashRecord(crash, timeline, settledAt, exitedLater), runs: observed };
}

/** One (configuration, fault) pair: `crashes` crash cycles on the same deployment. */
export async function measurePair(dep: LabDeployment, config: string, fault: Fault, runId: string, crashes: number, ledgerFile: string, options: CycleOptions, progress: (line: string) => void): Promise<FaultPair> {
  const crashRecords: Crash[] = [];
  const observed: FaultRun[] = [];
  try {
    for (let i = 1; i <= crashes; i++) {
      const started = Date.now();
      const { crash, runs } = await crashCycle(dep, fault, i, ledgerFile, `${config}.${fault.id}`, options);
      crashRecords.push(crash);
      observed.push(...runs);
      const count = (o: FaultRun['outcome']) => runs.filter((r) => r.outcome === o).length;
      progress(
        `${config} ${fault.id} crash ${i}/${crashes}: back in ${(crash.recoveredMs / 1000).toFixed(1)}s${crash.collateral.length ? ` (also restarted: ${crash.collateral.join(', ')})` : ''}` +
          `${crash.exitedLater.length ? ` (exited by themselves later: ${crash.exitedLater.join(', ')})` : ''}; ` +
          `${count('completed')}/${runs.length} completed, ${count('lost')} lost, ${count('stuck')} stuck, ${runs.filter((r) => r.repeatedSteps.length).length} with repeated steps (${((Date.now() - started) / 1000).toFixed(1)}s)`,
      );
    }
    return { fault, runId, crashes: crashRecords, cells: cellsOf(observed) };
  } catch (e) {
    const message = (e as Error).message;
    progress(`${config} ${fault.id}: ERROR ${message}`);
    // Whatever broke, the next pair starts from a whole deployment, if it can be had.
    await restoreDeployment(dep).catch(() => {});
    return { fault, runId, crashes: crashRecords, cells: observed.length ? cellsOf(observed).filter((c) => c.runs > 0) : [], error: message };
  }
}

/**
 * Puts a run's configurations over the previous matrix: a pair measured now replaces the same pair of the earlier
 * file; pairs not measured keep theirs and the run that measured them; runs no pair refers to are dropped.
 */
export function mergeMatrix(previous: FaultMatrix | null, fresh: FaultMatrix & { run: FaultMatrix['runs'][number] }): FaultMatrix {
  const configurations = new Map<string, FaultConfiguration>();
  for (const c of previous?.configurations ?? []) configurations.set(c.id, c);
  for (const c of fresh.configurations) {
    const before = configurations.get(c.id);
    const pairs = new Map((before?.pairs ?? []).map((p) => [p.fault.id, p]));
    for (const p of c.pairs) pairs.set(p.fault.id, p);
    configurations.set(c.id, { ...c, pairs: [...pairs.values()] });
  }
  const ordered = [...configurations.values()];
  const used = new Set(ordered.flatMap((c) => c.pairs.map((p) => p.runId)));
  const runs = [...(previous?.runs ?? []).filter((r) => r.id !== fresh.run.id), fresh.run].filter((r) => used.has(r.id));
  const { run, runs: _own, ...rest } = fresh;
  return { ...rest, schemaVersion: FAULTS_SCHEMA_VERSION, runs: runs.length ? runs : [run], configurations: ordered };
}

/** Reads and validates an engine's matrix; null when there is none yet. */
export function readMatrix(engineDir: string): FaultMatrix | null {
  const file = join(engineDir, FAULTS_FILE);
  if (!existsSync(file)) return null;
  return parseFaultMatrix(JSON.parse(readFileSync(file, 'utf8')), file);
}

/** Validates, then writes `<engineDir>/faults.json` through a temporary file and a rename. */
export function writeMatrix(engineDir: string, matrix: FaultMatrix): string {
  const file = join(engineDir, FAULTS_FILE);
  const valid = parseFaultMatrix(matrix, file);
  mkdirSync(engineDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(valid, null, 2) + '\n');
  renameSync(temp, file);
  return file;
}

/**
 * Archives one run's own matrix as `<engineDir>/history/faults/<runId>.json`, written once and never replaced (a
 * folder of its own: the probe archive beside it holds run records of another schema).
 */
export function archiveMatrix(engineDir: string, runId: string, matrix: FaultMatrix): string {
  const dir = join(engineDir, 'history', 'faults');
  const file = join(dir, `${runId}.json`);
  const valid = parseFaultMatrix(matrix, file);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${runId}.json.${process.pid}.tmp`);
  writeFileSync(temp, JSON.stringify(valid, null, 2) + '\n');
  try {
    linkSync(temp, file);
  } finally {
    rmSync(temp, { force: true });
  }
  return file;
}
