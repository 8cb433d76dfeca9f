/**
 * EX-02 · Side-effect guarantee (Temporal)
 *
 * Question: what does Temporal promise for an effect inside an activity, when the worker crashes after the effect
 * happened but before the activity reported its result? How often is the effect repeated, and what must the user
 * add to make it happen once?
 *
 * How: several workflows start at once. Each one's activity performs an effect (a ledger line standing in for
 * "charge the card"), then, on its first attempt, stays busy, so the activity has not reported when the probe
 * SIGKILLs the worker. After a restart the server retries every activity once its start-to-close timeout has
 * run out. The same is done with an activity that guards its effect with an idempotency key of its own, built
 * from the workflow run id and the activity id: the key Temporal's documentation suggests, since it stays the same
 * on every retry of the activity and differs between workflow executions
 * (https://docs.temporal.io/activity-definition#idempotency).
 */
import { activityInfo } from '@temporalio/activity';
import { defineProbe, hold, record, recordOnce } from '../harness/index.ts';

const RUNS = 8;

export const activities = {
  /** Charges once per attempt: the effect is protected by nothing but the activity itself. */
  async chargeCard(order: number): Promise<string> {
    record('unguarded: card charged', { order, attempt: activityInfo().attempt });
    if (activityInfo().attempt === 1) await hold(60_000); // the crash lands here: effect done, result not reported
    return 'charged';
  },
  /** Charges through an idempotency key that is the same on every attempt, as a payment API would take it. */
  async chargeCardOnce(order: number): Promise<string> {
    const { workflowExecution, activityId, attempt } = activityInfo();
    recordOnce('guarded: card charged', `${workflowExecution?.runId}:${activityId}`, { order, attempt });
    if (attempt === 1) await hold(60_000);
    return 'charged';
  },
};

export default defineProbe({
  id: 'EX-02',
  question: 'How often does an effect inside an activity repeat when the worker crashes before the activity reports?',
  budgetMs: 90_000,
  workflows: new URL('./ex-02-side-effects.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // 1. Start every run of both kinds; wait until each has performed its effect and is still in the activity.
    const handles = [];
    for (let order = 0; order < RUNS; order++) {
      for (const kind of ['unguarded', 'guarded']) {
        handles.push(await t.client.workflow.start(kind, { taskQueue: t.taskQueue, workflowId: t.workflowId(`${kind}-${order}`), args: [order] }));
      }
    }
    await t.ledger.waitFor('unguarded: card charged', RUNS);
    await t.ledger.waitFor('guarded: card charged', RUNS);
    const before = { unguarded: t.ledger.count('unguarded: card charged'), guarded: t.ledger.count('guarded: card charged') };

    // 2. Crash the worker inside every activity at once, then restart it.
    await t.worker.kill();
    await t.worker.start();

    // 3. Wait for every workflow to end.
    const outcomes = await Promise.all(handles.map((h) => h.result().then(() => 'COMPLETED', (e: Error) => `FAILED: ${e.message}`)));

    // 4. Count each run's effects, per kind: the crash fell after the first attempt's effect.
    const perRun = (effect: string) => Array.from({ length: RUNS }, (_, order) => t.ledger.entries(effect).filter((e) => (e.data as { order: number }).order === order).length);
    const unguarded = perRun('unguarded: card charged');
    const guarded = perRun('guarded: card charged');
    t.metric('unguarded: effects per run', 'effects', unguarded);
    t.metric('guarded: effects per run', 'effects', guarded);

    t.check('every run completed after the crash', RUNS * 2, outcomes.filter((o) => o === 'COMPLETED').length);
    t.check('effects recorded before the crash (one per run and kind)', { unguarded: RUNS, guarded: RUNS }, before);
    // At-least-once shows as a second effect in every run: one per attempt. Exactly-once would leave 1 per run.
    t.check('unguarded activity: effects per run (one per attempt, 2 attempts)', Array(RUNS).fill(2), unguarded);
    t.check('guarded activity: one effect per run with a user idempotency key', Array(RUNS).fill(1), guarded);
  },
});
