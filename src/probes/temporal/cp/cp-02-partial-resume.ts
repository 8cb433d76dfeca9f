/**
 * CP-02 · Partial resume (Temporal)
 *
 * Question: after a workflow fails at one step and the cause is fixed, can the work resume from that step without
 * redoing the steps that had completed? What happens to the steps after the resume point, and what does the
 * server say to a resume point it cannot use?
 *
 * How: an import pipeline (`cp-02-partial-resume.workflows.ts`) whose "load into warehouse" activity fails until
 * a fixed worker is deployed (an environment switch the activity reads). Two ways back are exercised:
 * - a workflow that retries the step without limit (the SDK's default policy) simply goes on once the fix is
 *   deployed: no operator action at all;
 * - a workflow whose step gave up (two attempts) fails; the probe resets it (ResetWorkflowExecution) to the
 *   WORKFLOW_TASK_COMPLETED event that scheduled the failed step. Then it resets the finished run once more, to an
 *   earlier point, to see which steps run again; and asks for resets to points that are not workflow tasks.
 * The ledger counts every activity execution; the histories show what the server copied into the new run.
 */
import { activityInfo } from '@temporalio/activity';
import type { WorkflowHandle } from '@temporalio/client';
import { defineProbe, record } from '../harness/index.ts';

/** The switch a fixed deployment sets. */
const FIX_ENV = 'CP02_WAREHOUSE_FIXED';

export const activities = {
  async downloadFile(label: string): Promise<number[]> {
    record(`${label}: file downloaded`);
    return [1, 2, 3];
  },
  async parseRows(label: string, rows: number[]): Promise<number[]> {
    record(`${label}: rows parsed`);
    return rows.map((r) => r * 10);
  },
  async loadIntoWarehouse(label: string, parsed: number[]): Promise<number> {
    const fixed = process.env[FIX_ENV] === '1';
    record(`${label}: load attempted`, { build: fixed ? 'fixed' : 'broken', attempt: activityInfo().attempt });
    if (!fixed) throw new Error('warehouse rejected the rows: column "amount" missing');
    return parsed.length;
  },
  async notifyTeam(label: string): Promise<void> {
    record(`${label}: team notified`);
  },
};

const EXPECTED_OUTPUT = { loaded: 3, parsed: [10, 20, 30] };

