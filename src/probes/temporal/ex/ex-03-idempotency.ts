/**
 * EX-03 · Idempotency / dedup (Temporal)
 *
 * Question: do duplicate triggers make duplicate runs? In Temporal a workflow id is the deduplication key: while
 * a workflow with that id is open, a second start conflicts with it, and what happens then is the start's
 * `workflowIdConflictPolicy` (FAIL by default, or USE_EXISTING, TERMINATE_EXISTING); once it has closed, the
 * `workflowIdReusePolicy` says whether the id may start a new run (ALLOW_DUPLICATE by default).
 * https://docs.temporal.io/workflow-execution/workflowid-runid#workflow-id-conflict-policy
 *
 * How: the same workflow id is started 5 times while its first run is open, under each conflict policy; then
 * signal-with-start 5 times on one id (a producer that retries its request); then, after the run closed, the id
 * is started again under the default reuse policy and under REJECT_DUPLICATE; plus another id as a control. The
 * probe counts runs per id through the server's visibility API and confirmations in the ledger.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { defineProbe, record } from '../harness/index.ts';

const COPIES = 5;

export const activities = {
  async sendConfirmation(orderId: string): Promise<void> {
    record('confirmation sent', { orderId });
  },
};

export default defineProbe({
  id: 'EX-03',
  question: 'Do duplicate starts of one workflow id start duplicate runs?',
  budgetMs: 60_000,
  workflows: new URL('./ex-03-idempotency.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const client = () => t.client;
    /** Starts `COPIES` times; returns the run ids the server answered with, and the errors, in order. */
    const startCopies = async (id: string, policy?: 'FAIL' | 'USE_EXISTING') => {
      const answers: string[] = [];
      for (let i = 0; i < COPIES; i++) {
        try {
          const h = await client().workflow.start('confirmOrder', { taskQueue: t.taskQueue, workflowId: id, args: [id], ...(policy ? { workflowIdConflictPolicy: policy } : {}) });
          answers.push(h.firstExecutionRunId);
        } catch (e) {
          answers.push(e instanceof WorkflowExecutionAlreadyStartedError ? 'WorkflowExecutionAlreadyStartedError' : `${(e as Error).name}: ${(e as Error).message}`);
        }
      }
      return answers;
    };
    const runsOf = async (id: string) => {
      const runs: string[] = [];
      for await (const w of client().workflow.list({ query: `WorkflowId = '${id}'` })) runs.push(w.runId);
      return runs.length;
    };
    const confirmations = (id: string) => t.ledger.entries('confirmation sent').filter((e) => (e.data as { orderId: string }).orderId === id).length;

    // 1. One id started 5× under the default conflict policy (FAIL), and 5× under USE_EXISTING.
    const failId = t.workflowId('A-1');
    const failAnswers = await startCopies(failId);
    const existingId = t.workflowId('B-1');
    const existingAnswers = await startCopies(existingId, 'USE_EXISTING');

    // 2. Signal-with-start 5× on one id: one run, every signal delivered to it.
    const swsId = t.workflowId('C-1');
    const swsRuns = new Set<string>();
    for (let i = 0; i < COPIES; i++) {
      const h = await client().workflow.signalWithStart('confirmOrder', { taskQueue: t.taskQueue, workflowId: swsId, args: [swsId], signal: 'addItem', signalArgs: [`item-${i}`] });
      swsRuns.add(h.signaledRunId);
    }
    const controlId = t.workflowId('D-1');
    await client().workflow.start('confirmOrder', { taskQueue: t.taskQueue, workflowId: controlId, args: [controlId] });

    // 3. Close them all, then start a closed id again: default reuse policy, and REJECT_DUPLICATE.
    const ids = [failId, existingId, swsId, controlId];
    await t.ledger.waitFor('confirmation sent', ids.length);
    const results = new Map<string, unknown>();
    for (const id of ids) {
      const h = client().workflow.getHandle(id);
      await h.signal('close');
      results.set(id, await h.result());
    }
    await t.pause(1_500, 'let the visibility store catch up before counting');
    const counted = { fail: await runsOf(failId), existing: await runsOf(existingId), sws: await runsOf(swsId), control: await runsOf(controlId) };
    const confirmed = confirmations(failId);

    const reused = await client().workflow.start('confirmOrder', { taskQueue: t.taskQueue, workflowId: failId, args: [failId] }).then((h) => h.firstExecutionRunId, (e: Error) => e.name);
    await client().workflow.getHandle(failId).signal('close');
    const rejected = await client()
      .workflow.start('confirmOrder', { taskQueue: t.taskQueue, workflowId: controlId, args: [controlId], workflowIdReusePolicy: 'REJECT_DUPLICATE' })
      .then((h) => `started run ${h.firstExecutionRunId}`, (e: Error) => e.name);
    await client().workflow.getHandle(failId).result();

    // 4. Check.
    t.metric('distinct run ids answered to 5 starts with USE_EXISTING', 'ids', new Set(existingAnswers).size);
    t.check('same workflow id started 5× (default policy FAIL): answers after the first', Array(COPIES - 1).fill('WorkflowExecutionAlreadyStartedError'), failAnswers.slice(1));
    t.check('same workflow id started 5× (default policy FAIL): runs', 1, counted.fail);
    t.check('same workflow id started 5× (default policy FAIL): confirmations', 1, confirmed);
    t.check('same workflow id started 5× with USE_EXISTING: runs', 1, counted.existing);
    t.check('same workflow id started 5× with USE_EXISTING: distinct run ids answered', 1, new Set(existingAnswers).size);
    t.check('signal-with-start 5× on one id: runs', 1, counted.sws);
    t.check('signal-with-start 5× on one id: signals delivered to that run', ['item-0', 'item-1', 'item-2', 'item-3', 'item-4'], results.get(swsId));
    t.check('closed id started again (default reuse policy ALLOW_DUPLICATE)', 'a new run id', reused !== failAnswers[0] && /^[0-9a-f-]{36}$/.test(reused) ? 'a new run id' : reused);
    t.check('closed id started again with REJECT_DUPLICATE', 'WorkflowExecutionAlreadyStartedError', rejected);
    t.check('another id still runs (control)', 1, counted.control);
  },
});
