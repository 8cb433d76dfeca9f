/**
 * WF-05 · Sleep / timers
 *
 * Question: how punctual are durable sleeps? Wake-up lateness over many short sleeps (a distribution, not one
 * sample); what a sub-second sleep does; `sleepUntil` with an instant already past; and a cron trigger firing.
 *
 * How: three runs each take ten 1-second sleeps; code after each sleep records the time, so lateness is the gap
 * minus the nominal second. Other steps sleep 200 ms and sleep until a minute ago. A function with the cron
 * `* * * * *` records when it fires; the probe waits for its first firing and measures how far from its minute
 * boundary it came.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'wf-05' });
const NAPS = 10;
const RUNS = 3;
/** How late after its minute boundary a cron firing may come: a scheduler that fires "every minute" within seconds. */
const CRON_BUDGET_MS = 5_000;

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
    const scenarioStart = Date.now();
    for (let run = 0; run < RUNS; run++) await t.send('probe/wf-05.nap', { run });
    await t.send('probe/wf-05.odd');

    const woke = await t.ledger.waitFor('woke', RUNS * NAPS, { timeoutMs: 60_000 });
    const lateness = woke.map((e) => (e.data as { lateMs: number }).lateMs);
    t.metric('1 s sleep: wake-up lateness', 'ms', lateness);
    t.check(`all ${RUNS * NAPS} sleeps woke`, RUNS * NAPS, lateness.length);
    const earliest = Math.min(...lateness);
    t.check('no sleep woke early: earliest wake-up against the nominal second', '≥ 0 ms', `${earliest} ms`, earliest >= 0);

    const [odd] = await t.ledger.waitFor('odd sleeps', 1, { timeoutMs: 30_000 });
    const { blinkMs, pastMs } = odd!.data as { blinkMs: number; pastMs: number };
    t.metric('sleep(200 ms): actual pause', 'ms', blinkMs);
    t.metric('sleepUntil(a minute ago): actual pause', 'ms', pastMs);
    t.check('a 200 ms sleep is rounded up to the 1 s resolution: its pause', '≥ 1000 ms', `${blinkMs} ms`, blinkMs >= 1_000);
    t.check('sleepUntil in the past returns at once: its pause', '< 1000 ms', `${pastMs} ms`, pastMs < 1_000);

    // The cron fires at a minute boundary: how far from the nearest one (negative: early) did it fire?
    const [fired] = await t.ledger.waitFor('cron fired', 1, { timeoutMs: 75_000 });
    const fromBoundary = ((fired!.at + 30_000) % 60_000) - 30_000;
    t.metric('cron * * * * *: fired after the minute boundary', 'ms', fromBoundary);
    t.metric('cron * * * * *: first firing after the scenario began', 's', (fired!.at - scenarioStart) / 1000);
    t.check(
      `cron fired on the minute, not early and within ${CRON_BUDGET_MS} ms after it`,
      `0–${CRON_BUDGET_MS} ms after the boundary`,
      `${fromBoundary} ms`,
      fromBoundary >= 0 && fromBoundary <= CRON_BUDGET_MS,
    );
  },
});
