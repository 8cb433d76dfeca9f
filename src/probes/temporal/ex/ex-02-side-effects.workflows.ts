/** EX-02's workflows: one activity that charges a card, unguarded or through an idempotency key. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './ex-02-side-effects.ts';

/**
 * Without a heartbeat the server notices a dead worker's activity only when its start-to-close timeout runs out;
 * 5 s keeps the probe short. Retries: up to 3 attempts, 1 s apart.
 */
const { chargeCard, chargeCardOnce } = proxyActivities<typeof activities>({
  startToCloseTimeout: '5 seconds',
  retry: { maximumAttempts: 3, initialInterval: '1 second' },
});

export async function unguarded(order: number): Promise<string> {
  return chargeCard(order);
}

export async function guarded(order: number): Promise<string> {
  return chargeCardOnce(order);
}
