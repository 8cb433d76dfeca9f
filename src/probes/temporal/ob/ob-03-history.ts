/**
 * OB-03 · History visualisation (Temporal)
 *
 * Question: what does a workflow's event history record about a run — which events, with what timings, inputs
 * and outputs — and how does it show an activity that was retried, and a run that failed?
 *
 * How: one workflow prices an order (an activity), charges the card (an activity that fails twice before it
 * succeeds, retried by its retry policy), sleeps for a second and ships the order. A second workflow meets a
 * non-retryable failure in its activity and fails. The probe reads both histories with the SDK's
 * `fetchHistory()` — the same event history the Web UI and `temporal workflow show` render — and decodes the
 * payloads it holds.
 */
import { activityInfo } from '@temporalio/activity';
import { ApplicationFailure, defaultPayloadConverter } from '@temporalio/common';
import proto from '@temporalio/proto';
import { defineProbe, record } from '../harness/index.ts';

const { EventType } = proto.temporal.api.enums.v1;
type Event = proto.temporal.api.history.v1.IHistoryEvent;

export const activities = {
  async priceOrder(order: { id: string; items: number }): Promise<{ total: number }> {
    return { total: order.items * 1200 };
  },
  async chargeCard(total: number): Promise<string> {
    const { attempt } = activityInfo();
    record('charge attempted', { attempt });
    if (attempt < 3) throw new Error(`card processor unavailable (attempt ${attempt})`);
    return `charged ${total}`;
  },
  async shipOrder(id: string): Promise<string> {
    return `shipped ${id}`;
  },
  async validateAddress(): Promise<string> {
    throw ApplicationFailure.nonRetryable('address does not exist', 'InvalidAddress');
  },
};

const TYPE = (e: Event) => (EventType[e.eventType ?? 0] ?? String(e.eventType)).replace(/^EVENT_TYPE_/, '');
const payload = (p: proto.temporal.api.common.v1.IPayloads | null | undefined) => (p?.payloads ?? []).map((x) => defaultPayloadConverter.fromPayload(x));

