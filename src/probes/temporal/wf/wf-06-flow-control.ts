/**
 * WF-06 · Queue / flow control (Temporal)
 *
 * Question: which flow-control mechanisms does Temporal have, do they do what they say, and for Inngest's options
 * that Temporal has no form of (debounce, batching, singleton), what does a user build instead, and does it work?
 *
 * How: every job is a workflow running one activity that records when it starts and ends. Built by hand, on the
 * default worker: a singleton (one workflow id; a start while it runs is refused), a debounce (signal-with-start into
 * a workflow that waits for 2 s of quiet) and a batcher (signal-with-start into a workflow that flushes five items
 * or after 3 s). Native mechanisms, each on a worker restarted with the option under test:
 * - the worker's activity slots (`maxConcurrentActivityTaskExecutions: 2`), six jobs at once;
 * - the task queue's rate limit (`maxTaskQueueActivitiesPerSecond: 2`, enforced by the server), six jobs at once;
 * - priority keys (1 urgent, 5 low) with one slot: a blocker holds it, three low jobs and one urgent queue behind
 *   it, two rounds per server configuration. The dev server gives a task queue four partitions and runs the old
 *   matcher (`matching.useNewMatcher` and `matching.enableFairness` are both off by default in server 1.29.1,
 *   common/dynamicconfig/constants.go), and the docs say priority holds within one partition; so the probe
 *   restarts the server three times: one partition with the old matcher (the control), one partition with the new
 *   matcher and fairness, and four partitions with the new matcher;
 * - fairness keys on the one-partition server with fairness on: tenant A queues eight jobs, then tenant B two;
 *   where do B's start?
 * https://docs.temporal.io/develop/task-queue-priority-fairness · https://docs.temporal.io/develop/worker-performance
 */
import { WorkflowExecutionAlreadyStartedError, type WorkflowHandle } from '@temporalio/client';
import type { Priority } from '@temporalio/common';
import { defineProbe, hold, record, type LedgerEntry, type ProbeContext, type WorkerTuning } from '../harness/index.ts';

const WORK_MS = 1_500;
const QUEUED_MS = 500;
/** How long the blocker holds the one slot: long enough to queue four jobs one after the other behind it. */
const BLOCK_MS = 3_000;
const QUIET_MS = 2_000;
const BATCH = 5;
const BATCH_TIMEOUT_MS = 3_000;
const RATE = 2;
const LOWS = ['low 1', 'low 2', 'low 3'];
const ROUNDS = 2;
/** The dev server gives every task queue four partitions; priority and fairness are enforced within one. */
const ONE_PARTITION = ['--dynamic-config-value', 'matching.numTaskqueueReadPartitions=1', '--dynamic-config-value', 'matching.numTaskqueueWritePartitions=1'];
/** The priority matcher and fairness, both off by default in server 1.29.1. */
const NEW_MATCHER = ['--dynamic-config-value', 'matching.useNewMatcher=true', '--dynamic-config-value', 'matching.enableFairness=true'];

export const activities = {
  async work(label: string, data: Record<string, unknown>, ms: number): Promise<void> {
    record(`${label}: start`, data);
    await hold(ms);
    record(`${label}: end`, data);
  },
  async processBatch(items: number[]): Promise<void> {
    record('batch', { items });
  },
};

/** The most intervals [start, end] that overlap at any instant. */
function maxInFlight(starts: LedgerEntry[], ends: LedgerEntry[]): number {
  const edges = [...starts.map((e) => ({ at: e.at, d: 1 })), ...ends.map((e) => ({ at: e.at, d: -1 }))].sort((a, b) => a.at - b.at || a.d - b.d);
  let now = 0;
  let most = 0;
  for (const edge of edges) most = Math.max(most, (now += edge.d));
  return most;
}

/** Restarts the worker with other options (the JSON-serialisable worker options cross into its process as they are). */
async function restartWorker(t: ProbeContext, options: WorkerTuning): Promise<void> {
  await t.worker.kill();
  await t.worker.start({ options });
}

