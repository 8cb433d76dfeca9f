/**
 * SG-02 · Waits / awaitables
 *
 * Question: does `step.waitForEvent` match the right event, ignore the wrong one, return null at its timeout,
 * and what happens to an event that arrives just before the wait is registered?
 *
 * How: runs wait for an approval whose `orderId` must equal theirs. One receives a matching approval, one an
 * approval for another order (it must time out with null). For the race, each of several runs sends its own
 * approval with `step.sendEvent` in the step right before it starts waiting, so the event reaches the server
 * before the wait exists; a second group leaves a 2 s gap between the event and the wait. The probe counts how
 * many of these waits still see their event.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'sg-02' });
const RACES = 10;

const approval = inngest.createFunction({ id: 'sg-02-await-approval', triggers: [{ event: 'probe/sg-02.request' }] }, async ({ event, step }) => {
  const orderId = event.data.orderId as string;
  if (event.data.early) {
    await step.sendEvent('approve early', { name: 'probe/sg-02.approved', data: { orderId, by: 'early bird' } });
    // With a gap, the event has surely been processed before the wait exists.
    if (event.data.gap) await step.sleep('let the approval settle', '2s');
  } else {
    await step.run('ready to wait', () => record('ready', { orderId }));
  }
  const approved = await step.waitForEvent('wait for approval', { event: 'probe/sg-02.approved', timeout: '3s', if: 'async.data.orderId == event.data.orderId' });
  await step.run('decide', () => record('decided', { orderId, by: approved?.data.by ?? null }));
});

export default defineProbe({
  id: 'SG-02',
  question: 'Does waitForEvent match, ignore mismatches, time out to null, and is an event sent just before the wait lost?',
  budgetMs: 90_000,
  client: inngest,
  functions: [approval],

  async run(t) {
    const decision = async (orderId: string) => {
      for (;;) {
        const found = t.ledger.entries('decided').find((e) => (e.data as { orderId: string }).orderId === orderId);
        if (found) return found.data as { orderId: string; by: string | null };
        await t.pause(100, 'poll for the decision');
      }
    };

    // Match and mismatch.
    await t.send('probe/sg-02.request', { orderId: 'match' });
    await t.send('probe/sg-02.request', { orderId: 'mismatch' });
    await t.ledger.waitFor('ready', 2);
    await t.pause(500, 'let the waits register');
    await t.send('probe/sg-02.approved', { orderId: 'match', by: 'alice' });
    await t.send('probe/sg-02.approved', { orderId: 'someone-else', by: 'mallory' });
    t.check('a matching event resumes the wait with that event', 'alice', (await decision('match')).by);
    t.check('a non-matching event is ignored; the wait times out to null', null, (await decision('mismatch')).by);

    // The race: the approval reaches the server just before the wait is registered (no gap), and well
    // before it (a 2 s gap).
    for (const gap of [false, true]) {
      const label = gap ? 'sent 2 s before the wait' : 'sent in the step right before the wait';
      for (let i = 0; i < RACES; i++) await t.send('probe/sg-02.request', { orderId: `race-${gap}-${i}`, early: true, gap });
      const outcomes = await Promise.all(Array.from({ length: RACES }, (_, i) => decision(`race-${gap}-${i}`)));
      const seen = outcomes.filter((o) => o.by !== null).length;
      t.metric(`event ${label}: seen by the wait`, '%', (100 * seen) / RACES);
      if (gap) t.check(`event ${label}: lost (a wait does not look back)`, 0, seen);
      else t.check(`event ${label}: still seen (events are matched after the wait is stored)`, RACES, seen);
    }
  },
});
