/**
 * EX-06 · Determinism-violation handling (Temporal)
 *
 * Question: what does the platform do when a redeploy changes a workflow's activities under a workflow that is in
 * flight? Does it notice (error, warning) or carry on silently, what happens to the run, and to effects that
 * already happened? And how does the run recover?
 *
 * How: one workflow type, four kinds of change. Each workflow completes "reserve stock" and "charge card", then
 * sleeps. While it sleeps the probe redeploys: the worker is killed and started again on code v2
 * (`ex-06-determinism-violation.v2.workflows.ts`, no `patched()`), in which a completed activity was renamed, two
 * were swapped, one was removed, or a new one was inserted before them. When the timer fires the v2 worker replays
 * the history with the new code. The probe watches for a bounded time, reads each workflow's state, its
 * WORKFLOW_TASK_FAILED events and what the worker logged, counts effects in the ledger; then rolls back to v1.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { defineProbe, record } from '../harness/index.ts';
import type { Change } from './ex-06-determinism-violation.workflows.ts';

const CHANGES: Change[] = ['renamed', 'reordered', 'removed', 'inserted'];
const WATCH_MS = 20_000;
const RETRY_WATCH_MS = 5_000;

export const activities = {
  async reserveStock(change: Change) {
    record(`${change}: stock reserved`);
  },
  async chargeCard(change: Change) {
    record(`${change}: card charged`);
  },
  /** v2's new name for chargeCard. */
  async chargeCustomer(change: Change) {
    record(`${change}: card charged`);
  },
  /** v2's new activity, inserted before the completed ones. */
  async checkFraud(change: Change) {
    record(`${change}: fraud checked`);
  },
  async shipParcel(change: Change) {
    record(`${change}: parcel shipped`);
  },
};

export default defineProbe({
  id: 'EX-06',
  question: 'What happens when a redeploy renames, reorders, removes or inserts activities under a running workflow?',
  budgetMs: 60_000,
  workflows: new URL('./ex-06-determinism-violation.workflows.ts', import.meta.url),
  deployments: { v2: new URL('./ex-06-determinism-violation.v2.workflows.ts', import.meta.url) },
  activities,

  async run(t) {
    // 1. Start one workflow per kind of change; wait until each has charged the card and gone to sleep.
    const handles = new Map<Change, WorkflowHandle>();
    for (const change of CHANGES) {
      handles.set(change, await t.client.workflow.start('fulfilOrder', { taskQueue: t.taskQueue, workflowId: t.workflowId(change), args: [change] }));
    }
    for (const change of CHANGES) await t.ledger.waitFor(`${change}: card charged`);

    // 2. Redeploy: the same workflow type, code v2.
    const before = t.worker.output().length;
    await t.worker.kill();
    await t.worker.start({ deployment: 'v2' });
    const redeployedAt = Date.now();

    // 3. Watch for a bounded time: until every workflow task has failed on the new code, then a little longer to
    //    see it retried. A crashed worker's workflows first wait out its sticky queue's schedule-to-start timeout.
    const deadline = Date.now() + WATCH_MS;
    const failedYet = async (h: WorkflowHandle) => (await t.history(h)).some((e) => e.type === 'WORKFLOW_TASK_FAILED');
    while (Date.now() < deadline && !(await Promise.all([...handles.values()].map(failedYet))).every(Boolean)) await t.pause(250, 'poll the histories');
    await t.pause(RETRY_WATCH_MS, 'watch the failed workflow tasks being retried');
    const reported: string[] = [];
    for (const change of CHANGES) {
      const handle = handles.get(change)!;
      const { status, raw } = await handle.describe();
      const events = await t.history(handle);
      const failed = events.filter((e) => e.type === 'WORKFLOW_TASK_FAILED');
      const count = (effect: string) => t.ledger.count(`${change}: ${effect}`);
      t.check(`${change}: run outcome`, 'RUNNING', status.name);
      t.check(`${change}: the workflow task fails with a non-determinism error`, 'NON_DETERMINISTIC_ERROR', failed[0]?.cause ?? 'no WORKFLOW_TASK_FAILED');
      if (failed[0]) reported.push(`${change}: ${failed[0].failure}`);
      t.metric(`${change}: WORKFLOW_TASK_FAILED events in the history`, 'events', failed.length);
      t.metric(`${change}: workflow task attempts within the watch`, 'attempts', raw.pendingWorkflowTask?.attempt ?? 0);
      t.metric(`${change}: WORKFLOW_TASK_TIMED_OUT events (the crashed worker's sticky queue)`, 'events', events.filter((e) => e.type === 'WORKFLOW_TASK_TIMED_OUT').length);
      if (failed[0]) t.metric(`${change}: redeploy to the first WORKFLOW_TASK_FAILED`, 'ms', failed[0].time - redeployedAt);
      t.check(`${change}: card charged (a completed step)`, 1, count('card charged'));
      t.check(`${change}: stock reserved (a completed step)`, 1, count('stock reserved'));
      t.check(`${change}: parcel shipped (not reached while blocked)`, 0, count('parcel shipped'));
      if (change === 'inserted') t.check(`${change}: the inserted activity ran`, 0, count('fraud checked'));
    }
    t.note(`WORKFLOW_TASK_FAILED failure messages in the history:\n${reported.join('\n')}`);
    const said = t.worker.sdkLines(/nondetermin|determinism/i, before);
    t.note(said.length ? `Worker output after the redeploy (first lines):\n${said.slice(0, 2).map((l) => l.slice(0, 300)).join('\n')}` : 'The worker printed nothing about the changed activities after the redeploy.');
    t.check('the change was reported (SDK warning or error)', 'a warning or error', said.length ? said[0]!.slice(0, 160) : 'nothing', said.length > 0);
    t.metric('worker lines about non-determinism within the watch', 'lines', said.length);

    // 4. Recover by rolling back to v1: the blocked workflow tasks succeed on the old code, and the runs go on.
    await t.worker.kill();
    await t.worker.start({ deployment: 'v1' });
    const rolledBackAt = Date.now();
    const outputs = await Promise.all(
      CHANGES.map((change) => Promise.race([handles.get(change)!.result(), t.pause(25_000, 'wait for the rolled-back workflows').then(() => 'not finished within 25 s')])),
    );
    CHANGES.forEach((change, i) => {
      t.check(`${change}: after rolling back to v1: run output`, 'v1', outputs[i]);
      t.check(`${change}: after rolling back to v1: card charged`, 1, t.ledger.count(`${change}: card charged`));
      t.check(`${change}: after rolling back to v1: parcel shipped`, 1, t.ledger.count(`${change}: parcel shipped`));
    });
    t.metric('rollback to every workflow completed', 'ms', Date.now() - rolledBackAt);
  },
});
