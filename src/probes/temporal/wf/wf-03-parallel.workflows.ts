/** WF-03's workflows: five activities started together, and a race between two. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './wf-03-parallel.ts';

const { resizeImage, askMirror } = proxyActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });

/** Starts `width` activities at once and waits for all; the results come back in the order of the array. */
export async function fanOut(round: string, width: number): Promise<number[]> {
  return Promise.all(Array.from({ length: width }, (_, i) => resizeImage(round, i, width)));
}

/** The first of two activities to finish wins; the other is not awaited. */
export async function race(): Promise<string> {
  return Promise.race([askMirror('slow', 3_000), askMirror('fast', 300)]);
}
