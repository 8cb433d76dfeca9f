/**
 * EX-01 · Progress guarantee (Temporal)
 *
 * Question: when the worker process dies in the middle of a workflow, does the workflow still finish, and are the
 * activities that had already completed left alone (not run again)?
 *
 * How: a five-activity order workflow (`ex-01-progress.workflows.ts`). Its third activity holds on its first
 * attempt, long enough for the probe to SIGKILL the worker while the activity is in flight. The probe starts the
 * worker again and waits for the result; the ledger tells how often each activity's effect really happened, and
 * the event history tells when the server gave up on the lost attempt. Temporal learns of a lost activity only
 * through a timeout (here start-to-close, 10 s; RT-04 measures heartbeats), so the crash-to-completion time is
 * mostly that timeout: the probe records both.
 */
import { activityInfo } from '@temporalio/activity';
import { defineProbe, hold, record } from '../harness/index.ts';

const STEPS = ['reserve stock', 'charge card', 'write invoice', 'send receipt', 'close order'];
const INTERRUPTED = 'write invoice';

/** One activity per step: each records its effect, and the third holds on its first attempt. */
function step(name: string) {
  return async (index: number): Promise<number> => {
    record(`${name} started`, { attempt: activityInfo().attempt });
    if (name === INTERRUPTED && activityInfo().attempt === 1) await hold(60_000); // the crash lands here
    record(`${name} done`);
    return index;
  };
}

export const activities = {
  reserveStock: step('reserve stock'),
  chargeCard: step('charge card'),
  writeInvoice: step('write invoice'),
  sendReceipt: step('send receipt'),
  closeOrder: step('close order'),
};

export default defineProbe({
  id: 'EX-01',
  question: 'Does a workflow survive a worker crash mid-activity without redoing completed activities?',
  budgetMs: 90_000,
  workflows: new URL('./ex-01-progress.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // 1. Start an order and wait until the third activity is in flight.
    const handle = await t.client.workflow.start('order', { taskQueue: t.taskQueue, workflowId: t.workflowId('order') });
    await t.ledger.waitFor(`${INTERRUPTED} started`);

    // 2. Crash the worker mid-activity, then bring it back, as an orchestrator restarting a container would.
    const crashedAt = Date.now();
    await t.worker.kill();
    await t.worker.start();

    // 3. Wait for the result.
    const output = await handle.result();
    const events = await t.history(handle);
    const completedAt = events.find((e) => e.type === 'WORKFLOW_EXECUTION_COMPLETED')?.time ?? Date.now();
    t.metric('crash to workflow completed', 'ms', completedAt - crashedAt);
    const retried = events.find((e) => e.type === 'ACTIVITY_TASK_STARTED' && (e.attempt ?? 0) > 1);
    if (retried) t.metric('crash to the lost activity retried (server-side start of attempt 2)', 'ms', retried.time - crashedAt);

    // 4. Check: the workflow finished with every step's output, and completed activities ran exactly once.
    const { status } = await handle.describe();
    t.check('run status', 'COMPLETED', status.name);
    t.check('run output', { done: [0, 1, 2, 3, 4] }, output);
    for (const name of STEPS) {
      const expected = name === INTERRUPTED ? { started: 2, done: 1 } : { started: 1, done: 1 };
      const observed = { started: t.ledger.count(`${name} started`), done: t.ledger.count(`${name} done`) };
      t.check(`"${name}" executions`, expected, observed);
    }
    t.check('attempts of the interrupted activity in the history', 2, retried?.attempt ?? 1);
  },
});
