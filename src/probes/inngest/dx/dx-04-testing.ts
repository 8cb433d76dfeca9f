/**
 * DX-04 · Testing / time skipping
 *
 * Question: can a function that sleeps for days be tested in milliseconds, with its steps mocked? And what can
 * the official testing library (`@inngest/test`) not do yet?
 *
 * How: a trial-reminder function sleeps seven days between two steps. The probe runs it under `@inngest/test`
 * with the sleep mocked and times it, compares the result with a real run on the server (with a short sleep),
 * then tries the library's documented gaps: an unmocked sleep, a step that fails once (retries), and recording
 * the real messages.
 */
import { Inngest } from 'inngest';
import { InngestTestEngine } from '@inngest/test';
import { defineProbe } from '../harness/index.ts';

const inngest = new Inngest({ id: 'dx-04' });
/** How long the probe lets a test hang before calling it hung. */
const HANG_MS = 3_000;

const trialReminder = inngest.createFunction({ id: 'dx-04-trial-reminder', triggers: [{ event: 'probe/dx-04.trial-started' }], retries: 2 }, async ({ event, step, attempt }) => {
  const trial = await step.run('create trial', () => ({ user: event.data.user, plan: 'pro' }));
  await step.sleep('wait a week', event.data.wait ?? '7d');
  const sent = await step.run('send reminder', () => {
    if (event.data.flakyOnce && attempt === 0) throw new Error('mail server busy');
    return `reminded ${trial.user}`;
  });
  return { trial, sent };
});

/** Runs a promise, or reports that it did not settle in time. */
const within = <T>(ms: number, p: Promise<T>) =>
  Promise.race([p.then((v) => ({ settled: true as const, value: v })), new Promise<{ settled: false }>((r) => setTimeout(() => r({ settled: false }), ms))]);

export default defineProbe({
  id: 'DX-04',
  question: 'Can a multi-day sleep be tested in milliseconds with steps mocked, and what can the testing library not do?',
  budgetMs: 45_000,
  client: inngest,
  functions: [trialReminder],

  async run(t) {
    const event = { name: 'probe/dx-04.trial-started', data: { user: 'ann' } } as const;

    // 1. The unit test: the seven-day sleep mocked away.
    const testEngine = new InngestTestEngine({ function: trialReminder, events: [event] });
    const started = performance.now();
    const { result } = await testEngine.execute({ steps: [{ id: 'wait a week', handler() {} }] });
    const elapsed = performance.now() - started;
    t.metric('unit test of a 7-day workflow', 'ms', elapsed);
    t.check('the test ran in well under a second', '< 1000 ms', `${elapsed.toFixed(1)} ms`, elapsed < 1_000);
    t.check('the test result', { trial: { user: 'ann', plan: 'pro' }, sent: 'reminded ann' }, result);

    // 2. The same function on the real server, with a 2 s sleep: same result?
    const [run] = await t.waitForRuns(await t.send(event.name, { user: 'ann', wait: '2s' }));
    const real = await t.waitForEnd(run!.id);
    t.check('the unit test agrees with a real run: the real run\'s output', result, real.output, JSON.stringify(real.output, Object.keys(real.output as object).sort()) === JSON.stringify(result, Object.keys(result as object).sort()));

    // 3. Gaps: a sleep left unmocked.
    const unmocked = await within(HANG_MS, new InngestTestEngine({ function: trialReminder, events: [event] }).execute().then(
      (r) => `finished: ${JSON.stringify(r.result).slice(0, 120)}`,
      (e: Error) => `threw: ${e.message}`,
    ));
    t.check('an unmocked sleep completes or fails clearly', 'finished or threw', unmocked.settled ? unmocked.value : `still pending after ${HANG_MS} ms`, unmocked.settled);

    // 4. Gaps: a step that fails once would be retried on the server; is it here?
    const flaky = await new InngestTestEngine({ function: trialReminder, events: [{ name: event.name, data: { user: 'bob', flakyOnce: true } }] })
      .execute({ steps: [{ id: 'wait a week', handler() {} }] })
      .then((r) => JSON.stringify({ result: r.result, error: (r as unknown as { error?: unknown }).error }), (e: Error) => `threw: ${e.message}`);
    t.check('a step that fails once is retried, as on the server', 'reminded bob', flaky.slice(0, 160), flaky.includes('reminded bob'));
  },
});
