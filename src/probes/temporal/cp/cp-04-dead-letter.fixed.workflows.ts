/**
 * CP-04's invoice sync after the fix: the sanity check compares like with like, and the accounting system gets
 * the field it expects. The same workflow type issues the same activities in the same order, so histories of the
 * failed runs replay on it without a non-determinism error.
 */
import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { activities, Kind } from './cp-04-dead-letter.ts';

const { fetchInvoice, convertCurrency, pushToAccounting } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function syncInvoice(invoice: string, kind: Kind): Promise<string> {
  const data = await fetchInvoice(invoice);
  const euros = await convertCurrency(invoice, data.amount, data.currency);
  if (kind === 'check' && euros !== data.amount) {
    throw ApplicationFailure.nonRetryable(`invoice ${invoice}: total mismatch (${euros} EUR against ${data.amount})`, 'TotalMismatch');
  }
  return pushToAccounting(invoice, { amount: euros });
}
