/**
 * RT-02 · Timeout system (Temporal)
 *
 * Question: which timeouts does Temporal have, what happens when each is exceeded, and how promptly does the
 * server act? Four per activity (schedule-to-start, start-to-close, schedule-to-close, heartbeat) and three per
 * workflow (execution, run, task) (https://docs.temporal.io/encyclopedia/detecting-activity-failures,
 * https://docs.temporal.io/encyclopedia/detecting-workflow-failures).
 *
 * How: every timeout is set short and exceeded on purpose, all at once, in workflows of their own
 * (`rt-02-timeouts.workflows.ts`). The outcome is what the workflow (for activity timeouts) or the client (for
 * workflow timeouts) saw; how late the server acted is the time of the TIMED_OUT event in the history minus the
 * moment the deadline counts from, minus the deadline itself. The workflow task timeout needs a task that takes
 * too long: the worker holds the workflow's first task in a sink (the SDK sends a task's result only after its
 * sink calls return) for longer than the timeout.
 */
import { heartbeat } from '@temporalio/activity';
import { WorkflowFailedError, type WorkflowHandle } from '@temporalio/client';
import type { InjectedSinks } from '@temporalio/worker';
import { defineProbe, hold, record } from '../harness/index.ts';
import type { GateSinks, Outcome } from './rt-02-timeouts.workflows.ts';

/** Every activity timeout and the execution and run timeouts (the workflow module uses the same 2 s). */
const TIMEOUT_MS = 2_000;
const TASK_TIMEOUT_MS = 1_000;
/** The chain: runs of 1 s each (workflow module), each well under its run timeout, all under one execution timeout. */
const CHAIN_RUN_MS = 3_000;
const CHAIN_EXECUTION_MS = 4_000;
/** How long the worker holds the slow workflow's first task: well past its task timeout. */
const TASK_HOLD_MS = 3_000;
/** A timeout exists to bound a wait; one that fires more than a second after its deadline fails that purpose. */
const LATE_LIMIT_MS = 1_000;

export const activities = {
  /** Works far longer than any deadline here; the server times it out (the code itself runs on, unaware). */
  async holdActivity(label: string): Promise<void> {
    record(`${label}: started`);
    await hold(8_000);
  },
  async heartbeatOnceThenHang(): Promise<void> {
    heartbeat('alive');
    record('heartbeat: sent');
    await hold(8_000);
  },
};

/** Which workflows have had their first task held, in this worker process. */
const held = new Set<string>();
const sinks: InjectedSinks<GateSinks> = {
  gate: {
    holdFirstTask: {
      fn: async (info) => {
        if (held.has(info.workflowId)) return;
        held.add(info.workflowId);
        record('workflow task: held');
        await hold(TASK_HOLD_MS);
      },
      callDuringReplay: false,
    },
  },
};

type Duration = { seconds?: number | { toNumber(): number } | null; nanos?: number | null } | null | undefined;
const ms = (d: Duration) => (d ? (typeof d.seconds === 'number' ? d.seconds : (d.seconds?.toNumber() ?? 0)) * 1000 + Math.round((d.nanos ?? 0) / 1e6) : 0);

