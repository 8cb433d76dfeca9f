/**
 * SG-04 · Queries (Temporal)
 *
 * Question: what can someone outside a workflow learn about it, and change in it, while it runs? Temporal has
 * query handlers (read-only, answered by the worker from the workflow's live state) and update handlers with
 * validators; the server's describe call adds the run's status and what is pending.
 *
 * How: a quote workflow waits for the customer. The probe queries it many times (timing each), applies a valid
 * discount by update, tries two invalid ones (the validator must turn them away), queries again, reads
 * describe(), lets the customer accept, then queries and updates the closed workflow.
 */
import { defineProbe } from '../harness/index.ts';
import { accept, applyDiscount, getQuote, type Quote } from './sg-04-queries.workflows.ts';

const QUERIES = 30;

export default defineProbe({
  id: 'SG-04',
  question: 'What do query and update handlers, and describe(), expose and change in a running workflow, and on a closed one?',
  budgetMs: 45_000,
  workflows: new URL('./sg-04-queries.workflows.ts', import.meta.url),
  activities: {},

  async run(t) {
    const handle = await t.client.workflow.start('quote', { taskQueue: t.taskQueue, workflowId: t.workflowId('quote'), args: [1200] });
    const failure = (e: unknown) => {
      const err = e as Error & { cause?: Error };
      return `${err.name}: ${err.message}${err.cause ? ` (cause ${err.cause.name}: ${err.cause.message})` : ''}`;
    };

    // 1. Read the live state with a query, many times.
    const first = await handle.query(getQuote);
    t.check('mid-flight: the query returns the workflow’s state', { status: 'waiting for the customer', price: 1200, discountPercent: 0 }, first);
    const latency: number[] = [];
    for (let i = 0; i < QUERIES; i++) {
      const sentAt = performance.now();
      await handle.query(getQuote);
      latency.push(performance.now() - sentAt);
    }
    t.metric('query round trip (running workflow)', 'ms', latency);

    // 2. Change it with an update; the validator turns bad input away.
    t.check('update with valid input: its result (price after 10 %)', 1080, await handle.executeUpdate(applyDiscount, { args: [10] }));
    for (const bad of [80, -5]) {
      const said = await handle.executeUpdate(applyDiscount, { args: [bad] }).then((r) => `accepted: ${r}`, failure);
      t.check(`update rejected by its validator (${bad} %): error`, 'WorkflowUpdateFailedError naming the rule', said, said.startsWith('WorkflowUpdateFailedError') && said.includes('between 1 and 50'));
    }
    const afterUpdates = await handle.query(getQuote);
    t.check('the query after the updates sees only the valid one', { status: 'waiting for the customer', price: 1080, discountPercent: 10 }, afterUpdates);
    const events = await t.history(handle);
    t.check('updates in the history: accepted ones only', { accepted: 1, completed: 1 }, {
      accepted: events.filter((e) => e.type === 'WORKFLOW_EXECUTION_UPDATE_ACCEPTED').length,
      completed: events.filter((e) => e.type === 'WORKFLOW_EXECUTION_UPDATE_COMPLETED').length,
    });

    // 3. What the server itself says about the running workflow.
    const described = await handle.describe();
    t.check('mid-flight: run status (describe)', 'RUNNING', described.status.name);
    t.note(`describe() mid-flight: status ${described.status.name}, history length ${described.historyLength}, pending activities ${described.raw.pendingActivities?.length ?? 0}, pending workflow task ${described.raw.pendingWorkflowTask ? 'yes' : 'no'}`);

    // 4. After it closes: the query is still answered (from the history, by a worker), the update is refused.
    await handle.signal(accept);
    const final: Quote = await handle.result();
    t.check('after the customer accepted: run output', { status: 'accepted', price: 1080, discountPercent: 10 }, final);
    const closedQuery = await handle.query(getQuote).then((q) => q, failure);
    t.check('query on the closed workflow: answer', { status: 'accepted', price: 1080, discountPercent: 10 }, closedQuery);
    const closedUpdate = await handle.executeUpdate(applyDiscount, { args: [5] }).then((r) => `accepted: ${r}`, failure);
    t.check('update on the closed workflow: error', 'an error saying the workflow is closed', closedUpdate, !closedUpdate.startsWith('accepted') && /complet|closed|finished/i.test(closedUpdate));
  },
});
