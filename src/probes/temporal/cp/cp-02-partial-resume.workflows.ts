/**
 * CP-02's import pipeline: download a file, parse its rows, load them into the warehouse, tell the team. Two
 * workflow types run the same steps and differ only in how long a failing step is retried: `importFile` gives up
 * after two attempts (the run fails), `importFilePatiently` keeps the SDK's default retry policy (no attempt limit).
 */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './cp-02-partial-resume.ts';

const bounded = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds', retry: { initialInterval: '200 milliseconds', maximumAttempts: 2 } });
const unbounded = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

async function pipeline(steps: typeof bounded, label: string): Promise<{ loaded: number; parsed: number[] }> {
  const rows = await steps.downloadFile(label);
  const parsed = await steps.parseRows(label, rows);
  const loaded = await steps.loadIntoWarehouse(label, parsed);
  await steps.notifyTeam(label);
  return { loaded, parsed };
}

export async function importFile(label: string): Promise<{ loaded: number; parsed: number[] }> {
  return pipeline(bounded, label);
}

export async function importFilePatiently(label: string): Promise<{ loaded: number; parsed: number[] }> {
  return pipeline(unbounded, label);
}
