/**
 * DX-01's workflows: an order typed end to end (its activity, signal and query), and a greeting that reports the
 * runtime type of what it was given, to show what the types promise once a value has crossed the wire.
 */
import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './dx-01-sdk-design.ts';

const { charge, describeValue } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const approve = defineSignal<[approver: string]>('approve');
export const status = defineQuery<string>('status');

export async function order(orderId: string, amount: number): Promise<{ receipt: string; approvedBy: string }> {
  let approvedBy = '';
  setHandler(approve, (approver) => void (approvedBy = approver));
  setHandler(status, () => (approvedBy ? `approved by ${approvedBy}` : 'waiting for approval'));
  await condition(() => approvedBy !== '');
  const { receipt } = await charge(orderId, amount);
  return { receipt, approvedBy };
}

/** Reports what it received, as the workflow sees it and as an activity sees it. */
export async function greet(name: string): Promise<{ inWorkflow: string; inActivity: string }> {
  return { inWorkflow: typeof name, inActivity: await describeValue(name) };
}
