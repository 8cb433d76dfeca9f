/** PF-03's workflows: payloads of a chosen size in and out, and histories that grow until the server stops them. */
import { proxyActivities, proxySinks, workflowInfo } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';
import type { activities } from './pf-03-payload-limits.ts';

const { ledger } = proxySinks<LedgerSinks>();
/** One attempt: a rejected result is the server's verdict, not something a retry could change. */
const { produce, echo } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 1 } });

/** Takes a payload as its input and returns its length: the input crossed the client and the server. */
export async function takeInput(payload: string): Promise<number> {
  return payload.length;
}

/** Asks an activity for a result of `bytes` characters: the step output crosses the worker and the server. */
export async function stepOutput(bytes: number): Promise<number> {
  return (await produce(bytes)).length;
}

/**
 * Grows the history by `width` parallel activities at a time, each returning `bytes` characters, and notes after
 * each batch how long and how large the history is and whether the server suggests continuing as new.
 */
export async function grow(width: number, bytes: number, batches: number): Promise<number> {
  for (let b = 0; b < batches; b++) {
    await Promise.all(Array.from({ length: width }, () => echo(bytes)));
    const { historyLength, historySize, continueAsNewSuggested } = workflowInfo();
    ledger.record('history grown', { batch: b, historyLength, historySize, continueAsNewSuggested });
  }
  return batches;
}
