/**
 * EX-05 · Determinism constraints (Temporal)
 *
 * Question: which code must be deterministic? In Temporal the whole workflow function must: the worker keeps no
 * state the server does not have, so after a crash (or whenever a workflow leaves the worker's cache) it runs the
 * workflow code again from the start against the recorded event history. How often does that happen, and what do
 * random values, the clock and outside calls in workflow code do meanwhile?
 *
 * How: a pricing workflow (`ex-05-determinism-constraints.workflows.ts`) with three activities and two timers.
 * Outside the activities it takes `Math.random()`, `Date.now()`, `new Date()` and the SDK's `uuid4()`, and records
 * them through a sink that is called on replay too; each activity draws a real random number. The probe runs it
 * twice: on a worker with the default workflow cache that it SIGKILLs and restarts mid-run, and on a worker
 * without a cache (`maxCachedWorkflows: 0`, so every workflow task replays from the start). Then it tries the
 * outside world from workflow code: reading `process.env`, calling an HTTP service with `fetch`, and importing
 * `node:fs` (bundled only).
 */
import { fileURLToPath } from 'node:url';
import { activityInfo } from '@temporalio/activity';
import type { WorkflowHandle } from '@temporalio/client';
import { bundleWorkflowCode } from '@temporalio/worker';
import { defineProbe, record, type ProbeContext } from '../harness/index.ts';

export const activities = {
  /** An activity may do anything: here it draws a real random number, which the history then remembers. */
  async draw(label: string): Promise<number> {
    const value = Math.random();
    record('activity drew', { label, value, attempt: activityInfo().attempt });
    return value;
  },
};

const VARIANTS = [
  { variant: 'worker restarted mid-run', options: {} },
  // https://typescript.temporal.io/api/interfaces/worker.WorkerOptions#maxcachedworkflows: 0 disables the cache.
  { variant: 'no workflow cache', options: { maxCachedWorkflows: 0 } },
] as const;

interface Entered {
  random: number;
  clock: number;
  newDate: number;
  clockBeforeBusyWork: number;
  uuid: string;
  globals: Record<string, string>;
  replaying: boolean;
}

/** What a workflow stuck on a failing workflow task looks like after a short wait. */
async function blocked(t: ProbeContext, handle: WorkflowHandle) {
  const { status, raw } = await handle.describe();
  const failed = (await t.history(handle)).filter((e) => e.type === 'WORKFLOW_TASK_FAILED');
  return { status: status.name, failure: failed[0]?.failure ?? 'none', failedEvents: failed.length, attempts: raw.pendingWorkflowTask?.attempt ?? 0 };
}

