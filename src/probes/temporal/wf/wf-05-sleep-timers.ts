/**
 * WF-05 · Sleep / timers (Temporal)
 *
 * Question: how punctual are durable timers (a distribution, not one sample), what does a sub-second sleep do, does a
 * timer still fire on time when the server restarts under it, and do Schedules start workflows on their nominal times
 * and honour their overlap policy?
 *
 * How: three workflows each take ten 1-second `sleep`s at once; from each history the probe takes when every timer
 * started and fired (the server's lateness) and when the worker took the next workflow task (when the code could go
 * on). A workflow sleeps 200 ms. Another sleeps 4 s while the probe restarts the dev server (graceful stop, state
 * file kept). Then a Schedule with an interval of 2 s starts a workflow that records the time in an activity; for
 * each action the probe compares the server's nominal time with when the action was taken and the workflow started.
 * Two more Schedules fire every second a workflow that takes 2.5 s, one with the default overlap policy (SKIP) and
 * one with ALLOW_ALL, to count runs started, skipped and in flight at once.
 * https://docs.temporal.io/develop/typescript/workflows/timers · https://docs.temporal.io/schedule
 */
import { defineProbe, record, type HistoryEventView } from '../harness/index.ts';

const NAPS = 10;
const RUNS = 3;
const NAP_MS = 1_000;
const SHORT_MS = 200;
const RESTART_NAP_MS = 4_000;
const EVERY_S = 2;
const ACTIONS = 5;
const OVERLAP_WINDOW_MS = 8_000;
const OVERLAP_WORK_MS = 2_500;

export const activities = {
  async tick(label: string): Promise<void> {
    record('tick', { label });
  },
};

/**
 * For each timer in a history: how late it fired against its due time, and how late the code went on after it. The
 * workflows here sleep one timer at a time, so each TIMER_FIRED belongs to the TIMER_STARTED before it.
 */
function timerLateness(events: HistoryEventView[], ms: number): { fired: number[]; resumed: number[] } {
  const fired: number[] = [];
  const resumed: number[] = [];
  let started: HistoryEventView | undefined;
  events.forEach((e, k) => {
    if (e.type === 'TIMER_STARTED') started = e;
    if (e.type !== 'TIMER_FIRED' || !started) return;
    fired.push(e.time - started.time - ms);
    const next = events.slice(k).find((n) => n.type === 'WORKFLOW_TASK_STARTED');
    if (next) resumed.push(next.time - started.time - ms);
  });
  return { fired, resumed };
}

