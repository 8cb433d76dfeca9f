/**
 * RT-02 · Timeout system
 *
 * Question: which timeouts does Inngest have, and how promptly does each act? The function-level `start` and
 * `finish` timeouts, a wait-for-event timeout, an invoke timeout seen by the parent, and whether one step can
 * be given a timeout of its own.
 *
 * How: each timeout is set short and exceeded on purpose; the probe records the outcome and how late after the
 * deadline the platform acted. For a per-step timeout, which the SDK's types do not offer, it passes a `timeout`
 * option to `step.run` anyway and sees whether a slow step is cut off.
 */
import { Inngest } from 'inngest';
import { defineProbe, hold, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'rt-02' });
const FINISH_MS = 3_000;
const START_MS = 2_000;
const WAIT_MS = 2_000;
const INVOKE_MS = 2_000;

const finishTimeout = inngest.createFunction(
  { id: 'rt-02-finish-timeout', triggers: [{ event: 'probe/rt-02.finish' }], timeouts: { finish: `${FINISH_MS / 1000}s` } },
  async ({ step }) => {
    await step.run('start work', () => record('finish: started'));
    await step.sleep('work longer than allowed', '10s');
    await step.run('finish work', () => record('finish: reached the end'));
  },
);

const startTimeout = inngest.createFunction(
  {
    id: 'rt-02-start-timeout',
    triggers: [{ event: 'probe/rt-02.start' }],
    concurrency: { limit: 1 },
    timeouts: { start: `${START_MS / 1000}s` },
  },
  async ({ event, step }) => {
    await step.run('occupy the only slot', async () => {
      record('start: running', { which: event.data.which });
      if (event.data.which === 'blocker') await hold(8_000);
    });
  },
);

const waitTimeout = inngest.createFunction(
  { id: 'rt-02-wait-timeout', triggers: [{ event: 'probe/rt-02.wait' }] },
  async ({ step }) => {
    await step.run('ask for approval', () => record('wait: asked'));
    const approval = await step.waitForEvent('wait for approval', { event: 'probe/rt-02.approved', timeout: `${WAIT_MS / 1000}s` });
    await step.run('after the wait', () => record('wait: resumed', { approval }));
  },
);

const slowChild = inngest.createFunction({ id: 'rt-02-slow-child', triggers: [{ event: 'probe/rt-02.child' }] }, async ({ step }) => {
  await step.sleep('take a long time', '8s');
  return 'child done';
});

const invokeTimeout = inngest.createFunction(
  { id: 'rt-02-invoke-timeout', triggers: [{ event: 'probe/rt-02.invoke' }], retries: 0 },
  async ({ step }) => {
    await step.run('before invoking', () => record('invoke: calling'));
    try {
      await step.invoke('ask the child', { function: slowChild, timeout: `${INVOKE_MS / 1000}s` });
      await step.run('child answered', () => record('invoke: answered'));
    } catch (error) {
      await step.run('child timed out', () => record('invoke: error', { name: (error as Error).name, message: (error as Error).message }));
    }
  },
);

const stepTimeout = inngest.createFunction(
  { id: 'rt-02-step-timeout', triggers: [{ event: 'probe/rt-02.step' }], retries: 0 },
  async ({ step }) => {
    // `timeout` is not part of StepOptions; the cast shows what happens to it at run time.
    const options = { id: 'slow step', timeout: '1s' } as unknown as { id: string };
    await step.run(options, async () => {
      record('step: started');
      await hold(3_000);
      record('step: finished');
    });
  },
);

export default defineProbe({
  id: 'RT-02',
  question: 'Do start, finish, wait and invoke timeouts act, how late, and is there a per-step timeout?',
  budgetMs: 90_000,
  client: inngest,
  functions: [finishTimeout, startTimeout, waitTimeout, slowChild, invokeTimeout, stepTimeout],

  async run(t) {
    const runOf = async (eventId: string) => (await t.waitForRuns(eventId))[0]!;

    // 1. finish: a run that would take 10 s, allowed 3 s.
    const finishRun = await runOf(await t.send('probe/rt-02.finish'));
    const finished = await t.waitForEnd(finishRun.id);
    const finishStarted = t.ledger.entries('finish: started')[0]!.at;
    t.check('finish timeout: run status', 'CANCELLED', finished.status);
    t.check('finish timeout: later steps never ran', 0, t.ledger.count('finish: reached the end'));
    if (finished.endedAt) t.metric(`finish timeout (${FINISH_MS} ms): first step to run ended`, 'ms', Date.parse(finished.endedAt) - finishStarted);

    // 2. start: a second run waits behind a blocker (concurrency 1) longer than it may wait to start.
    await runOf(await t.send('probe/rt-02.start', { which: 'blocker' }));
    await t.ledger.waitFor('start: running');
    const queuedAt = Date.now();
    const queued = await runOf(await t.send('probe/rt-02.start', { which: 'queued' }));
    const queuedEnd = await t.waitForEnd(queued.id, { timeoutMs: 20_000 });
    t.check('start timeout: the queued run', 'CANCELLED', queuedEnd.status);
    t.check('start timeout: it never started', 0, t.ledger.entries('start: running').filter((e) => (e.data as { which: string }).which === 'queued').length);
    if (queuedEnd.endedAt) t.metric(`start timeout (${START_MS} ms): send to cancelled`, 'ms', Date.parse(queuedEnd.endedAt) - queuedAt);

    // 3. waitForEvent: nobody approves; the wait returns null at its timeout.
    await t.send('probe/rt-02.wait');
    const [asked] = await t.ledger.waitFor('wait: asked');
    const [resumed] = await t.ledger.waitFor('wait: resumed', 1, { timeoutMs: 15_000 });
    t.check('wait timeout: the wait returns null', null, (resumed!.data as { approval: unknown }).approval);
    t.metric(`wait timeout (${WAIT_MS} ms): asked to resumed`, 'ms', resumed!.at - asked!.at);

    // 4. invoke: the parent gives the child 2 s; the child needs 8 s.
    await t.send('probe/rt-02.invoke');
    const [calling] = await t.ledger.waitFor('invoke: calling');
    const [invokeError] = await t.ledger.waitFor('invoke: error', 1, { timeoutMs: 15_000 });
    t.check('invoke timeout: the parent sees an error', 'an error thrown by step.invoke', JSON.stringify(invokeError!.data), t.ledger.count('invoke: answered') === 0);
    t.metric(`invoke timeout (${INVOKE_MS} ms): call to error`, 'ms', invokeError!.at - calling!.at);

    // 5. A per-step timeout option: is a 3 s step cut off at 1 s?
    const stepRun = await runOf(await t.send('probe/rt-02.step'));
    const stepEnd = await t.waitForEnd(stepRun.id);
    t.check('per-step timeout: a step given timeout 1s is cut off', 'cut off (FAILED, step unfinished)', `${stepEnd.status}, step finished ${t.ledger.count('step: finished')}×`, stepEnd.status === 'FAILED' && t.ledger.count('step: finished') === 0);
  },
});
