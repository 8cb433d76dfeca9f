/**
 * Fault injection, once for every engine: a deployment is a set of named processes (state stores, server, worker),
 * each of which can be killed with SIGKILL or stopped gracefully and started again. `injectFault` hits the ones a
 * fault names, brings them back in start order, and times when each was ready. The rest of this module turns what
 * the ledger and the engine said about each run into the matrix's cells.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, type WriteStream } from 'node:fs';
import { connect } from 'node:net';
import type { LedgerEntry } from '../../src/probes/core/ledger.ts';
import type { CellOutcome, Crash, EngineConfig, EngineId, Fault, FaultCell, FaultKind, FaultMoment, FaultRole, FaultRun } from '../../src/schema.ts';
import { faultMomentSchema } from '../../src/schema.ts';
import { alive, launch } from './process.ts';
import { summarise } from './stats.ts';

/** The order processes start in: what others depend on first. Graceful stops go the other way. */
export const START_ORDER: readonly FaultRole[] = ['postgres', 'redis', 'server', 'worker'];

/** One process of a deployment, as fault injection drives it. */
export interface FaultableProcess {
  role: FaultRole;
  /** Its command line as provenance shows it (ports, keys and paths masked). */
  command: string[];
  /** Starts it and resolves once it is ready (listening, healthy, polling). */
  start(): Promise<void>;
  /** SIGKILL of the process and every process under it; resolves once they are gone. */
  kill(): Promise<void>;
  /** A graceful stop; resolves once it has exited. */
  stop(): Promise<void>;
  readonly running: boolean;
}

/** A deployment of an engine whose processes faults can hit. */
export interface Deployment {
  processes: FaultableProcess[];
  /** What a deployment does after its processes are back, as its operator would (e.g. re-sync the app). */
  afterRecovery?(): Promise<void>;
}

/** Every fault the matrix knows: SIGKILL and graceful restart of each role, and of everything at once. */
export function allFaults(): Fault[] {
  const kinds: FaultKind[] = ['sigkill', 'graceful'];
  const targets: Fault['target'][] = ['worker', 'server', 'redis', 'postgres', 'all'];
  return kinds.flatMap((kind) => targets.map((target) => ({ id: `${kind}-${target}`, kind, target })));
}

/**
 * The faults that can occur in a deployment with these roles, and the ones that cannot, each with a reason:
 * `inProcess` says, per role the deployment has no process of, where that part lives instead.
 */
export function applicableFaults(roles: FaultRole[], inProcess: Partial<Record<FaultRole, string>>): { faults: Fault[]; omitted: { fault: string; reason: string }[] } {
  const faults: Fault[] = [];
  const omitted: { fault: string; reason: string }[] = [];
  for (const fault of allFaults()) {
    if (fault.target === 'all' || roles.includes(fault.target)) faults.push(fault);
    else omitted.push({ fault: fault.id, reason: inProcess[fault.target] ?? `this configuration has no ${fault.target}` });
  }
  return { faults, omitted };
}

/** The processes a fault hits, in start order. */
export function targetsOf(fault: Fault, processes: FaultableProcess[]): FaultableProcess[] {
  const hit = fault.target === 'all' ? processes : processes.filter((p) => p.role === fault.target);
  if (hit.length === 0) throw new Error(`${fault.id}: the deployment has no ${fault.target} process`);
  return [...hit].sort((a, b) => START_ORDER.indexOf(a.role) - START_ORDER.indexOf(b.role));
}

/** When a fault was injected, when each process was back, and when the whole deployment was. */
export interface FaultTimeline {
  injectedAt: number;
  /** Wall clock when every targeted process was down. */
  downAt: number;
  back: { role: FaultRole; readyAt: number }[];
  collateral: FaultRole[];
  recoveredAt: number;
}

/**
 * Injects a fault: SIGKILLs every targeted process at once, or stops them gracefully one by one (the worker first,
 * the stores last); then starts them again in start order, each ready before the next. A process the fault did not
 * target that exited meanwhile (a server that quits when its store goes away, say) is started again too and
 * reported as collateral. `pauseMs` keeps the processes down a while, as a real outage would.
 */
