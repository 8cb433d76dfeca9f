/** PF-01's workflows: a chain of no-op steps, as activities or as local activities. */
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { activities } from './pf-01-step-latency.ts';

const remote = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });
const local = proxyLocalActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

/** `steps` activities one after the other: each is scheduled by the server and polled by the worker. */
export async function activityChain(label: string, steps: number): Promise<number> {
  for (let i = 0; i < steps; i++) await remote.noOp(label, i);
  return steps;
}

/** The same chain as local activities: run inside the worker that runs the workflow, recorded as markers. */
export async function localActivityChain(label: string, steps: number): Promise<number> {
  for (let i = 0; i < steps; i++) await local.noOp(label, i);
  return steps;
}
