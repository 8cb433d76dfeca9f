/**
 * DX-07 · Local replay harness
 *
 * Question: can a run recorded by the server be re-executed locally from its history, to debug it or to check
 * that new code is still compatible with it? Inngest ships no replayer (Temporal has `WorkflowReplayer`), so
 * this project built a small one from the trace API and `@inngest/test` (see `harness/replay.ts`), and the probe
 * evaluates it.
 *
 * How: a pricing run whose steps draw random numbers runs on the server. The probe fetches its trace with step
 * outputs and its event, replays it locally against the same code, and compares the result with the recorded
 * output. Then it replays the same history against a changed version (a renamed step) and checks that the
 * harness reports the divergence: a recorded step the new code never asked for.
 */
import { Inngest } from 'inngest';
import { defineProbe } from '../harness/index.ts';
import { replayLocally } from '../harness/replay.ts';

const inngest = new Inngest({ id: 'dx-07' });

/** The pricing workflow; `renamed` plays a later version in which one step got a new id. */
function pricing(id: string, renamed: boolean) {
  return inngest.createFunction({ id, triggers: [{ event: 'probe/dx-07-pricing' }] }, async ({ event, step }) => {
    const base = await step.run('fetch base price', () => Math.round(1000 + Math.random() * 1000));
    const discount = await step.run(renamed ? 'compute discount %' : 'compute discount', () => Math.round(Math.random() * 30));
    await step.sleep('wait for approval window', '1s');
    const total = await step.run('apply tax', () => Math.round(base * (1 - discount / 100) * 1.1));
    return { customer: event.data.customer, base, discount, total };
  });
}
const current = pricing('dx-07-pricing', false);
/** Never deployed: only replayed locally, as the candidate new version would be in CI. */
const changed = pricing('dx-07-pricing-v2', true);

export default defineProbe({
  id: 'DX-07',
  question: 'Can a recorded run be replayed locally from its history, and does the replay catch incompatible code?',
  budgetMs: 45_000,
  client: inngest,
  functions: [current],

  async run(t) {
    // 1. A real run on the server, with nondeterministic steps.
    const eventId = await t.send('probe/dx-07-pricing', { customer: 'acme' });
    const [run] = await t.waitForRuns(eventId);
    const recorded = await t.waitForEnd(run!.id);

    // 2. Its history from the server: the trace with step outputs, and the triggering event.
    const history = { trace: await t.getTrace(run!.id, { includeOutput: true }), event: await t.getEvent(eventId) };

    // 3. Replay locally against the same code.
    const started = performance.now();
    const same = await replayLocally(current, history);
    t.metric('local replay of a recorded run', 'ms', performance.now() - started);
    t.check('replay reproduces the recorded output exactly', recorded.output, same.result);
    t.check('every recorded step was answered from the history', ['apply tax', 'compute discount', 'fetch base price', 'wait for approval window'], [...same.replayedSteps].sort());
    t.check('no recorded step was skipped', [], same.skippedSteps);

    // 4. Replay the same history against changed code: is the divergence caught?
    const diverged = await replayLocally(changed, history);
    t.check('changed code: the step it renamed is reported as skipped from the history', ['compute discount'], diverged.skippedSteps);
    t.check('changed code: the replayed output differs from the recording', 'two different outputs', { recorded: recorded.output, replayed: diverged.result ?? null }, JSON.stringify(diverged.result) !== JSON.stringify(recorded.output));
  },
});
