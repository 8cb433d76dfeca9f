/**
 * VR-01's workflow with the fraud check behind `patched()`: a workflow that is replaying a history recorded
 * without the patch gets `false` and takes the old branch; one running this code for the first time gets `true`,
 * and the SDK writes a marker into its history so that its replays take the new branch too.
 */
import { condition, defineSignal, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './vr-01-versioning.ts';

const { checkFraud, reserveStock, shipParcel } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const proceed = defineSignal('proceed');

export async function fulfilOrder(order: string): Promise<string> {
  let go = false;
  setHandler(proceed, () => void (go = true));
  const checked = patched('fraud-check'); // asked once: the answer holds for the whole run
  if (checked) await checkFraud(order);
  await reserveStock(order);
  await condition(() => go);
  await shipParcel(order);
  return checked ? 'v2, new branch' : 'v2, old branch';
}
