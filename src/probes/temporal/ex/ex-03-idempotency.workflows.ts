/** EX-03's workflows: an order that records a confirmation, and one that waits for a signal before it ends. */
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './ex-03-idempotency.ts';

const { sendConfirmation } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

/** Confirms an order, then stays open until it is told to close, so duplicates arrive while it runs. */
export const close = defineSignal('close');
export const addItem = defineSignal<[string]>('addItem');

export async function confirmOrder(orderId: string): Promise<string[]> {
  const items: string[] = [];
  let closed = false;
  setHandler(close, () => void (closed = true));
  setHandler(addItem, (item) => void items.push(item));
  await sendConfirmation(orderId);
  await condition(() => closed);
  return items;
}
