/**
 * DX-05's workflows: one whose activity throws, and four common mistakes, each as a developer might make it.
 */
import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { activities } from './dx-05-error-messages.ts';

const once = { startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 1 } } as const;
const { chargeCard, reserveStock } = proxyActivities<typeof activities>(once);

/** The activity throws an error with a cause; no retries, so the workflow fails with it. */
export async function checkout(): Promise<void> {
  await chargeCard();
}

/** Mistake: calling an activity the worker never registered (a typo, or a worker on old code). */
export async function refund(): Promise<void> {
  const { refundCard } = proxyActivities<{ refundCard(): Promise<void> }>(once);
  await refundCard();
}

/** Mistake: proxyActivities without any timeout. */
export async function noTimeout(): Promise<void> {
  const { reserveStock: reserve } = proxyActivities<typeof activities>({});
  await reserve();
}

/**
 * Mistake: code that decides on something outside the history. On a replay it takes the other branch, so the
 * commands no longer match the recorded events (a non-determinism error, made with a single deployment).
 */
export async function branchy(): Promise<void> {
  if (workflowInfo().unsafe.isReplaying) await chargeCard();
  else await reserveStock();
  await reserveStock();
}
