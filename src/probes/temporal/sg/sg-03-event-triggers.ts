/**
 * SG-03 · Event triggers (Temporal)
 *
 * Question: what starts work from an event? Inngest has event triggers (one event fans out to every function
 * listening to it, with filters and wildcards). Temporal has no event bus: a workflow starts when a client starts
 * it, when signal-with-start addresses a workflow id (starting it if it is not running), or when a Schedule fires.
 * What do those give, and what has no native form?
 *
 * How: 1. fan-in, the event-trigger equivalent: many "account events" sent at once with signal-with-start on one
 * workflow id; count the runs and the events the run got, and time each call. 2. A Schedule that fires every
 * second, and once on demand; count the runs it started. 3. Fan-out of one event to several workflow types: done
 * by a router in the caller's code (a list of workflow types per event name), since the server has none.
 */
import { randomUUID } from 'node:crypto';
import { defineProbe } from '../harness/index.ts';
import { accountEvent } from './sg-03-event-triggers.workflows.ts';

const EVENTS = 20;

export default defineProbe({
  id: 'SG-03',
  question: 'What starts a workflow from an event: signal-with-start fan-in on one id, Schedules, and fan-out to several workflow types?',
  budgetMs: 60_000,
  workflows: new URL('./sg-03-event-triggers.workflows.ts', import.meta.url),
  activities: {},

  async run(t) {
    // 1. Fan-in: EVENTS events for one account, sent concurrently with signal-with-start on the same workflow id.
    const accountId = t.workflowId('account-42');
    const latency: number[] = [];
    const handles = await Promise.all(
      Array.from({ length: EVENTS }, async (_, i) => {
        const sentAt = performance.now();
        const h = await t.client.workflow.signalWithStart('account', { taskQueue: t.taskQueue, workflowId: accountId, args: [EVENTS], signal: accountEvent, signalArgs: [{ kind: 'deposit', seq: i + 1 }] });
        latency.push(performance.now() - sentAt);
        return h;
      }),
    );
    t.metric('signal-with-start call (20 concurrent, one workflow id)', 'ms', latency);
    const runIds = new Set(handles.map((h) => h.signaledRunId));
    t.check('signal-with-start: concurrent events on one id → runs started', 1, runIds.size);
    const got = await handles[0]!.result();
    t.check('signal-with-start: events the one run received', Array.from({ length: EVENTS }, (_, i) => i + 1), got);

    // 2. A Schedule: the server starts the workflow on its own, every second, and once on demand.
    const scheduleId = t.workflowId(`nightly-${randomUUID().slice(0, 6)}`);
    const schedule = await t.client.schedule.create({
      scheduleId,
      spec: { intervals: [{ every: '1 second' }] },
      action: { type: 'startWorkflow', workflowType: 'nightlyReport', taskQueue: t.taskQueue },
    });
    await t.pause(3_500, 'let the schedule fire a few times');
    await schedule.trigger();
    await t.pause(1_000, 'let the triggered run start');
    await schedule.pause('probe done');
    const described = await schedule.describe();
    const started = t.ledger.entries('report started').map((e) => e.data as { workflowId: string });
    t.check('schedule: runs started by the server in 3.5 s, plus one triggered (band 3–6)', '3–6', started.length, started.length >= 3 && started.length <= 6);
    const prefixed = started.filter((s) => s.workflowId.startsWith(`${scheduleId}-`)).length;
    t.check('schedule: runs whose workflow id is the schedule id plus a timestamp', `${started.length} of ${started.length}`, `${prefixed} of ${started.length}`);
    t.note(`Schedule ${scheduleId}: ${described.info.numActionsTaken} actions taken, ${described.info.numActionsMissedCatchupWindow} missed; workflow ids look like ${started[0]?.workflowId ?? 'none'}`);
    await schedule.delete();

    // 3. Fan-out: one "user signed up" event to every workflow type interested in it. The server has no
    //    subscriptions, so the caller keeps the list and starts each; a filter (Inngest's `if`) is code here too.
    const subscribers: Record<string, string[]> = { 'user signed up': ['sendWelcome', 'addToCrm'] };
    const publish = async (event: string, user: string) =>
      Promise.all((subscribers[event] ?? []).map((type) => t.client.workflow.execute(type, { taskQueue: t.taskQueue, workflowId: t.workflowId(`${type}-${user}`), args: [user] })));
    await publish('user signed up', 'ann');
    await publish('user signed up', 'bob');
    const users = (effect: string) => t.ledger.entries(effect).map((e) => (e.data as { user: string }).user).sort();
    t.check('one event starts every workflow listening to it (router in the caller’s code)', { welcome: ['ann', 'bob'], crm: ['ann', 'bob'] }, { welcome: users('welcome sent'), crm: users('added to CRM') });
  },
});
