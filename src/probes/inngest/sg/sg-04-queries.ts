/**
 * SG-04 · Queries
 *
 * Question: what can someone outside a run learn about it while it is still running? Temporal has query
 * handlers; Inngest has none, so the question becomes what its run and trace APIs expose mid-flight.
 *
 * How: a run computes a quote in one step, then sleeps. While it sleeps the probe reads the run (status) and its
 * trace with outputs (which steps are done, with what result, what it is waiting on). It also checks that a
 * function cannot answer a question itself: the only state visible is what steps have returned.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'sg-04' });

const quote = inngest.createFunction({ id: 'sg-04-quote', triggers: [{ event: 'probe/sg-04.quote' }] }, async ({ step }) => {
  const price = await step.run('compute price', () => ({ currency: 'JPY', amount: 1200 }));
  await step.run('mark waiting', () => record('now sleeping'));
  await step.sleep('wait for the customer', '6s');
  return price;
});

interface SpanWithOutput {
  name: string;
  status: string;
  stepOp?: string;
  output?: unknown;
  children?: SpanWithOutput[];
}

export default defineProbe({
  id: 'SG-04',
  question: 'What do the run and trace APIs expose about a run while it is in flight?',
  budgetMs: 45_000,
  client: inngest,
  functions: [quote],

  async run(t) {
    const [run] = await t.waitForRuns(await t.send('probe/sg-04.quote'));
    await t.ledger.waitFor('now sleeping');
    await t.pause(500, 'let the sleep be scheduled');

    // Read the run mid-flight: its status, and its trace with step outputs.
    const status = (await t.getRun(run!.id)).status;
    const traced = await t.callApi('GET', `/api/v2/runs/${run!.id}/trace?includeOutput=true`);
    const root = (JSON.parse(traced.body) as { data: { rootSpan: SpanWithOutput } }).data.rootSpan;
    const steps = root.children ?? [];
    const priceStep = steps.find((s) => s.name === 'compute price');
    const sleeping = steps.find((s) => s.stepOp === 'SLEEP');

    t.check('mid-flight: run status', 'RUNNING', status);
    t.check('mid-flight: the trace lists completed steps', ['compute price', 'mark waiting'], steps.filter((s) => s.status === 'COMPLETED').map((s) => s.name));
    const priceOutput = JSON.stringify(priceStep?.output ?? null);
    t.check('mid-flight: a completed step’s output is readable', 'the output of "compute price" (containing 1200)', priceOutput.slice(0, 200), priceOutput.includes('1200'));
    t.check('mid-flight: what the run is waiting on is visible', { name: 'wait for the customer', status: 'WAITING' }, { name: sleeping?.name, status: sleeping?.status });
    t.note(`Output of "compute price" as the trace API returns it: ${JSON.stringify(priceStep?.output ?? null).slice(0, 200)}`);

    const ended = await t.waitForEnd(run!.id);
    t.check('after the sleep the run completes with that value', { currency: 'JPY', amount: 1200 }, ended.output);
  },
});
