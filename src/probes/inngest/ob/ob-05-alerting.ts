/**
 * OB-05 · Alerting
 *
 * Question: can a failure reach an alerting endpoint (a webhook) through what Inngest offers, and how fast?
 *
 * How: a stand-in alert receiver (an HTTP server on loopback) plays a paging service. A function fails for good;
 * a second function, triggered by the system event `inngest/function.failed`, posts the alert to the receiver in
 * a step. The probe times the path from the failure to the webhook call.
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ob-05' });

const nightlyReport = inngest.createFunction({ id: 'ob-05-nightly-report', triggers: [{ event: 'probe/ob-05.report' }], retries: 0 }, async () => {
  record('report failed');
  throw new Error('database unreachable');
});

const pageOnCall = inngest.createFunction(
  { id: 'ob-05-page-on-call', triggers: [{ event: 'inngest/function.failed', if: "event.data.function_id == 'ob-05-ob-05-nightly-report'" }] },
  async ({ event, step }) => {
    await step.run('post to the pager', async () => {
      const res = await fetch(process.env.ALERT_URL!, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ summary: `${event.data.function_id} failed`, error: event.data.error?.message, runId: event.data.run_id }),
      });
      return res.status;
    });
  },
);

export default defineProbe({
  id: 'OB-05',
  question: 'Does a failure reach a webhook through what the platform offers, and how fast?',
  budgetMs: 45_000,
  client: inngest,
  functions: [nightlyReport, pageOnCall],

  async run(t) {
    const pager = await t.startDependency({ status: 202 });
    // The alerting function learns the receiver's address from its environment, like any deployed config.
    await t.worker.kill();
    await t.worker.start({ ALERT_URL: pager.url });

    await t.send('probe/ob-05.report');
    const [failedAt] = await t.ledger.waitFor('report failed');
    for (let waited = 0; pager.calls.length === 0 && waited < 20_000; waited += 100) await t.pause(100, 'wait for the page');
    t.check('the failure reached the webhook', 1, pager.calls.length);
    if (pager.calls.length) t.metric('failure → webhook call', 'ms', pager.calls[0]! - failedAt!.at);
  },
});
