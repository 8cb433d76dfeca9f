/** VR-01's workflow with a fraud check inserted before "reserve stock", deployed without any guard. */
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './vr-01-versioning.ts';

const { checkFraud, reserveStock, shipParcel } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const proceed = defineSignal('proceed');

export async function fulfilOrder(order: string): Promise<string> {
  let go = false;
  setHandler(proceed, () => void (go = true));
  await checkFraud(order); // new: a command the recorded histories do not have
  await reserveStock(order);
  await condition(() => go);
  await shipParcel(order);
  return 'v2 without a guard';
}
