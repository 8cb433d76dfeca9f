/**
 * EX-07's workflow as recorded (v1). Runs in the worker's deterministic sandbox; what it sees of the activities'
 * outputs it records through the ledger sink, on every execution, replays included.
 */
import { proxyActivities, proxySinks, sleep } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';
import type { activities } from './ex-07-replay-correctness.ts';

const { buildRecord, tenfold } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });
const { ledger } = proxySinks<LedgerSinks>();
export const LOOP = 5;

/** Describes a value the way the probe compares it: its JSON and the runtime types of the tricky fields. */
export function describe(value: { when?: unknown; nothing?: unknown; map?: unknown }) {
  return {
    json: JSON.stringify(value),
    whenType: value.when instanceof Date ? 'Date' : typeof value.when,
    hasUndefinedKey: 'nothing' in value,
    mapType: value.map instanceof Map ? 'Map' : typeof value.map,
  };
}

export async function replayable(): Promise<{ looped: number[] }> {
  const made = await buildRecord();
  ledger.record('outside, after the activity', describe(made));

  const looped: number[] = [];
  for (let i = 0; i < LOOP; i++) looped.push(await tenfold(i)); // one activity type, scheduled in a loop
  ledger.record('loop results', { looped });

  await sleep('1 second');
  ledger.record('after the sleep', describe(made));
  return { looped };
}
