/** PF-02's workflow: three small activities, one after the other. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './pf-02-fan-out-throughput.ts';

const { part } = proxyActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });

export async function work(round: string, steps: number): Promise<number> {
  for (let i = 0; i < steps; i++) await part(round, i);
  return steps;
}
