/**
 * CP-03 · Manual intervention (Temporal)
 *
 * Question: can an operator stop, nudge and restart work by hand through the API: cancel or terminate a waiting
 * workflow (nothing after it may run), signal, cancel, terminate and reset many workflows at once, and rerun a
 * failed one once its cause is fixed? What does each operation leave in the history, and how long does it take?
 *
 * How: `remind` workflows wait between two activities; `buildReport` workflows fail until a fixed worker is
 * deployed. One workflow is cancelled and one terminated through the SDK's handle; then groups of three are
 * handled by batch operations (`StartBatchOperation` on a visibility query, followed with `DescribeBatchOperation`):
 * signal, cancel, terminate, and, after the fix, reset of the failed reports. A single failed report is rerun by a
 * reset to its first workflow task. The ledger shows whether anything ran after a cancel or terminate.
 */
import { randomUUID } from 'node:crypto';
import { activityInfo, ApplicationFailure } from '@temporalio/activity';
import type { WorkflowHandle } from '@temporalio/client';
import proto from '@temporalio/proto';
import { defineProbe, record, type ProbeContext } from '../harness/index.ts';

const { temporal } = proto;
type StartBatch = proto.temporal.api.workflowservice.v1.IStartBatchOperationRequest;

/** Longer than the batch operations take, so a reminder left alone would still be waiting when they act. */
const NAP_MS = 12_000;
const GROUP = 3;
const FIX_ENV = 'CP03_REPORT_FIXED';

export const activities = {
  async scheduleReminder(key: string) {
    record('scheduled', { key });
  },
  async sendReminder(key: string, why: string) {
    record('reminder sent', { key, why });
  },
  async buildReportFile(key: string): Promise<string> {
    const fixed = process.env[FIX_ENV] === '1';
    record('report attempted', { key, fixed, attempt: activityInfo().attempt });
    if (!fixed) throw ApplicationFailure.nonRetryable('report template missing', 'TemplateMissing');
    return 'report ready';
  },
};

/**
 * Runs one batch operation on a visibility query and follows it to its end. Resolves to what
 * DescribeBatchOperation said last, and how long it took from the request.
 */
async function runBatch(t: ProbeContext, query: string, operation: Omit<StartBatch, 'namespace' | 'jobId' | 'visibilityQuery' | 'reason'>) {
  const jobId = `cp-03-${randomUUID()}`;
  const started = performance.now();
  await t.client.workflowService.startBatchOperation({ namespace: 'default', jobId, reason: 'CP-03 probe', visibilityQuery: query, ...operation });
  for (;;) {
    const d = await t.client.workflowService.describeBatchOperation({ namespace: 'default', jobId });
    const state = (temporal.api.enums.v1.BatchOperationState[d.state ?? 0] ?? String(d.state)).replace(/^BATCH_OPERATION_STATE_/, '');
    if (state !== 'RUNNING' && state !== 'UNSPECIFIED') {
      return { jobId, state, total: Number(d.totalOperationCount ?? 0), completed: Number(d.completeOperationCount ?? 0), failed: Number(d.failureOperationCount ?? 0), ms: performance.now() - started };
    }
    await t.pause(100, 'poll the batch operation');
  }
}

