/**
 * EX-07's workflow with the same activities and timer in the same order, but a different result: only the
 * computation between the commands changed.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { activities } from './ex-07-replay-correctness.ts';

const { buildRecord, tenfold } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function replayable(): Promise<{ looped: number[] }> {
  await buildRecord();
  const looped: number[] = [];
  for (let i = 0; i < 5; i++) looped.push((await tenfold(i)) + 1); // was: the activity's output as it is
  await sleep('1 second');
  return { looped };
}
