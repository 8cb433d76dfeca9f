/**
 * RT-03 · Circuit breaker (Temporal)
 *
 * Question: when a dependency is down, does anything stop Temporal from hammering it? Temporal has no circuit
 * breaker of its own; how much load do its primitives take off the dependency (worker and task-queue rate limits,
 * https://docs.temporal.io/develop/worker-performance), and what does the best breaker built from them achieve?
 *
 * How: a stand-in payments API on loopback answers 503. Ten workflows charge a card through it, each retrying its
 * activity every second without end. Four variants, each against a fresh API for the same failing window, after
 * which the API recovers and every workflow must complete:
 * - plain retries;
 * - the worker's own rate limit on activities (`maxActivitiesPerSecond`);
 * - the task queue's rate limit, enforced by the server for all workers of the queue (`maxTaskQueueActivitiesPerSecond`);
 * - a breaker in the activity's process: after a few failures in a row it opens and refuses calls without making
 *   them, asking Temporal to retry once the breaker will let a trial call through (`ApplicationFailure` with
 *   `nextRetryDelay`); a trial that succeeds closes it.
 * The API records when each call arrived, so the probe sees calls per second over time, not just totals.
 */
import { ApplicationFailure } from '@temporalio/common';
import { defineProbe, record, type WorkerTuning } from '../harness/index.ts';

const WORKFLOWS = 10;
/** How long the API stays down in each variant. */
const FAIL_MS = 6_000;
/** The rate limit of both rate-limit variants, activities per second. */
const RATE = 2;
/**
 * How many tasks a task queue's rate limit lets through at once. The matching service divides the limit by the
 * queue's read partitions (4 by default), and each partition's bucket holds max(⌈its rate⌉, 1) tokens: here four
 * partitions at 0.5/s, one token each. Server 1.29.1:
 * https://github.com/temporalio/temporal/blob/4c2403736409e6f38972df3be4de480026a5b6fa/service/matching/ratelimit_manager.go#L142-L147
 * https://github.com/temporalio/temporal/blob/4c2403736409e6f38972df3be4de480026a5b6fa/service/matching/ratelimit_manager.go#L245-L250
 * https://github.com/temporalio/temporal/blob/4c2403736409e6f38972df3be4de480026a5b6fa/common/dynamicconfig/shared_constants.go#L9
 */
const PARTITIONS = 4;
const TASK_QUEUE_BURST = PARTITIONS * Math.max(Math.ceil(RATE / PARTITIONS), 1);
/** Failures in a row after which the breaker opens, and how long it then refuses calls before one trial call. */
const TRIP_AFTER = 3;
const OPEN_MS = 2_000;

/** Calls the payments API; any non-2xx answer fails the attempt, so Temporal retries it. */
async function callPayments(url: string): Promise<number> {
  const res = await fetch(url, { method: 'POST' });
  if (!res.ok) throw new Error(`payments API answered ${res.status}`);
  return res.status;
}

/** The breaker's state lives in the worker process: shared by every activity this worker runs, and by no other worker. */
const breaker = { failures: 0, openedAt: 0, open: false, trialInFlight: false };

export const activities = {
  chargeCard: callPayments,
  async chargeCardThroughBreaker(url: string): Promise<number> {
    if (breaker.open) {
      const reopensIn = breaker.openedAt + OPEN_MS - Date.now();
      if (reopensIn > 0 || breaker.trialInFlight) {
        record('breaker: refused');
        // Not a call: a failure that tells the server when a retry could get through.
        throw ApplicationFailure.create({ type: 'CircuitOpen', message: 'circuit open: payments API is failing', nextRetryDelay: Math.max(reopensIn, 0) + 100 });
      }
      breaker.trialInFlight = true; // half-open: this call is the trial
    }
    try {
      const status = await callPayments(url);
      Object.assign(breaker, { failures: 0, open: false, trialInFlight: false });
      return status;
    } catch (error) {
      breaker.failures++;
      if (breaker.open || breaker.failures >= TRIP_AFTER) Object.assign(breaker, { open: true, openedAt: Date.now() });
      breaker.trialInFlight = false;
      throw error;
    }
  },
};

/** Calls in each whole second from `from`, over `ms`. */
function perSecond(calls: number[], from: number, ms: number): number[] {
  const buckets = Array<number>(Math.ceil(ms / 1000)).fill(0);
  for (const at of calls) if (at >= from && at < from + ms) buckets[Math.floor((at - from) / 1000)]!++;
  return buckets;
}

