/**
 * VR-01 · Workflow versioning
 *
 * Question: when new code is deployed while runs are in flight, which code do those runs continue on, and what
 * happens to them for each kind of change? Inngest has no version pinning per run; the function id is the
 * version boundary.
 *
 * How: one order workflow, five runs, each marked with one kind of change. Every run completes "reserve stock"
 * and "charge card", then sleeps. During the sleep the worker is redeployed with code v2, in which, depending on
 * the run's change: a step was added before the completed ones, a completed step was removed, renamed or
 * reordered, or the body of a completed step changed. The ledger shows which steps ran in which version, and the
 * output shows which code finished the run.
 */
import { Inngest } from 'inngest';
import { defineProbe, deployment, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'vr-01' });
const CHANGES = ['step added', 'step removed', 'step renamed', 'steps reordered', 'step body changed'] as const;
type Change = (typeof CHANGES)[number];

const fulfil = inngest.createFunction({ id: 'vr-01-fulfil-order', triggers: [{ event: 'probe/vr-01.order' }], retries: 0 }, async ({ event, step }) => {
  const change = event.data.change as Change;
  const version = deployment();
  const v2 = version === 'v2';
  const effect = (name: string) => () => (record(`${change}: ${name}`, { version }), version);

  if (v2 && change === 'step added') await step.run('check for fraud', effect('fraud checked'));
  const reserve = () => step.run('reserve stock', effect('stock reserved'));
  const charge = () =>
    step.run(v2 && change === 'step renamed' ? 'charge customer' : 'charge card', () => {
      record(`${change}: card charged`, { version });
      return v2 && change === 'step body changed' ? 'charged 110 (v2 price)' : 'charged 100 (v1 price)';
    });

  let charged: string;
  if (v2 && change === 'steps reordered') {
    charged = await charge();
    await reserve();
  } else if (v2 && change === 'step removed') {
    charged = await charge();
  } else {
    await reserve();
    charged = await charge();
  }
  await step.sleep('wait for the courier', '6s');
  const shipped = await step.run('ship parcel', effect('parcel shipped'));
  return { charged, shippedBy: shipped, finishedBy: version };
});

export default defineProbe({
  id: 'VR-01',
  question: 'Which code do in-flight runs continue on after a redeploy, and what does each kind of change do to them?',
  budgetMs: 90_000,
  client: inngest,
  functions: [fulfil],

  async run(t) {
    // 1. One run per kind of change, each asleep after its first two steps.
    const events = new Map<Change, string>();
    for (const change of CHANGES) events.set(change, await t.send('probe/vr-01.order', { change }));
    for (const change of CHANGES) await t.ledger.waitFor(`${change}: card charged`);
    await t.pause(500, 'let the sleeps be scheduled');

    // 2. Redeploy: same function id, code v2.
    await t.worker.kill();
    await t.worker.start({ PROBE_DEPLOYMENT: 'v2' });

    // 3. What each run did next.
    for (const change of CHANGES) {
      const [run] = await t.waitForRuns(events.get(change)!);
      const ended = await t.waitForEnd(run!.id, { timeoutMs: 45_000 });
      const output = ended.output as { charged: string; finishedBy: string } | null;
      const ran = (effect: string) => t.ledger.entries(`${change}: ${effect}`).map((e) => (e.data as { version: string }).version);
      t.check(`${change}: the run finishes on the new code`, { status: 'COMPLETED', finishedBy: 'v2' }, { status: ended.status, finishedBy: output?.finishedBy ?? null });
      t.check(`${change}: completed steps are not run again`, { reserve: ['v1'], charge: ['v1'] }, { reserve: ran('stock reserved'), charge: ran('card charged') });
      if (change === 'step added') t.check('step added: the new step runs in the in-flight run', ['v2'], ran('fraud checked'));
      if (change === 'step body changed') t.check('step body changed: the run keeps the old step result', 'charged 100 (v1 price)', output?.charged ?? null);
    }
  },
});