export default defineProbe({
  id: 'RT-02',
  question: 'Does each activity and workflow timeout act when exceeded, with what outcome, and how late?',
  budgetMs: 60_000,
  exclusive: true, // it measures waits and lateness in milliseconds: nothing may run beside it
  workflows: new URL('./rt-02-timeouts.workflows.ts', import.meta.url),
  activities,
  worker: { sinks },

  async run(t) {
    /** Client-side start times: a workflow deadline counts from the start, which cannot be earlier than the call. */
    const calledAt = new Map<string, number>();
    const start = async (name: string, options: Record<string, unknown> = {}, args: unknown[] = []) => {
      const workflowId = t.workflowId(name + (options.workflowRunTimeout ? '-run' : ''));
      calledAt.set(workflowId, Date.now());
      return t.client.workflow.start(name, { taskQueue: t.taskQueue, workflowId, args, ...options });
    };
    /** The client's view of a workflow's end: its status and, if it did not complete, the error result() threw. */
    const ending = async (h: WorkflowHandle) => {
      const error = await h.result().then(() => null, (e: Error) => e);
      const { status } = await h.describe();
      return { status: status.name, error: error ? error.name : null, retryState: error instanceof WorkflowFailedError ? error.retryState : null };
    };
    /** Records how late a timeout acted and checks it was neither early nor more than LATE_LIMIT_MS late. */
    const lateness = (label: string, configured: number, from: number | undefined, timedOutAt: number | undefined) => {
      if (from === undefined || timedOutAt === undefined) {
        t.check(`${label}: acted after its deadline, at most ${LATE_LIMIT_MS} ms late`, `0–${LATE_LIMIT_MS} ms late`, 'no timeout event');
        return;
      }
      const late = timedOutAt - from - configured;
      t.metric(`${label} (${configured} ms): observed − configured`, 'ms', late);
      t.check(`${label}: acted after its deadline, at most ${LATE_LIMIT_MS} ms late`, `0–${LATE_LIMIT_MS} ms late`, `${late} ms late`, late >= 0 && late <= LATE_LIMIT_MS);
    };
    const timeOf = (events: Awaited<ReturnType<typeof t.history>>, type: string) => events.find((e) => e.type === type)?.time;

    // 1. Exceed every timeout at once.
    const activityCases = ['scheduleToStart', 'startToClose', 'scheduleToClose', 'heartbeat'] as const;
    const activityHandles = await Promise.all(activityCases.map((name) => start(name, {}, name === 'scheduleToStart' ? [`${t.taskQueue}-unpolled`] : [])));
    const executionHandle = await start('sleeper', { workflowExecutionTimeout: TIMEOUT_MS });
    const runHandle = await start('sleeper', { workflowRunTimeout: TIMEOUT_MS });
    const chainHandle = await start('chain', { workflowRunTimeout: CHAIN_RUN_MS, workflowExecutionTimeout: CHAIN_EXECUTION_MS });
    const taskHandle = await start('slowTask', { workflowTaskTimeout: TASK_TIMEOUT_MS });

    // 2. Activity timeouts: the TimeoutFailure the workflow got, and the server's lateness from the history.
    const outcomes = (await Promise.all(activityHandles.map((h) => h.result()))) as Outcome[];
    const expectedType = { scheduleToStart: 'SCHEDULE_TO_START', startToClose: 'START_TO_CLOSE', scheduleToClose: 'SCHEDULE_TO_CLOSE', heartbeat: 'HEARTBEAT' };
    for (const [i, name] of activityCases.entries()) {
      const o = outcomes[i]!;
      t.check(`activity ${name}: the workflow gets an ActivityFailure caused by a TimeoutFailure`, { status: 'failed', timeoutType: expectedType[name] }, { status: o.status, timeoutType: o.timeoutType });
      const events = await t.history(activityHandles[i]!);
      const timedOut = timeOf(events, 'ACTIVITY_TASK_TIMED_OUT');
      const from =
        name === 'startToClose' ? timeOf(events, 'ACTIVITY_TASK_STARTED')
        : name === 'heartbeat' ? t.ledger.entries('heartbeat: sent')[0]?.at // the last (only) heartbeat
        : timeOf(events, 'ACTIVITY_TASK_SCHEDULED');
      lateness(`activity ${name}`, TIMEOUT_MS, from, timedOut);
    }
    t.check('activity scheduleToStart: no worker ever started it', 0, t.ledger.count('schedule-to-start: started'));

    // 3. Workflow execution and run timeouts on a workflow that sleeps 10 s. The retry state tells them apart: a
    //    run timeout could still be retried by a workflow retry policy (none is set), an execution timeout cannot.
    for (const [label, handle, retryState] of [['workflow execution timeout', executionHandle, 'TIMEOUT'], ['workflow run timeout', runHandle, 'RETRY_POLICY_NOT_SET']] as const) {
      t.check(`${label}: the client sees the workflow time out`, { status: 'TIMED_OUT', error: 'WorkflowFailedError', retryState }, await ending(handle));
      lateness(`${label}, from the client's start call`, TIMEOUT_MS, calledAt.get(handle.workflowId), timeOf(await t.history(handle), 'WORKFLOW_EXECUTION_TIMED_OUT'));
    }

    // 4. A chain of runs: each run is within its run timeout; the execution timeout spans continue-as-new.
    const chainEnd = await ending(t.client.workflow.getHandle(chainHandle.workflowId));
    const runs = t.ledger.entries('chain: run started').filter((e) => !(e.data as { replaying?: boolean }).replaying).length;
    t.check('execution timeout across continue-as-new: the chain times out, after more than one run', { status: 'TIMED_OUT', runs: 'more than 1' }, { status: chainEnd.status, runs }, chainEnd.status === 'TIMED_OUT' && runs > 1);
    const lastRun = await t.history(t.client.workflow.getHandle(chainHandle.workflowId));
    lateness("workflow execution timeout over a chain of runs, from the client's start call", CHAIN_EXECUTION_MS, calledAt.get(chainHandle.workflowId), timeOf(lastRun, 'WORKFLOW_EXECUTION_TIMED_OUT'));

    // 5. The workflow task timeout: the held task times out, the server schedules it again, the workflow recovers.
    const taskEnd = await ending(taskHandle);
    const raw = await taskHandle.fetchHistory();
    const taskEvents = await t.history(taskHandle);
    const timedOutTask = raw.events?.find((e) => e.workflowTaskTimedOutEventAttributes);
    const timeoutTypeCode = timedOutTask?.workflowTaskTimedOutEventAttributes?.timeoutType;
    const timeoutType = timeoutTypeCode === 1 ? 'START_TO_CLOSE' : timeoutTypeCode === undefined ? 'none' : String(timeoutTypeCode);
    t.check('workflow task timeout: the held task times out (START_TO_CLOSE), is retried, the workflow completes', { timedOutTask: 'START_TO_CLOSE', status: 'COMPLETED' }, { timedOutTask: timeoutType, status: taskEnd.status });
    const taskTimedOutAt = timeOf(taskEvents, 'WORKFLOW_TASK_TIMED_OUT');
    const taskStartedAt = taskEvents.filter((e) => e.type === 'WORKFLOW_TASK_STARTED' && taskTimedOutAt !== undefined && e.time <= taskTimedOutAt).at(-1)?.time;
    lateness('workflow task timeout', TASK_TIMEOUT_MS, taskStartedAt, taskTimedOutAt);

    // 6. What the server records when the client sets no workflow timeouts.
    const started = (await activityHandles[1]!.fetchHistory()).events?.[0]?.workflowExecutionStartedEventAttributes;
    t.check(
      'no workflow timeouts set: what the server recorded (ms; 0 = none)',
      { execution: 0, run: 0, task: 10_000 },
      { execution: ms(started?.workflowExecutionTimeout as Duration), run: ms(started?.workflowRunTimeout as Duration), task: ms(started?.workflowTaskTimeout as Duration) },
    );
  },
});
