/**
 * VR-03 · Migration strategy (Temporal)
 *
 * Question: how do you move a workflow to an incompatible new version? Temporal's answer is worker versioning
 * (https://docs.temporal.io/worker-versioning): workers belong to a Worker Deployment and a version (build id);
 * the server routes new workflows to the deployment's current version; a PINNED workflow stays on the version it
 * started on until that version drains, an AUTO_UPGRADE one moves at its next task. Operators can move single
 * workflows with a versioning override and act on many at once with batch operations.
 *
 * How: on the dev server (1.29.1, no extra flags), a worker of version v1 runs; v1 is made current; three pinned
 * and two auto-upgrading orders start and wait. The worker is replaced by version v2 (whose pinned code changed
 * without a guard) and v2 is made current. Everything is signalled; one new order starts. The probe records on
 * which version each workflow ran each activity. Then the v1 worker comes back to drain one pinned order, one
 * pinned order is moved to v2 by an override, and the pinned runs left on v1 are terminated by a batch operation
 * selected by a visibility query. The harness runs one worker process at a time: v1 and v2 take turns here, where
 * a production rollout keeps both running while v1 drains.
 */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import { defineProbe, record } from '../harness/index.ts';
import { proceed } from './vr-03-migration.workflows.ts';

const effect = (name: string) => async (id: string, code: string) => record(name, { id, code });
export const activities = { checkFraud: effect('fraud checked'), reserveStock: effect('stock reserved'), shipParcel: effect('parcel shipped') };
const WATCH_MS = 4_000;

