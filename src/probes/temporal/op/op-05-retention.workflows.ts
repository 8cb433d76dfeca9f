/** OP-05's workflow: a small order of three activities, each returning about 1 KB. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './op-05-retention.ts';

const { reserveStock, chargeCard, sendReceipt } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function order(): Promise<number> {
  const reserved = await reserveStock();
  const charged = await chargeCard();
  const receipt = await sendReceipt();
  return reserved.note.length + charged.note.length + receipt.note.length;
}
