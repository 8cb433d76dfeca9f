/**
 * SG-01's workflows: one that takes payments by signal and items by update until it has enough, one started by
 * signal-with-start, and one that signals another workflow from inside. Runs in the worker's sandbox; each handler
 * writes to the ledger through the sink the moment workflow code sees the message.
 */
import { condition, defineSignal, defineUpdate, getExternalWorkflowHandle, proxySinks, setHandler } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';

const { ledger } = proxySinks<LedgerSinks>();

export const payment = defineSignal<[{ seq: number; amount: number }]>('payment');
export const addItem = defineUpdate<number, [{ seq: number }]>('addItem');

/** Waits until it has seen `expected` messages (payments by signal, items by update), then returns them in order. */
export async function collect(expected: number): Promise<number[]> {
  const seen: number[] = [];
  setHandler(payment, ({ seq, amount }) => {
    ledger.record('signal handled', { seq, amount });
    seen.push(seq);
  });
  setHandler(addItem, ({ seq }) => {
    ledger.record('update handled', { seq });
    seen.push(seq);
    return seen.length; // the update's result: how many messages the workflow holds now
  });
  await condition(() => seen.length >= expected);
  return seen;
}

/** Started by signal-with-start: the first thing it sees is the signal that started it. */
export async function order(): Promise<{ seq: number; amount: number }> {
  let paid: { seq: number; amount: number } | undefined;
  setHandler(payment, (p) => {
    ledger.record('signal-with-start handled', { seq: p.seq });
    paid = p;
  });
  await condition(() => paid !== undefined);
  return paid!;
}

/** Sends a signal to another workflow from inside a workflow (Temporal's `step.sendEvent` to another run). */
export async function notifier(targetWorkflowId: string): Promise<void> {
  await getExternalWorkflowHandle(targetWorkflowId).signal(payment, { seq: 0, amount: 42 });
}
