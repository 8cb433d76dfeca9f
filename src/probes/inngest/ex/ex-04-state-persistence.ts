/**
 * EX-04 · State persistence
 *
 * Question: does a run's state (its completed steps, their outputs, its pending sleep) survive a restart of the
 * Inngest server itself?
 *
 * How: a run completes a step, then sleeps. While it sleeps the probe restarts the server and waits to see
 * whether the run wakes up and finishes with the earlier step's output intact. It does this in four modes of
 * the same binary: `inngest dev` as it starts by default; `inngest dev --persist`; `inngest start` (self-hosted)
 * with its embedded Redis, whose help promises "periodic snapshot backups"; and `inngest start` with run state
 * in an external Redis, the setup Inngest documents for production self-hosting.
 * It reports what happens, whatever it is.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ex-04' });
/** How long the run sleeps: long enough to restart the server inside it. */
const NAP = '8s';
/** How long to wait for a run to finish after the restart (the nap plus generous slack). */
const WAIT_AFTER_RESTART_MS = 25_000;
const MODES = ['dev', 'dev-persist', 'self-hosted-embedded-redis', 'self-hosted'] as const;

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
  budgetMs: 180_000,
  client: inngest,
  functions: [sleeper],

  async run(t) {
    let started = 0;
    for (const mode of MODES) {
      if (!t.server.supports(mode)) {
        t.note(`${mode}: not run here: it needs redis-server on PATH.`);
        continue;
      }
      const ofMode = (effect: string) => t.ledger.entries(effect).filter((e) => (e.data as { mode: string }).mode === mode);

      // 1. Bring the server up in the mode under test; start a run and let it reach its sleep.
      await t.server.restart({ mode });
      const eventId = await t.send('probe/ex-04.start', { mode });
      const [run] = await t.waitForRuns(eventId);
      await t.ledger.waitFor('quote fetched', ++started);
      await t.pause(500, 'let the sleep be scheduled');

      // 2. Restart the server in the same mode while the run sleeps.
      const restartedAt = Date.now();
      await t.server.restart({ mode });

      // 3. Does the server still know the run, and does the run finish?
      const known = await t.getRun(run!.id).then((r) => r.status, (e: Error) => `unknown to the server (${e.message.slice(0, 80)})`);
      const ended = await t.waitForEnd(run!.id, { timeoutMs: WAIT_AFTER_RESTART_MS }).then((r) => r, () => null);
      if (ended?.endedAt) t.metric(`${mode}: restart to run completed`, 'ms', Date.parse(ended.endedAt) - restartedAt);
      const placed = ofMode('order placed');

      t.note(`${mode}: right after the restart the server reported the run as: ${known}`);
      t.check(`${mode}: the sleeping run finishes after the restart`, 'COMPLETED', ended?.status ?? `not ended within ${WAIT_AFTER_RESTART_MS} ms (${known})`);
      t.check(`${mode}: the step after the sleep ran once`, 1, placed.length);
      t.check(`${mode}: the earlier step's output reached it intact`, { mode, price: 42 }, (placed[0]?.data as { quote?: unknown } | undefined)?.quote ?? null);
      // Whether the completed step is redone can only be seen in a run that went on after the restart; a run that
      // never resumed redoes nothing by doing nothing, so there the check would prove nothing.
      const fetched = ofMode('quote fetched').length;
      if (ended || placed.length > 0) t.check(`${mode}: the completed step was not redone`, 1, fetched);
      else t.note(`${mode}: whether the completed step is redone was not judged: the run never resumed (${known}); "fetch quote" ran ${fetched} time(s).`);
    }
  },
});
