/**
 * VR-02's workflow after a change on the express path only: `expedite` replaced by `bookPriorityCourier`, without
 * a guard. Histories of standard orders still replay; those of express orders do not.
 */
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './vr-02-incompatible-change-detection.ts';
import type { Kind } from './vr-02-incompatible-change-detection.workflows.ts';

const { reserveStock, bookPriorityCourier, chargeCard } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const courierArrived = defineSignal('courierArrived');

export async function processOrder(kind: Kind): Promise<string> {
  let arrived = false;
  setHandler(courierArrived, () => void (arrived = true));
  await reserveStock();
  if (kind === 'express') await bookPriorityCourier(); // was expedite()
  await chargeCard();
  await condition(() => arrived);
  return `${kind} shipped`;
}
