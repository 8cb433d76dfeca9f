/** OP-01's workflow: one activity, so a run needs the server and a worker both. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './op-01-deployment-model.ts';

const { greet } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function hello(name: string): Promise<string> {
  return greet(name);
}