export default defineProbe({
  id: 'VR-03',
  question: 'With worker versioning, do pinned workflows stay on the old version while new ones go to the new, do auto-upgrading ones move, and can old runs be drained, moved or terminated in bulk?',
  budgetMs: 120_000,
  workflows: new URL('./vr-03-migration.workflows.ts', import.meta.url),
  deployments: { v2: new URL('./vr-03-migration.v2.workflows.ts', import.meta.url) },
  activities,
  worker: { stickyQueueScheduleToStartTimeout: '1 second' },

  async run(t) {
    const ws = t.client.workflowService;
    const namespace = t.client.options.namespace;
    const deploymentName = `orders-${t.taskQueue}`;
    const runOn = async (buildId: string) => {
      await t.worker.kill();
      await t.worker.start({ deployment: buildId, options: { workerDeploymentOptions: { version: { deploymentName, buildId }, useWorkerVersioning: true, defaultVersioningBehavior: 'PINNED' } } });
    };
    /** Makes a version current; the server knows a version only once its worker has polled, so retry briefly. */
    const makeCurrent = async (buildId: string) => {
      for (let tries = 0; ; tries++) {
        try {
          return await ws.setWorkerDeploymentCurrentVersion({ namespace, deploymentName, buildId, identity: 'VR-03 probe' });
        } catch (e) {
          if (tries >= 40) throw e;
          await t.pause(250, 'wait for the version to register');
        }
      }
    };
    const version = async (h: WorkflowHandle) => {
      const info = (await h.describe()).raw.workflowExecutionInfo?.versioningInfo;
      const behavior = (info?.behavior ?? 0) === 1 ? 'PINNED' : (info?.behavior ?? 0) === 2 ? 'AUTO_UPGRADE' : String(info?.behavior ?? 'none');
      const override = info?.versioningOverride?.pinned?.version?.buildId;
      return `${behavior} on ${info?.deploymentVersion?.buildId ?? 'none'}${override ? `, override: pinned to ${override}` : ''}`;
    };
    const codes = (name: string, id: string) => t.ledger.entries(name).filter((e) => (e.data as { id: string }).id === id).map((e) => (e.data as { code: string }).code);
    const start = (type: string, id: string) => t.client.workflow.start(type, { taskQueue: t.taskQueue, workflowId: t.workflowId(id), args: [id] });

    // 1. Version v1 is deployed and current; orders start and wait.
    await runOn('v1');
    const first = await makeCurrent('v1');
    t.check('v1 made current (previous current version)', '__unversioned__', first.previousVersion ?? first.previousDeploymentVersion?.buildId ?? 'none');
    const pinned = [await start('pinnedOrder', 'pinned-1'), await start('pinnedOrder', 'pinned-2'), await start('pinnedOrder', 'pinned-3')];
    const upgrading = [await start('upgradingOrder', 'upgrading-1'), await start('upgradingOrder', 'upgrading-2')];
    await t.ledger.waitFor('stock reserved', 5);
    t.check('on v1: versioning of a pinned and an auto-upgrading order', ['PINNED on v1', 'AUTO_UPGRADE on v1'], [await version(pinned[0]!), await version(upgrading[0]!)]);

    // 2. Version v2 replaces the worker and becomes current; every order is told to go on; a new one starts.
    await runOn('v2');
    await makeCurrent('v2');
    for (const h of [pinned[0]!, pinned[1]!, ...upgrading]) await h.signal(proceed); // pinned-3 stays waiting
    const fresh = await start('pinnedOrder', 'new-1');
    await fresh.signal(proceed);
    t.check('a new order after v2 became current: output', 'finished on v2', await fresh.result());
    t.check('a new order: activities ran on', { fraud: ['v2'], reserve: ['v2'], ship: ['v2'] }, { fraud: codes('fraud checked', 'new-1'), reserve: codes('stock reserved', 'new-1'), ship: codes('parcel shipped', 'new-1') });
    const upgraded = await Promise.all(upgrading.map((h) => h.result()));
    t.check('auto-upgrading orders started on v1: outputs', ['finished on v2', 'finished on v2'], upgraded);
    t.check('auto-upgrading order: activities ran on (reserve before, ship after the switch)', { reserve: ['v1'], ship: ['v2'], fraud: [] }, { reserve: codes('stock reserved', 'upgrading-1'), ship: codes('parcel shipped', 'upgrading-1'), fraud: codes('fraud checked', 'upgrading-1') });
    await t.pause(WATCH_MS, 'give the pinned orders a chance to run anywhere');
    t.check('pinned orders started on v1 and signalled, while only v2 runs: parcels shipped', 0, codes('parcel shipped', 'pinned-1').length + codes('parcel shipped', 'pinned-2').length);
    t.check('pinned orders while only v2 runs: versioning', ['PINNED on v1', 'PINNED on v1', 'PINNED on v1'], await Promise.all(pinned.map(version)));
    const described = await ws.describeWorkerDeployment({ namespace, deploymentName });
    const summaries = described.workerDeploymentInfo?.versionSummaries ?? [];
    // WorkerDeploymentVersionStatus and VersionDrainageStatus, by number (temporal/api/enums/v1/deployment.proto).
    const status = ['UNSPECIFIED', 'INACTIVE', 'CURRENT', 'RAMPING', 'DRAINING', 'DRAINED'];
    const drainage = ['UNSPECIFIED', 'DRAINING', 'DRAINED'];
    t.note(`describeWorkerDeployment: current ${described.workerDeploymentInfo?.routingConfig?.currentDeploymentVersion?.buildId ?? 'none'}; versions ${summaries.map((s) => `${s.deploymentVersion?.buildId} (${status[s.status ?? 0]}, drainage ${drainage[s.drainageStatus ?? 0]})`).join(', ')}`);

    // 3a. Move pinned-2 to v2 with a versioning override: its history (v1) replays on v2's unguarded code.
    await ws.updateWorkflowExecutionOptions({
      namespace,
      workflowExecution: { workflowId: pinned[1]!.workflowId },
      workflowExecutionOptions: { versioningOverride: { pinned: { behavior: 1, version: { deploymentName, buildId: 'v2' } } } },
      updateMask: { paths: ['versioning_override'] },
    });
    const deadline = Date.now() + 15_000;
    let moved = 'none';
    while (Date.now() < deadline && moved === 'none') {
      moved = (await t.history(pinned[1]!)).find((e) => e.type === 'WORKFLOW_TASK_FAILED')?.cause ?? ((await pinned[1]!.describe()).status.name === 'COMPLETED' ? 'completed' : 'none');
      if (moved === 'none') await t.pause(250, 'poll the moved workflow');
    }
    t.check('pinned order moved to v2 by an override: outcome', 'NON_DETERMINISTIC_ERROR (v2 changed the code before the wait)', moved, moved === 'NON_DETERMINISTIC_ERROR');

    // 3b. Drain: the v1 worker runs again (in production it never stopped); pinned-1 finishes on v1.
    await runOn('v1');
    t.check('pinned order drained on the v1 worker: output', 'finished on v1', await pinned[0]!.result());

    // 3c. Terminate what is still pinned to v1, in bulk: a batch operation over a visibility query.
    const query = `TemporalWorkerDeploymentVersion = '${deploymentName}:v1' AND ExecutionStatus = 'Running'`;
    const jobId = `vr-03-${randomUUID()}`;
    const batchAt = Date.now();
    await ws.startBatchOperation({ namespace, jobId, visibilityQuery: query, reason: 'VR-03: retire v1', terminationOperation: { identity: 'VR-03 probe' } });
    let batch = await ws.describeBatchOperation({ namespace, jobId });
    while (batch.state !== 2 && Date.now() - batchAt < 20_000) {
      await t.pause(250, 'poll the batch operation');
      batch = await ws.describeBatchOperation({ namespace, jobId });
    }
    t.metric('batch terminate: start to completed', 'ms', Date.now() - batchAt);
    t.check('batch terminate by query (still running on v1): state and workflows terminated', 'COMPLETED, ≥ 1', `${batch.state === 2 ? 'COMPLETED' : `state ${batch.state}`}, ${Number(batch.completeOperationCount ?? 0)}`, batch.state === 2 && Number(batch.completeOperationCount ?? 0) >= 1);
    const finalStatus = await Promise.all(pinned.map(async (h) => (await h.describe()).status.name));
    t.check('pinned orders at the end: drained on v1, left waiting on v1 and batch-terminated', ['COMPLETED', 'TERMINATED'], [finalStatus[0], finalStatus[2]]);
    t.note(`The order moved to v2 by the override ended the batch as ${finalStatus[1]} (versioning ${await version(pinned[1]!)}).`);
    t.check('every order reserved stock once', 6, t.ledger.count('stock reserved'));
    if (finalStatus[1] === 'RUNNING') await pinned[1]!.terminate('VR-03: clean up the moved workflow');
  },
});
