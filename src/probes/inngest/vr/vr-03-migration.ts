/**
 * VR-03 · Migration strategy
 *
 * Question: how do you move a workflow to an incompatible new version? Inngest's answer is a new function id
 * beside the old one. Can old runs drain on the old code while new events go to the new function, and can the
 * old runs that should not finish be cancelled in bulk through the API?
 *
 * How: deployment v1 serves `send-welcome-v1`. Some runs start and sleep. Deployment v2 serves both: v1 now only
 * takes events marked `version: 1`, v2 takes `version: 2`. The probe checks routing, that the sleeping v1 runs
 * finish on v1 code, and then tries to cancel the long-running v1 runs with the server's bulk cancellation
 * endpoint (`POST /v1/cancellations`), and cancels what is left by listing the runs through the API and
 * cancelling each.
 */
import { Inngest } from 'inngest';
import { defineProbe, deployment, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'vr-03' });
const v2Deployed = deployment() === 'v2';

const welcomeV1 = inngest.createFunction(
  {
    id: 'vr-03-send-welcome-v1',
    // Once v2 is deployed, v1 only takes events still marked version 1.
    triggers: [{ event: 'probe/vr-03.signed-up', ...(v2Deployed ? { if: 'event.data.version == 1' } : {}) }],
  },
  async ({ event, step }) => {
    await step.run('write welcome (v1)', () => record('v1 started', { user: event.data.user }));
    await step.sleep('wait a bit', event.data.longSleep ? '60s' : '4s');
    await step.run('send welcome (v1)', () => record('v1 finished', { user: event.data.user, deployedCode: deployment() }));
  },
);

const welcomeV2 = inngest.createFunction(
  {
    id: 'vr-03-send-welcome-v2',
    // Before v2 is deployed this function exists but takes nothing.
    triggers: [{ event: 'probe/vr-03.signed-up', if: v2Deployed ? 'event.data.version == 2' : 'false' }],
  },
  async ({ event, step }) => {
    await step.run('send welcome (v2)', () => record('v2 ran', { user: event.data.user }));
  },
);

export default defineProbe({
  id: 'VR-03',
  question: 'Can old runs drain on old code beside a new function id, with events routed by version and old runs cancelled in bulk (by the bulk endpoint, or by a list-then-cancel loop)?',
  budgetMs: 90_000,
  client: inngest,
  functions: [welcomeV1, welcomeV2],

  async run(t) {
    const users = (effect: string) => t.ledger.entries(effect).map((e) => (e.data as { user: string }).user).sort();

    // 1. v1 runs in flight.
    const draining: string[] = [];
    for (const user of ['ann', 'bob']) draining.push(await t.send('probe/vr-03.signed-up', { user, version: 1 }));
    for (let i = 0; i < 3; i++) await t.send('probe/vr-03.signed-up', { user: `stale-${i}`, version: 1, longSleep: true });
    await t.ledger.waitFor('v1 started', 5);

    // 2. Deploy v2 beside v1, then send new-version and old-version events.
    await t.worker.kill();
    await t.worker.start({ PROBE_DEPLOYMENT: 'v2' });
    await t.send('probe/vr-03.signed-up', { user: 'cai', version: 2 });
    draining.push(await t.send('probe/vr-03.signed-up', { user: 'dee', version: 1 }));
    await t.ledger.waitFor('v2 ran');
    await t.ledger.waitFor('v1 finished', 3, { timeoutMs: 30_000 });

    t.check('routing: version-2 events go to the new function only', ['cai'], users('v2 ran'));
    t.check('routing: version-1 events still go to the old function', ['ann', 'bob', 'dee', 'stale-0', 'stale-1', 'stale-2'], users('v1 started'));
    // Let the drained runs end, so that the only v1 runs still running are the long-sleeping ones.
    for (const eventId of draining) await t.waitForEnd((await t.waitForRuns(eventId))[0]!.id);
    t.check('drain: v1 runs in flight finished on the old function', ['ann', 'bob', 'dee'], users('v1 finished').filter((u) => !u.startsWith('stale')));

    // 3. Cancel the old runs that should not finish. First the server's bulk endpoint: every run of the old
    // function started in a time window, in one request.
    const stale = await t.listRuns('RUNNING', 'vr-03-send-welcome-v1');
    const bulk = await t.callApi('POST', '/v1/cancellations', {
      app_id: 'vr-03',
      function_id: 'vr-03-vr-03-send-welcome-v1',
      started_after: new Date(Date.now() - 120_000).toISOString(),
      started_before: new Date().toISOString(),
    });
    const bulkAccepted = bulk.status >= 200 && bulk.status < 300;
    if (bulkAccepted) await t.pause(5_000, 'let the bulk cancellation reach the runs');
    const statusesAfterBulk = await Promise.all(stale.map(async (id) => (await t.getRun(id)).status));
    t.check(
      'bulk cancel endpoint (POST /v1/cancellations): the long-running v1 runs cancelled',
      `2xx, ${stale.length} of ${stale.length} CANCELLED`,
      `HTTP ${bulk.status} (${bulk.body.slice(0, 160).trim()}), ${statusesAfterBulk.filter((s) => s === 'CANCELLED').length} of ${stale.length} CANCELLED`,
      bulkAccepted && stale.length > 0 && statusesAfterBulk.every((s) => s === 'CANCELLED'),
    );

    // Then what an operator's script can always do: list the runs by status and cancel them one request each.
    const left = await t.listRuns('RUNNING', 'vr-03-send-welcome-v1');
    const started = performance.now();
    for (const id of left) await t.cancel(id);
    const ended = await Promise.all(stale.map((id) => t.waitForEnd(id)));
    t.metric('list and cancel the old runs', 'ms', performance.now() - started);
    t.check(
      'list-then-cancel loop (one cancel request per listed run): the long-running v1 runs all cancelled',
      { found: 3, cancelled: 3 },
      { found: stale.length, cancelled: ended.filter((r) => r.status === 'CANCELLED').length },
    );
  },
});
