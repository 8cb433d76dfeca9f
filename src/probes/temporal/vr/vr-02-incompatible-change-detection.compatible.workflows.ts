/**
 * VR-02's workflow after a compatible change: a new audit activity behind `patched()`, and a changed result.
 * Recorded histories replay on it.
 */
import { condition, defineSignal, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './vr-02-incompatible-change-detection.ts';
import type { Kind } from './vr-02-incompatible-change-detection.workflows.ts';

const { reserveStock, expedite, chargeCard, audit } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const courierArrived = defineSignal('courierArrived');

export async function processOrder(kind: Kind): Promise<string> {
  let arrived = false;
  setHandler(courierArrived, () => void (arrived = true));
  await reserveStock();
  if (kind === 'express') await expedite();
  await chargeCard();
  if (patched('audit-after-charge')) await audit();
  await condition(() => arrived);
  return `${kind} order shipped`;
}
