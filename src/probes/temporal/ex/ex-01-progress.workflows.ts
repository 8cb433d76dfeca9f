/**
 * EX-01's workflow: a five-step order, one activity per step. Runs in the worker's deterministic sandbox.
 */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './ex-01-progress.ts';

/**
 * A start-to-close timeout of 10 s bounds how long the server waits for an activity whose worker vanished: with no
 * heartbeat, that timeout is how the server learns of the crash. Up to 3 attempts, retried after 1 s.
 */
const { reserveStock, chargeCard, writeInvoice, sendReceipt, closeOrder } = proxyActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3, initialInterval: '1 second' },
});

export async function order(): Promise<{ done: number[] }> {
  const done: number[] = [];
  for (const step of [reserveStock, chargeCard, writeInvoice, sendReceipt, closeOrder]) done.push(await step(done.length));
  return { done };
}
