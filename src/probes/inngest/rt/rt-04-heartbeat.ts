/**
 * RT-04 · Heartbeat
 *
 * Question: how does Inngest learn that a long step is no longer alive? Two failures: a step that hangs (the
 * process is up, the step never returns) and a worker that dies mid-step. Each in the two ways the SDK can
 * offer functions: an HTTP `serve()` app, and the persistent-connection `connect()` worker.
 *
 * How: the server runs with `--retry-interval 1`, so a detected failure is retried within about a second and
 * the time to the next attempt measures detection. For a dead worker the probe SIGKILLs it mid-step and starts
 * it again; for a hung step it watches the run for a fixed window and then cancels it.
 */
import { Inngest } from 'inngest';
import { defineProbe, hold, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'rt-04' });
/** How long the probe watches a hung step for any sign that the platform noticed. */
const WATCH_HUNG_MS = 30_000;
/** How long it waits for a killed worker's step to be retried (connect() leases requests for minutes). */
const WAIT_RETRY_MS = 200_000;

const longStep = inngest.createFunction(
  { id: 'rt-04-long-step', triggers: [{ event: 'probe/rt-04.start' }], retries: 2 },
  async ({ event, attempt, step }) => {
    await step.run('long computation', async () => {
      record('attempt started', { label: event.data.label, attempt });
      // First attempt: stay in the step far longer than the probe watches (hang), or until killed (crash).
      if (attempt === 0) await hold(600_000);
      return 'done';
    });
  },
);

export default defineProbe({
  id: 'RT-04',
  question: 'How long until a hung step or a dead worker is noticed and retried, over serve() and connect()?',
  budgetMs: 420_000,
  needs: { flags: ['--retry-interval', '1'] }, // a short linear retry interval on the server
  client: inngest,
  functions: [longStep],

  async run(t) {
    const attemptsOf = (label: string) => t.ledger.entries('attempt started').filter((e) => (e.data as { label: string }).label === label);
    const waitForAttempt = async (label: string, n: number, timeoutMs: number) => {
      const deadline = Date.now() + timeoutMs;
      while (attemptsOf(label).length < n && Date.now() < deadline) await t.pause(200, 'poll the ledger');
      return attemptsOf(label)[n - 1];
    };

    for (const transport of ['serve', 'connect'] as const) {
      if (transport === 'connect') {
        await t.worker.kill();
        await t.worker.start({}, 'connect');
      }

      // 1. A dead worker: SIGKILL while the step runs; restart; time until the step's next attempt starts.
      const crashLabel = `${transport}: worker killed`;
      const [crashRun] = await t.waitForRuns(await t.send('probe/rt-04.start', { label: crashLabel }));
      t.check(`${transport}: the worker picks up the step`, 'first attempt started', (await waitForAttempt(crashLabel, 1, 15_000)) ? 'first attempt started' : 'no attempt within 15 s');
      const killedAt = Date.now();
      await t.worker.kill();
      await t.worker.start();
      const retried = await waitForAttempt(crashLabel, 2, WAIT_RETRY_MS);
      if (retried) t.metric(`${transport}: worker killed → next attempt started`, 'ms', retried.at - killedAt);
      t.check(`${transport}: a killed worker's step is retried`, 'retried', retried ? 'retried' : `no retry within ${WAIT_RETRY_MS / 1000} s`);
      const crashEnd = await t.waitForEnd(crashRun!.id, { timeoutMs: 30_000 }).catch(() => null);
      t.check(`${transport}: that run then completes`, 'COMPLETED', crashEnd?.status ?? 'not ended');

      // 2. A hung step: the worker lives, the step never returns. Is it noticed within the window?
      const hungLabel = `${transport}: step hung`;
      const [hungRun] = await t.waitForRuns(await t.send('probe/rt-04.start', { label: hungLabel }));
      if (!(await waitForAttempt(hungLabel, 1, 15_000))) t.note(`${transport}: the hung-step run never started its step.`);
      await t.pause(WATCH_HUNG_MS, 'watch the hung step');
      const hung = await t.getRun(hungRun!.id);
      t.check(
        `${transport}: a hung step is noticed within ${WATCH_HUNG_MS / 1000} s`,
        'a retry or a failure',
        `${attemptsOf(hungLabel).length} attempt(s), run ${hung.status}`,
        attemptsOf(hungLabel).length > 1 || hung.status === 'FAILED',
      );
      await t.cancel(hungRun!.id);
    }
    await t.worker.kill();
  },
});
