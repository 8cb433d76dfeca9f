/**
 * SG-02 · Waits / awaitables (Temporal)
 *
 * Question: does a wait (`condition()` on state a signal handler sets) resume with the right signal, time out to
 * nothing when none comes, ignore a signal of another name, and what happens to a signal that arrives before the
 * workflow waits for it? Temporal writes every signal into the history when it arrives; the question is whether
 * the SDK hands it to a handler registered later.
 *
 * How: workflows wait up to 3 s for an "approve" signal. One gets it while waiting, one gets nothing, one gets a
 * signal of another name. Then two races, several workflows each: signals sent while no worker is running, so they
 * are in the history before the workflow's first task runs; and signals sent while the workflow sleeps before it
 * registers its handler. The probe counts how many workflows still saw their approval.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { defineProbe } from '../harness/index.ts';
import { approve } from './sg-02-waits.workflows.ts';

const RACES = 10;

export default defineProbe({
  id: 'SG-02',
  question: 'Does condition() resume on its signal, time out to null, ignore other signals, and is a signal sent before the wait lost?',
  budgetMs: 90_000,
  workflows: new URL('./sg-02-waits.workflows.ts', import.meta.url),
  activities: {},

  async run(t) {
    const start = (orderId: string, lateHandler = false): Promise<WorkflowHandle> =>
      t.client.workflow.start('awaitApproval', { taskQueue: t.taskQueue, workflowId: t.workflowId(orderId), args: [orderId, lateHandler] });
    const waiting = (orderId: string) => t.ledger.entries('waiting').some((e) => (e.data as { orderId: string }).orderId === orderId);
    const waitUntil = async (cond: () => boolean) => {
      while (!cond()) await t.pause(50, 'poll the ledger');
    };

    // 1. A matching signal, no signal, a signal of another name.
    const matched = await start('match');
    const silent = await start('silent');
    const other = await start('other-name');
    await waitUntil(() => ['match', 'silent', 'other-name'].every(waiting));
    await matched.signal(approve, 'alice');
    await other.signal('reject', 'mallory'); // a signal name this workflow has no handler for
    t.check('a signal resumes the wait with its data', 'alice', await matched.result());
    t.check('no signal: the wait times out to null', null, await silent.result());
    t.check('a signal of another name is not taken; the wait times out to null', null, await other.result());
    t.check('the other-name signal is still in the history', 'reject', (await t.history(other)).find((e) => e.type === 'WORKFLOW_EXECUTION_SIGNALED')?.name ?? 'no signal');

    // 2. Race 1: the signal reaches the server before the workflow's first task has run (no worker running).
    await t.worker.kill();
    const early: WorkflowHandle[] = [];
    for (let i = 0; i < RACES; i++) {
      const h = await start(`before-first-task-${i}`);
      await h.signal(approve, `early bird ${i}`);
      early.push(h);
    }
    await t.worker.start();
    const earlySeen = (await Promise.all(early.map((h) => h.result()))).filter((by, i) => by === `early bird ${i}`).length;
    t.metric('signal sent before the first workflow task: seen by the wait', '%', (100 * earlySeen) / RACES);
    t.check('signal sent before the first workflow task: delivered', RACES, earlySeen);

    // 3. Race 2: the signal arrives while the workflow sleeps, before it has registered a handler.
    const late: WorkflowHandle[] = [];
    for (let i = 0; i < RACES; i++) late.push(await start(`before-handler-${i}`, true));
    await waitUntil(() => t.ledger.count('no handler yet') >= RACES);
    let handlerWasLate = 0;
    for (let i = 0; i < RACES; i++) {
      if (!waiting(`before-handler-${i}`)) handlerWasLate++;
      await late[i]!.signal(approve, `early bird ${i}`);
    }
    t.check('race 2: signals sent while no handler was registered (workflows not yet waiting)', RACES, handlerWasLate);
    const lateSeen = (await Promise.all(late.map((h) => h.result()))).filter((by, i) => by === `early bird ${i}`).length;
    t.metric('signal sent before the handler was registered: seen by the wait', '%', (100 * lateSeen) / RACES);
    t.check('signal sent before the handler was registered: delivered', RACES, lateSeen);
  },
});