export default defineProbe({
  id: 'EX-05',
  question: 'How often does workflow code re-run, and what happens to random values, the clock and outside calls there?',
  budgetMs: 60_000,
  workflows: new URL('./ex-05-determinism-constraints.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    for (const { variant, options } of VARIANTS) {
      // 1. A fresh worker for the variant; without a cache, every workflow task is a replay from the start.
      await t.worker.kill();
      await t.worker.start({ options });
      const handle = await t.client.workflow.start('pricing', { taskQueue: t.taskQueue, workflowId: t.workflowId(variant.replace(/\W+/g, '-')), args: [variant] });

      // 2. On the cached worker, crash it after the first activity: the new worker must replay to go on.
      let crashedAt = 0;
      if (variant === 'worker restarted mid-run') {
        await t.ledger.waitFor(`${variant}: saw a`);
        crashedAt = Date.now();
        await t.worker.kill();
        await t.worker.start();
      }
      const output = await handle.result();
      // The crashed worker's next workflow task first waits out its sticky queue (WorkerOptions.stickyQueueScheduleToStartTimeout).
      if (crashedAt) t.metric(`${variant}: crash to run completed`, 'ms', Date.now() - crashedAt);

      // 3. What the workflow code saw on each of its executions, and what the history recorded.
      const events = await t.history(handle);
      const entries = t.ledger.entries(`${variant}: entered`).map((e) => e.data as Entered);
      const first = entries.find((e) => !e.replaying);
      const distinct = (pick: (e: Entered) => unknown) => new Set(entries.map(pick)).size;
      const sawA = new Set(t.ledger.entries(`${variant}: saw a`).map((e) => (e.data as { a: number }).a));
      const sawB = new Set(t.ledger.entries(`${variant}: saw b`).map((e) => (e.data as { b: number }).b));
      const finals = t.ledger.entries(`${variant}: reached the end`).map((e) => e.data as { a: number; b: number; c: number });
      const firstTaskStarted = events.find((e) => e.type === 'WORKFLOW_TASK_STARTED');

      t.metric(`${variant}: times the workflow code was entered`, 'times', entries.length);
      t.metric(`${variant}: of which replays`, 'times', entries.filter((e) => e.replaying).length);
      t.metric(`${variant}: distinct random values drawn outside activities`, 'values', distinct((e) => e.random));
      t.metric(`${variant}: times code after "draw a" saw its output`, 'times', t.ledger.count(`${variant}: saw a`));
      t.check(`${variant}: run completed`, 'COMPLETED', (await handle.describe()).status.name);
      // Replay is what the question is about: one execution would leave nothing to compare.
      t.check(`${variant}: the workflow code was entered more than once`, '> 1', entries.length, entries.length > 1);
      // The sandbox's Math.random is seeded per run, Date is the workflow task's time, uuid4() draws from the same
      // seeded stream (packages/workflow/src/global-overrides.ts and workflow.ts at v1.24.0).
      const fixed = { 'Math.random()': distinct((e) => e.random), 'Date.now()': distinct((e) => e.clock), 'new Date()': distinct((e) => e.newDate), 'uuid4()': distinct((e) => e.uuid) };
      t.check(`${variant}: distinct outside values per kind, against entries`, { 'Math.random()': 1, 'Date.now()': 1, 'new Date()': 1, 'uuid4()': 1 }, fixed);
      t.check(`${variant}: "draw a" output identical on every entry`, 1, sawA.size);
      t.check(`${variant}: "draw b" output identical on every entry`, 1, sawB.size);
      t.check(`${variant}: activity executions`, 3, t.ledger.entries('activity drew').filter((e) => output && Object.values(output).includes((e.data as { value: number }).value)).length);
      t.check(`${variant}: the end of the workflow code ran once`, 1, finals.length);
      const final = finals[0];
      t.check(`${variant}: run output equals the activity outputs the code saw`, final ? { a: final.a, b: final.b, c: final.c } : null, output);
      t.check(`${variant}: Date.now() minus the first WORKFLOW_TASK_STARTED event time`, '0 ms', `${first && firstTaskStarted ? first.clock - firstTaskStarted.time : 'n/a'} ms`);
      t.check(`${variant}: how far the clock moved through busy work in workflow code`, '0 ms', first ? `${first.clock - first.clockBeforeBusyWork} ms` : 'n/a');
      t.check(`${variant}: timers in the history (sleep and setTimeout)`, 2, events.filter((e) => e.type === 'TIMER_STARTED').length);
      if (variant === 'no workflow cache') t.check('globals missing from the sandbox', { crypto: 'undefined', process: 'undefined', fetch: 'undefined' }, first?.globals ?? null);
    }

    // 4. The outside world from workflow code: the environment and an HTTP call fail the workflow task.
    const quotes = await t.startDependency({ status: 200 });
    const envHandle = await t.client.workflow.start('readsEnvironment', { taskQueue: t.taskQueue, workflowId: t.workflowId('reads-env') });
    const httpHandle = await t.client.workflow.start('callsHttp', { taskQueue: t.taskQueue, workflowId: t.workflowId('calls-http'), args: [quotes.url] });
    await t.pause(5_000, 'let the failing workflow tasks be retried');
    for (const [what, handle] of [['process.env', envHandle], ['fetch()', httpHandle]] as const) {
      const seen = await blocked(t, handle);
      t.check(`${what} in workflow code: run outcome`, 'RUNNING', seen.status);
      // Errors other than a Temporal failure fail the workflow task, which is retried, not the workflow
      // (see `WorkerOptions` on failure exception types, packages/worker/src/worker-options.ts at v1.24.0).
      t.check(`${what} in workflow code: the error in WORKFLOW_TASK_FAILED`, 'a ReferenceError', seen.failure, /is not defined/.test(seen.failure));
      t.metric(`${what} in workflow code: WORKFLOW_TASK_FAILED events in the history`, 'events', seen.failedEvents);
      t.metric(`${what} in workflow code: workflow task attempts within the wait`, 'attempts', seen.attempts);
      await handle.terminate('EX-05 observed enough');
    }
    t.check('calls to the external service made from workflow code', 0, quotes.calls.length);

    // 5. A Node built-in imported by workflow code never reaches a worker: the bundler refuses it
    // (packages/worker/src/workflow/bundler.ts at v1.24.0 allows only assert, url and util).
    const nodeFs = fileURLToPath(new URL('./ex-05-determinism-constraints.node-fs.workflows.ts', import.meta.url));
    const logged: string[] = [];
    const logger = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (message: string) => void logged.push(message) };
    const refused = await bundleWorkflowCode({ workflowsPath: nodeFs, logger }).then(() => null, (e: Error) => e.message);
    t.check('importing node:fs in workflow code: the bundler refuses it', 'an error', refused?.split('\n')[0]?.slice(0, 160) ?? 'bundled', refused !== null);
    const why = logged.join('\n').split('\n').map((l) => l.trim()).filter((l) => /node:fs|fs'|disallowed|Error/i.test(l));
    t.note(`The bundler on node:fs:\n${[refused?.split('\n')[0] ?? 'bundled', ...why.slice(0, 4)].join('\n')}`);
  },
});
