/**
 * CP-01 · Compensation / saga
 *
 * Question: when a step fails for good, can the workflow undo what its earlier steps did, in reverse order,
 * and does the failure handler run exactly once with the error?
 *
 * How: a trip-booking saga. It reserves a flight, then a hotel, then charges the card; the charge fails with a
 * `NonRetriableError` (a declined card will not succeed on retry). The workflow catches the step's error, runs
 * one compensation step per completed step in reverse order, and rethrows so the run ends as failed. Its
 * `onFailure` handler records the error it receives. The ledger gives the order of everything.
 */
import { Inngest, NonRetriableError } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'cp-01' });

const bookTrip = inngest.createFunction(
  {
    id: 'cp-01-book-trip',
    triggers: [{ event: 'probe/cp-01.book' }],
    retries: 2,
    onFailure: async ({ error, step }) => {
      await step.run('report the failure', () => record('failure handler ran', { message: error.message }));
    },
  },
  async ({ step }) => {
    // Each completed step pushes its undo; a failure runs them last-in, first-out.
    const undo: { name: string; effect: string }[] = [];
    try {
      await step.run('reserve flight', () => record('flight reserved'));
      undo.push({ name: 'cancel flight', effect: 'flight cancelled' });
      await step.run('reserve hotel', () => record('hotel reserved'));
      undo.push({ name: 'cancel hotel', effect: 'hotel cancelled' });
      await step.run('charge card', () => {
        record('charge attempted');
        throw new NonRetriableError('card declined');
      });
    } catch (error) {
      for (const { name, effect } of undo.reverse()) await step.run(name, () => record(effect));
      throw error;
    }
  },
);

export default defineProbe({
  id: 'CP-01',
  question: 'Does a permanent failure at step 3 run the compensations of steps 2 and 1 in reverse, and the failure handler once?',
  budgetMs: 60_000,
  client: inngest,
  functions: [bookTrip],

  async run(t) {
    const eventId = await t.send('probe/cp-01.book');
    const [run] = await t.waitForRuns(eventId);
    const ended = await t.waitForEnd(run!.id);
    await t.ledger.waitFor('failure handler ran');
    await t.pause(2_000, 'let a second failure-handler call show up, if there were one');

    const order = t.ledger.entries().map((e) => e.effect);
    t.check('run status', 'FAILED', ended.status);
    t.check('the charge was attempted once (NonRetriableError: no retry)', 1, t.ledger.count('charge attempted'));
    t.check(
      'effects in order, compensations reversed',
      ['flight reserved', 'hotel reserved', 'charge attempted', 'hotel cancelled', 'flight cancelled', 'failure handler ran'],
      order,
    );
    const handler = t.ledger.entries('failure handler ran');
    t.check('failure handler ran once', 1, handler.length);
    const handlerMessage = String((handler[0]?.data as { message?: string } | undefined)?.message);
    t.check('failure handler received the error message', 'a message containing "card declined"', handlerMessage, handlerMessage.includes('card declined'));
    t.note(`The failure handler saw the message: ${(handler[0]?.data as { message?: string } | undefined)?.message}`);
    t.note(`The run's stored error: ${JSON.stringify(ended.error).slice(0, 300)}`);
  },
});
