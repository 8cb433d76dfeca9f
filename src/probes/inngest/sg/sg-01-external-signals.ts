/**
 * SG-01 · External signals
 *
 * Question: can something outside a run steer it while it runs? An external event resuming a waiting run, the
 * signal API (a message addressed to one named wait), and an event sent from inside a run starting another
 * function.
 *
 * How: one run waits for a "payment received" event, another waits for a named signal; the probe sends each from
 * outside with the SDK client and times how long the run takes to resume. A third function sends an event with
 * `step.sendEvent`, which a fourth function is triggered by.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'sg-01' });

const awaitPayment = inngest.createFunction({ id: 'sg-01-await-payment', triggers: [{ event: 'probe/sg-01.order' }] }, async ({ event, step }) => {
  await step.run('ready to wait', () => record('event wait: ready'));
  const paid = await step.waitForEvent('wait for payment', { event: 'probe/sg-01.paid', timeout: '30s', if: 'async.data.order == event.data.order' });
  await step.run('resumed', () => record('event wait: resumed', { amount: paid?.data.amount ?? null, order: event.data.order }));
});

const awaitSignal = inngest.createFunction({ id: 'sg-01-await-signal', triggers: [{ event: 'probe/sg-01.ticket' }] }, async ({ event, step }) => {
  await step.run('ready to wait', () => record('signal wait: ready'));
  const answer = await step.waitForSignal<{ verdict: string }>('wait for a reviewer', { signal: `review-${event.data.ticket}`, timeout: '30s', onConflict: 'fail' });
  await step.run('resumed', () => record('signal wait: resumed', { verdict: answer?.data.verdict ?? null }));
});

const ship = inngest.createFunction({ id: 'sg-01-ship', triggers: [{ event: 'probe/sg-01.ship' }] }, async ({ event, step }) => {
  await step.sendEvent('announce shipment', { name: 'probe/sg-01.shipped', data: { parcel: event.data.parcel } });
});

const notify = inngest.createFunction({ id: 'sg-01-notify', triggers: [{ event: 'probe/sg-01.shipped' }] }, async ({ event, step }) => {
  await step.run('notify customer', () => record('customer notified', { parcel: event.data.parcel }));
});

export default defineProbe({
  id: 'SG-01',
  question: 'Does an external event or signal resume a waiting run (how fast), and does step.sendEvent trigger another function?',
  budgetMs: 60_000,
  client: inngest,
  functions: [awaitPayment, awaitSignal, ship, notify],

  async run(t) {
    // 1. An external event resumes a run waiting for it.
    await t.send('probe/sg-01.order', { order: 'A-7' });
    await t.ledger.waitFor('event wait: ready');
    await t.pause(500, 'let the wait register');
    const paidAt = Date.now();
    await inngest.send({ name: 'probe/sg-01.paid', data: { order: 'A-7', amount: 42 } });
    const [resumed] = await t.ledger.waitFor('event wait: resumed');
    t.metric('event sent → run resumed', 'ms', resumed!.at - paidAt);
    t.check('the run resumed with the event it waited for', { amount: 42, order: 'A-7' }, resumed!.data);

    // 2. A signal addressed to one named wait.
    await t.send('probe/sg-01.ticket', { ticket: 'T-3' });
    await t.ledger.waitFor('signal wait: ready');
    await t.pause(500, 'let the wait register');
    const signalAt = Date.now();
    const sent = await inngest.sendSignal({ signal: 'review-T-3', data: { verdict: 'approved' } }).then(
      (r) => JSON.stringify(r),
      (e: Error) => `error: ${e.message}`,
    );
    t.note(`sendSignal answered: ${sent.slice(0, 200)}`);
    const signalled = await t.ledger.waitFor('signal wait: resumed', 1, { timeoutMs: 35_000 });
    t.metric('signal sent → run resumed', 'ms', signalled[0]!.at - signalAt);
    t.check('the signal resumed the run with its data', { verdict: 'approved' }, signalled[0]!.data);

    // 3. An event sent from inside a run triggers another function.
    await t.send('probe/sg-01.ship', { parcel: 'P-1' });
    const [notified] = await t.ledger.waitFor('customer notified');
    t.check('step.sendEvent triggered the other function', { parcel: 'P-1' }, notified!.data);
  },
});
