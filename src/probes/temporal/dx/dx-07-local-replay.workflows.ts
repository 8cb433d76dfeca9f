/**
 * DX-07's pricing workflow as it runs in production (v1): fetch a base price, compute a discount, wait for an
 * approval window, apply tax. The activities draw random numbers, so only a replay from the history can
 * reproduce a run's result. The workflow reports its result through the ledger sink, which a local replay can
 * also listen to.
 */
import { proxyActivities, proxySinks, sleep } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';
import type { activities } from './dx-07-local-replay.ts';

const { fetchBasePrice, computeDiscount, applyTax } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });
const { ledger } = proxySinks<LedgerSinks>();

export async function pricing(customer: string): Promise<{ customer: string; base: number; discount: number; total: number }> {
  const base = await fetchBasePrice();
  const discount = await computeDiscount(base);
  await sleep('1 second'); // the approval window
  const total = await applyTax(base, discount);
  const result = { customer, base, discount, total };
  ledger.record('priced', result);
  return result;
}
