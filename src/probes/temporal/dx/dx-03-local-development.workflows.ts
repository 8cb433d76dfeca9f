/** DX-03's workflow as first written (v1): a greeting built by an activity. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './dx-03-local-development.ts';

const { buildGreeting } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function greet(name: string): Promise<string> {
  return buildGreeting('Hello', name);
}
