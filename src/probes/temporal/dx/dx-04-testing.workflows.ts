/**
 * DX-04's workflow: a trial reminder that creates a trial, sleeps for a week, then sends a reminder. Runs in the
 * worker's deterministic sandbox; the sleep's length is an argument so a test can also run it with a short one.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { activities } from './dx-04-testing.ts';

const { createTrial, sendReminder } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function trialReminder(user: string, wait: Parameters<typeof sleep>[0] = '7 days'): Promise<{ trial: { user: string; plan: string }; sent: string }> {
  const trial = await createTrial(user);
  await sleep(wait);
  const sent = await sendReminder(trial.user);
  return { trial, sent };
}
