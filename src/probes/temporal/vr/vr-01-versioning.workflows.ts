/**
 * VR-01's workflow as first deployed (v1): reserve stock, wait for the warehouse's go-ahead, ship. The other
 * deployments are the same workflow type after a code change that inserts a fraud check before "reserve stock":
 * without a guard (`.unpatched`), behind `patched()` (`.patched`), and with the guard retired by
 * `deprecatePatch()` (`.deprecated`).
 */
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './vr-01-versioning.ts';

const { reserveStock, shipParcel } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const proceed = defineSignal('proceed');

export async function fulfilOrder(order: string): Promise<string> {
  let go = false;
  setHandler(proceed, () => void (go = true));
  await reserveStock(order);
  await condition(() => go); // in flight here while the code changes
  await shipParcel(order);
  return 'v1';
}
