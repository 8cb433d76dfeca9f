/**
 * EX-03 · Idempotency / dedup
 *
 * Question: do duplicate triggers make duplicate runs? Two mechanisms are documented: events that share an
 * event `id` are deduplicated, and a function's `idempotency` expression allows one run per key.
 *
 * How: the same event (same `id`) is sent several times to a plain function; then several distinct events that
 * share an `orderId` are sent to a function keyed on `event.data.orderId`, plus one event with another order id
 * as a control. After a settling pause the probe counts runs through the server's API and effects in the ledger.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ex-03' });
const COPIES = 5;
/** Time allowed for any late duplicate run to appear before counting. */
const SETTLE_MS = 3_000;

const confirmOrder = inngest.createFunction(
  { id: 'ex-03-confirm-order', triggers: [{ event: 'probe/ex-03.order-placed' }] },
  async ({ event, step }) => {
    await step.run('send confirmation', () => record('confirmation sent', { orderId: event.data.orderId }));
  },
);

const chargeOrder = inngest.createFunction(
  { id: 'ex-03-charge-order', triggers: [{ event: 'probe/ex-03.checkout' }], idempotency: 'event.data.orderId' },
  async ({ event, step }) => {
    await step.run('charge card', () => record('card charged', { orderId: event.data.orderId }));
  },
);

export default defineProbe({
  id: 'EX-03',
  question: 'Do duplicate events, or events with the same idempotency key, start duplicate runs?',
  budgetMs: 60_000,
  client: inngest,
  functions: [confirmOrder, chargeOrder],

  async run(t) {
    // 1. One event id, sent COPIES times (a producer retrying its send).
    const eventIds = new Set<string>();
    for (let i = 0; i < COPIES; i++) {
      eventIds.add(await t.send('probe/ex-03.order-placed', { orderId: 'A-1' }, { id: 'order-A-1-placed' }));
    }

    // 2. COPIES distinct events for one order, and one event for another order.
    const checkoutIds: string[] = [];
    for (let i = 0; i < COPIES; i++) checkoutIds.push(await t.send('probe/ex-03.checkout', { orderId: 'B-1', copy: i }));
    const controlId = await t.send('probe/ex-03.checkout', { orderId: 'B-2' });

    // 3. Let the server act, then count.
    await t.ledger.waitFor('card charged', 2);
    await t.pause(SETTLE_MS, 'let late duplicates appear');

    let placedRuns = 0;
    for (const id of eventIds) placedRuns += (await t.runsForEvent(id)).length;
    let checkoutRuns = 0;
    for (const id of checkoutIds) checkoutRuns += (await t.runsForEvent(id)).length;
    const controlRuns = (await t.runsForEvent(controlId)).length;

    t.metric('distinct event ids returned for one id sent 5 times', 'ids', eventIds.size);
    t.check('same event id sent 5×: runs', 1, placedRuns);
    t.check('same event id sent 5×: confirmations', 1, t.ledger.count('confirmation sent'));
    t.check('same idempotency key in 5 events: runs', 1, checkoutRuns);
    t.check('same idempotency key in 5 events: charges', 1, t.ledger.entries('card charged').filter((e) => (e.data as { orderId: string }).orderId === 'B-1').length);
    t.check('another key still runs (control)', 1, controlRuns);
  },
});
