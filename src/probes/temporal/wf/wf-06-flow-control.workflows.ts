/**
 * WF-06's workflows: a job that does one piece of work (its priority and fairness key come from how it was started),
 * and what a user builds where Temporal has no option: a debouncer and a batcher, both fed by signal-with-start.
 */
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './wf-06-flow-control.ts';

const { work, processBatch } = proxyActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });

/** One activity; activities inherit the workflow's priority (key and fairness key) unless they set their own. */
export async function job(label: string, data: Record<string, unknown>, ms: number): Promise<void> {
  await work(label, data, ms);
}

export const edit = defineSignal<[number]>('edit');

/** Debounce: runs once, with the last value, after `quietMs` without a new signal. */
export async function debouncer(quietMs: number): Promise<void> {
  let last: number | undefined;
  let fresh = false;
  setHandler(edit, (n) => {
    last = n;
    fresh = true;
  });
  // Each signal restarts the quiet period; `condition` returns false when the period passes with no signal.
  do fresh = false;
  while (await condition(() => fresh, quietMs));
  await work('debounce', { n: last }, 0);
}

export const item = defineSignal<[number]>('item');

/** Batching: flushes when `maxSize` items have arrived, or `timeoutMs` after the first item of a batch; ends when idle. */
export async function batcher(maxSize: number, timeoutMs: number): Promise<void> {
  const items: number[] = [];
  setHandler(item, (n) => void items.push(n));
  for (;;) {
    if (!(await condition(() => items.length > 0, timeoutMs))) return; // idle: nothing more to batch
    await condition(() => items.length >= maxSize, timeoutMs);
    await processBatch(items.splice(0, maxSize));
  }
}
