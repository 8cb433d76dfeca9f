/**
 * SG-03's workflows: an account that collects the events signalled to it (many senders, one workflow id), a
 * nightly job a Schedule starts, and two small handlers a caller-side router starts for one event.
 */
import { condition, defineSignal, proxySinks, setHandler, workflowInfo } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';

const { ledger } = proxySinks<LedgerSinks>();

export const accountEvent = defineSignal<[{ kind: string; seq: number }]>('accountEvent');

/** Collects the events sent to this account until it has `expected` of them or nothing came for 5 s. */
export async function account(expected: number): Promise<number[]> {
  const seqs: number[] = [];
  setHandler(accountEvent, ({ seq }) => void seqs.push(seq));
  while (seqs.length < expected && (await condition(() => seqs.length >= expected, '5 seconds')));
  return seqs.sort((a, b) => a - b);
}

/** Started by a Schedule. */
export async function nightlyReport(): Promise<void> {
  ledger.record('report started', { workflowId: workflowInfo().workflowId });
}

export async function sendWelcome(user: string): Promise<void> {
  ledger.record('welcome sent', { user });
}

export async function addToCrm(user: string): Promise<void> {
  ledger.record('added to CRM', { user });
}
