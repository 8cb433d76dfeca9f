/** OB-02's workflow: three activities, then one that notes the end; one run fails at its third activity. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './ob-02-metrics.ts';

const { part, noteDone } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 1 } });

export async function threeParts(fail: boolean): Promise<void> {
  for (let i = 0; i < 3; i++) await part(i, fail);
  await noteDone();
}
