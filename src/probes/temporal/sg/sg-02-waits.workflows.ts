/**
 * SG-02's workflow: waits for an approval signal with `condition()` and a timeout. With `lateHandler` it first
 * sleeps, so a signal can arrive while no handler for it is registered yet.
 */
import { condition, defineSignal, proxySinks, setHandler, sleep } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';

const { ledger } = proxySinks<LedgerSinks>();

export const approve = defineSignal<[string]>('approve');

export async function awaitApproval(orderId: string, lateHandler: boolean): Promise<string | null> {
  if (lateHandler) {
    ledger.record('no handler yet', { orderId });
    await sleep('5 seconds'); // a signal arriving now has no handler to go to
  }
  let approvedBy: string | null = null;
  setHandler(approve, (by) => {
    approvedBy = by;
  });
  ledger.record('waiting', { orderId });
  await condition(() => approvedBy !== null, '3 seconds'); // false at the timeout
  return approvedBy;
}
