/**
 * CP-04 · Dead letter (Temporal)
 *
 * Question: where do workflows go when they fail for good? Can they be found by status through the API (and how
 * soon), does what is found carry the error, and can they be resumed in bulk once the bug is fixed, without
 * redoing the work that had succeeded?
 *
 * How: six invoice syncs fail on the first deployment (`cp-04-dead-letter.workflows.ts`): three in the workflow's
 * own check, three when the accounting activity refuses what the workflow sent. Temporal has no failure handler
 * or dead-letter queue of its own; a failed workflow stays in the namespace, closed with status Failed, until its
 * retention ends. The probe finds them with a visibility query (`ExecutionStatus='Failed' AND TaskQueue=…`),
 * timing how long until the list shows each one, deploys the fix (`cp-04-dead-letter.fixed.workflows.ts`), then
 * resets them in bulk: one batch reset to each workflow's last workflow task, and a loop of single resets to the
 * point before the refused activity for those the batch could not help. The ledger counts every activity.
 */
import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import proto from '@temporalio/proto';
import { defineProbe, record } from '../harness/index.ts';

const { temporal } = proto;
export type Kind = 'check' | 'push';
const INVOICES: [string, Kind][] = [['INV-0', 'check'], ['INV-1', 'check'], ['INV-2', 'check'], ['INV-3', 'push'], ['INV-4', 'push'], ['INV-5', 'push']];

export const activities = {
  async fetchInvoice(invoice: string) {
    record('invoice fetched', { invoice });
    return { amount: 120, currency: 'EUR' };
  },
  async convertCurrency(invoice: string, amount: number, currency: string) {
    record('currency converted', { invoice, currency });
    return amount;
  },
  async pushToAccounting(invoice: string, entry: { amount: number }) {
    record('push attempted', { invoice });
    if (typeof entry.amount !== 'number') throw ApplicationFailure.nonRetryable(`accounting API refused invoice ${invoice}: field "amount" missing`, 'Refused');
    return `booked ${invoice}`;
  },
};