export async function injectFault(deployment: Deployment, fault: Fault, pauseMs = 0): Promise<FaultTimeline> {
  const targets = targetsOf(fault, deployment.processes);
  const injectedAt = Date.now();
  if (fault.kind === 'sigkill') await Promise.all(targets.map((p) => p.kill()));
  else for (const p of [...targets].reverse()) await p.stop();
  const downAt = Date.now();
  if (pauseMs > 0) await new Promise((r) => setTimeout(r, pauseMs));
  const back: FaultTimeline['back'] = [];
  const collateral: FaultRole[] = [];
  const ordered = [...deployment.processes].sort((a, b) => START_ORDER.indexOf(a.role) - START_ORDER.indexOf(b.role));
  for (const p of ordered) {
    if (p.running) continue;
    if (!targets.includes(p)) collateral.push(p.role);
    await p.start();
    back.push({ role: p.role, readyAt: Date.now() });
  }
  // Something may have exited while the others came back (a server losing its store a moment late): once more.
  for (const p of ordered) {
    if (p.running) continue;
    if (!collateral.includes(p.role) && !targets.includes(p)) collateral.push(p.role);
    await p.start();
    back.push({ role: p.role, readyAt: Date.now() });
  }
  await deployment.afterRecovery?.();
  return { injectedAt, downAt, back, collateral, recoveredAt: Date.now() };
}

/** The pids of every process under `pid` (children, grandchildren, …), read from /proc. */
export function descendants(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The command name sits in parentheses and may hold spaces; the parent pid is the second field after it.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const child of parents.get(p) ?? []) {
      out.push(child);
      walk(child);
    }
  };
  walk(pid);
  return out;
}

/** Whether something accepts TCP connections on a loopback port. */
export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => (socket.end(), resolve(true)));
    socket.on('error', () => resolve(false));
  });
}

