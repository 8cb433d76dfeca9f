/**
 * DX-07's pricing workflow after a code change (never deployed, only replayed locally): the discount activity was
 * renamed. Replaying a recorded v1 history against this code must fail.
 */
import { proxyActivities, proxySinks, sleep } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';
import type { activities } from './dx-07-local-replay.ts';

const { fetchBasePrice, computeDiscountPercent, applyTax } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });
const { ledger } = proxySinks<LedgerSinks>();

export async function pricing(customer: string): Promise<{ customer: string; base: number; discount: number; total: number }> {
  const base = await fetchBasePrice();
  const discount = await computeDiscountPercent(base);
  await sleep('1 second');
  const total = await applyTax(base, discount);
  const result = { customer, base, discount, total };
  ledger.record('priced', result);
  return result;
}
