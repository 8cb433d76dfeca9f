/** OP-03's workflows: a short order, and one that sleeps on a durable timer across a restart. */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { activities } from './op-03-storage.ts';

const { ship } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function order(id: string): Promise<string> {
  return ship(id);
}

export async function sleeper(id: string, napMs: number): Promise<string> {
  await sleep(napMs);
  return ship(id);
}