/** Polls `ready` until it holds, or throws after `timeoutMs`, or as soon as the process has exited. */
export async function waitUntilReady(child: ChildProcess, ready: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (code ${child.exitCode ?? child.signalCode}) before it was ready`);
    if (await ready().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} was not ready within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Shows a command line with the deployment's secrets, directories and ports as placeholders. */
export function masked(args: string[], secrets: Record<string, string>): string[] {
  return args.map((a) => Object.entries(secrets).reduce((s, [value, name]) => (value && s.includes(value) ? s.split(value).join(name) : s), a));
}

/** How to launch one process of a deployment, again and again with the same command line and directories. */
export interface ProcessSpec {
  role: FaultRole;
  command: string;
  args: string[];
  /** The command line as provenance shows it. */
  shown: string[];
  cwd: string;
  log: WriteStream;
  env?: Record<string, string>;
  as?: { uid: number; gid: number };
  /** Graceful stop signal: SIGTERM unless the program wants another (PostgreSQL's fast shutdown is SIGINT). */
  stopSignal?: NodeJS.Signals;
  /** Whether it is ready yet. */
  ready(child: ChildProcess): Promise<boolean>;
  readyTimeoutMs?: number;
  /**
   * How many times a start is tried before it fails (default 1). Only for processes of the harness (the worker):
   * an engine's server or store that does not come back is a finding, not a hiccup to retry.
   */
  startAttempts?: number;
}

/** A process of a deployment, launched from a spec; the spec's command line is kept for every restart. */
export function managedProcess(spec: ProcessSpec): FaultableProcess {
  let child: ChildProcess | null = null;
  const exit = (c: ChildProcess) => (alive(c) ? new Promise<void>((r) => c.once('exit', () => r())) : Promise.resolve());
  return {
    role: spec.role,
    command: spec.shown,
    get running() {
      return alive(child);
    },
    async start() {
      if (alive(child)) throw new Error(`${spec.role} is already running`);
      for (let attempt = 1; ; attempt++) {
        const c = launch(spec.command, spec.args, spec.cwd, spec.log, spec.env, spec.as);
        child = c;
        try {
          return await waitUntilReady(c, () => spec.ready(c), spec.readyTimeoutMs ?? 30_000, spec.role);
        } catch (e) {
          if (attempt >= (spec.startAttempts ?? 1)) throw e;
          spec.log.write(`\n--- ${spec.role} did not start (${(e as Error).message}); trying again\n`);
          if (alive(c)) c.kill('SIGKILL');
          // Its port may be held for a moment by another process's outgoing connection: give it a second.
          await new Promise((r) => setTimeout(r, 1_000));
        }
      }
    },
    async kill() {
      const c = child;
      if (!c || !alive(c)) return;
      // The whole tree: a PostgreSQL postmaster killed alone leaves its backends holding its shared memory.
      const tree = descendants(c.pid!);
      const gone = exit(c);
      c.kill('SIGKILL');
      for (const pid of tree) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      await gone;
      await waitForPids(tree);
    },
    async stop() {
      const c = child;
      if (!c || !alive(c)) return;
      const tree = descendants(c.pid!);
      const gone = exit(c);
      c.kill(spec.stopSignal ?? 'SIGTERM');
      // A graceful stop that hangs is no longer graceful: after 20 s it is recorded as what it became.
      const timer = setTimeout(() => c.kill('SIGKILL'), 20_000);
      await gone;
      clearTimeout(timer);
      await waitForPids(tree);
    },
  };
}

/** Waits (briefly) until processes that are not our children have gone too. */
async function waitForPids(pids: number[]): Promise<void> {
  const deadline = Date.now() + 5_000;
  const exists = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  while (pids.some(exists) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}

// ---------------------------------------------------------------------------------------------------------------
// From observations to cells.

/** A run as the runner tracked it: its tag and moment, and what could be known about when it could go on. */
export interface TrackedRun {
  tag: string;
  moment: FaultMoment;
  crash: number;
  /** When its timer was due (sleep moment), from the ledger: the step before the sleep completed + the sleep. */
  dueAt?: number;
  /** When the event or signal it waited for was sent (event moment). */
  releasedAt?: number;
}

/** Ledger lines scenarios write: every step records its start and its completion, with the run's tag. */
export interface StepMark {
  tag: string;
  step: string;
}

/** The step a run ends with: once it has completed, the run's work is done. */
export const LAST_STEP = 'ship order';

const markOf = (e: LedgerEntry) => e.data as StepMark;

/**
 * Completed steps executed again, and interrupted steps started again, from the ledger lines of one run: a start
 * of a step after a completion of the same step is repeated work; a further start with no completion in between
 * is a retry of an interrupted step.
 */
export function stepExecutions(entries: LedgerEntry[]): { repeatedSteps: { step: string; extraExecutions: number }[]; interruptedRestarts: number } {
  const byStep = new Map<string, LedgerEntry[]>();
  for (const e of entries) {
    if (e.effect !== 'step started' && e.effect !== 'step completed') continue;
    const step = markOf(e).step;
    byStep.set(step, [...(byStep.get(step) ?? []), e]);
  }
  const repeatedSteps: { step: string; extraExecutions: number }[] = [];
  let interruptedRestarts = 0;
  for (const [step, lines] of byStep) {
    let completed = false;
    let open = false;
    let extra = 0;
    for (const line of lines) {
      if (line.effect === 'step started') {
        if (completed) extra += 1;
        else if (open) interruptedRestarts += 1;
        open = true;
      } else {
        completed = true;
        open = false;
      }
    }
    if (extra > 0) repeatedSteps.push({ step, extraExecutions: extra });
  }
  return { repeatedSteps, interruptedRestarts };
}

/**
 * What happened to one run: its outcome (completed within the bound; lost when the engine no longer knows it, its
 * view reading `absent…`; stuck otherwise), its repeated work, its timer's lateness, and how long after recovery it moved again.
 */
export function observeRun(run: TrackedRun, ledger: LedgerEntry[], recoveredAt: number, engineView: string): FaultRun {
  const own = ledger.filter((e) => markOf(e)?.tag === run.tag).sort((a, b) => a.at - b.at);
  const completed = own.some((e) => e.effect === 'step completed' && markOf(e).step === LAST_STEP);
  const outcome: FaultRun['outcome'] = completed ? 'completed' : engineView.startsWith('absent') ? 'lost' : 'stuck';
  const { repeatedSteps, interruptedRestarts } = stepExecutions(own);
  // The earliest it could go on: recovery; later when its timer was due or its event was only sent then; later
  // still when a step that was running in a surviving worker through the crash only completed then.
  const survived = own.filter((e) => e.effect === 'step completed' && e.at >= recoveredAt && own.some((s) => s.effect === 'step started' && s.pid === e.pid && markOf(s).step === markOf(e).step && s.at < recoveredAt));
  const allowedAt = Math.max(recoveredAt, run.dueAt ?? 0, run.releasedAt ?? 0, ...survived.map((e) => e.at));
  const next = own.find((e) => e.effect === 'step started' && e.at >= allowedAt - 50);
  const afterSleep = run.dueAt ? own.find((e) => e.effect === 'step started' && markOf(e).step === LAST_STEP) : undefined;
  return {
    tag: run.tag,
    moment: run.moment,
    crash: run.crash,
    outcome,
    engineView,
    repeatedSteps,
    interruptedRestarts,
    ...(afterSleep && run.dueAt ? { timerLatenessMs: afterSleep.at - run.dueAt } : {}),
    ...(next ? { resumeMs: Math.max(0, next.at - allowedAt) } : {}),
  };
}

/** A cell from the runs observed in it: counts, the crashes they came from, tags, and the outcome at a glance. */
export function summariseCell(moment: FaultMoment, observed: FaultRun[]): FaultCell {
  const crashes = (rs: FaultRun[]) => new Set(rs.map((r) => r.crash)).size;
  const lost = observed.filter((r) => r.outcome === 'lost');
  const stuck = observed.filter((r) => r.outcome === 'stuck');
  const repeated = observed.filter((r) => r.repeatedSteps.length > 0);
  const outcome: CellOutcome = lost.length ? 'lost' : stuck.length ? 'stuck' : repeated.length ? 'repeated' : 'held';
  const lateness = observed.flatMap((r) => (r.timerLatenessMs === undefined ? [] : [r.timerLatenessMs]));
  const resume = observed.flatMap((r) => (r.resumeMs === undefined ? [] : [r.resumeMs]));
  return {
    moment,
    outcome,
    runs: observed.length,
    crashes: crashes(observed),
    lost: { runs: lost.length, crashes: crashes(lost), tags: lost.map((r) => r.tag) },
    stuck: { runs: stuck.length, crashes: crashes(stuck), tags: stuck.map((r) => r.tag) },
    repeated: {
      runs: repeated.length,
      crashes: crashes(repeated),
      extraExecutions: repeated.reduce((n, r) => n + r.repeatedSteps.reduce((m, s) => m + s.extraExecutions, 0), 0),
      tags: repeated.map((r) => r.tag),
    },
    ...(lateness.length ? { timerLatenessMs: summarise(lateness) } : {}),
    ...(resume.length ? { resumeMs: summarise(resume) } : {}),
    observed,
  };
}

/** The cells of a pair, one per moment, in the schema's order of moments. */
export function cellsOf(observed: FaultRun[]): FaultCell[] {
  return faultMomentSchema.options.map((m) => summariseCell(m, observed.filter((r) => r.moment === m)));
}

/** A crash's timeline as the results record it: times relative to the injection. */
export function crashRecord(crash: number, t: FaultTimeline, settledAt: number, exitedLater: FaultRole[] = []): Crash {
  return {
    crash,
    injectedAt: new Date(t.injectedAt).toISOString(),
    back: t.back.map((b) => ({ role: b.role, readyMs: b.readyAt - t.injectedAt })),
    recoveredMs: t.recoveredAt - t.injectedAt,
    collateral: t.collateral,
    settledMs: Math.max(0, settledAt - t.recoveredAt),
    exitedLater,
  };
}

/**
 * Starts again, in start order, every process of the deployment that is not running (one that exited by itself
 * after a recovery), so the next crash begins from a whole deployment; returns their roles.
 */
export async function restoreDeployment(deployment: Deployment): Promise<FaultRole[]> {
  const dead = deployment.processes.filter((p) => !p.running).sort((a, b) => START_ORDER.indexOf(a.role) - START_ORDER.indexOf(b.role));
  for (const p of dead) await p.start();
  if (dead.length) await deployment.afterRecovery?.();
  return dead.map((p) => p.role);
}

// ---------------------------------------------------------------------------------------------------------------
// What an engine's driver offers the fault matrix.

/** A deployment of one configuration, with the scenario's client operations bound to it. */
export interface LabDeployment extends Deployment {
  /** Per role the configuration has no process of, where that part lives instead (why its faults cannot occur). */
  inProcess: Partial<Record<FaultRole, string>>;
  /** The engine's configuration, as provenance records it. */
  describe(): EngineConfig;
  /** Starts every process in start order (and syncs the app). */
  up(): Promise<void>;
  /** Stops everything and removes its files. */
  teardown(): Promise<void>;
  /** Triggers a run; resolves once the engine acknowledged it. */
  begin(tag: string, moment: FaultMoment): Promise<unknown>;
  /** Sends what a run of the event moment waits for. */
  release(handle: unknown): Promise<void>;
  /** The engine's view of the run: its status, or `absent`. */
  view(handle: unknown): Promise<string>;
}

/** An engine's side of the fault matrix: its configurations, and how to deploy one. */
export interface FaultLab {
  engine: EngineId;
  name: string;
  /** The scenario module, relative to the project root. */
  scenarioFile: string;
  configurations: string[];
  omittedConfigurations: { id: string; reason: string; source?: string }[];
  notes: string[];
  /** Whether the configuration can run here (its store's program is installed); why not, otherwise. */
  unavailable(config: string): string | null;
  deploy(config: string, dir: string, ledgerFile: string, log: WriteStream): Promise<LabDeployment>;
}
