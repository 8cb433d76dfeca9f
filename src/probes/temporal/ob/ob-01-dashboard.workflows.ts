/** OB-01's workflow: price, charge (retried), sleep, ship. */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { activities } from './ob-01-dashboard.ts';

const { priceOrder, chargeCard, shipOrder } = proxyActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', maximumAttempts: 5 },
});

export async function order(items: number): Promise<string> {
  const { total } = await priceOrder(items);
  await chargeCard(total);
  await sleep('1 second');
  return shipOrder();
}
