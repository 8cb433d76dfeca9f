/**
 * RT-02's workflows: one per timeout. Each activity workflow sets one activity timeout short and returns how the
 * activity ended, as the workflow saw it; the others exceed a workflow-level timeout set by the client.
 */
import { ActivityFailure, continueAsNew, proxyActivities, proxySinks, sleep, TimeoutFailure, type Sinks } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';
import type { activities } from './rt-02-timeouts.ts';

/** The deadline every activity timeout here is set to. */
const TIMEOUT = '2 seconds';

/** How an activity call ended, from inside the workflow. */
export interface Outcome {
  status: 'completed' | 'failed';
  /** The TimeoutFailure's type, when a timeout ended it. */
  timeoutType?: string;
  retryState?: string;
}

async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return { status: 'completed' };
  } catch (e) {
    if (!(e instanceof ActivityFailure)) throw e;
    return { status: 'failed', timeoutType: e.cause instanceof TimeoutFailure ? e.cause.timeoutType : e.cause?.name, retryState: e.retryState };
  }
}

/** One attempt only, so the timeout shows in the workflow rather than as a retry. */
const once = { maximumAttempts: 1 };

/** Schedule-to-start: the activity goes to a task queue no worker polls. */
export async function scheduleToStart(unpolledQueue: string): Promise<Outcome> {
  const { holdActivity } = proxyActivities<typeof activities>({ taskQueue: unpolledQueue, scheduleToStartTimeout: TIMEOUT, startToCloseTimeout: '10 seconds', retry: once });
  return outcome(() => holdActivity('schedule-to-start'));
}

/** Start-to-close: one attempt may run 2 s; the activity needs longer. */
export async function startToClose(): Promise<Outcome> {
  const { holdActivity } = proxyActivities<typeof activities>({ startToCloseTimeout: TIMEOUT, retry: once });
  return outcome(() => holdActivity('start-to-close'));
}

/** Schedule-to-close: the whole activity, retries included, may take 2 s. */
export async function scheduleToClose(): Promise<Outcome> {
  const { holdActivity } = proxyActivities<typeof activities>({ scheduleToCloseTimeout: TIMEOUT, startToCloseTimeout: '10 seconds' });
  return outcome(() => holdActivity('schedule-to-close'));
}

/** Heartbeat: the activity heartbeats once, then goes quiet for longer than 2 s. */
export async function heartbeat(): Promise<Outcome> {
  const { heartbeatOnceThenHang } = proxyActivities<typeof activities>({ heartbeatTimeout: TIMEOUT, startToCloseTimeout: '10 seconds', retry: once });
  return outcome(() => heartbeatOnceThenHang());
}

/** Sleeps longer than the client's workflow execution or run timeout allows. */
export async function sleeper(): Promise<string> {
  await sleep('10 seconds');
  return 'woke up';
}

const { ledger } = proxySinks<LedgerSinks>();

/** Each run lasts 1 s, then continues as new: a chain of short runs under one execution timeout. */
export async function chain(run = 1): Promise<string> {
  ledger.record('chain: run started', { run });
  await sleep('1 second');
  return continueAsNew<typeof chain>(run + 1);
}

/** A sink the worker holds for a few seconds on a workflow's first task, so that task outlives its timeout. */
export interface GateSinks extends Sinks {
  gate: { holdFirstTask(): void };
}
const { gate } = proxySinks<GateSinks>();

/** Its first workflow task takes longer than the workflow task timeout the client gave it. */
export async function slowTask(): Promise<string> {
  gate.holdFirstTask();
  await sleep('100 ms');
  return 'done';
}
