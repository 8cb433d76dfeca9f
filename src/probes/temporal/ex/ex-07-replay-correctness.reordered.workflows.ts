/**
 * EX-07's workflow with its activities reordered (the loop before the record): the commands no longer match the
 * recorded history.
 */
import { proxyActivities, sleep } from '@temporalio/workflow';
import type { activities } from './ex-07-replay-correctness.ts';

const { buildRecord, tenfold } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export async function replayable(): Promise<{ looped: number[] }> {
  const looped: number[] = [];
  for (let i = 0; i < 5; i++) looped.push(await tenfold(i));
  await buildRecord();
  await sleep('1 second');
  return { looped };
}
