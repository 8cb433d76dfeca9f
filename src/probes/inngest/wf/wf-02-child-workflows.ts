/**
 * WF-02 · Child workflows
 *
 * Question: does `step.invoke` work as a child workflow? The child's result must reach the parent, a child's
 * failure must reach the parent as an error it can catch, an invoke must be able to time out, and the link
 * between parent and child should be visible from outside.
 *
 * How: a parent invokes three children: one that returns a quote, one that fails for good, one too slow for the
 * invoke's timeout. The parent records what each invoke gave it. The probe then reads the parent's trace for the
 * invoke steps and finds the children's runs.
 */
import { Inngest, NonRetriableError } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'wf-02' });

const priceQuote = inngest.createFunction({ id: 'wf-02-price-quote', triggers: [{ event: 'probe/wf-02.quote' }] }, async ({ event, step }) => {
  const price = await step.run('look up price', () => 100 * Number(event.data.quantity));
  return { sku: event.data.sku, price };
});

const reserveStock = inngest.createFunction({ id: 'wf-02-reserve-stock', triggers: [{ event: 'probe/wf-02.reserve' }], retries: 0 }, async () => {
  throw new NonRetriableError('warehouse closed');
});

const slowReport = inngest.createFunction({ id: 'wf-02-slow-report', triggers: [{ event: 'probe/wf-02.report' }] }, async ({ step }) => {
  await step.sleep('compile for a long time', '10s');
  return 'late report';
});

const order = inngest.createFunction({ id: 'wf-02-place-order', triggers: [{ event: 'probe/wf-02.order' }], retries: 0 }, async ({ step }) => {
  const quote = await step.invoke('get a quote', { function: priceQuote, data: { sku: 'tea', quantity: 3 } });
  record('quote received', quote);

  try {
    await step.invoke('reserve stock', { function: reserveStock, data: {} });
    record('reserve returned');
  } catch (error) {
    record('reserve failed', { name: (error as Error).name, message: (error as Error).message });
  }

  try {
    await step.invoke('get the report', { function: slowReport, data: {}, timeout: '2s' });
    record('report returned');
  } catch (error) {
    record('report timed out', { name: (error as Error).name, message: (error as Error).message });
  }
  return quote;
});

export default defineProbe({
  id: 'WF-02',
  question: 'Does step.invoke return a child result, surface child failures and time out, with the link visible?',
  budgetMs: 60_000,
  client: inngest,
  functions: [priceQuote, reserveStock, slowReport, order],

  async run(t) {
    const [run] = await t.waitForRuns(await t.send('probe/wf-02.order'));
    const ended = await t.waitForEnd(run!.id);

    t.check('parent completed', 'COMPLETED', ended.status);
    t.check("the child's result reached the parent", { sku: 'tea', price: 300 }, t.ledger.entries('quote received')[0]?.data ?? null);
    const failed = t.ledger.entries('reserve failed')[0]?.data as { name: string; message: string } | undefined;
    t.check("a child's failure reaches the parent as a catchable error", 'caught, with "warehouse closed"', failed ?? 'nothing caught', Boolean(failed?.message.includes('warehouse closed')));
    t.note(`The parent caught, from the failed child: ${JSON.stringify(failed)}`);
    const late = t.ledger.entries('report timed out')[0]?.data as { name: string; message: string } | undefined;
    t.check('an invoke past its timeout throws in the parent', 'InngestInvokeTimeoutError', late?.name ?? 'nothing thrown');

    // The link, seen from outside: invoke steps in the parent's trace.
    const trace = await t.getTrace(run!.id);
    const invokes = trace.children.filter((s) => s.stepOp === 'INVOKE');
    t.check('the parent trace shows one INVOKE step per child', ['get a quote', 'reserve stock', 'get the report'], invokes.map((s) => s.name));
    t.check('invoke steps end as completed, failed, failed', ['COMPLETED', 'FAILED', 'FAILED'], invokes.map((s) => s.status));
  },
});
