/** WF-05's workflows: a napper, a short and a restarted sleep, and what the Schedules start. */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { activities } from './wf-05-sleep-timers.ts';

const { tick } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

/** `naps` sleeps of `ms` each, one after the other. */
export async function napper(naps: number, ms: number): Promise<void> {
  for (let i = 0; i < naps; i++) await sleep(ms);
}

/** Started by a Schedule: records when it ran, then takes `workMs` (to make runs overlap). */
export async function scheduledTick(label: string, workMs: number): Promise<void> {
  await tick(label);
  if (workMs > 0) await sleep(workMs);
}