type Variant = 'plain retries' | 'breaker' | 'worker rate limit' | 'task-queue rate limit';
/** Worker options per variant (the harness passes them through to the SDK's Worker.create). */
const WORKER: Record<Variant, WorkerTuning> = {
  'plain retries': {},
  breaker: {},
  'worker rate limit': { maxActivitiesPerSecond: RATE },
  // Last: the server keeps a task queue's rate limit after the worker that set it is gone.
  'task-queue rate limit': { maxTaskQueueActivitiesPerSecond: RATE },
};

export default defineProbe({
  id: 'RT-03',
  question: 'Does anything stop calls to a failing dependency, and how much do rate limits and a breaker built from Temporal primitives cut them?',
  budgetMs: 180_000,
  workflows: new URL('./rt-03-circuit-breaker.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const totals: Record<string, number> = {};
    for (const variant of Object.keys(WORKER) as Variant[]) {
      // 1. The worker for this variant, and a payments API that is down.
      if (Object.keys(WORKER[variant]).length > 0) {
        await t.worker.kill();
        await t.worker.start({ options: WORKER[variant] });
      }
      const payments = await t.startDependency({ status: 503 });
      const handles = await Promise.all(
        Array.from({ length: WORKFLOWS }, (_, i) =>
          t.client.workflow.start('charge', { taskQueue: t.taskQueue, workflowId: t.workflowId(`${variant.replace(/\W+/g, '-')}-${i}`), args: [payments.url, variant === 'breaker'] }),
        ),
      );

      // 2. The failing window, from the first call; then the API recovers, and every workflow must complete.
      while (payments.calls.length === 0) await t.pause(20, 'wait for the first call');
      const from = payments.calls[0]!;
      await t.pause(from + FAIL_MS - Date.now(), 'the payments API is down');
      const failing = payments.calls.filter((at) => at < from + FAIL_MS);
      payments.setStatus(200);
      const recoveredAt = Date.now();
      const results = await Promise.all(handles.map((h) => h.result().then(() => 'COMPLETED', (e: Error) => `FAILED: ${e.message}`)));
      t.metric(`${variant}: API recovered → every workflow completed`, 'ms', Date.now() - recoveredAt);
      t.check(`${variant}: every workflow completes once the API is back`, WORKFLOWS, results.filter((r) => r === 'COMPLETED').length);

      // 3. Load on the API while it was down: calls per second, and the total.
      const series = perSecond(failing, from, FAIL_MS);
      totals[variant] = failing.length;
      t.metric(`${variant}: calls in each second while the API was down`, 'calls', series);
      const observed = `${failing.length} calls; per second: ${series.join(', ')}`;
      if (variant === 'plain retries') {
        // Every workflow retries once a second: nothing stops it. One second of slack for the first dispatch.
        const floor = WORKFLOWS * (FAIL_MS / 1000 - 1);
        t.check('plain retries: every workflow keeps calling about once a second', `≥ ${floor} calls (${WORKFLOWS} workflows × 1/s)`, observed, failing.length >= floor);
      } else if (variant === 'breaker') {
        // Calls already under way when it opens still arrive (at most one per workflow), then one trial per open period.
        const ceiling = WORKFLOWS + Math.ceil(FAIL_MS / OPEN_MS);
        t.check(`breaker: calls cut to the first wave plus one trial per ${OPEN_MS / 1000} s open`, `≤ ${ceiling} calls`, observed, failing.length <= ceiling);
        t.metric('breaker: attempts refused without calling the API', 'attempts', t.ledger.count('breaker: refused'));
      } else {
        // A limit of RATE per second over the window, plus what the limiter lets through at once: the worker's
        // holds one second's worth; the server splits a task queue's limit over its read partitions, each a
        // bucket of at least one task (see TASK_QUEUE_BURST).
        const burst = variant === 'task-queue rate limit' ? TASK_QUEUE_BURST : RATE;
        const ceiling = RATE * (FAIL_MS / 1000) + burst;
        t.check(`${variant} ${RATE}/s: calls held to the limit`, `≤ ${ceiling} calls (${RATE}/s + a burst of ${burst})`, observed, failing.length <= ceiling);
        t.metric(`${variant}: most calls in one second`, 'calls', Math.max(...series));
      }
    }
    t.note(`Calls that reached the failing API in ${FAIL_MS / 1000} s: ${Object.entries(totals).map(([v, n]) => `${v} ${n}`).join(', ')}.`);
  },
});
