/** OB-04's workflow: price the order, then charge the card (retried once). Tracing comes from the interceptors. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './ob-04-opentelemetry.ts';

const { priceOrder, chargeCard } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds', retry: { initialInterval: '500 milliseconds' } });

export async function checkout(items: number): Promise<string> {
  const total = await priceOrder(items);
  return chargeCard(total);
}