export default defineProbe({
  id: 'CP-04',
  question: 'Are failed workflows findable by status, do they carry the error, and can they be resumed in bulk after a fix?',
  budgetMs: 120_000,
  workflows: new URL('./cp-04-dead-letter.workflows.ts', import.meta.url),
  deployments: { fixed: new URL('./cp-04-dead-letter.fixed.workflows.ts', import.meta.url) },
  activities,

  async run(t) {
    const failedQuery = `ExecutionStatus='Failed' AND TaskQueue='${t.taskQueue}'`;
    const per = (effect: string, invoice: string) => t.ledger.entries(effect).filter((e) => (e.data as { invoice: string }).invoice === invoice).length;
    const id = (invoice: string) => t.workflowId(invoice);

    // 1. Six syncs fail. While they run, the probe keeps asking visibility for failed workflows.
    const handles = new Map<string, WorkflowHandle>();
    for (const [invoice, kind] of INVOICES) handles.set(invoice, await t.client.workflow.start('syncInvoice', { taskQueue: t.taskQueue, workflowId: id(invoice), args: [invoice, kind] }));
    const firstSeen = new Map<string, number>();
    const listDeadline = Date.now() + 20_000;
    while (firstSeen.size < INVOICES.length && Date.now() < listDeadline) {
      for await (const info of t.client.workflow.list({ query: failedQuery })) if (!firstSeen.has(info.workflowId)) firstSeen.set(info.workflowId, Date.now());
      await t.pause(50, 'poll the visibility query');
    }

    // 2. What the list shows, and what each failed workflow carries.
    const listed: { workflowId: string; status: string; closeTime: number }[] = [];
    for await (const info of t.client.workflow.list({ query: failedQuery })) listed.push({ workflowId: info.workflowId, status: info.status.name, closeTime: info.closeTime?.getTime() ?? 0 });
    const invoiceOf = (workflowId: string) => INVOICES.find(([i]) => id(i) === workflowId)?.[0] ?? workflowId;
    t.check('failed runs listed by status', INVOICES.map(([i]) => i), listed.map((l) => invoiceOf(l.workflowId)).sort());
    t.metric('visibility: workflow failed to listed by the status query', 'ms', listed.map((l) => (firstSeen.get(l.workflowId) ?? Date.now()) - l.closeTime));
    const reasons = await Promise.all(
      INVOICES.map(async ([invoice]) => {
        const error = await handles.get(invoice)!.result().then(() => null, (e: unknown) => e);
        const chain: string[] = [];
        for (let c = error instanceof WorkflowFailedError ? (error.cause as Error | undefined) : undefined; c; c = (c as { cause?: Error }).cause) chain.push(c.message);
        return chain.join(' ← ');
      }),
    );
    t.check(
      'each failed workflow carries its error',
      'check: "total mismatch …"; push: "Activity task failed ← accounting API refused …"',
      reasons,
      reasons.every((r, i) => (INVOICES[i]![1] === 'check' ? r.includes('total mismatch') : r.includes('accounting API refused'))),
    );

    // 3. Deploy the fix.
    await t.worker.kill();
    await t.worker.start({ deployment: 'fixed' });

    // 4. Bulk reset, first attempt: one batch operation on the same query, each workflow back to its last workflow task.
    const jobId = `cp-04-${randomUUID()}`;
    const batchStarted = performance.now();
    await t.client.workflowService.startBatchOperation({ namespace: 'default', jobId, reason: 'CP-04: bug fixed', visibilityQuery: failedQuery, resetOperation: { identity: 'cp-04 probe', options: { lastWorkflowTask: {} } } });
    let described;
    do {
      await t.pause(100, 'poll the batch operation');
      described = await t.client.workflowService.describeBatchOperation({ namespace: 'default', jobId });
    } while (described.state === temporal.api.enums.v1.BatchOperationState.BATCH_OPERATION_STATE_RUNNING);
    const state = (temporal.api.enums.v1.BatchOperationState[described.state ?? 0] ?? '').replace(/^BATCH_OPERATION_STATE_/, '');
    t.check('batch reset to the last workflow task: operation', { state: 'COMPLETED', total: 6, failed: 0 }, { state, total: Number(described.totalOperationCount ?? 0), failed: Number(described.failureOperationCount ?? 0) });
    const afterBatch = await Promise.all(INVOICES.map(async ([invoice]) => {
      const current = t.client.workflow.getHandle(id(invoice));
      await current.result().catch(() => undefined);
      return (await current.describe()).status.name;
    }));
    t.metric('batch reset: start to every new run closed', 'ms', performance.now() - batchStarted);
    // A bug in workflow code is undone by re-running the last workflow task on the fixed code; a refused activity
    // is not: its failure is recorded before that point, so the new run replays it and fails again.
    t.check('after the batch reset: status per invoice', ['COMPLETED', 'COMPLETED', 'COMPLETED', 'FAILED', 'FAILED', 'FAILED'], afterBatch);

    // 5. Those still failing: a loop of single resets, each to the point just before the refused activity.
    const loopStarted = performance.now();
    const stillFailed = INVOICES.filter((_, i) => afterBatch[i] === 'FAILED').map(([invoice]) => invoice);
    await Promise.all(stillFailed.map(async (invoice) => {
      const current = t.client.workflow.getHandle(id(invoice));
      const events = await t.history(current);
      const scheduled = events.find((e) => e.type === 'ACTIVITY_TASK_SCHEDULED' && e.name === 'pushToAccounting')!;
      const point = events.filter((e) => e.type === 'WORKFLOW_TASK_COMPLETED' && e.eventId < scheduled.eventId).at(-1)!.eventId;
      const runId = await t.reset(current, point, 'CP-04: retry the accounting push after the fix');
      await t.client.workflow.getHandle(id(invoice), runId).result().catch(() => undefined);
    }));
    t.metric('reset loop: first call to every new run closed', 'ms', performance.now() - loopStarted);
    const final = await Promise.all(INVOICES.map(async ([invoice]) => (await t.client.workflow.getHandle(id(invoice)).describe()).status.name));
    t.check('every failed run replayed to completion', INVOICES.map(() => 'COMPLETED'), final);

    // 6. What ran, per invoice: the steps that had succeeded were never redone.
    t.check('"fetch invoice" and "convert currency" ran once per invoice', INVOICES.map(() => '1/1'), INVOICES.map(([i]) => `${per('invoice fetched', i)}/${per('currency converted', i)}`));
    t.check('accounting pushes per invoice (check: after the fix only; push: refused, then booked)', [1, 1, 1, 2, 2, 2], INVOICES.map(([i]) => per('push attempted', i)));

    // 7. The dead letters stay: every run that failed is still listed as Failed, though every invoice is booked.
    const stillListed = (await t.client.workflow.count(failedQuery)).count;
    t.check('failed runs the status query still lists after every invoice was booked', 9, stillListed);
  },
});
