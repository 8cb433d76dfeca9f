/** OP-02's workflow: an order that reserves stock, then waits for an approval signal; a query reads its state. */
import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './op-02-management-api.ts';

const { reserve } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const approve = defineSignal('approve');
export const stateQuery = defineQuery<string>('state');

export async function order(id: string): Promise<string> {
  let state = 'reserving';
  let approved = false;
  setHandler(approve, () => void (approved = true));
  setHandler(stateQuery, () => state);
  await reserve(id);
  state = 'waiting for approval';
  await condition(() => approved);
  state = 'approved';
  return `order ${id} approved`;
}
