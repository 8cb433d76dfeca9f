/**
 * RT-03 · Circuit breaker
 *
 * Question: when a dependency is down, does anything stop Inngest from hammering it? Inngest has no native
 * circuit breaker; how close do its primitives get, and how much load do they take off the dependency?
 *
 * How: a stand-in payments API on loopback that always answers 503. Several runs call it from a step and
 * retry (the server runs with `--retry-interval 1`, so retries come quickly). Three variants of the same
 * function: plain retries; retries under a `throttle` (the platform's own flow control); and a breaker built
 * from the SDK's primitives — a small in-process breaker that opens after a few failures and then fails steps
 * fast with `NonRetriableError` instead of calling. The dependency counts the calls that reach it.
 */
import { Inngest, NonRetriableError } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'rt-03' });
const RUNS = 6;
const RETRIES = 3;
/** Failures in a row after which the breaker opens. */
const TRIP_AFTER = 3;
/** How long an open breaker refuses calls before letting one through again. */
const OPEN_FOR_MS = 30_000;

/** Calls the dependency; any non-2xx answer is an error, so the step fails and is retried. */
async function callPayments(url: string): Promise<number> {
  const res = await fetch(url, { method: 'POST' });
  if (!res.ok) throw new Error(`payments API answered ${res.status}`);
  return res.status;
}

const plain = inngest.createFunction(
  { id: 'rt-03-plain', triggers: [{ event: 'probe/rt-03.plain' }], retries: RETRIES },
  async ({ event, step }) => step.run('charge via payments API', () => callPayments(event.data.url)),
);

const throttled = inngest.createFunction(
  { id: 'rt-03-throttled', triggers: [{ event: 'probe/rt-03.throttled' }], retries: RETRIES, throttle: { limit: 1, period: '5s' } },
  async ({ event, step }) => step.run('charge via payments API', () => callPayments(event.data.url)),
);

/** The breaker's state lives in the worker process: shared by every run this worker executes. */
const breaker = { failures: 0, openedAt: 0 };

const guarded = inngest.createFunction(
  { id: 'rt-03-breaker', triggers: [{ event: 'probe/rt-03.breaker' }], retries: RETRIES },
  async ({ event, step }) =>
    step.run('charge via payments API', async () => {
      if (breaker.openedAt && Date.now() - breaker.openedAt < OPEN_FOR_MS) {
        record('breaker: refused while open');
        throw new NonRetriableError('circuit open: payments API is failing, not calling it');
      }
      try {
        const status = await callPayments(event.data.url);
        breaker.failures = 0;
        breaker.openedAt = 0;
        return status;
      } catch (error) {
        if (++breaker.failures >= TRIP_AFTER) breaker.openedAt = Date.now();
        throw error;
      }
    }),
);

export default defineProbe({
  id: 'RT-03',
  question: 'Does anything stop calls to a failing dependency, and how much does a breaker built from Inngest primitives cut them?',
  budgetMs: 150_000,
  needs: { flags: ['--retry-interval', '1'] }, // a short linear retry interval on the server
  client: inngest,
  functions: [plain, throttled, guarded],

  async run(t) {
    for (const variant of ['plain', 'throttled', 'breaker'] as const) {
      // 1. A dependency that is down, and RUNS runs that need it.
      const payments = await t.startDependency({ status: 503 });
      const started = Date.now();
      const events = [];
      for (let i = 0; i < RUNS; i++) events.push(await t.send(`probe/rt-03.${variant}`, { url: payments.url }));

      // 2. Let every run end (or give up waiting on the slow, throttled ones).
      const ended = [];
      for (const id of events) {
        const [run] = await t.waitForRuns(id);
        ended.push(await t.waitForEnd(run!.id, { timeoutMs: 90_000 }).catch(() => null));
      }
      const span = Math.max(...payments.calls) - started;

      // 3. How much load reached the dependency, and how fast.
      t.metric(`${variant}: calls that reached the failing API`, 'calls', payments.calls.length);
      t.metric(`${variant}: first to last call`, 'ms', span);
      t.check(`${variant}: every run ended FAILED`, Array(RUNS).fill('FAILED'), ended.map((r) => r?.status ?? 'not ended'));
      if (variant === 'plain') t.check('plain retries: every attempt hits the API (nothing stops it)', RUNS * (RETRIES + 1), payments.calls.length);
      if (variant === 'throttled') t.check('throttle: still every attempt hits the API, only spread out', RUNS * (RETRIES + 1), payments.calls.length);
      if (variant === 'breaker') {
        // It opens after TRIP_AFTER failures; the other runs' calls already under way then still arrive, at most one
        // per other run. Without a breaker every attempt would call (the plain variant's count).
        const ceiling = TRIP_AFTER + (RUNS - 1);
        t.check(`breaker: calls cut to at most ${TRIP_AFTER} + one already in flight per other run`, `≤ ${ceiling} (plain: ${RUNS * (RETRIES + 1)})`, payments.calls.length, payments.calls.length <= ceiling);
        t.metric('breaker: steps refused while open', 'steps', t.ledger.count('breaker: refused while open'));
      }
    }
  },
});
