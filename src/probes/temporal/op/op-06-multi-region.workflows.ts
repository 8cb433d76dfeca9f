/** OP-06's workflow: one activity, to show the one cluster serving it. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './op-06-multi-region.ts';

const { pong } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function ping(): Promise<void> {
  await pong();
}
