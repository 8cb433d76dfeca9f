/**
 * VR-01's workflow once every workflow without the patch has finished: `deprecatePatch()` keeps accepting
 * histories that carry the marker, and the fraud check is unconditional. A history recorded before the patch
 * no longer replays on this code.
 */
import { condition, defineSignal, deprecatePatch, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './vr-01-versioning.ts';

const { checkFraud, reserveStock, shipParcel } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const proceed = defineSignal('proceed');

export async function fulfilOrder(order: string): Promise<string> {
  let go = false;
  setHandler(proceed, () => void (go = true));
  deprecatePatch('fraud-check');
  await checkFraud(order);
  await reserveStock(order);
  await condition(() => go);
  await shipParcel(order);
  return 'v3, patch deprecated';
}
