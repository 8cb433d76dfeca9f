/**
 * WF-05 · Sleep / timers
 *
 * Question: how punctual are durable sleeps? Wake-up lateness over many short sleeps (a distribution, not one
 * sample); what a sub-second sleep does; `sleepUntil` with an instant already past; and a cron trigger firing.
 *
 * How: three runs each take ten 1-second sleeps; code after each sleep records the time, so lateness is the gap
 * minus the nominal second. Other steps sleep 200 ms and sleep until a minute ago. A function with the cron
 * `* * * * *` records when it fires; the probe waits for the next minute boundary.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'wf-05' });
const NAPS = 10;
const RUNS = 3;

const napper = inngest.createFunction({ id: 'wf-05-napper', triggers: [{ event: 'probe/wf-05.nap' }] }, async ({ event, step }) => {
  for (let i = 0; i < NAPS; i++) {
    const before = await step.run(`note time ${i}`, () => Date.now());
    await step.sleep(`nap ${i}`, '1s');
    await step.run(`woke ${i}`, () => record('woke', { run: event.data.run, lateMs: Date.now() - before - 1_000 }));
  }
});

const oddSleeps = inngest.createFunction({ id: 'wf-05-odd-sleeps', triggers: [{ event: 'probe/wf-05.odd' }] }, async ({ step }) => {
  const t0 = await step.run('before the blink', () => Date.now());
  await step.sleep('blink', 200);
  const t1 = await step.run('after the blink', () => Date.now());
  await step.sleepUntil('until a minute ago', new Date(t1 - 60_000));
  const t2 = await step.run('after the past instant', () => Date.now());
  record('odd sleeps', { blinkMs: t1 - t0, pastMs: t2 - t1 });
});

const everyMinute = inngest.createFunction({ id: 'wf-05-every-minute', triggers: [{ cron: '* * * * *' }] }, async ({ step }) => {
  await step.run('tick', () => record('cron fired'));
});

export default defineProbe({
  id: 'WF-05',
  question: 'How late do short sleeps wake, what do sub-second and past sleeps do, and does a cron trigger fire?',
  budgetMs: 120_000,
  client: inngest,
  functions: [napper, oddSleeps, everyMinute],

  async run(t) {
    const syncedAt = Date.now();
    for (let run = 0; run < RUNS; run++) await t.send('probe/wf-05.nap', { run });
    await t.send('probe/wf-05.odd');

    const woke = await t.ledger.waitFor('woke', RUNS * NAPS, { timeoutMs: 60_000 });
    const lateness = woke.map((e) => (e.data as { lateMs: number }).lateMs);
    t.metric('1 s sleep: wake-up lateness', 'ms', lateness);
    t.check(`all ${RUNS * NAPS} sleeps woke`, RUNS * NAPS, lateness.length);
    t.check('no sleep woke early', true, lateness.every((l) => l >= 0));

    const [odd] = await t.ledger.waitFor('odd sleeps', 1, { timeoutMs: 30_000 });
    const { blinkMs, pastMs } = odd!.data as { blinkMs: number; pastMs: number };
    t.metric('sleep(200 ms): actual pause', 'ms', blinkMs);
    t.metric('sleepUntil(a minute ago): actual pause', 'ms', pastMs);
    t.check('a 200 ms sleep is rounded up to the 1 s resolution', true, blinkMs >= 1_000);
    t.check('sleepUntil in the past returns at once (under 1 s)', true, pastMs < 1_000);

    // The cron fires at the next minute boundary after the sync.
    const [fired] = await t.ledger.waitFor('cron fired', 1, { timeoutMs: 75_000 });
    const boundary = Math.ceil(syncedAt / 60_000) * 60_000;
    t.metric('cron * * * * *: fired after the minute boundary', 'ms', fired!.at - boundary);
    t.check('cron fired within the probe budget', true, fired!.at >= boundary);
  },
});