export default defineProbe({
  id: 'CP-02',
  question: 'Does work resume from the failed step after a fix, without redoing completed steps, and what does a reset redo?',
  budgetMs: 120_000,
  workflows: new URL('./cp-02-partial-resume.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const count = (label: string, what: string) => t.ledger.count(`${label}: ${what}`);
    const builds = (label: string) => t.ledger.entries(`${label}: load attempted`).map((e) => (e.data as { build: string }).build);
    /** The WORKFLOW_TASK_COMPLETED event after which an activity type was first scheduled: the point just before it. */
    const pointBefore = async (handle: WorkflowHandle, activityType: string) => {
      const events = await t.history(handle);
      const scheduled = events.find((e) => e.type === 'ACTIVITY_TASK_SCHEDULED' && e.name === activityType)!;
      return events.filter((e) => e.type === 'WORKFLOW_TASK_COMPLETED' && e.eventId < scheduled.eventId).at(-1)!.eventId;
    };

    // 1. Two imports hit the broken warehouse: one gives up after two attempts, one keeps retrying.
    const failed = await t.client.workflow.start('importFile', { taskQueue: t.taskQueue, workflowId: t.workflowId('failed'), args: ['failed'] });
    const patient = await t.client.workflow.start('importFilePatiently', { taskQueue: t.taskQueue, workflowId: t.workflowId('patient'), args: ['patient'] });
    await failed.result().catch(() => undefined);
    t.check('v1: run fails at "load into warehouse"', 'FAILED', (await failed.describe()).status.name);
    await t.ledger.waitFor('patient: load attempted', 2);

    // 2. Deploy the fix: the worker restarts with the warehouse fixed.
    await t.worker.kill();
    await t.worker.start({ env: { [FIX_ENV]: '1' } });
    const fixedAt = Date.now();

    // 3. The patient workflow needs nothing more: its next retry of the step runs on the fixed worker.
    const patientOutput = await patient.result();
    const patientDone = (await t.history(patient)).find((e) => e.type === 'WORKFLOW_EXECUTION_COMPLETED')?.time ?? Date.now();
    t.metric('unbounded retries: fix deployed to workflow completed', 'ms', patientDone - fixedAt);
    const fixedAttempt = t.ledger.entries('patient: load attempted').find((e) => (e.data as { build: string }).build === 'fixed');
    if (fixedAttempt) t.metric('unbounded retries: fix deployed to the next attempt of the step', 'ms', fixedAttempt.at - fixedAt);
    t.check('unbounded retries: completed after the fix, with the output', EXPECTED_OUTPUT, patientOutput);
    t.check('unbounded retries: "download file" and "parse rows" ran once', { download: 1, parse: 1 }, { download: count('patient', 'file downloaded'), parse: count('patient', 'rows parsed') });
    const patientBuilds = builds('patient');
    t.check('unbounded retries: load attempts, the last on the fixed build', 'broken × n, then fixed once', patientBuilds.join(', '), patientBuilds.at(-1) === 'fixed' && patientBuilds.filter((b) => b === 'fixed').length === 1);

    // 4. The failed workflow: reset to the point just before the failed step was scheduled.
    const point = await pointBefore(failed, 'loadIntoWarehouse');
    const resetStarted = performance.now();
    const resumedRunId = await t.reset(failed, point, 'CP-02: resume at "load into warehouse" after the fix');
    const resumed = t.client.workflow.getHandle(failed.workflowId, resumedRunId);
    const resumedOutput = await resumed.result();
    t.metric('reset call to the resumed run completed', 'ms', performance.now() - resetStarted);
    t.check('rerun from the step: completed', 'COMPLETED', (await resumed.describe()).status.name);
    t.check("rerun from the step: output built from the first run's step outputs", EXPECTED_OUTPUT, resumedOutput);
    t.check('"download file" ran once in all', 1, count('failed', 'file downloaded'));
    t.check('"parse rows" ran once in all', 1, count('failed', 'rows parsed'));
    t.check('"load into warehouse" attempts (broken twice, then fixed)', ['broken', 'broken', 'fixed'], builds('failed'));
    const resumedEvents = await t.history(resumed);
    const copied = resumedEvents.filter((e) => e.eventId <= point && e.type === 'ACTIVITY_TASK_COMPLETED').length;
    t.check('the new run\'s history holds the completed steps up to the point', 2, copied);
    t.check('the original run stays as it was', 'FAILED', (await t.client.workflow.getHandle(failed.workflowId, failed.firstExecutionRunId).describe()).status.name);
    t.note(`Reset point: event ${point} (WORKFLOW_TASK_COMPLETED); the resumed run's history starts with ${resumedEvents.slice(0, point + 3).map((e) => `${e.eventId} ${e.type}${e.name ? ` ${e.name}` : ''}`).join(', ')}`);

    // 5. Reset the finished run to an earlier point: everything after it runs again, nothing before it.
    const before = { download: count('failed', 'file downloaded'), parse: count('failed', 'rows parsed'), load: builds('failed').length, notify: count('failed', 'team notified') };
    const earlier = await pointBefore(resumed, 'parseRows');
    const againRunId = await t.reset(resumed, earlier, 'CP-02: redo from "parse rows"');
    const again = t.client.workflow.getHandle(failed.workflowId, againRunId);
    t.check('reset to an earlier point: completed with the same output', EXPECTED_OUTPUT, await again.result());
    const after = { download: count('failed', 'file downloaded'), parse: count('failed', 'rows parsed'), load: builds('failed').length, notify: count('failed', 'team notified') };
    t.check('reset to an earlier point: executions added per step', { download: 0, parse: 1, load: 1, notify: 1 }, { download: after.download - before.download, parse: after.parse - before.parse, load: after.load - before.load, notify: after.notify - before.notify });

    // 6. Reset points the server refuses; the workflow must stay untouched.
    const events = await t.history(again);
    const badPoints: [string, number][] = [
      ['an ACTIVITY_TASK_COMPLETED event', events.find((e) => e.type === 'ACTIVITY_TASK_COMPLETED')!.eventId],
      ['WORKFLOW_EXECUTION_STARTED (event 1)', 1],
      ['an event id past the end of the history', events.length + 50],
    ];
    for (const [what, eventId] of badPoints) {
      const answer = await t.reset(again, eventId, `CP-02: reset to ${what}`).then((runId) => `accepted: new run ${runId}`, (e: Error) => e.message);
      t.check(`reset to ${what}: refused`, 'an error', answer, !answer.startsWith('accepted'));
    }
    const current = await t.client.workflow.getHandle(failed.workflowId).describe();
    t.check('after the refused resets: still the same run, completed', { sameRun: true, status: 'COMPLETED' }, { sameRun: current.runId === againRunId, status: current.status.name });

    // 7. A reset cannot change the input: the request has no input field, and the new run starts with the original.
    const started = (await again.fetchHistory()).events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data;
    t.check('the reset run\'s input is the original one', '"failed"', started ? Buffer.from(started).toString() : 'none');
  },
});
