/**
 * VR-03's workflows in worker deployment version v2: a fraud check before "reserve stock". Pinned workflows
 * never replay on this code, so `pinnedOrder` changes without a guard; auto-upgrading ones do, so
 * `upgradingOrder` still needs `patched()`.
 */
import { condition, defineSignal, patched, proxyActivities, setHandler, setWorkflowOptions } from '@temporalio/workflow';
import type { activities } from './vr-03-migration.ts';

const { checkFraud, reserveStock, shipParcel } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const proceed = defineSignal('proceed');

export async function pinnedOrder(id: string): Promise<string> {
  let go = false;
  setHandler(proceed, () => void (go = true));
  await checkFraud(id, 'v2'); // unguarded: only workflows started on v2 run this code
  await reserveStock(id, 'v2');
  await condition(() => go);
  await shipParcel(id, 'v2');
  return 'finished on v2';
}

export async function upgradingOrder(id: string): Promise<string> {
  let go = false;
  setHandler(proceed, () => void (go = true));
  if (patched('fraud-check')) await checkFraud(id, 'v2');
  await reserveStock(id, 'v2');
  await condition(() => go);
  await shipParcel(id, 'v2');
  return 'finished on v2';
}
setWorkflowOptions({ versioningBehavior: 'AUTO_UPGRADE' }, upgradingOrder);
