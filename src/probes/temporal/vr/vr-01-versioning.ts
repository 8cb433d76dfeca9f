/**
 * VR-01 · Workflow versioning (Temporal)
 *
 * Question: when changed code is deployed while workflows are in flight, which code do they continue on, and how
 * does a team ship a change that would not replay? Temporal replays every in-flight workflow on the new code, so a
 * change to the commands it issues must be guarded with `patched()`, and the guard later retired with
 * `deprecatePatch()` (https://docs.temporal.io/develop/typescript/versioning).
 *
 * How: one order workflow reserves stock, waits for a "proceed" signal, ships. The change inserts a fraud check
 * before "reserve stock". Four groups of workflows: A starts on v1 and meets the change deployed without a guard,
 * then the guarded one; B starts on the guarded code; C starts on the guarded code and meets the code with the
 * guard deprecated; D starts on v1 and meets the deprecated code. Each deploy is a worker killed and started again
 * on the next code. The ledger counts which activities ran for which group; the histories show what failed.
 */
import type { WorkflowHandle } from '@temporalio/client';
import { defineProbe, record } from '../harness/index.ts';
import { proceed } from './vr-01-versioning.workflows.ts';

const GROUPS = { A: 3, B: 3, C: 3, D: 2 } as const;
type Group = keyof typeof GROUPS;
const WATCH_MS = 20_000;

const effect = (name: string) => async (order: string) => record(name, { order, group: order.split('-')[0] });
export const activities = { checkFraud: effect('fraud checked'), reserveStock: effect('stock reserved'), shipParcel: effect('parcel shipped') };

export default defineProbe({
  id: 'VR-01',
  question: 'Which code do in-flight workflows continue on, what does an unguarded change do to them, and do patched()/deprecatePatch() let old and new runs each take their branch?',
  budgetMs: 120_000,
  workflows: new URL('./vr-01-versioning.workflows.ts', import.meta.url),
  deployments: {
    unpatched: new URL('./vr-01-versioning.unpatched.workflows.ts', import.meta.url),
    patched: new URL('./vr-01-versioning.patched.workflows.ts', import.meta.url),
    deprecated: new URL('./vr-01-versioning.deprecated.workflows.ts', import.meta.url),
  },
  activities,
  // A killed worker's sticky queue holds the next workflow task this long before any worker may take it.
  worker: { stickyQueueScheduleToStartTimeout: '1 second' },

  async run(t) {
    const handles: Record<Group, WorkflowHandle[]> = { A: [], B: [], C: [], D: [] };
    const startGroup = async (group: Group) => {
      for (let i = 0; i < GROUPS[group]; i++) handles[group].push(await t.client.workflow.start('fulfilOrder', { taskQueue: t.taskQueue, workflowId: t.workflowId(`${group}-${i}`), args: [`${group}-${i}`] }));
    };
    const count = (name: string, group: Group) => t.ledger.entries(name).filter((e) => (e.data as { group: string }).group === group).length;
    const reserved = async (group: Group) => {
      while (count('stock reserved', group) < GROUPS[group]) await t.pause(100, 'wait for the stock to be reserved');
    };
    const redeploy = async (deployment: string) => {
      await t.worker.kill();
      await t.worker.start({ deployment });
    };
    /** Waits (bounded) until every workflow of the group has a failed workflow task; returns each one's cause. */
    const failures = async (group: Group) => {
      const deadline = Date.now() + WATCH_MS;
      const causes = async () => Promise.all(handles[group].map(async (h) => (await t.history(h)).find((e) => e.type === 'WORKFLOW_TASK_FAILED')?.cause ?? 'none'));
      let seen = await causes();
      while (Date.now() < deadline && seen.includes('none')) {
        await t.pause(250, 'poll the histories');
        seen = await causes();
      }
      return seen;
    };
    const signalAll = (group: Group) => Promise.all(handles[group].map((h) => h.signal(proceed)));
    const results = (group: Group) => Promise.all(handles[group].map((h) => h.result()));

    // 1. v1: groups A and D reserve stock and wait.
    await startGroup('A');
    await startGroup('D');
    await reserved('A');
    await reserved('D');

    // 2. The change deployed without a guard: A's next workflow task replays v1's history on the new code.
    await redeploy('unpatched');
    await signalAll('A');
    const unguarded = await failures('A');
    t.check('A (started on v1), change deployed without a guard: workflow task failure causes', Array(GROUPS.A).fill('NON_DETERMINISTIC_ERROR'), unguarded);
    const statusA = await Promise.all(handles.A.map(async (h) => (await h.describe()).status.name));
    t.check('A, without a guard: runs stay', Array(GROUPS.A).fill('RUNNING'), statusA);
    t.check('A, without a guard: fraud checks run / parcels shipped', { fraudChecked: 0, shipped: 0 }, { fraudChecked: count('fraud checked', 'A'), shipped: count('parcel shipped', 'A') });

    // 3. The change behind patched(): A resumes on the old branch; B, started now, takes the new one.
    await redeploy('patched');
    t.check('A (started on v1) on the patched code: outputs', Array(GROUPS.A).fill('v2, old branch'), await results('A'));
    t.check('A on the patched code: fraud checks run (old branch skips it)', 0, count('fraud checked', 'A'));
    await startGroup('B');
    await startGroup('C');
    await reserved('B');
    await reserved('C');
    await signalAll('B');
    t.check('B (started on the patched code): outputs', Array(GROUPS.B).fill('v2, new branch'), await results('B'));
    t.check('B: fraud checks run (new branch)', GROUPS.B, count('fraud checked', 'B'));
    const markers = (await t.history(handles.B[0]!)).filter((e) => e.type === 'MARKER_RECORDED').length;
    t.check('B: patch markers in the history', 1, markers);

    // 4. The guard retired with deprecatePatch(): C (marker in its history) replays; D (no marker) does not.
    await redeploy('deprecated');
    await signalAll('C');
    await signalAll('D');
    t.check('C (started on the patched code) on the deprecated-patch code: outputs', Array(GROUPS.C).fill('v3, patch deprecated'), await results('C'));
    t.check('C: fraud checks run (once each, not again on replay)', GROUPS.C, count('fraud checked', 'C'));
    const deprecatedD = await failures('D');
    t.check('D (started on v1) on the deprecated-patch code: workflow task failure causes', Array(GROUPS.D).fill('NON_DETERMINISTIC_ERROR'), deprecatedD);

    // 5. Roll D forward onto the patched code again: it finishes on the old branch.
    await redeploy('patched');
    t.check('D back on the patched code: outputs', Array(GROUPS.D).fill('v2, old branch'), await results('D'));
    const all = Object.keys(GROUPS) as Group[];
    t.check(
      'every group: fraud checks / stock reservations / parcels shipped',
      all.map((g) => `${g}: ${['B', 'C'].includes(g) ? GROUPS[g] : 0}/${GROUPS[g]}/${GROUPS[g]}`),
      all.map((g) => `${g}: ${count('fraud checked', g)}/${count('stock reserved', g)}/${count('parcel shipped', g)}`),
    );
    const historyOfD = await t.history(handles.D[0]!);
    t.note(`History of ${handles.D[0]!.workflowId} at its end: ${historyOfD.map((e) => e.type + (e.name ? `(${e.name})` : '') + (e.cause ? `[${e.cause}]` : '')).join(', ')}`);
  },
});
