/**
 * VR-02's workflow as deployed and recorded (v1): reserve stock, expedite express orders, charge, then wait for the
 * courier. Three later versions of the same workflow type sit beside it: a compatible change (`.compatible`), a
 * change that breaks only the express path (`.express-changed`), and one that breaks every path
 * (`.fraud-check-inserted`).
 */
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './vr-02-incompatible-change-detection.ts';

const { reserveStock, expedite, chargeCard } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const courierArrived = defineSignal('courierArrived');
export type Kind = 'standard' | 'express';

export async function processOrder(kind: Kind): Promise<string> {
  let arrived = false;
  setHandler(courierArrived, () => void (arrived = true));
  await reserveStock();
  if (kind === 'express') await expedite();
  await chargeCard();
  await condition(() => arrived);
  return `${kind} shipped`;
}
