/**
 * DX-02's workflow: a quote that asks an activity on another task queue for a price. No TypeScript worker polls
 * that queue; in a polyglot system a worker in another language would. The activity is declared by name and
 * shape only, as a workflow would declare an activity written in Python or Go.
 */
import { proxyActivities } from '@temporalio/workflow';

interface PricingService {
  priceItem(item: { sku: string; qty: number }): Promise<{ price: number; currency: string }>;
}

export const PRICING_QUEUE_SUFFIX = '-pricing-in-another-language';

export async function quote(customer: string, pricingQueue: string): Promise<string> {
  const { priceItem } = proxyActivities<PricingService>({ taskQueue: pricingQueue, activityId: 'price', startToCloseTimeout: '1 minute' });
  const { price, currency } = await priceItem({ sku: 'widget', qty: 3 });
  return `${customer}: ${price} ${currency}`;
}