export default defineProbe({
  id: 'WF-06',
  question: 'Which flow controls does Temporal have (slots, priority, fairness, rate limit), do they hold, and what replaces the ones it lacks?',
  budgetMs: 180_000,
  workflows: new URL('./wf-06-flow-control.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    let n = 0;
    const job = (label: string, data: Record<string, unknown>, ms: number, priority?: Priority) =>
      t.client.workflow.start('job', { taskQueue: t.taskQueue, workflowId: t.workflowId(`${label}-${n++}`.replace(/\W+/g, '-')), args: [label, data, ms], priority });
    const data = <T>(e: LedgerEntry) => e.data as T;

    // 1. Built by hand: singleton, debounce, batching (default worker).
    const singletonId = t.workflowId('nightly-import');
    const answers: string[] = [];
    for (let i = 0; i < 3; i++) {
      await t.client.workflow.start('job', { taskQueue: t.taskQueue, workflowId: singletonId, args: ['singleton', { n: i }, WORK_MS] }).then(
        () => answers.push('started'),
        (e: Error) => answers.push(e instanceof WorkflowExecutionAlreadyStartedError ? 'WorkflowExecutionAlreadyStartedError' : e.name),
      );
    }
    const debounceId = t.workflowId('debounce');
    let lastEdit = 0;
    for (let i = 0; i < 5; i++) {
      await t.client.workflow.signalWithStart('debouncer', { taskQueue: t.taskQueue, workflowId: debounceId, args: [QUIET_MS], signal: 'edit', signalArgs: [i] });
      lastEdit = Date.now();
      await t.pause(200, 'space the edits');
    }
    const batchId = t.workflowId('batcher');
    for (let i = 0; i < 12; i++) await t.client.workflow.signalWithStart('batcher', { taskQueue: t.taskQueue, workflowId: batchId, args: [BATCH, BATCH_TIMEOUT_MS], signal: 'item', signalArgs: [i] });
    await Promise.all([singletonId, debounceId, batchId].map((id) => t.client.workflow.getHandle(id).result()));

    t.check('singleton by workflow id: answers to 3 starts while the job runs', ['started', 'WorkflowExecutionAlreadyStartedError', 'WorkflowExecutionAlreadyStartedError'], answers);
    t.check('singleton by workflow id: one run while the job is running', 1, t.ledger.count('singleton: start'));
    const debounced = t.ledger.entries('debounce: start');
    t.check('debounce by signal-with-start: 5 edits became one run, with the last edit', [4], debounced.map((e) => data<{ n: number }>(e).n));
    if (debounced[0]) t.metric(`debounce ${QUIET_MS} ms: last edit to the run`, 'ms', debounced[0].at - lastEdit);
    const batches = t.ledger.entries('batch').map((e) => data<{ items: number[] }>(e).items);
    t.check(`batching by signal-with-start, max ${BATCH}: every item in exactly one batch, in order`, Array.from({ length: 12 }, (_, i) => i), batches.flat());
    t.check(`batching by signal-with-start, max ${BATCH}: batch sizes`, [5, 5, 2], batches.map((b) => b.length));

    // 2. Worker slots: six jobs at once on a worker with two activity slots.
    await restartWorker(t, { maxConcurrentActivityTaskExecutions: 2 });
    const slotted = await Promise.all(Array.from({ length: 6 }, () => job('slots', {}, WORK_MS)));
    await Promise.all(slotted.map((h) => h.result()));
    t.check('concurrency limit 2 (maxConcurrentActivityTaskExecutions): most runs at once', 2, maxInFlight(t.ledger.entries('slots: start'), t.ledger.entries('slots: end')));

    // 3. The task queue's rate limit, set by the worker and enforced by the server (dev server defaults).
    await restartWorker(t, { maxConcurrentActivityTaskExecutions: 100, maxTaskQueueActivitiesPerSecond: RATE });
    const limited = await Promise.all(Array.from({ length: 6 }, () => job('rate', {}, 0)));
    await Promise.all(limited.map((h) => h.result()));
    const rateStarts = t.ledger.entries('rate: start').map((e) => e.at).sort((a, b) => a - b);
    const span = rateStarts.at(-1)! - rateStarts[0]!;
    t.metric(`task queue rate limit ${RATE}/s: first to last of 6 starts`, 'ms', span);
    t.metric(`task queue rate limit ${RATE}/s: gaps between starts`, 'ms', rateStarts.slice(1).map((at, i) => at - rateStarts[i]!));
    t.check(`task queue rate limit ${RATE}/s: every job ran, none dropped`, 6, rateStarts.length);
    // At 2 per second six starts need about 2 s; a small burst may shorten that. An unlimited queue starts all six in
    // well under half a second.
    t.check(`task queue rate limit ${RATE}/s: first to last of 6 starts`, '≥ 1500 ms (all six at once would take well under 500 ms)', `${span} ms`, span >= 1_500);

    // 4. Priority, one slot: a blocker holds it while three low jobs and one urgent queue behind it, each job's
    // activity scheduled (seen in its history) before the next job starts, so "earlier" is the server's own order.
    // First on one task queue partition with the old matcher (the control: first in, first out), then one
    // partition with the new matcher, then the dev server's four partitions with the new matcher.
    const scheduled = async (h: WorkflowHandle) => {
      for (let i = 0; i < 100; i++) {
        const at = (await t.history(h)).find((e) => e.type === 'ACTIVITY_TASK_SCHEDULED')?.time;
        if (at) return at;
        await t.pause(25, "wait for the job's activity to be scheduled");
      }
      throw new Error(`${h.workflowId}: no activity scheduled`);
    };
    const priorityRounds = async (label: string) => {
      const orders: string[][] = [];
      let queuedInTime = 0;
      for (let round = 0; round < ROUNDS; round++) {
        const blocker = await job(label, { name: 'blocker', round }, BLOCK_MS, { priorityKey: 3 });
        await t.ledger.waitFor(`${label}: start`, orders.length * (LOWS.length + 2) + 1);
        const queued: WorkflowHandle[] = [];
        let lastScheduled = 0;
        for (const [name, priorityKey] of [...LOWS.map((l) => [l, 5] as const), ['urgent', 1] as const]) {
          const h = await job(label, { name, round }, QUEUED_MS, { priorityKey });
          lastScheduled = await scheduled(h);
          queued.push(h);
        }
        await Promise.all([blocker, ...queued].map((h) => h.result()));
        const starts = t.ledger.entries(`${label}: start`).filter((e) => data<{ round: number }>(e).round === round);
        const blockerEnd = t.ledger.entries(`${label}: end`).find((e) => data<{ name: string; round: number }>(e).round === round && data<{ name: string }>(e).name === 'blocker')!.at;
        if (lastScheduled < blockerEnd) queuedInTime++;
        orders.push(starts.map((e) => data<{ name: string }>(e).name).filter((name) => name !== 'blocker'));
      }
      orders.forEach((order, round) => t.note(`${label}, round ${round + 1}: start order ${order.join(' → ')}`));
      t.check(`${label}: rounds in which all four jobs were queued while the blocker held the slot`, ROUNDS, queuedInTime);
      return orders.map((order) => order.slice(order.indexOf('urgent') + 1).filter((name) => LOWS.includes(name)).length);
    };

    await t.server.restart({ flags: ONE_PARTITION });
    await restartWorker(t, { maxConcurrentActivityTaskExecutions: 1 });
    const overtakenOld = await priorityRounds('priority old matcher');
    t.check('priority, one partition, old matcher (the 1.29.1 default): earlier low jobs the urgent one overtook, per round', Array(ROUNDS).fill(0), overtakenOld);

    await t.server.restart({ flags: [...ONE_PARTITION, ...NEW_MATCHER] });
    const overtakenNew = await priorityRounds('priority new matcher');
    t.check('priority, one partition, matching.useNewMatcher: earlier low jobs the urgent one overtook, per round', Array(ROUNDS).fill(LOWS.length), overtakenNew);

    // 5. Fairness keys on that server: tenant A's eight jobs are queued first, then tenant B's two, all of one priority.
    const fairBlocker = await job('fairness', { tenant: 'blocker' }, 2 * BLOCK_MS, { fairnessKey: 'blocker' });
    await t.ledger.waitFor('fairness: start', 1);
    const fair: WorkflowHandle[] = [];
    for (const tenant of [...Array(8).fill('A'), 'B', 'B'] as string[]) {
      const h = await job('fairness', { tenant }, QUEUED_MS / 2, { fairnessKey: `tenant-${tenant}` });
      await scheduled(h);
      fair.push(h);
    }
    await Promise.all([fairBlocker, ...fair].map((h) => h.result()));
    const fairOrder = t.ledger.entries('fairness: start').map((e) => data<{ tenant: string }>(e).tenant).filter((x) => x !== 'blocker');
    const bPlaces = fairOrder.flatMap((x, i) => (x === 'B' ? [i + 1] : []));
    t.check("fairness keys: start places of tenant B's 2 jobs, queued after tenant A's 8 (first in, first out: 9 and 10)", 'both in the first half (≤ 5)', bPlaces, bPlaces.length === 2 && bPlaces.every((p) => p <= 5));
    t.note(`Fairness start order: ${fairOrder.join(' ')}`);

    // 6. Priority on the dev server's own four partitions, with the new matcher.
    await t.server.restart({ flags: NEW_MATCHER });
    const overtakenFour = await priorityRounds('priority four partitions');
    t.check(
      'priority, four partitions (dev default), matching.useNewMatcher: earlier low jobs the urgent one overtook, per round',
      `more than 0 in total over ${ROUNDS} rounds`,
      overtakenFour,
      overtakenFour.reduce((a, b) => a + b, 0) > 0,
    );
  },
});
