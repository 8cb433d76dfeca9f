/**
 * RT-01 · Retry strategy (Temporal)
 *
 * Question: how does Temporal retry a failing activity? Does the measured schedule follow the retry policy's
 * initial interval, backoff coefficient and maximum interval; what does the server fill in when the workflow sets
 * no policy; do non-retryable failures (by type in the policy, or flagged by the activity) stop at once; and does a
 * failure that asks for its own next delay (`ApplicationFailure` with `nextRetryDelay`) get it?
 *
 * How: six workflows start together, each calling one activity under a policy of its own
 * (`rt-01-retry.workflows.ts`). The activities record every attempt in the ledger, with the worker's clock, so the
 * gaps between attempts are measured where the work happens. Temporal's history keeps only the last attempt of
 * an activity (the started event is written when the activity closes), which the probe checks too;
 * the retry policy the server settled on is read from the ACTIVITY_TASK_SCHEDULED event.
 */
import { activityInfo } from '@temporalio/activity';
import type { WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { defineProbe, record } from '../harness/index.ts';
import type { Outcome } from './rt-01-retry.workflows.ts';

/**
 * How late a retry may start and still read as the policy's schedule: a quarter of the wait asked for, so that
 * the steps of a doubling schedule stay apart (a wait of 0.5 s that took 1 s would be the next step's), but never
 * less than 100 ms, for the server's timer and the worker's long poll to hand the task over.
 */
const lateBy = (asked: number) => Math.max(100, asked / 4);
/** The schedule the policy in `retrySchedule` asks for: 0.5 s doubling, capped at 2 s, six attempts. */
const SCHEDULE_MS = [500, 1_000, 2_000, 2_000, 2_000];
/** The server's documented defaults (https://docs.temporal.io/encyclopedia/retry-policies#default-values-for-retry-policy). */
const DEFAULT_POLICY = { initialIntervalMs: 1_000, backoffCoefficient: 2, maximumIntervalMs: 100_000, maximumAttempts: 0 };
/** A constant 0.25 s between four attempts. */
const SUB_SECOND_MS = [250, 250, 250];
/** Under the default policy, the waits before retries 1–3. */
const DEFAULT_SCHEDULE_MS = [1_000, 2_000, 4_000];
/** What the rate-limited activity asks for, beyond the policy's 1 s maximum interval. */
const OWN_DELAY_MS = 3_000;

/** An error class: the SDK turns it into an ApplicationFailure whose type is the class name. */
class CardDeclined extends Error {}

export const activities = {
  async alwaysFails(label: string): Promise<void> {
    record(`${label}: attempt`, { attempt: activityInfo().attempt });
    throw new Error('service unavailable');
  },
  async failsThreeTimes(label: string): Promise<void> {
    record(`${label}: attempt`, { attempt: activityInfo().attempt });
    if (activityInfo().attempt <= 3) throw new Error('service unavailable');
  },
  async declineCard(): Promise<void> {
    record('non-retryable type: attempt', { attempt: activityInfo().attempt });
    throw new CardDeclined('the bank declined the card');
  },
  async rejectInvalidCard(): Promise<void> {
    record('non-retryable flag: attempt', { attempt: activityInfo().attempt });
    throw ApplicationFailure.nonRetryable('card number is invalid', 'InvalidCard');
  },
  async rateLimitedOnce(label: string): Promise<void> {
    record(`${label}: attempt`, { attempt: activityInfo().attempt });
    if (activityInfo().attempt === 1) {
      throw ApplicationFailure.create({ message: '429 from the API', type: 'RateLimited', nextRetryDelay: OWN_DELAY_MS });
    }
  },
};

type Duration = { seconds?: number | { toNumber(): number } | null; nanos?: number | null } | null | undefined;
const ms = (d: Duration) => (d ? (typeof d.seconds === 'number' ? d.seconds : (d.seconds?.toNumber() ?? 0)) * 1000 + Math.round((d.nanos ?? 0) / 1e6) : 0);
/** Gaps between consecutive attempts, in ms. */
const gaps = (times: number[]) => times.slice(1).map((at, i) => at - times[i]!);
/** Each gap no earlier than asked, and not later than `lateBy` allows. */
const onSchedule = (observed: number[], expected: number[]) => observed.length === expected.length && observed.every((g, i) => g >= expected[i]! && g <= expected[i]! + lateBy(expected[i]!));
const band = (expected: number[]) => expected.map((e) => `${e}–${e + lateBy(e)} ms`).join(', ');
const list = (values: number[]) => values.map((v) => `${v} ms`).join(', ') || 'none';

export default defineProbe({
  id: 'RT-01',
  question: 'Does an activity retry on the policy’s schedule, with the server’s defaults, non-retryable failures and nextRetryDelay as documented?',
  budgetMs: 60_000,
  exclusive: true, // it measures waits and lateness in milliseconds: nothing may run beside it
  workflows: new URL('./rt-01-retry.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    /** The retry policy in a workflow's ACTIVITY_TASK_SCHEDULED event: what the server settled on. */
    const recordedPolicy = async (handle: WorkflowHandle) => {
      const raw = await handle.fetchHistory();
      const policy = raw.events?.find((e) => e.activityTaskScheduledEventAttributes)?.activityTaskScheduledEventAttributes?.retryPolicy;
      return {
        initialIntervalMs: ms(policy?.initialInterval as Duration),
        backoffCoefficient: policy?.backoffCoefficient ?? null,
        maximumIntervalMs: ms(policy?.maximumInterval as Duration),
        maximumAttempts: policy?.maximumAttempts ?? 0,
      };
    };

    // 1. Start every workflow at once; each ends when its activity completes or the server stops retrying.
    const names = ['retrySchedule', 'defaultPolicy', 'nonRetryableType', 'nonRetryableFlag', 'nextRetryDelay', 'subSecond'] as const;
    const handles = await Promise.all(names.map((name) => t.client.workflow.start(name, { taskQueue: t.taskQueue, workflowId: t.workflowId(name) })));
    const outcomes = Object.fromEntries(await Promise.all(handles.map(async (h, i) => [names[i], (await h.result()) as Outcome] as const))) as Record<(typeof names)[number], Outcome>;
    const attempts = (effect: string) => t.ledger.entries(effect).map((e) => e.at);

    // 2. The policy's schedule: 0.5 s, 1 s, 2 s, 2 s, 2 s between six attempts; first, the policy as the server recorded it.
    t.check('policy: recorded by the server as given', { initialIntervalMs: 500, backoffCoefficient: 2, maximumIntervalMs: 2_000, maximumAttempts: 6 }, await recordedPolicy(handles[0]!));
    const scheduleGaps = gaps(attempts('schedule: attempt'));
    scheduleGaps.forEach((gap, i) => t.metric(`policy 0.5 s × 2, max 2 s: wait before retry ${i + 1} (asked ${SCHEDULE_MS[i]} ms)`, 'ms', gap));
    t.check('policy: maximumAttempts 6 gives 6 attempts, then MAXIMUM_ATTEMPTS_REACHED', { attempts: 6, retryState: 'MAXIMUM_ATTEMPTS_REACHED' }, { attempts: scheduleGaps.length + 1, retryState: outcomes.retrySchedule.retryState });
    t.check('policy: every wait, against initialInterval × backoffCoefficient^n capped at maximumInterval', band(SCHEDULE_MS), list(scheduleGaps), onSchedule(scheduleGaps, SCHEDULE_MS));
    // Attempts are not history events: the server writes ACTIVITY_TASK_STARTED once, for the last attempt.
    const scheduleHistory = await t.history(handles[0]!);
    const startedEvents = scheduleHistory.filter((e) => e.type === 'ACTIVITY_TASK_STARTED');
    t.check('history: one ACTIVITY_TASK_STARTED event, carrying the last attempt number', '1 event, attempt 6', `${startedEvents.length} event(s), attempt ${startedEvents.map((e) => e.attempt).join(', ')}`, startedEvents.length === 1 && startedEvents[0]!.attempt === 6);

    // 2b. A constant sub-second interval: is a wait shorter than a second kept?
    const quickGaps = gaps(attempts('sub-second: attempt'));
    t.metric('policy 0.25 s constant: wait before each retry', 'ms', quickGaps);
    t.check('policy 0.25 s constant: every wait, against 250 ms', band(SUB_SECOND_MS), list(quickGaps), onSchedule(quickGaps, SUB_SECOND_MS));

    // 3. No policy: what the server filled in (from the history), and the schedule it produced.
    t.check('no policy set: the retry policy the server recorded', DEFAULT_POLICY, await recordedPolicy(handles[1]!));
    const defaultGaps = gaps(attempts('default: attempt'));
    defaultGaps.forEach((gap, i) => t.metric(`no policy set: wait before retry ${i + 1} (default ${DEFAULT_SCHEDULE_MS[i]} ms)`, 'ms', gap));
    t.check('no policy set: the waits follow the defaults (1 s doubling)', band(DEFAULT_SCHEDULE_MS), list(defaultGaps), onSchedule(defaultGaps, DEFAULT_SCHEDULE_MS));
    t.check('no policy set: still retrying after 3 failures, completes on attempt 4', 'completed', outcomes.defaultPolicy.status);

    // 4. Non-retryable failures: one attempt although the policy allows five.
    t.check(
      'nonRetryableErrorTypes ["CardDeclined"]: one attempt',
      { attempts: 1, retryState: 'NON_RETRYABLE_FAILURE', causeType: 'CardDeclined' },
      { attempts: t.ledger.count('non-retryable type: attempt'), retryState: outcomes.nonRetryableType.retryState, causeType: outcomes.nonRetryableType.causeType },
    );
    t.check(
      'ApplicationFailure.nonRetryable: one attempt',
      { attempts: 1, retryState: 'NON_RETRYABLE_FAILURE', nonRetryable: true },
      { attempts: t.ledger.count('non-retryable flag: attempt'), retryState: outcomes.nonRetryableFlag.retryState, nonRetryable: outcomes.nonRetryableFlag.nonRetryable },
    );

    // 5. nextRetryDelay: the failure asks for 3 s; the policy alone would wait 0.2 s and never more than 1 s.
    const [ownGap] = gaps(attempts('own-delay: attempt'));
    t.metric(`nextRetryDelay ${OWN_DELAY_MS} ms (policy: 200 ms, max 1 s): wait before the retry`, 'ms', ownGap ?? NaN);
    t.check(
      'nextRetryDelay: the retry waits what the failure asked, past maximumInterval',
      band([OWN_DELAY_MS]),
      ownGap === undefined ? 'no retry' : `${ownGap} ms`,
      ownGap !== undefined && onSchedule([ownGap], [OWN_DELAY_MS]),
    );
    t.check('nextRetryDelay: then the activity completes', 'completed', outcomes.nextRetryDelay.status);
  },
});
