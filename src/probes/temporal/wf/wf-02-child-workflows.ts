/**
 * WF-02 · Child workflows (Temporal)
 *
 * Question: does a child workflow return its result to the parent, reach the parent with its failure as an error the
 * parent can catch (and of what type), time out when the parent gives it a deadline, and what happens to children
 * still running when their parent ends, under each parent-close policy?
 * https://docs.temporal.io/parent-close-policy
 *
 * How: a parent calls three children with `executeChild`: one returns a quote (from an activity), one fails with a
 * non-retryable `ApplicationFailure`, one sleeps past the 2 s `workflowExecutionTimeout` the parent gave it. The
 * parent returns what it got or caught from each. A second parent starts three long children with `startChild`,
 * one under each parent-close policy (TERMINATE, ABANDON, REQUEST_CANCEL), and ends at once; the probe then reads
 * each child's status from the server, and whether the child shows its parent.
 */
import { defineProbe, record } from '../harness/index.ts';
import type { Caught } from './wf-02-child-workflows.workflows.ts';

export const activities = {
  async lookUpPrice(quantity: number): Promise<number> {
    record('price looked up', { quantity });
    return 100 * quantity;
  },
};

/** How long the children left behind get to reach their final status. */
const SETTLE_MS = 10_000;

export default defineProbe({
  id: 'WF-02',
  question: 'Do child workflows return results, surface failures and timeouts, and what does each parent-close policy do?',
  budgetMs: 60_000,
  workflows: new URL('./wf-02-child-workflows.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // 1. Result, failure and timeout of three children, as the parent saw them.
    const order = await t.client.workflow.start('placeOrder', { taskQueue: t.taskQueue, workflowId: t.workflowId('order') });
    const got = (await order.result()) as { quote: unknown; reserve: Caught | 'returned'; report: Caught | string };
    t.check('parent received the child result', { sku: 'tea', price: 300 }, got.quote);
    const reserve: Partial<Caught> = typeof got.reserve === 'string' ? { name: got.reserve } : got.reserve;
    t.check("a child's failure reaches the parent as: error type, cause type, cause message", { name: 'ChildWorkflowFailure', cause: 'ApplicationFailure', causeMessage: 'warehouse closed' }, { name: reserve.name, cause: reserve.cause, causeMessage: reserve.causeMessage });
    const report: Partial<Caught> = typeof got.report === 'string' ? { name: `returned ${got.report}` } : got.report;
    t.check('a child past its 2 s execution timeout reaches the parent as: error type, cause type, timeout type', { name: 'ChildWorkflowFailure', cause: 'TimeoutFailure', timeoutType: 'START_TO_CLOSE' }, { name: report.name, cause: report.cause, timeoutType: report.timeoutType });
    t.note(`The parent caught, from the failed child: ${JSON.stringify(got.reserve)}`);
    t.note(`The parent caught, from the slow child: ${JSON.stringify(got.report)}`);

    const slow = await t.client.workflow.getHandle(`${order.workflowId}-report`).describe();
    t.check('the slow child itself ended as', 'TIMED_OUT', slow.status.name);
    if (slow.closeTime) t.metric('child with a 2 s execution timeout: start to timed out', 'ms', slow.closeTime.getTime() - slow.startTime.getTime());
    const quoteChild = await t.client.workflow.getHandle(`${order.workflowId}-quote`).describe();
    t.check('a child names its parent (describe → parentExecution)', order.workflowId, quoteChild.parentExecution?.workflowId ?? 'none');
    const kinds = (await t.history(order)).map((e) => e.type).filter((type) => type.includes('CHILD_WORKFLOW'));
    t.check("the parent's history: child workflow events", ['START_CHILD_WORKFLOW_EXECUTION_INITIATED', 'CHILD_WORKFLOW_EXECUTION_STARTED', 'CHILD_WORKFLOW_EXECUTION_COMPLETED', 'START_CHILD_WORKFLOW_EXECUTION_INITIATED', 'CHILD_WORKFLOW_EXECUTION_STARTED', 'CHILD_WORKFLOW_EXECUTION_FAILED', 'START_CHILD_WORKFLOW_EXECUTION_INITIATED', 'CHILD_WORKFLOW_EXECUTION_STARTED', 'CHILD_WORKFLOW_EXECUTION_TIMED_OUT'], kinds);

    // 2. Parent-close policies: the parent ends while its three children sleep.
    const leaver = await t.client.workflow.start('leaveChildren', { taskQueue: t.taskQueue, workflowId: t.workflowId('leaver') });
    const children = (await leaver.result()) as string[];
    const statusOf = async (id: string) => (await t.client.workflow.getHandle(id).describe()).status.name;
    const expected = { TERMINATE: 'TERMINATED', ABANDON: 'RUNNING', REQUEST_CANCEL: 'CANCELLED' };
    let seen: Record<string, string> = {};
    const deadline = Date.now() + SETTLE_MS;
    do {
      await t.pause(250, 'let the server apply the parent-close policies');
      seen = {};
      for (const [i, policy] of (['TERMINATE', 'ABANDON', 'REQUEST_CANCEL'] as const).entries()) seen[policy] = await statusOf(children[i]!);
    } while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < deadline);
    t.check('status of each child after its parent completed, by parent-close policy', expected, seen);
    const parentClosed = (await leaver.describe()).closeTime?.getTime() ?? Date.now();
    for (const [i, policy] of (['TERMINATE', 'REQUEST_CANCEL'] as const).entries()) {
      const d = await t.client.workflow.getHandle(children[i === 0 ? 0 : 2]!).describe();
      if (d.closeTime) t.metric(`parent completed to child closed (${policy})`, 'ms', d.closeTime.getTime() - parentClosed);
    }
    await t.client.workflow.getHandle(children[1]!).terminate('WF-02: the abandoned child is cleaned up by the probe');
  },
});
