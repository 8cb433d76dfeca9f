/**
 * EX-05's workflows. They run in the worker's deterministic sandbox, which replaces `Math.random`, `Date` and
 * `setTimeout` with deterministic versions, and has no `process`, `fetch` or `crypto` at all.
 */
import { proxyActivities, proxySinks, sleep, uuid4 } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';
import type { activities } from './ex-05-determinism-constraints.ts';

const { draw } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });
const { ledger } = proxySinks<LedgerSinks>();

/** Busy work without a clock: the sandbox's clock cannot move while workflow code runs. */
function spin(): number {
  let x = 0;
  for (let i = 0; i < 30_000_000; i++) x = (x + i) % 1_000_003;
  return x;
}

/**
 * Three activities and two timers (one by `sleep`, one by plain `setTimeout`). The code around the activities
 * takes outside values — `Math.random()`, the clock, a UUID from the SDK's `uuid4()` — and records them, with
 * what it sees of the activities' outputs, through the ledger sink, on the first execution and on every replay.
 */
export async function pricing(variant: string): Promise<{ a: number; b: number; c: number }> {
  const before = Date.now();
  spin();
  const outside = {
    random: Math.random(),
    clock: Date.now(),
    newDate: new Date().getTime(),
    clockBeforeBusyWork: before,
    uuid: uuid4(),
    globals: { crypto: typeof (globalThis as { crypto?: unknown }).crypto, process: typeof (globalThis as { process?: unknown }).process, fetch: typeof (globalThis as { fetch?: unknown }).fetch },
  };
  ledger.record(`${variant}: entered`, outside);
  const a = await draw('a');
  ledger.record(`${variant}: saw a`, { a, random: outside.random, clock: Date.now() });
  await sleep('1 second');
  const b = await draw('b');
  ledger.record(`${variant}: saw b`, { b, random: outside.random });
  await new Promise<void>((resolve) => setTimeout(resolve, 1000)); // plain setTimeout: becomes a durable timer
  const c = await draw('c');
  ledger.record(`${variant}: reached the end`, { a, b, c, random: outside.random });
  return { a, b, c };
}

/** Reads the environment in workflow code, as one might in a plain Node function. */
export async function readsEnvironment(): Promise<string> {
  return process.env.HOME ?? '';
}

/** Calls an HTTP service straight from workflow code, as one might in a plain Node function. */
export async function callsHttp(url: string): Promise<number> {
  const response = await fetch(url);
  return response.status;
}
