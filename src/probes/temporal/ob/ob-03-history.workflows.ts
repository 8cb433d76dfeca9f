/** OB-03's workflows: a run with a retried activity and a timer, and a run that fails. */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { activities } from './ob-03-history.ts';

const { priceOrder, chargeCard, shipOrder, validateAddress } = proxyActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 5 },
});

export async function fulfil(order: { id: string; items: number }): Promise<string> {
  const { total } = await priceOrder(order);
  await chargeCard(total);
  await sleep('1 second');
  return shipOrder(order.id);
}

export async function shipToNowhere(): Promise<string> {
  return validateAddress();
}
