/**
 * EX-01 · Progress guarantee
 *
 * Question: when the worker process dies in the middle of a run, does the run still finish, and are the steps
 * that had already completed left alone (not run again)?
 *
 * How: a five-step order function. Its third step holds on its first attempt, long enough for the probe to
 * SIGKILL the worker while the step is in flight. The probe starts the worker again and waits for the run to
 * end; the ledger tells how often each step's effect really happened. The same function runs twice: with the
 * SDK's checkpointing (the 4.x default: steps run back to back in one request and report as they finish) and
 * without it (one request per step).
 */
import { Inngest } from 'inngest';
import { defineProbe, hold, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ex-01' });

const STEPS = ['reserve stock', 'charge card', 'write invoice', 'send receipt', 'close order'];
const INTERRUPTED = 'write invoice';

/** The order workflow: each step records its effect in the ledger, tagged with the variant under test. */
function orderWorkflow(variant: string, checkpointing: boolean) {
  return inngest.createFunction(
    { id: `ex-01-order-${variant}`, triggers: [{ event: `probe/ex-01.order-${variant}` }], checkpointing, retries: 3 },
    async ({ step, attempt }) => {
      const done: number[] = [];
      for (const [index, name] of STEPS.entries()) {
        done.push(
          await step.run(name, async () => {
            record(`${variant}: ${name} started`);
            // On the first attempt the third step stays in flight: the probe kills the worker here.
            if (name === INTERRUPTED && attempt === 0) await hold(60_000);
            record(`${variant}: ${name} done`);
            return index;
          }),
        );
      }
      return { done };
    },
  );
}

const variants = [
  { variant: 'checkpointing', checkpointing: true },
  { variant: 'per-step-requests', checkpointing: false },
];

export default defineProbe({
  id: 'EX-01',
  question: 'Does a run survive a worker crash mid-step without redoing completed steps?',
  budgetMs: 150_000,
  client: inngest,
  functions: variants.map((v) => orderWorkflow(v.variant, v.checkpointing)),

  async run(t) {
    for (const { variant } of variants) {
      // 1. Start an order and wait until the third step is in flight.
      const eventId = await t.send(`probe/ex-01.order-${variant}`);
      await t.ledger.waitFor(`${variant}: ${INTERRUPTED} started`);

      // 2. Crash the worker mid-step, then bring it back, as an orchestrator restarting a container would.
      const crashedAt = Date.now();
      await t.worker.kill();
      await t.worker.start();

      // 3. Wait for the run to end.
      const [run] = await t.waitForRuns(eventId);
      const ended = await t.waitForEnd(run!.id, { timeoutMs: 60_000 });
      t.metric(`${variant}: crash to run completed`, 'ms', Date.parse(ended.endedAt ?? new Date().toISOString()) - crashedAt);

      // 4. Check: the run finished with every step's output, and completed steps ran exactly once.
      t.check(`${variant}: run status`, 'COMPLETED', ended.status);
      t.check(`${variant}: run output`, { done: [0, 1, 2, 3, 4] }, ended.output);
      for (const name of STEPS) {
        const expected = name === INTERRUPTED ? { started: 2, done: 1 } : { started: 1, done: 1 };
        const observed = { started: t.ledger.count(`${variant}: ${name} started`), done: t.ledger.count(`${variant}: ${name} done`) };
        t.check(`${variant}: "${name}" executions`, expected, observed);
      }
    }
  },
});
