/**
 * PF-02 · Fan-out throughput
 *
 * Question: how many runs and steps per second does one server handle as fan-out grows: 1, 10 and 100 runs
 * started together, and a single batch of several hundred events?
 *
 * How: each event starts a run of three small steps that record their time. For the first three sizes the probe
 * sends all the events at once (one request per event, every request in flight together, not one after
 * another); the batch is one request carrying all its events. It measures from the first send to the last step
 * recorded. Runs/s and steps/s follow; the server's queue settings are in the provenance.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'pf-02' });
const STEPS_PER_RUN = 3;
const SIZES = [1, 10, 100];
const BATCH = 500;

const work = inngest.createFunction({ id: 'pf-02-work', triggers: [{ event: 'probe/pf-02.work' }] }, async ({ event, step }) => {
  for (let i = 0; i < STEPS_PER_RUN; i++) await step.run(`part ${i}`, () => record('step done', { round: event.data.round }));
});

export default defineProbe({
  id: 'PF-02',
  question: 'How do runs/s and steps/s scale when 1, 10 and 100 events are sent at once, and with one large batch?',
  budgetMs: 180_000,
  exclusive: true, // a throughput measurement
  client: inngest,
  functions: [work],

  async run(t) {
    const measure = async (round: string, runs: number, send: () => Promise<unknown>) => {
      const target = t.ledger.count('step done') + runs * STEPS_PER_RUN; // counted before any of this round's steps can run
      const started = Date.now();
      await send();
      const done = await t.ledger.waitFor('step done', target, { timeoutMs: 150_000 });
      const ours = done.filter((e) => (e.data as { round: string }).round === round);
      const elapsedS = (Math.max(...ours.map((e) => e.at)) - started) / 1000;
      t.metric(`${round}: runs per second`, 'runs/s', runs / elapsedS);
      t.metric(`${round}: steps per second`, 'steps/s', (runs * STEPS_PER_RUN) / elapsedS);
      t.metric(`${round}: first send to last step`, 'ms', elapsedS * 1000);
      t.check(`${round}: every step of every run ran once`, runs * STEPS_PER_RUN, ours.length);
      return runs / elapsedS;
    };

    const rates: Record<number, number> = {};
    for (const size of SIZES) {
      const round = `fan-out ${size}`;
      // Every send in flight at once: the server sees the burst as it comes, not paced by our round trips.
      rates[size] = await measure(round, size, () => Promise.all(Array.from({ length: size }, () => t.send('probe/pf-02.work', { round }))));
    }
    const round = `one batch of ${BATCH}`;
    await measure(round, BATCH, () => t.sendBatch(Array.from({ length: BATCH }, () => ({ name: 'probe/pf-02.work', data: { round } }))));
    // Throughput rises with concurrency if the engine overlaps runs; it stays flat if it serialises them.
    t.check('fan-out 100: more runs per second than fan-out 1', 'fan-out 100 > fan-out 1',
      { 'fan-out 1': Number(rates[1]!.toFixed(1)), 'fan-out 100': Number(rates[100]!.toFixed(1)) }, rates[100]! > rates[1]!);
  },
});
