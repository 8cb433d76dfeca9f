/**
 * RT-04 · Heartbeat (Temporal)
 *
 * Question: how does Temporal learn that a long activity is no longer alive? Two failures: an activity that hangs
 * (the worker lives, the activity stops making progress) and a worker that dies mid-activity (SIGKILL). Does the
 * retry get the progress the lost attempt reported, and does a cancellation reach a running activity?
 *
 * How: an activity processes items and heartbeats its progress after each one (`heartbeat({ next })`), with a
 * heartbeat timeout of 2 s and a start-to-close timeout of 60 s (`rt-04-heartbeat.workflows.ts`). The probe polls
 * the workflow's description (its pending activity: last heartbeat the server recorded, when the attempt ended,
 * why) to see when the server acted, and the retry reads `activityInfo().heartbeatDetails` to resume. Cancellation:
 * the workflow cancels the scope its activity runs in; the activity, heartbeating, sees a CancelledFailure. The SDK
 * sends heartbeats to the server at most once per 80 % of the heartbeat timeout (the worker options
 * `maxHeartbeatThrottleInterval` and `defaultHeartbeatThrottleInterval`), so the probe counts what reached the
 * server, and times the cancellation under two heartbeat timeouts.
 */
import { activityInfo, CancelledFailure, heartbeat, sleep } from '@temporalio/activity';
import type { WorkflowHandle } from '@temporalio/client';
import proto from '@temporalio/proto';
import { defineProbe, hold, record } from '../harness/index.ts';

const HEARTBEAT_TIMEOUT_MS = 2_000;
/** The SDK's throttle: heartbeats reach the server at most this often (80 % of the heartbeat timeout). */
const THROTTLE_MS = HEARTBEAT_TIMEOUT_MS * 0.8;
/** The activity heartbeats after every item, one item per BEAT_MS. */
const BEAT_MS = 200;
/** The hung attempt heartbeats this many items, then stops making progress while staying alive. */
const HANG_AFTER = 15;
/** The killed attempt's worker dies after this many items. */
const KILL_AFTER = 5;
/** The workflow's retry `initialInterval` for the long job. */
const RETRY_MS = 1_000;
/** As in RT-02: a timeout that acts more than a second after its deadline fails its purpose. */
const LATE_LIMIT_MS = 1_000;
/** Heartbeat timeouts of the two cancellation runs: the SDK's throttle, and so the cancellation's delay, scale with it. */
const CANCEL_TIMEOUTS_MS = [2_000, 10_000];

export const activities = {
  async processItems(label: string): Promise<{ attempt: number; resumedFrom: number }> {
    const { attempt, heartbeatDetails } = activityInfo();
    const resumedFrom = (heartbeatDetails as { next?: number } | undefined)?.next ?? 0;
    record(`${label}: attempt`, { attempt, resumedFrom });
    if (attempt > 1) return { attempt, resumedFrom };
    for (let item = resumedFrom; ; item++) {
      if (label === 'hung' && item === HANG_AFTER) {
        record('hung: stopped heartbeating', { item });
        await hold(60_000); // alive, but no progress and no heartbeat
      }
      heartbeat({ next: item + 1 });
      record(`${label}: heartbeat`, { next: item + 1 });
      await hold(BEAT_MS);
    }
  },
  async heartbeatUntilCancelled(label: string): Promise<void> {
    record(`${label}: started`);
    for (;;) {
      heartbeat();
      try {
        await sleep(BEAT_MS); // the activity context's sleep: rejects once the activity is cancelled
      } catch (e) {
        record(`${label}: cancellation seen`, { error: (e as Error).name, isCancelledFailure: e instanceof CancelledFailure });
        throw e;
      }
    }
  },
};

type Timestamp = { seconds?: number | { toNumber(): number } | null; nanos?: number | null } | null | undefined;
const millis = (t: Timestamp) => (t ? (typeof t.seconds === 'number' ? t.seconds : (t.seconds?.toNumber() ?? 0)) * 1000 + Math.floor((t.nanos ?? 0) / 1e6) : 0);
const timeoutName = (code: number | null | undefined) => (code ? (proto.temporal.api.enums.v1.TimeoutType[code] ?? String(code)).replace(/^TIMEOUT_TYPE_/, '') : 'none');

/** One look at the pending activity, through DescribeWorkflowExecution. */
interface Snapshot {
  attempt: number;
  lastHeartbeatAt: number;
  /** When the next attempt is due: one retry interval after the last attempt ended. */
  nextAttemptAt: number;
  lastFailure: string;
}

