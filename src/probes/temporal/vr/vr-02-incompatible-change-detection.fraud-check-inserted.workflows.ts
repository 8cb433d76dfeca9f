/** VR-02's workflow with a fraud check inserted before everything, without a guard: no recorded history replays. */
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './vr-02-incompatible-change-detection.ts';
import type { Kind } from './vr-02-incompatible-change-detection.workflows.ts';

const { checkFraud, reserveStock, expedite, chargeCard } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const courierArrived = defineSignal('courierArrived');

export async function processOrder(kind: Kind): Promise<string> {
  let arrived = false;
  setHandler(courierArrived, () => void (arrived = true));
  await checkFraud(); // new, unguarded
  await reserveStock();
  if (kind === 'express') await expedite();
  await chargeCard();
  await condition(() => arrived);
  return `${kind} shipped`;
}