export default defineProbe({
  id: 'WF-05',
  question: 'How late do durable timers fire, do they survive a server restart, and do Schedules fire on time and honour overlap?',
  budgetMs: 90_000,
  workflows: new URL('./wf-05-sleep-timers.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const start = (type: string, id: string, args: unknown[]) => t.client.workflow.start(type, { taskQueue: t.taskQueue, workflowId: t.workflowId(id), args });

    // 1. Thirty 1-second sleeps (three workflows side by side) and one of 200 ms.
    const nappers = await Promise.all(Array.from({ length: RUNS }, (_, r) => start('napper', `napper-${r}`, [NAPS, NAP_MS])));
    const short = await start('napper', 'short', [1, SHORT_MS]);
    await Promise.all([...nappers, short].map((h) => h.result()));
    const late = { fired: [] as number[], resumed: [] as number[] };
    for (const h of nappers) {
      const l = timerLateness(await t.history(h), NAP_MS);
      late.fired.push(...l.fired);
      late.resumed.push(...l.resumed);
    }
    t.metric('1 s sleep: timer fired after its due time (server)', 'ms', late.fired);
    t.metric('1 s sleep: workflow code resumed after its due time (next workflow task started)', 'ms', late.resumed);
    t.check(`all ${RUNS * NAPS} timers fired`, RUNS * NAPS, late.fired.length);
    t.check('no timer fired early: earliest against its due time', '≥ 0 ms', `${Math.min(...late.fired)} ms`, Math.min(...late.fired) >= 0);
    const shortLate = timerLateness(await t.history(short), SHORT_MS);
    const shortPause = (shortLate.fired[0] ?? NaN) + SHORT_MS;
    t.metric(`sleep(${SHORT_MS} ms): started to fired`, 'ms', shortPause);
    // The history service schedules no timer sooner than now + history.timerProcessorMaxTimeShift (1 s by default in
    // server 1.29.1): service/history/shard/task_key_generator.go moves an earlier fire time to just after that.
    t.check(`a ${SHORT_MS} ms sleep is held to the server's 1 s timer time shift: started to fired`, '900–1500 ms', `${shortPause} ms`, shortPause >= 900 && shortPause <= 1_500);

    // 2. A timer set before a server restart, due after it.
    const across = await start('napper', 'across-restart', [1, RESTART_NAP_MS]);
    let timerStarted: HistoryEventView | undefined;
    for (let i = 0; i < 50 && !timerStarted; i++) {
      timerStarted = (await t.history(across)).find((e) => e.type === 'TIMER_STARTED');
      if (!timerStarted) await t.pause(100, 'wait for the timer to be recorded');
    }
    await t.server.restart();
    const done = await t.client.workflow.getHandle(across.workflowId).result().then(() => 'COMPLETED', (e: Error) => `${e.name}: ${e.message}`);
    t.check('a timer across a server restart: the workflow', 'COMPLETED', done);
    const acrossLate = timerLateness(await t.history(t.client.workflow.getHandle(across.workflowId)), RESTART_NAP_MS);
    t.metric('timer across a server restart: fired after its due time', 'ms', acrossLate.fired);

    // 3. A Schedule every EVERY_S seconds: each action against its nominal time.
    const schedule = await t.client.schedule.create({
      scheduleId: t.workflowId('every-2s'),
      spec: { intervals: [{ every: `${EVERY_S}s` }] },
      action: { type: 'startWorkflow', workflowType: 'scheduledTick', taskQueue: t.taskQueue, args: ['interval', 0] },
    });
    const ticks = await t.ledger.waitFor('tick', ACTIONS, { timeoutMs: (ACTIONS + 3) * EVERY_S * 1000 });
    void ticks;
    const info = (await schedule.describe()).info;
    await schedule.delete();
    const actions = info.recentActions.slice(0, ACTIONS);
    const taken = actions.map((a) => a.takenAt.getTime() - a.scheduledAt.getTime());
    const starts: number[] = [];
    for (const a of actions) {
      const d = await t.client.workflow.getHandle(a.action.workflow.workflowId).describe();
      starts.push(d.startTime.getTime() - a.scheduledAt.getTime());
    }
    t.metric(`Schedule every ${EVERY_S} s: action taken after its nominal time`, 'ms', taken);
    t.metric(`Schedule every ${EVERY_S} s: workflow started after its nominal time`, 'ms', starts);
    const nominal = actions.map((a) => a.scheduledAt.getTime());
    t.check(`Schedule every ${EVERY_S} s: nominal times fall on whole multiples of ${EVERY_S} s, ${EVERY_S} s apart`, true, nominal.every((n, k) => n % (EVERY_S * 1000) === 0 && (k === 0 || n - nominal[k - 1]! === EVERY_S * 1000)));
    t.check(`Schedule every ${EVERY_S} s: every action taken on its nominal time or later, within 1 s`, '0–1000 ms', `${Math.min(...taken)}–${Math.max(...taken)} ms`, Math.min(...taken) >= 0 && Math.max(...taken) <= 1_000);

    // 4. Overlap: every second, a workflow that takes 2.5 s; SKIP (the default) and ALLOW_ALL side by side.
    const overlap = async (policy: 'SKIP' | 'ALLOW_ALL') =>
      t.client.schedule.create({
        scheduleId: t.workflowId(`overlap-${policy}`),
        spec: { intervals: [{ every: '1s' }] },
        action: { type: 'startWorkflow', workflowType: 'scheduledTick', taskQueue: t.taskQueue, args: [`overlap ${policy}`, OVERLAP_WORK_MS] },
        policies: { overlap: policy },
      });
    const [skip, allowAll] = [await overlap('SKIP'), await overlap('ALLOW_ALL')];
    await t.pause(OVERLAP_WINDOW_MS, 'let the overlapping Schedules fire');
    await Promise.all([skip.pause('WF-05: window over'), allowAll.pause('WF-05: window over')]);
    const skipInfo = (await skip.describe()).info;
    const allInfo = (await allowAll.describe()).info;
    await Promise.all([skip.delete(), allowAll.delete()]);
    await t.pause(OVERLAP_WORK_MS + 1_000, 'let the last overlapping runs finish');
    /** The most runs of one Schedule in flight at once, from the start and close times of the runs it started. */
    const mostInFlight = async (scheduleId: string) => {
      const edges: { at: number; d: number }[] = [];
      for await (const w of t.client.workflow.list({ query: `TemporalScheduledById = '${scheduleId}'` })) {
        edges.push({ at: w.startTime.getTime(), d: 1 }, { at: w.closeTime?.getTime() ?? Date.now(), d: -1 });
      }
      edges.sort((a, b) => a.at - b.at || a.d - b.d);
      let now = 0;
      let most = 0;
      for (const e of edges) most = Math.max(most, (now += e.d));
      return most;
    };
    t.metric(`overlap SKIP, every 1 s, work ${OVERLAP_WORK_MS} ms, ${OVERLAP_WINDOW_MS / 1000} s: actions taken`, 'runs', skipInfo.numActionsTaken);
    t.metric(`overlap SKIP, every 1 s, work ${OVERLAP_WORK_MS} ms, ${OVERLAP_WINDOW_MS / 1000} s: actions skipped for overlap`, 'runs', skipInfo.numActionsSkippedOverlap);
    t.metric(`overlap ALLOW_ALL, every 1 s, work ${OVERLAP_WORK_MS} ms, ${OVERLAP_WINDOW_MS / 1000} s: actions taken`, 'runs', allInfo.numActionsTaken);
    t.check('overlap SKIP: actions skipped while one runs', '> 0', skipInfo.numActionsSkippedOverlap, skipInfo.numActionsSkippedOverlap > 0);
    const skipMost = await mostInFlight(skip.scheduleId);
    const allMost = await mostInFlight(allowAll.scheduleId);
    t.check('overlap SKIP: most runs in flight at once', 1, skipMost);
    t.check('overlap ALLOW_ALL: no action skipped', 0, allInfo.numActionsSkippedOverlap);
    t.check('overlap ALLOW_ALL: most runs in flight at once', '≥ 2', allMost, allMost >= 2);
  },
});