export default defineProbe({
  id: 'RT-04',
  question: 'How fast do heartbeat timeouts catch a hung activity and a dead worker, does the retry get the progress, and does cancellation arrive?',
  budgetMs: 90_000,
  exclusive: true, // it measures waits and lateness in milliseconds: nothing may run beside it
  workflows: new URL('./rt-04-heartbeat.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    /**
     * Polls the workflow's pending activity until the server has scheduled the retry of its first attempt; returns
     * every distinct look.
     */
    const watch = async (handle: WorkflowHandle) => {
      const seen: Snapshot[] = [];
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline) {
        const pending = (await handle.describe()).raw.pendingActivities?.[0];
        if (pending) {
          const s: Snapshot = {
            attempt: pending.attempt ?? 0,
            lastHeartbeatAt: millis(pending.lastHeartbeatTime as Timestamp),
            nextAttemptAt: millis(pending.nextAttemptScheduleTime as Timestamp),
            lastFailure: pending.lastFailure ? `${pending.lastFailure.timeoutFailureInfo ? `TimeoutFailure ${timeoutName(pending.lastFailure.timeoutFailureInfo.timeoutType)}` : pending.lastFailure.message}` : '',
          };
          const last = seen.at(-1);
          if (!last || last.attempt !== s.attempt || last.lastHeartbeatAt !== s.lastHeartbeatAt || last.nextAttemptAt !== s.nextAttemptAt) seen.push(s);
          if (s.attempt >= 2 && s.nextAttemptAt) return seen;
        } else if (seen.some((s) => s.attempt >= 2)) return seen;
        await t.pause(100, 'poll the pending activity');
      }
      return seen;
    };
    const heartbeatsOf = (label: string) => t.ledger.entries(`${label}: heartbeat`);

    // 1. A hung activity, and two cancellations, side by side.
    const hungHandle = await t.client.workflow.start('longJob', { taskQueue: t.taskQueue, workflowId: t.workflowId('hung'), args: ['hung'] });
    const cancelHandles = await Promise.all(CANCEL_TIMEOUTS_MS.map((ms) => t.client.workflow.start('cancellable', { taskQueue: t.taskQueue, workflowId: t.workflowId(`cancel-${ms}`), args: [`cancel ${ms}`, ms] })));

    const hungSeen = await watch(hungHandle);
    const hungResult = (await hungHandle.result()) as { attempt: number; resumedFrom: number };
    const calls = heartbeatsOf('hung');
    const lastCall = calls.at(-1);
    const beforeTimeout = hungSeen.filter((s) => s.attempt === 1 && s.lastHeartbeatAt);
    const serverLastHeartbeat = beforeTimeout.at(-1)?.lastHeartbeatAt;
    const timedOut = hungSeen.find((s) => s.attempt >= 2 && s.nextAttemptAt);
    // The first retry is due `initialInterval` after the attempt ended (kept to the millisecond from 1 s up, RT-01).
    // The description's own `currentRetryInterval` did not decode to a duration here, so the probe uses the policy's.
    const endedAt = (s: Snapshot) => s.nextAttemptAt - RETRY_MS;
    t.check('hung activity: its first attempt ends in a heartbeat timeout, then a retry', { lastFailure: 'TimeoutFailure HEARTBEAT', attempt: 2 }, { lastFailure: timedOut?.lastFailure ?? 'no retry seen', attempt: hungResult.attempt });
    if (timedOut && serverLastHeartbeat && lastCall) {
      const late = endedAt(timedOut) - serverLastHeartbeat - HEARTBEAT_TIMEOUT_MS;
      t.metric(`hung: server's last recorded heartbeat → attempt timed out, minus heartbeatTimeout (${HEARTBEAT_TIMEOUT_MS} ms)`, 'ms', late);
      t.check('hung: the server acted no earlier than heartbeatTimeout after the last heartbeat it recorded', '≥ 0 ms late', `${late} ms late`, late >= 0);
      // What the activity's author sees: from its last heartbeat() call, up to one throttle interval more.
      const detection = endedAt(timedOut) - lastCall.at;
      t.metric('hung: last heartbeat() call → attempt timed out', 'ms', detection);
      const bound = HEARTBEAT_TIMEOUT_MS + THROTTLE_MS + LATE_LIMIT_MS;
      t.check('hung: detected within heartbeatTimeout + one throttle interval + 1 s of its last heartbeat() call', `${HEARTBEAT_TIMEOUT_MS}–${bound} ms`, `${detection} ms`, detection >= HEARTBEAT_TIMEOUT_MS && detection <= bound);
    }
    // The throttle: how many of the activity's heartbeat() calls became a heartbeat the server recorded.
    const recorded = new Set(beforeTimeout.map((s) => s.lastHeartbeatAt)).size;
    const span = lastCall && calls[0] ? lastCall.at - calls[0].at : 0;
    const throttleCeiling = Math.ceil(span / THROTTLE_MS) + 1;
    t.check(
      `throttle: heartbeats recorded by the server, against heartbeat() calls (at most one per ${THROTTLE_MS} ms)`,
      `≤ ${throttleCeiling} of ${calls.length}`,
      `${recorded} of ${calls.length}`,
      recorded >= 1 && recorded <= throttleCeiling,
    );
    t.check('hung: the retry resumes from the last progress the attempt reported (heartbeatDetails)', { attempt: 2, resumedFrom: HANG_AFTER }, hungResult);

    // 2. Cancellation: the workflow cancels the activity's scope; the activity learns of it from a heartbeat response.
    for (const [i, ms] of CANCEL_TIMEOUTS_MS.entries()) {
      const label = `cancel ${ms}`;
      await t.ledger.waitFor(`${label}: started`);
      const signalledAt = Date.now();
      await cancelHandles[i]!.signal('stop');
      const [seen] = await t.ledger.waitFor(`${label}: cancellation seen`, 1, { timeoutMs: 20_000 });
      const outcome = await cancelHandles[i]!.result();
      t.check(`cancellation (heartbeatTimeout ${ms} ms): the activity sees a CancelledFailure, the workflow its cancellation`, { activity: 'CancelledFailure', workflow: 'activity cancelled' }, { activity: (seen!.data as { error: string }).error, workflow: outcome });
      const latency = seen!.at - signalledAt;
      t.metric(`cancellation (heartbeatTimeout ${ms} ms): workflow signalled → activity sees it`, 'ms', latency);
      const bound = ms * 0.8 + LATE_LIMIT_MS;
      t.check(`cancellation (heartbeatTimeout ${ms} ms): delivered within one throttle interval (${ms * 0.8} ms) + 1 s`, `≤ ${bound} ms`, `${latency} ms`, latency <= bound);
    }

    // 3. A dead worker: SIGKILL mid-activity, start a new worker; the heartbeat timeout, not start-to-close, catches it.
    const deadHandle = await t.client.workflow.start('longJob', { taskQueue: t.taskQueue, workflowId: t.workflowId('dead'), args: ['dead'] });
    await t.ledger.waitFor('dead: heartbeat', KILL_AFTER);
    const killedAt = Date.now();
    await t.worker.kill();
    const lastBeforeKill = heartbeatsOf('dead').at(-1)!;
    await t.worker.start();
    const deadSeen = await watch(deadHandle);
    const deadResult = (await deadHandle.result()) as { attempt: number; resumedFrom: number };
    const deadTimedOut = deadSeen.find((s) => s.attempt >= 2 && s.nextAttemptAt);
    t.check('dead worker: the attempt ends in a heartbeat timeout, then a retry on the new worker', { lastFailure: 'TimeoutFailure HEARTBEAT', attempt: 2 }, { lastFailure: deadTimedOut?.lastFailure ?? 'no retry seen', attempt: deadResult.attempt });
    if (deadTimedOut) {
      const detection = endedAt(deadTimedOut) - killedAt;
      t.metric('dead worker: SIGKILL → attempt timed out', 'ms', detection);
      const bound = HEARTBEAT_TIMEOUT_MS + LATE_LIMIT_MS;
      t.check(`dead worker: detected within heartbeatTimeout + 1 s of the kill (start-to-close is 60 s)`, `≤ ${bound} ms`, `${detection} ms`, detection <= bound);
    }
    // Throttled heartbeats still in the SDK when the process died never reach the server: the retry may resume a little earlier.
    const reported = (lastBeforeKill.data as { next: number }).next;
    t.check(
      'dead worker: the retry resumes from progress the killed attempt reported (at most its last heartbeat() call)',
      `1–${reported}`,
      deadResult.resumedFrom,
      deadResult.resumedFrom >= 1 && deadResult.resumedFrom <= reported,
    );
  },
});
