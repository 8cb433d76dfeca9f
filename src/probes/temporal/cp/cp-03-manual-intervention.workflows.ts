/**
 * CP-03's workflows. `remind` schedules a reminder, waits (a signal `remindNow` cuts the wait short), then sends
 * it; a cancel reaches the wait as a `CancelledFailure`, so nothing after it runs. `buildReport` is one activity
 * that fails until the fix is deployed.
 */
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './cp-03-manual-intervention.ts';

const { scheduleReminder, sendReminder } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });
const { buildReportFile } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 1 } });

export const remindNow = defineSignal('remindNow');

export async function remind(key: string, napMs: number): Promise<string> {
  let early = false;
  setHandler(remindNow, () => void (early = true));
  await scheduleReminder(key);
  await condition(() => early, napMs);
  await sendReminder(key, early ? 'signal' : 'timer');
  return early ? 'sent early' : 'sent';
}

export async function buildReport(key: string): Promise<string> {
  return buildReportFile(key);
}
