/**
 * EX-06's workflow after a code change (v2), deployed without `patched()`: the same workflow type, with the
 * activities that had already completed renamed, reordered, removed, or with a new one inserted before them.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { activities } from './ex-06-determinism-violation.ts';
import type { Change } from './ex-06-determinism-violation.workflows.ts';

const { reserveStock, chargeCard, chargeCustomer, checkFraud, shipParcel } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function fulfilOrder(change: Change): Promise<string> {
  if (change === 'renamed') {
    await reserveStock(change);
    await chargeCustomer(change); // was chargeCard
  } else if (change === 'reordered') {
    await chargeCard(change);
    await reserveStock(change);
  } else if (change === 'removed') {
    await chargeCard(change); // reserveStock is gone
  } else {
    await checkFraud(change); // new, before the completed ones
    await reserveStock(change);
    await chargeCard(change);
  }
  await sleep('3 seconds');
  await shipParcel(change);
  return 'v2';
}
