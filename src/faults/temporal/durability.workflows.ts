/** The fault scenario's workflow: a first activity, then the moment a crash should catch, then the last activity. */
import { condition, defineSignal, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { activities } from './durability.ts';

type Moment = 'step' | 'sleep' | 'event' | 'trigger';

// Retried every second; a timed-out attempt (its worker was killed) is retried once its start-to-close time passes.
const { reserveStock, chargeCard, shipOrder } = proxyActivities<typeof activities>({
  startToCloseTimeout: '8 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 1 },
});

export const approved = defineSignal('approved');

export async function order(tag: string, moment: Moment, sleepMs: number): Promise<{ tag: string }> {
  let isApproved = false;
  setHandler(approved, () => void (isApproved = true));
  await reserveStock(tag);
  if (moment === 'step') await chargeCard(tag);
  if (moment === 'sleep') await sleep(sleepMs);
  if (moment === 'event') await condition(() => isApproved);
  await shipOrder(tag);
  return { tag };
}
