/**
 * EX-06 · Determinism-violation handling
 *
 * Question: what does the platform do when a redeploy changes a function's steps under a run that is in flight?
 * Does it notice (error, warning) or carry on silently, and what happens to effects that already happened?
 *
 * How: one function, three kinds of change. Each run completes its first steps, then sleeps. While it sleeps the
 * probe "redeploys": the worker is killed and started again running code `v2`, in which a completed step was
 * renamed, two completed steps swapped, or a completed step removed. The probe reads the run's outcome, counts
 * effects in the ledger, and collects what the SDK printed about the change.
 */
import { Inngest } from 'inngest';
import { defineProbe, deployment, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ex-06' });
const CHANGES = ['renamed', 'reordered', 'removed'] as const;
type Change = (typeof CHANGES)[number];

const fulfil = inngest.createFunction(
  { id: 'ex-06-fulfil-order', triggers: [{ event: 'probe/ex-06.order' }], retries: 1 },
  async ({ event, step }) => {
    const change = event.data.change as Change;
    const v2 = deployment() === 'v2';
    const reserve = () => step.run('reserve stock', () => record(`${change}: stock reserved`));
    const charge = () => step.run(v2 && change === 'renamed' ? 'charge customer' : 'charge card', () => record(`${change}: card charged`));

    if (v2 && change === 'reordered') {
      await charge();
      await reserve();
    } else if (v2 && change === 'removed') {
      await charge();
    } else {
      await reserve();
      await charge();
    }
    await step.sleep('wait for the warehouse', '6s');
    await step.run('ship parcel', () => record(`${change}: parcel shipped`));
    return deployment();
  },
);

export default defineProbe({
  id: 'EX-06',
  question: 'What happens when a redeploy renames, reorders or removes steps under a running run?',
  budgetMs: 90_000,
  client: inngest,
  functions: [fulfil],

  async run(t) {
    // 1. Start one run per kind of change; wait until each has charged and gone to sleep.
    const events = new Map<Change, string>();
    for (const change of CHANGES) events.set(change, await t.send('probe/ex-06.order', { change }));
    for (const change of CHANGES) await t.ledger.waitFor(`${change}: card charged`);
    await t.pause(500, 'let the sleeps be scheduled');

    // 2. Redeploy: the same function id, code v2.
    const before = t.worker.output().length;
    await t.worker.kill();
    await t.worker.start({ PROBE_DEPLOYMENT: 'v2' });

    // 3. Observe each run's outcome, effects, and what the SDK said.
    for (const change of CHANGES) {
      const [run] = await t.waitForRuns(events.get(change)!);
      const ended = await t.waitForEnd(run!.id, { timeoutMs: 45_000 });
      const count = (effect: string) => t.ledger.count(`${change}: ${effect}`);
      t.check(`${change}: run outcome`, 'COMPLETED', ended.status);
      t.check(`${change}: card charged (a completed step)`, 1, count('card charged'));
      t.check(`${change}: stock reserved (a completed step)`, 1, count('stock reserved'));
      t.check(`${change}: parcel shipped`, 1, count('parcel shipped'));
    }
    const said = t.worker.sdkLines(/warn|error|step|determin/i, before);
    t.note(said.length ? `SDK output after the redeploy:\n${said.slice(0, 12).join('\n')}` : 'The SDK printed nothing about the changed steps after the redeploy.');
    t.check('the change was reported (SDK warning or error)', 'a warning or error', said.length ? said[0]!.slice(0, 160) : 'nothing', said.length > 0);
  },
});