export default defineProbe({
  id: 'CP-03',
  question: 'Can workflows be cancelled, terminated, signalled and reset through the API, one by one and in batches?',
  budgetMs: 120_000,
  workflows: new URL('./cp-03-manual-intervention.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const sentFor = (key: string) => t.ledger.entries('reminder sent').filter((e) => (e.data as { key: string }).key === key).length;
    const remind = (key: string) => t.client.workflow.start('remind', { taskQueue: t.taskQueue, workflowId: t.workflowId(key), args: [key, NAP_MS] });
    const settle = (h: WorkflowHandle) => h.result().then(() => undefined, () => undefined);
    const status = async (h: WorkflowHandle) => (await h.describe()).status.name;
    /** The history from the first event an operation caused, as event types. */
    const eventsFrom = async (h: WorkflowHandle, first: string) => {
      const events = await t.history(h);
      return events.slice(Math.max(0, events.findIndex((e) => e.type === first))).map((e) => e.type);
    };
    /** Visibility is eventually consistent: wait until a query sees `n` workflows, and say how long that took. */
    const visible = async (query: string, n: number) => {
      const from = performance.now();
      while ((await t.client.workflow.count(query)).count < n) await t.pause(100, 'wait for visibility to catch up');
      return performance.now() - from;
    };
    const group = (name: string) => Array.from({ length: GROUP }, (_, i) => `${name}-${i}`);
    const runningGroup = (name: string) => `TaskQueue='${t.taskQueue}' AND WorkflowId STARTS_WITH 'cp-03-${name}-' AND ExecutionStatus='Running'`;

    // 1. Start everything that will wait: two single workflows and three groups for the batches.
    const single = await remind('single-cancel');
    const terminated = await remind('single-terminate');
    const batches = { signal: group('batch-signal'), cancel: group('batch-cancel'), terminate: group('batch-terminate') };
    const handles = new Map<string, WorkflowHandle>();
    for (const key of Object.values(batches).flat()) handles.set(key, await remind(key));
    await t.ledger.waitFor('scheduled', 2 + 3 * GROUP);

    // 2. Cancel one waiting workflow through its handle.
    let asked = performance.now();
    await single.cancel();
    await settle(single);
    t.metric('cancel call to status CANCELLED', 'ms', performance.now() - asked);
    t.check('single cancel: status', 'CANCELLED', await status(single));
    const cancelEvents = await eventsFrom(single, 'WORKFLOW_EXECUTION_CANCEL_REQUESTED');
    // A cancel is a request the workflow code sees (a workflow task runs); the workflow then ends as cancelled.
    t.check('single cancel: history from the request to the end', 'CANCEL_REQUESTED, a workflow task, WORKFLOW_EXECUTION_CANCELED', cancelEvents.join(', '), cancelEvents.includes('WORKFLOW_TASK_COMPLETED') && cancelEvents.at(-1) === 'WORKFLOW_EXECUTION_CANCELED');

    // 3. Terminate one: the server closes it at once, without a workflow task.
    asked = performance.now();
    await terminated.terminate('CP-03: terminated by the operator');
    await settle(terminated);
    t.metric('terminate call to status TERMINATED', 'ms', performance.now() - asked);
    t.check('single terminate: status', 'TERMINATED', await status(terminated));
    t.check('single terminate: history from the request to the end', ['WORKFLOW_EXECUTION_TERMINATED'], await eventsFrom(terminated, 'WORKFLOW_EXECUTION_TERMINATED'));

    // 4. Batch signal: every reminder of the group is sent at once, well before its nap would end.
    const lag = [await visible(runningGroup('batch-signal'), GROUP)];
    const signalled = await runBatch(t, runningGroup('batch-signal'), { signalOperation: { signal: 'remindNow', identity: 'cp-03 probe' } });
    await Promise.all(batches.signal.map((k) => settle(handles.get(k)!)));
    t.check('batch signal: operation', { state: 'COMPLETED', total: GROUP, failed: 0 }, { state: signalled.state, total: signalled.total, failed: signalled.failed });
    t.check('batch signal: reminders sent early by the signal', batches.signal.map(() => 'signal'), batches.signal.map((k) => (t.ledger.entries('reminder sent').find((e) => (e.data as { key: string }).key === k)?.data as { why?: string } | undefined)?.why ?? 'none'));

    // 5. Batch cancel and batch terminate, requested back to back.
    lag.push(await visible(runningGroup('batch-cancel'), GROUP), await visible(runningGroup('batch-terminate'), GROUP));
    const cancelJob = runBatch(t, runningGroup('batch-cancel'), { cancellationOperation: { identity: 'cp-03 probe' } });
    const terminateJob = runBatch(t, runningGroup('batch-terminate'), { terminationOperation: { identity: 'cp-03 probe' } }).then(
      (r) => ({ ...r, refused: '' }),
      (e: Error) => ({ refused: e.message }),
    );
    const cancelled = await cancelJob;
    let terminatedBatch = await terminateJob;
    if (terminatedBatch.refused) {
      t.note(`A second batch operation started while the first ran was refused: ${terminatedBatch.refused}`);
      terminatedBatch = { ...(await runBatch(t, runningGroup('batch-terminate'), { terminationOperation: { identity: 'cp-03 probe' } })), refused: terminatedBatch.refused };
    }
    t.check('second batch while the first runs: started', 'started', terminatedBatch.refused ? `refused: ${terminatedBatch.refused}` : 'started');
    await Promise.all([...batches.cancel, ...batches.terminate].map((k) => settle(handles.get(k)!)));
    t.check('batch cancel: operation', { state: 'COMPLETED', total: GROUP, failed: 0 }, { state: cancelled.state, total: cancelled.total, failed: cancelled.failed });
    t.check('batch cancel: statuses', batches.cancel.map(() => 'CANCELLED'), await Promise.all(batches.cancel.map((k) => status(handles.get(k)!))));
    const t2 = terminatedBatch as { state?: string; total?: number; failed?: number };
    t.check('batch terminate: operation', { state: 'COMPLETED', total: GROUP, failed: 0 }, { state: t2.state, total: t2.total, failed: t2.failed });
    t.check('batch terminate: statuses', batches.terminate.map(() => 'TERMINATED'), await Promise.all(batches.terminate.map((k) => status(handles.get(k)!))));
    const batchMs = [signalled.ms, cancelled.ms, (terminatedBatch as { ms: number }).ms];

    // 6. Nothing ran after any cancel or terminate.
    await t.pause(NAP_MS, 'outlast the naps of the stopped workflows');
    t.check('no reminder sent by a cancelled or terminated workflow', 0, ['single-cancel', 'single-terminate', ...batches.cancel, ...batches.terminate].reduce((n, k) => n + sentFor(k), 0));

    // 7. Reports fail until the fix; then one is rerun by a reset, three by a batch reset.
    const reports = ['report', ...group('batch-reset')];
    const reportHandles = await Promise.all(reports.map((k) => t.client.workflow.start('buildReport', { taskQueue: t.taskQueue, workflowId: t.workflowId(k), args: [k] })));
    await Promise.all(reportHandles.map(settle));
    t.check('report run fails before the fix', reports.map(() => 'FAILED'), await Promise.all(reportHandles.map(status)));
    await t.worker.kill();
    await t.worker.start({ env: { [FIX_ENV]: '1' } });

    const [report, ...batchReports] = reportHandles;
    const firstTask = (await t.history(report!)).find((e) => e.type === 'WORKFLOW_TASK_COMPLETED')!.eventId;
    asked = performance.now();
    const rerun = t.client.workflow.getHandle(report!.workflowId, await t.reset(report!, firstTask, 'CP-03: rerun after the fix'));
    const rerunOutput = await rerun.result();
    t.metric('reset call to the rerun completed', 'ms', performance.now() - asked);
    t.check('rerun after the fix: completed with the output', { status: 'COMPLETED', output: 'report ready' }, { status: await status(rerun), output: rerunOutput });

    const failedReports = `TaskQueue='${t.taskQueue}' AND WorkflowId STARTS_WITH 'cp-03-batch-reset-' AND ExecutionStatus='Failed'`;
    lag.push(await visible(failedReports, GROUP));
    const resetAsked = performance.now();
    const reset = await runBatch(t, failedReports, { resetOperation: { identity: 'cp-03 probe', options: { firstWorkflowTask: {} } } });
    t.check('batch reset: operation', { state: 'COMPLETED', total: GROUP, failed: 0 }, { state: reset.state, total: reset.total, failed: reset.failed });
    batchMs.push(reset.ms);
    const outputs = await Promise.all(batchReports.map((h) => t.client.workflow.getHandle(h.workflowId).result()));
    t.metric('batch reset: start to every rerun completed', 'ms', performance.now() - resetAsked);
    t.check('batch reset: every rerun completed with the output', batchReports.map(() => 'report ready'), outputs);
    t.metric('batch operation: start to COMPLETED (signal, cancel, terminate, reset)', 'ms', batchMs);
    t.metric('visibility: wait before a batch query saw its whole group', 'ms', lag);
  },
});
