/**
 * RT-04's workflows: a long activity that heartbeats its progress (hung on its first attempt, or killed with its
 * worker), and one the workflow cancels while it runs.
 */
import { ActivityCancellationType, CancellationScope, condition, defineSignal, isCancellation, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './rt-04-heartbeat.ts';

/** The heartbeat timeout of the long job: the server fails an attempt that has not heartbeated for this long. */
const HEARTBEAT_TIMEOUT = '2 seconds';

/**
 * A start-to-close timeout far above the heartbeat timeout: if a lost attempt is noticed in seconds, the heartbeat
 * did it. A retry 1 s after the timeout, up to 2 attempts.
 */
const { processItems } = proxyActivities<typeof activities>({
  heartbeatTimeout: HEARTBEAT_TIMEOUT,
  startToCloseTimeout: '60 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 2 },
});

/** Processes items, heartbeating after each; returns where the last attempt started. */
export async function longJob(label: string): Promise<{ attempt: number; resumedFrom: number }> {
  return processItems(label);
}

export const stop = defineSignal('stop');

/**
 * Runs an activity that heartbeats until it is cancelled; on the `stop` signal the workflow cancels the scope the
 * activity runs in, and waits for the activity to acknowledge (WAIT_CANCELLATION_COMPLETED).
 */
export async function cancellable(label: string, heartbeatTimeoutMs: number): Promise<string> {
  const { heartbeatUntilCancelled } = proxyActivities<typeof activities>({
    heartbeatTimeout: heartbeatTimeoutMs,
    startToCloseTimeout: '60 seconds',
    cancellationType: ActivityCancellationType.WAIT_CANCELLATION_COMPLETED,
    retry: { maximumAttempts: 1 },
  });
  let stopped = false;
  setHandler(stop, () => void (stopped = true));
  const scope = new CancellationScope();
  const running = scope.run(() => heartbeatUntilCancelled(label));
  await condition(() => stopped);
  scope.cancel();
  try {
    await running;
    return 'activity completed';
  } catch (e) {
    if (isCancellation(e)) return 'activity cancelled';
    throw e;
  }
}
