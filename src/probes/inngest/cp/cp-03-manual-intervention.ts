/**
 * CP-03 · Manual intervention
 *
 * Question: can an operator stop and restart work by hand? Cancel a sleeping run (nothing after the cancel may
 * execute), cancel many runs at once by time range, and rerun a failed run once its cause is fixed.
 *
 * How: sleeping runs are cancelled one by one through the run API, then by the bulk-cancellation API (a time
 * range for one function), then by the SDK's declarative alternative, a `cancelOn` event. A run that fails is
 * rerun after a fix is deployed. The ledger shows whether anything ran after a cancel.
 */
import { Inngest } from 'inngest';
import { defineProbe, deployment, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'cp-03' });
const NAP = '6s';
/** Long enough for a cancelled run's nap to have ended, had it not been cancelled. */
const AFTER_NAP_MS = 8_000;
const BULK = 3;

const reminder = inngest.createFunction(
  {
    id: 'cp-03-send-reminder',
    triggers: [{ event: 'probe/cp-03.remind' }],
    cancelOn: [{ event: 'probe/cp-03.account-closed', match: 'data.account' }],
  },
  async ({ event, step }) => {
    await step.run('schedule reminder', () => record('scheduled', { key: event.data.key }));
    await step.sleep('wait before reminding', NAP);
    await step.run('send reminder', () => record('reminder sent', { key: event.data.key }));
  },
);

const report = inngest.createFunction(
  { id: 'cp-03-build-report', triggers: [{ event: 'probe/cp-03.report' }], retries: 0 },
  async ({ step }) => {
    return step.run('build report', () => {
      record('report attempted', { deployment: deployment() });
      if (deployment() === 'v1') throw new Error('report template missing');
      return 'report ready';
    });
  },
);

export default defineProbe({
  id: 'CP-03',
  question: 'Can a sleeping run be cancelled, many runs cancelled at once, and a failed run rerun, through the API?',
  budgetMs: 90_000,
  client: inngest,
  functions: [reminder, report],

  async run(t) {
    const sentFor = (key: string) => t.ledger.entries('reminder sent').filter((e) => (e.data as { key: string }).key === key).length;
    const start = async (key: string, account = 'acct-1') => {
      const [run] = await t.waitForRuns(await t.send('probe/cp-03.remind', { key, account }));
      return run!.id;
    };

    // 1. Cancel one sleeping run through the run API.
    const single = await start('single');
    await t.ledger.waitFor('scheduled');
    const asked = performance.now();
    await t.cancel(single);
    const cancelled = await t.waitForEnd(single);
    t.metric('cancel call to status CANCELLED', 'ms', performance.now() - asked);
    t.check('single cancel: status', 'CANCELLED', cancelled.status);

    // 2. Bulk cancellation by time range (REST v1 `POST /v1/cancellations`).
    const bulkRuns = [];
    for (let i = 0; i < BULK; i++) bulkRuns.push(await start(`bulk-${i}`, 'acct-2'));
    const bulk = await t.callApi('POST', '/v1/cancellations', {
      app_id: 'cp-03',
      function_id: 'cp-03-cp-03-send-reminder', // the server's id: app id and function id joined
      started_after: new Date(Date.now() - 60_000).toISOString(),
      started_before: new Date(Date.now() + 1_000).toISOString(),
    });
    t.check('bulk cancel by time range: API accepts the request', '2xx', `HTTP ${bulk.status}: ${bulk.body.slice(0, 120)}`, bulk.status >= 200 && bulk.status < 300);

    // 3. The SDK's declarative alternative: one event cancels every run of an account.
    await t.send('probe/cp-03.account-closed', { account: 'acct-2' });
    const bulkEnded = await Promise.all(bulkRuns.map((id) => t.waitForEnd(id, { timeoutMs: 20_000 })));
    t.check(`cancelOn event: ${BULK} sleeping runs cancelled`, Array(BULK).fill('CANCELLED'), bulkEnded.map((r) => r.status));

    // 4. Nothing ran after any cancel.
    await t.pause(AFTER_NAP_MS, 'outlast the naps of the cancelled runs');
    t.check('no reminder sent by a cancelled run', 0, sentFor('single') + bulkRuns.reduce((n, _, i) => n + sentFor(`bulk-${i}`), 0));

    // 5. Rerun a failed run after deploying a fix.
    const [failed] = await t.waitForRuns(await t.send('probe/cp-03.report'));
    t.check('report run fails in v1', 'FAILED', (await t.waitForEnd(failed!.id)).status);
    await t.worker.kill();
    await t.worker.start({ PROBE_DEPLOYMENT: 'v2' });
    const rerun = await t.waitForEnd(await t.rerun(failed!.id));
    t.check('rerun after the fix: completed with the output', { status: 'COMPLETED', output: 'report ready' }, { status: rerun.status, output: rerun.output });
  },
});
