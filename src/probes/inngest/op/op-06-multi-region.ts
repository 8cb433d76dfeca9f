/**
 * OP-06 · Multi-region / HA
 *
 * Question: can Inngest run across regions, or survive the loss of a server, without losing runs?
 *
 * How: this cannot be observed on one machine with one server process, so the probe records the one thing it can
 * (a single server's state lives in its stores, which is what HA would replicate), then reports itself skipped;
 * the rationale cites Inngest's documentation on Cloud and self-hosting.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'op-06' });

const ping = inngest.createFunction({ id: 'op-06-ping', triggers: [{ event: 'probe/op-06.ping' }] }, async ({ step }) => {
  await step.run('pong', () => record('pong'));
});

export default defineProbe({
  id: 'OP-06',
  question: 'Does Inngest run across regions or survive a server loss without losing runs?',
  budgetMs: 15_000,
  client: inngest,
  functions: [ping],

  async run(t) {
    await t.send('probe/op-06.ping');
    await t.ledger.waitFor('pong');
    t.note(`One server in mode "${t.server.mode}" served the run; there is no second server or region on this machine to fail over to.`);
    t.skip('Multi-region and failover need several servers and regions; one machine with one server process cannot show them. The rationale cites the documentation.');
  },
});
