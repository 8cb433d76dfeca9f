/** EX-04's workflow: fetch a quote, sleep on a durable timer, place the order with the quote. */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { activities } from './ex-04-state-persistence.ts';

const { fetchQuote, placeOrder } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function sleeper(label: string, napMs: number): Promise<{ label: string; price: number }> {
  const quote = await fetchQuote(label);
  await sleep(napMs);
  await placeOrder(label, quote);
  return quote;
}
