/**
 * EX-02 · Side-effect guarantee
 *
 * Question: what does Inngest promise for an effect inside a step, when the worker crashes after the effect
 * happened but before the step reported its result? How often is the effect repeated, and what must the user
 * add to make it happen once?
 *
 * How: several runs start at once. Each one's step performs an effect (a ledger line standing in for "charge
 * the card"), then, on the first attempt, stays busy, so the step has not reported when the probe SIGKILLs the
 * worker. After a restart every run retries the step. The same is done with a step that guards its effect with
 * an idempotency key of its own (run id + step), the pattern the user must add. Every attempt of a step records
 * itself too, so the probe counts, per run, the attempts and the effects after the crash apart from those before
 * it: at exactly-once, no effect would follow the crash.
 */
import { Inngest } from 'inngest';
import { defineProbe, hold, record, recordOnce } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ex-02' });
const RUNS = 8;

/** Charges once per attempt: the effect is not protected beyond what the step itself gives. */
const unguarded = inngest.createFunction(
  { id: 'ex-02-unguarded', triggers: [{ event: 'probe/ex-02.unguarded' }], retries: 3 },
  async ({ step, attempt, event, runId }) => {
    await step.run('charge card', async () => {
      record('unguarded: card charged', { order: event.data.order, runId, attempt });
      if (attempt === 0) await hold(60_000); // the crash lands here: effect done, result not yet reported
      return 'charged';
    });
  },
);

/** Charges through an idempotency key, as a payment API with idempotency keys would. */
const guarded = inngest.createFunction(
  { id: 'ex-02-guarded', triggers: [{ event: 'probe/ex-02.guarded' }], retries: 3 },
  async ({ step, attempt, event, runId }) => {
    await step.run('charge card', async () => {
      record('guarded: step attempted', { order: event.data.order, runId, attempt });
      // The key is stable across attempts of this step, so the "provider" can drop a repeat.
      recordOnce('guarded: card charged', `${runId}:charge card`, { order: event.data.order, runId, attempt });
      if (attempt === 0) await hold(60_000);
      return 'charged';
    });
  },
);

export default defineProbe({
  id: 'EX-02',
  question: 'How often does an effect inside a step repeat when the worker crashes before the step reports?',
  budgetMs: 150_000,
  client: inngest,
  functions: [unguarded, guarded],

  async run(t) {
    // 1. Start every run of both kinds; wait until each has performed its effect and is still in the step.
    const events: string[] = [];
    for (let order = 0; order < RUNS; order++) {
      events.push(await t.send('probe/ex-02.unguarded', { order }));
      events.push(await t.send('probe/ex-02.guarded', { order }));
    }
    await t.ledger.waitFor('unguarded: card charged', RUNS);
    await t.ledger.waitFor('guarded: card charged', RUNS);

    // 2. Crash the worker inside every step at once, then restart it. Effects recorded after this instant came
    // from a step the server ran again.
    await t.worker.kill();
    const crashedAt = Date.now();
    await t.worker.start();

    // 3. Wait for every run to end.
    const ended = [];
    for (const eventId of events) {
      const [run] = await t.waitForRuns(eventId);
      ended.push(await t.waitForEnd(run!.id, { timeoutMs: 90_000 }));
    }

    // 4. Count, per run: effects before and after the crash, and (guarded) how often the step ran at all.
    const perRun = (effect: string, after: boolean) => {
      const counts = new Map<string, number>();
      for (const e of t.ledger.entries(effect)) {
        const { runId } = e.data as { runId: string };
        counts.set(runId, (counts.get(runId) ?? 0) + (e.at >= crashedAt === after ? 1 : 0));
      }
      return [...counts.values()];
    };
    const unguardedBefore = perRun('unguarded: card charged', false);
    const unguardedAfter = perRun('unguarded: card charged', true);
    const guardedAttemptsAfter = perRun('guarded: step attempted', true);
    const guardedCharges = t.ledger.count('guarded: card charged');
    const unguardedCharges = t.ledger.count('unguarded: card charged');
    t.metric('unguarded: effects per run', 'effects', unguardedCharges / RUNS);
    t.metric('unguarded: effects after the crash, per run', 'effects', unguardedAfter);
    t.metric('unguarded: runs with a repeated effect', '%', (100 * unguardedAfter.filter((n) => n >= 1).length) / RUNS);
    t.metric('guarded: effects per run', 'effects', guardedCharges / RUNS);

    t.check('every run completed after the crash', RUNS * 2, ended.filter((r) => r.status === 'COMPLETED').length);
    t.check(`unguarded step: runs whose effect happened before the crash`, RUNS, unguardedBefore.filter((n) => n === 1).length);
    // At-least-once: the crashed step runs again, so every run's effect happens again after the crash. Exactly-once
    // would show zero here.
    t.check(
      'unguarded step: effects after the crash, per run (at-least-once: at least 1 each)',
      `${RUNS} runs, each ≥ 1`,
      unguardedAfter,
      unguardedAfter.length === RUNS && unguardedAfter.every((n) => n >= 1),
    );
    // The guard is only tested if the step really ran again after the crash.
    t.check(
      'guarded step: attempts after the crash, per run (the step ran again)',
      `${RUNS} runs, each ≥ 1`,
      guardedAttemptsAfter,
      guardedAttemptsAfter.length === RUNS && guardedAttemptsAfter.every((n) => n >= 1),
    );
    t.check('guarded step: one effect per run with a user idempotency key', RUNS, guardedCharges);
  },
});
