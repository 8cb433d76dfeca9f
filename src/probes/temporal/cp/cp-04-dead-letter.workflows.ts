/**
 * CP-04's invoice sync as first deployed, with two bugs. It fetches the invoice and converts its amount (both
 * activities work), then: for `check` invoices the workflow's own sanity check compares euros with cents and throws;
 * for `push` invoices it sends the accounting system a field name it does not know, and the accounting activity
 * refuses it for good. Either way the workflow fails. `cp-04-dead-letter.fixed.workflows.ts` is the fix.
 */
import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { activities, Kind } from './cp-04-dead-letter.ts';

const { fetchInvoice, convertCurrency, pushToAccounting } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function syncInvoice(invoice: string, kind: Kind): Promise<string> {
  const data = await fetchInvoice(invoice);
  const euros = await convertCurrency(invoice, data.amount, data.currency);
  if (kind === 'check' && euros !== data.amount * 100) {
    throw ApplicationFailure.nonRetryable(`invoice ${invoice}: total mismatch (${euros} EUR against ${data.amount * 100})`, 'TotalMismatch');
  }
  return pushToAccounting(invoice, { amountEur: euros } as unknown as { amount: number });
}
