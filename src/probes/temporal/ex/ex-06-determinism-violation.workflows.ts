/**
 * EX-06's workflow as first deployed (v1): reserve stock, charge the card, wait for the warehouse, ship. Runs in
 * the worker's deterministic sandbox. `ex-06-determinism-violation.v2.workflows.ts` is the same workflow type
 * after a code change.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { activities } from './ex-06-determinism-violation.ts';

const { reserveStock, chargeCard, shipParcel } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export type Change = 'renamed' | 'reordered' | 'removed' | 'inserted';

export async function fulfilOrder(change: Change): Promise<string> {
  await reserveStock(change);
  await chargeCard(change);
  await sleep('3 seconds'); // wait for the warehouse: the redeploy lands here
  await shipParcel(change);
  return 'v1';
}
