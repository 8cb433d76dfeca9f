/**
 * EX-04 · State persistence
 *
 * Question: does a run's state (its completed steps and their outputs, its pending sleep) survive a restart of
 * the Inngest server itself?
 *
 * How: a run completes a step, then sleeps. While it sleeps the probe restarts the server, once in the dev
 * server's default mode and once with its `--persist` option, and waits to see whether the run wakes up and
 * finishes with the earlier step's output intact. It reports what happens, whatever it is.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ex-04' });
/** How long the run sleeps: long enough to restart the server inside it. */
const NAP = '8s';
/** How long to wait for a run to finish after the restart (the nap plus generous slack). */
const WAIT_AFTER_RESTART_MS = 25_000;

const sleeper = inngest.createFunction(
  { id: 'ex-04-sleeper', triggers: [{ event: 'probe/ex-04.start' }] },
  async ({ event, step }) => {
    const quote = await step.run('fetch quote', () => {
      record('quote fetched', { mode: event.data.mode });
      return { mode: event.data.mode, price: 42 };
    });
    await step.sleep('wait for market open', NAP);
    await step.run('place order', () => record('order placed', { mode: event.data.mode, quote }));
    return quote;
  },
);

export default defineProbe({
  id: 'EX-04',
  question: 'Do runs and their step outputs survive a restart of the Inngest server?',
  budgetMs: 120_000,
  exclusive: true, // it restarts the server under every other probe
  client: inngest,
  functions: [sleeper],

  async run(t) {
    for (const mode of ['default', '--persist'] as const) {
      // 1. Bring the server up in the mode under test, then start a run and let it reach its sleep.
      await t.server.restart({ persist: mode === '--persist' });
      const eventId = await t.send('probe/ex-04.start', { mode });
      const [run] = await t.waitForRuns(eventId);
      await t.ledger.waitFor('quote fetched', mode === 'default' ? 1 : 2);
      await t.pause(500, 'let the sleep be scheduled');

      // 2. Restart the server in the same mode while the run sleeps.
      await t.server.restart({ persist: mode === '--persist' });

      // 3. Does the server still know the run, and does the run finish?
      const known = await t.getRun(run!.id).then((r) => r.status, (e: Error) => `unknown to the server (${e.message.slice(0, 80)})`);
      const ended = await t.waitForEnd(run!.id, { timeoutMs: WAIT_AFTER_RESTART_MS }).then(
        (r) => r,
        () => null,
      );
      const placed = t.ledger.entries('order placed').filter((e) => (e.data as { mode: string }).mode === mode);

      t.note(`${mode}: right after the restart the server reported the run as: ${known}`);
      t.check(`${mode}: the sleeping run finishes after the restart`, 'COMPLETED', ended?.status ?? `not ended within ${WAIT_AFTER_RESTART_MS} ms`);
      t.check(`${mode}: the step after the sleep ran once`, 1, placed.length);
      t.check(`${mode}: the earlier step's output reached it intact`, { mode, price: 42 }, (placed[0]?.data as { quote?: unknown } | undefined)?.quote ?? null);
      t.check(`${mode}: the completed step was not redone`, 1, t.ledger.entries('quote fetched').filter((e) => (e.data as { mode: string }).mode === mode).length);
    }
    // 4. Leave the server as the other probes expect it: default mode.
    await t.server.restart({ persist: false });
  },
});