export default defineProbe({
  id: 'OB-03',
  question: 'What does the event history record for a run with a retried activity, and for a failed run?',
  budgetMs: 60_000,
  workflows: new URL('./ob-03-history.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // 1. A run with a retry: price, charge (two failed attempts), sleep 1 s, ship.
    const handle = await t.client.workflow.start('fulfil', { taskQueue: t.taskQueue, workflowId: t.workflowId('fulfil'), args: [{ id: 'A-17', items: 2 }] });
    t.check('run completed', 'shipped A-17', await handle.result());
    const events = (await handle.fetchHistory()).events ?? [];
    const types = events.map(TYPE);
    const time = (e: Event | undefined) => (e ? t0(e) : NaN);
    t.note(`The history's events: ${types.join(', ')}`);
    t.metric('events in the history', 'events', events.length);

    const kinds = ['WORKFLOW_EXECUTION_STARTED', 'ACTIVITY_TASK_SCHEDULED', 'ACTIVITY_TASK_STARTED', 'ACTIVITY_TASK_COMPLETED', 'TIMER_STARTED', 'TIMER_FIRED', 'WORKFLOW_EXECUTION_COMPLETED'];
    t.check('every step kind is in the history', kinds, kinds.filter((k) => types.includes(k)));
    t.check('events without a time', [], events.filter((e) => !e.eventTime).map((e) => Number(e.eventId)));

    // Inputs and outputs: the workflow's input, each activity's input and result, the workflow's result.
    const scheduled = events.filter((e) => e.activityTaskScheduledEventAttributes);
    const io = scheduled.map((s) => {
      const done = events.find((e) => Number(e.activityTaskCompletedEventAttributes?.scheduledEventId ?? -1) === Number(s.eventId));
      return { activity: s.activityTaskScheduledEventAttributes!.activityType!.name, input: payload(s.activityTaskScheduledEventAttributes!.input), output: payload(done?.activityTaskCompletedEventAttributes?.result)[0] ?? null };
    });
    t.check("each activity's input and output are readable in the history", [
      { activity: 'priceOrder', input: [{ id: 'A-17', items: 2 }], output: { total: 2400 } },
      { activity: 'chargeCard', input: [2400], output: 'charged 2400' },
      { activity: 'shipOrder', input: ['A-17'], output: 'shipped A-17' },
    ], io);
    t.check("the workflow's input and result are in the history", { input: [{ id: 'A-17', items: 2 }], result: ['shipped A-17'] }, {
      input: payload(events[0]?.workflowExecutionStartedEventAttributes?.input),
      result: payload(events.find((e) => e.workflowExecutionCompletedEventAttributes)?.workflowExecutionCompletedEventAttributes?.result),
    });

    // The retried activity: one SCHEDULED, one STARTED (the last attempt's), its attempt and last failure.
    const charge = scheduled.find((s) => s.activityTaskScheduledEventAttributes!.activityType!.name === 'chargeCard')!;
    const chargeEvents = events.filter((e) => Number(e.activityTaskStartedEventAttributes?.scheduledEventId ?? e.activityTaskCompletedEventAttributes?.scheduledEventId ?? -1) === Number(charge.eventId));
    const started = chargeEvents.find((e) => e.activityTaskStartedEventAttributes)?.activityTaskStartedEventAttributes;
    t.check('the retried activity: attempts made (ledger)', 3, t.ledger.count('charge attempted'));
    t.check('the retried activity: events in the history', ['ACTIVITY_TASK_SCHEDULED', 'ACTIVITY_TASK_STARTED', 'ACTIVITY_TASK_COMPLETED'], [charge, ...chargeEvents].map(TYPE));
    t.check('the retried activity: the started event carries the attempt and the last failure', { attempt: 3, lastFailure: 'card processor unavailable (attempt 2)' }, { attempt: started?.attempt ?? null, lastFailure: started?.lastFailure?.message ?? null });
    t.metric('retried activity: scheduled → started (two failed attempts, 1 s and 2 s backoff)', 'ms', time(chargeEvents.find((e) => e.activityTaskStartedEventAttributes)) - time(charge));
    const timerStarted = events.find((e) => e.timerStartedEventAttributes);
    const timerFired = events.find((e) => e.timerFiredEventAttributes);
    t.metric('timer: started → fired in the history (nominal 1 s)', 'ms', time(timerFired) - time(timerStarted));
    t.metric('workflow: started → completed in the history', 'ms', time(events[events.length - 1]) - time(events[0]));

    // 2. A failed run: the failure's message, type and cause are in the history.
    const failing = await t.client.workflow.start('shipToNowhere', { taskQueue: t.taskQueue, workflowId: t.workflowId('nowhere') });
    const outcome = await failing.result().then(() => 'COMPLETED', (e: Error) => `FAILED: ${e.message}`);
    const failedEvents = (await failing.fetchHistory()).events ?? [];
    const activityFailed = failedEvents.find((e) => e.activityTaskFailedEventAttributes)?.activityTaskFailedEventAttributes;
    const workflowFailed = failedEvents.find((e) => e.workflowExecutionFailedEventAttributes)?.workflowExecutionFailedEventAttributes;
    t.check('failed run: the workflow failed', 'FAILED: Workflow execution failed', outcome);
    t.check('failed run: the activity failure is in the history with its message and type', { message: 'address does not exist', type: 'InvalidAddress', nonRetryable: true }, {
      message: activityFailed?.failure?.message ?? null, type: activityFailed?.failure?.applicationFailureInfo?.type ?? null, nonRetryable: activityFailed?.failure?.applicationFailureInfo?.nonRetryable ?? null,
    });
    t.check('failed run: the workflow failure keeps the chain (activity failure → cause)', { message: 'Activity task failed', cause: 'address does not exist' }, { message: workflowFailed?.failure?.message ?? null, cause: workflowFailed?.failure?.cause?.message ?? null });
    t.check('failed run: a stack trace is recorded with the failure', 'a non-empty stack trace', (activityFailed?.failure?.stackTrace ?? '').split('\n')[0] ?? '', (activityFailed?.failure?.stackTrace ?? '').length > 0);
    t.note(`The failed run's events: ${failedEvents.map(TYPE).join(', ')}`);
  },
});

/** An event's time in ms since the epoch. */
function t0(e: Event): number {
  const ts = e.eventTime!;
  return Number(ts.seconds ?? 0) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6);
}
