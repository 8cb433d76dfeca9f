/**
 * RT-01's workflows: each calls one activity under a retry policy of its own and returns how the activity ended,
 * as the workflow saw it (the `ActivityFailure` the SDK raises once the server stops retrying).
 */
import { ActivityFailure, ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { activities } from './rt-01-retry.ts';

/** How an activity call ended, from inside the workflow. */
export interface Outcome {
  status: 'completed' | 'failed';
  /** Why the server stopped retrying (the failure's `retryState`): MAXIMUM_ATTEMPTS_REACHED, NON_RETRYABLE_FAILURE, … */
  retryState?: string;
  /** The type of the activity's own failure (an ApplicationFailure's `type`, or the error class name). */
  causeType?: string;
  nonRetryable?: boolean;
}

async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return { status: 'completed' };
  } catch (e) {
    if (!(e instanceof ActivityFailure)) throw e;
    const cause = e.cause;
    return {
      status: 'failed',
      retryState: e.retryState,
      causeType: cause instanceof ApplicationFailure ? (cause.type ?? undefined) : cause?.name,
      nonRetryable: cause instanceof ApplicationFailure ? (cause.nonRetryable ?? undefined) : undefined,
    };
  }
}

/** Exponential backoff with a cap: 0.5 s, 1 s, 2 s, then 2 s (capped), six attempts in all. */
const scheduled = proxyActivities<typeof activities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '500 ms', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 6 },
});
export async function retrySchedule(): Promise<Outcome> {
  return outcome(() => scheduled.alwaysFails('schedule'));
}

/** A constant interval below a second: 0.25 s between four attempts. */
const quick = proxyActivities<typeof activities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '250 ms', backoffCoefficient: 1, maximumAttempts: 4 },
});
export async function subSecond(): Promise<Outcome> {
  return outcome(() => quick.alwaysFails('sub-second'));
}

/** No retry policy at all: whatever the server fills in applies. */
const unset = proxyActivities<typeof activities>({ startToCloseTimeout: '5 seconds' });
export async function defaultPolicy(): Promise<Outcome> {
  return outcome(() => unset.failsThreeTimes('default'));
}

/** A failure type listed as non-retryable by the caller's policy. */
const listed = proxyActivities<typeof activities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '200 ms', maximumAttempts: 5, nonRetryableErrorTypes: ['CardDeclined'] },
});
export async function nonRetryableType(): Promise<Outcome> {
  return outcome(() => listed.declineCard());
}

/** A failure the activity itself marks non-retryable (`ApplicationFailure.nonRetryable`). */
const flagged = proxyActivities<typeof activities>({ startToCloseTimeout: '5 seconds', retry: { initialInterval: '200 ms', maximumAttempts: 5 } });
export async function nonRetryableFlag(): Promise<Outcome> {
  return outcome(() => flagged.rejectInvalidCard());
}

/**
 * A failure that names its own next delay (`nextRetryDelay`), longer than the policy's maximum interval: does the
 * delay win over the policy?
 */
const ownDelay = proxyActivities<typeof activities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '1 second', maximumAttempts: 3 },
});
export async function nextRetryDelay(): Promise<Outcome> {
  return outcome(() => ownDelay.rateLimitedOnce('own-delay'));
}
