/** DX-03's workflow after a code change (v2): a different greeting. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './dx-03-local-development.ts';

const { buildGreeting } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function greet(name: string): Promise<string> {
  return buildGreeting('Hi', name);
}
