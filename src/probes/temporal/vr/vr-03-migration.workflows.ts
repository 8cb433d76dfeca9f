/**
 * VR-03's workflows as deployed in worker deployment version v1. `pinnedOrder` takes the worker's default
 * behaviour (PINNED: it stays on the version it started on); `upgradingOrder` is AUTO_UPGRADE (it moves to the
 * deployment's current version at its next workflow task).
 */
import { condition, defineSignal, proxyActivities, setHandler, setWorkflowOptions } from '@temporalio/workflow';
import type { activities } from './vr-03-migration.ts';

const { reserveStock, shipParcel } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const proceed = defineSignal('proceed');

async function order(id: string): Promise<string> {
  let go = false;
  setHandler(proceed, () => void (go = true));
  await reserveStock(id, 'v1');
  await condition(() => go); // the new version is deployed while workflows wait here
  await shipParcel(id, 'v1');
  return 'finished on v1';
}

export async function pinnedOrder(id: string): Promise<string> {
  return order(id);
}

export async function upgradingOrder(id: string): Promise<string> {
  return order(id);
}
setWorkflowOptions({ versioningBehavior: 'AUTO_UPGRADE' }, upgradingOrder);
