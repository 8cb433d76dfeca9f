/**
 * What every engine's fault scenario shares: the moments a crash can catch a run at, the timings the scenarios use,
 * and `work`, the body of every step, which writes its start and its completion to the ledger so the runner can
 * tell a completed step executed again from an interrupted one retried. Scenario files import this, never the runner.
 */
import { record } from '../probes/core/ledger.ts';

/** When in a run the crash hits it: mid-step, asleep on a timer, waiting for an event or signal, just triggered. */
export type Moment = 'step' | 'sleep' | 'event' | 'trigger';

/** How long the step a crash interrupts takes: long enough to be caught in the middle. */
export const STEP_MS = 3_000;
/** How long a run sleeps: long enough to crash the engine inside it and bring it back. */
export const SLEEP_MS = 4_000;

/** The steps of every scenario run, in order; the last one's completion is the run's work done. */
export const STEPS = { first: 'reserve stock', long: 'charge card', last: 'ship order' } as const;

/**
 * A step's body: records that it started, works for `ms`, records that it completed. Each line carries the run's
 * tag, so a line names the run and step it belongs to whichever worker process wrote it.
 */
export async function work(tag: string, step: string, ms = 0): Promise<{ tag: string; step: string }> {
  record('step started', { tag, step });
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  record('step completed', { tag, step });
  return { tag, step };
}

/** The part of a scenario the runner drives, given the engine's client for the deployment under test. */
export interface FaultScenario<Client, Handle> {
  /** Triggers a run of `moment`'s shape; resolves once the engine has acknowledged it. */
  begin(client: Client, tag: string, moment: Moment): Promise<Handle>;
  /** Sends the event or signal a run of the `event` moment waits for. */
  release(client: Client, handle: Handle): Promise<void>;
  /** What the engine says about the run now: its status, or `absent` when it no longer knows it. */
  view(client: Client, handle: Handle): Promise<string>;
}
