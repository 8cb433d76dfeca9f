/**
 * VR-02 · Incompatible-change detection (Temporal)
 *
 * Question: is a breaking change to a workflow caught, and when: at run time on the workflows in flight, or
 * before deploying? Temporal detects it at run time as a non-determinism error (EX-06, VR-01). Before a deploy,
 * its documented check is replay: run recorded histories through the new code with `Worker.runReplayHistories`
 * (https://docs.temporal.io/develop/typescript/testing-suite#replay). How well does that catch what would break?
 *
 * How: v1 runs six orders, four standard and two express; five finish, one standard order stays in flight
 * waiting for its courier. The probe fetches every history of the workflow type through a visibility query
 * (`client.workflow.list().intoHistories()`) and replays them all against four versions of the code: v1 itself,
 * a compatible change (a new activity behind `patched()`, a changed result), a change on the express path only,
 * and a fraud check inserted before everything. It counts the histories each replay rejects.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { defineProbe, record } from '../harness/index.ts';
import { courierArrived, type Kind } from './vr-02-incompatible-change-detection.workflows.ts';

const effect = (name: string) => async () => record(name);
export const activities = {
  reserveStock: effect('stock reserved'),
  expedite: effect('expedited'),
  bookPriorityCourier: effect('priority courier booked'),
  chargeCard: effect('card charged'),
  audit: effect('audited'),
  checkFraud: effect('fraud checked'),
};

const ORDERS: Kind[] = ['standard', 'standard', 'standard', 'standard', 'express', 'express'];
const VERSIONS = [
  { deployment: 'v1', label: 'same code (v1)', rejects: [] as Kind[] },
  { deployment: 'compatible', label: 'compatible change (patched() activity, changed result)', rejects: [] as Kind[] },
  { deployment: 'express-changed', label: 'express path changed (activity replaced, no guard)', rejects: ['express'] as Kind[] },
  { deployment: 'fraud-check-inserted', label: 'activity inserted first (no guard)', rejects: ['standard', 'express'] as Kind[] },
];

export default defineProbe({
  id: 'VR-02',
  question: 'Does replaying recorded histories against new code (Worker.runReplayHistories) catch a breaking change before deploy, and only a breaking one?',
  budgetMs: 90_000,
  workflows: new URL('./vr-02-incompatible-change-detection.workflows.ts', import.meta.url),
  deployments: {
    compatible: new URL('./vr-02-incompatible-change-detection.compatible.workflows.ts', import.meta.url),
    'express-changed': new URL('./vr-02-incompatible-change-detection.express-changed.workflows.ts', import.meta.url),
    'fraud-check-inserted': new URL('./vr-02-incompatible-change-detection.fraud-check-inserted.workflows.ts', import.meta.url),
  },
  activities,

  async run(t) {
    // 1. Record histories on v1: five orders finish, the last standard one stays in flight.
    const handles: WorkflowHandle[] = [];
    for (const [i, kind] of ORDERS.entries()) handles.push(await t.client.workflow.start('processOrder', { taskQueue: t.taskQueue, workflowId: t.workflowId(`${kind}-${i}`), args: [kind] }));
    await t.ledger.waitFor('card charged', ORDERS.length);
    const inFlight = handles[3]!;
    await Promise.all(handles.filter((h) => h !== inFlight).map(async (h) => (await h.signal(courierArrived), h.result())));
    const kindOf = new Map(handles.map((h, i) => [h.workflowId, ORDERS[i]!]));

    // 2. Fetch them the way a CI job would, by a visibility query, and replay them against each version.
    const query = `WorkflowType = 'processOrder' AND TaskQueue = '${t.taskQueue}'`;
    let listed = 0;
    for (let tries = 0; tries < 40 && listed < ORDERS.length; tries++) {
      listed = 0;
      for await (const _ of t.client.workflow.list({ query })) listed++;
      if (listed < ORDERS.length) await t.pause(250, 'let visibility catch up');
    }
    t.check('histories found by the visibility query (5 closed, 1 in flight)', ORDERS.length, listed);
    for (const version of VERSIONS) {
      const started = performance.now();
      const results = await t.replayHistories(t.client.workflow.list({ query }).intoHistories(), version.deployment);
      t.metric(`replay of ${ORDERS.length} histories: ${version.label}`, 'ms', performance.now() - started);
      const rejected = results.filter((r) => r.error !== null);
      const rejectedKinds = rejected.map((r) => kindOf.get(r.workflowId) ?? r.workflowId).sort();
      const expected = ORDERS.filter((k) => version.rejects.includes(k)).sort();
      t.check(`${version.label}: histories rejected (of ${results.length})`, expected.length ? expected : 'none', rejectedKinds.length ? rejectedKinds : 'none');
      const inFlightResult = results.find((r) => r.workflowId === inFlight.workflowId);
      if (version.rejects.includes('standard')) t.check(`${version.label}: the in-flight history is rejected too`, 'DeterminismViolationError', inFlightResult?.error?.name ?? 'accepted');
      if (rejected[0]) t.note(`${version.label}: ${rejected[0].error!.name}: ${rejected[0].error!.message.slice(0, 300)}`);
    }
    t.check('activities executed by the replays', 0, t.ledger.count('fraud checked') + t.ledger.count('audited') + t.ledger.count('priority courier booked'));

    // 3. Let the order in flight finish.
    await inFlight.signal(courierArrived);
    t.check('the in-flight order still finishes on v1', 'standard shipped', await inFlight.result());
  },
});
