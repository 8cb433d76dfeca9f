/**
 * Running a scenario, for every engine: its budget, its waits, and the parts of the probe context that do not
 * depend on the engine (recording, the ledger, pauses, stand-in services, PostgreSQL).
 */
import { join } from 'node:path';
import type { CoreProbeContext } from '../../src/probes/core/context.ts';
import { readLedger } from '../../src/probes/core/ledger.ts';
import { startDependency, startModelServer, startOtlpReceiver } from './dependency.ts';
import { findPostgresBin, startPostgres } from './postgres.ts';
import { ProbeSkipped, type Recorder } from './recorder.ts';
import type { Verdict } from '../../src/schema.ts';

/** How often waits poll the engine or the ledger. */
export const POLL_MS = 100;
/** Default for a single wait inside a scenario; the probe's budget still bounds the whole. */
export const DEFAULT_WAIT_MS = 30_000;

/** Thrown into a scenario's waits when its budget has run out. */
export class BudgetExceeded extends Error {}

/**
 * Polls until `poll` gives a value, the wait's own timeout passes, or the budget (`signal`) runs out. `retryOn`
 * says which errors mean "not yet" rather than "broken".
 */
export async function until<T>(signal: AbortSignal, timeoutMs: number, what: string, poll: () => Promise<T | undefined>, retryOn: (e: unknown) => boolean = () => false): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (signal.aborted) throw new BudgetExceeded(`stopped waiting for ${what}: the probe's budget ran out`);
    const value = await poll().catch((e: unknown) => {
      if (retryOn(e)) return undefined;
      throw e;
    });
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** What a scenario came to, before it is dressed as a trial. */
export interface Outcome {
  verdict: Verdict;
  skipReason?: string;
  error?: { message: string };
}

/**
 * Runs a scenario within a budget and judges it: `skipped` if it skipped, `error` if it threw, overran or checked
 * nothing, otherwise `pass` or `fail` from its checks. The signal is aborted when the budget runs out.
 */
export async function settleScenario(scenario: (signal: AbortSignal) => Promise<void>, budgetMs: number, recorder: Recorder): Promise<Outcome> {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const overrun = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`the probe exceeded its budget of ${budgetMs} ms`));
    }, budgetMs);
  });
  try {
    await Promise.race([scenario(abort.signal), overrun]);
    const { verdict, error } = recorder.verdict();
    return error ? { verdict, error: { message: error } } : { verdict };
  } catch (e) {
    if (e instanceof ProbeSkipped) return { verdict: 'skipped', skipReason: e.reason };
    return { verdict: 'error', error: { message: (e as Error).message || String(e) } };
  } finally {
    clearTimeout(timer);
    abort.abort();
  }
}

/** Where one trial keeps its files, and what it must close at the end. */
export interface TrialFiles {
  /** This trial's ledger (one JSON line per effect). */
  ledgerFile: string;
  /** A directory for logs of what the trial starts. */
  workDir: string;
  /** A name for this trial's files, e.g. `ex-01.t2`. */
  slug: string;
  /** Closed when the trial ends, whatever happened, in reverse order of registration. */
  cleanups: (() => Promise<void>)[];
}

/** The engine-neutral part of every probe context. */
export function coreContext(files: TrialFiles, recorder: Recorder, signal: AbortSignal): CoreProbeContext {
  const { ledgerFile, cleanups } = files;
  const ledgerEntries = (effect?: string) => readLedger(ledgerFile).filter((e) => effect === undefined || e.effect === effect);
  return {
    ledger: {
      entries: ledgerEntries,
      count: (effect) => ledgerEntries(effect).length,
      waitFor: (effect, count = 1, options) =>
        until(signal, options?.timeoutMs ?? DEFAULT_WAIT_MS, `${count}× "${effect}" in the ledger`, async () => {
          const found = ledgerEntries(effect);
          return found.length >= count ? found : undefined;
        }),
    },
    check: (name, expected, observed, ok) => recorder.check(name, expected, observed, ok),
    metric: (name, unit, v) => recorder.metric(name, unit, v),
    note: (text) => recorder.note(text),
    skip: (reason) => {
      throw new ProbeSkipped(reason);
    },
    startDependency: async ({ status }) => {
      const dependency = await startDependency(status);
      cleanups.push(dependency.close);
      return dependency;
    },
    startModelServer: async (options) => {
      const model = await startModelServer(options);
      cleanups.push(model.close);
      return model;
    },
    startOtlpReceiver: async () => {
      const receiver = await startOtlpReceiver();
      cleanups.push(receiver.close);
      return receiver;
    },
    startPostgres: async () => {
      if (!findPostgresBin()) throw new ProbeSkipped('PostgreSQL is not installed on this machine (Debian: apt-get install postgresql)');
      const pg = await startPostgres(join(files.workDir, `${files.slug}.postgres.log`));
      cleanups.push(pg.close);
      return pg;
    },
    pause: (ms) =>
      new Promise((resolve, reject) => {
        if (signal.aborted) return reject(new BudgetExceeded('the probe budget ran out'));
        const timer = setTimeout(resolve, ms);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new BudgetExceeded('the probe budget ran out'));
        }, { once: true });
      }),
    signal,
  };
}
