/**
 * WF-04 · Branching / loops (Temporal)
 *
 * Question: does plain TypeScript control flow just work in a workflow, how fast does a loop grow the workflow's
 * event history, what happens when a loop runs into the server's history limits, and does `continueAsNew` carry a
 * loop's state across them?
 *
 * How: a workflow branches on its input and calls the same activity in a loop with a sleep between days. Then, on a
 * dev server whose history-count limits are lowered with dynamic config (the defaults are 51,200 events to fail,
 * 10,240 to warn and 4,096 to suggest continuing as new; a loop would need tens of thousands of activities to reach
 * them, so the probe lowers them and says so), a loop of one activity per iteration records `workflowInfo()`
 * after every iteration: `historyLength`, `historySize` and `continueAsNewSuggested`. One loop ignores the
 * suggestion and runs into the error limit; the other continues as new whenever the server suggests it, carrying
 * its running total, and must end with the right total and every row added once.
 * https://docs.temporal.io/workflow-execution/limits
 */
import { defineProbe, record, type LedgerEntry } from '../harness/index.ts';
import type { LoopState } from './wf-04-branching-loops.workflows.ts';

/** The lowered history-count limits (dynamic config keys of server 1.29.1, common/dynamicconfig/constants.go). */
const SUGGEST = 100;
const WARN = 150;
const ERROR = 200;
/** Rows in each loop: more than the error limit allows in one run at a handful of events per row. */
const ROWS = 80;

export const activities = {
  async inviteTeammates(): Promise<void> {
    record('branch', { taken: 'team' });
  },
  async sendSoloTips(): Promise<void> {
    record('branch', { taken: 'solo' });
  },
  async sendDailyEmail(day: number): Promise<number> {
    record('daily email', { day });
    return day;
  },
  async addRow(label: string, i: number): Promise<number> {
    record('row added', { label, i });
    return i;
  },
};

interface Iteration {
  label: string;
  i: number;
  historyLength: number;
  historySize?: number;
  continueAsNewSuggested: boolean;
  run?: number;
  replaying: boolean;
}

export default defineProbe({
  id: 'WF-04',
  question: 'Do branches and loops work, how does a loop grow the history, what happens at the history limit, and does continueAsNew carry state past it?',
  budgetMs: 90_000,
  needs: {
    flags: [
      '--dynamic-config-value', `limit.historyCount.suggestContinueAsNew=${SUGGEST}`,
      '--dynamic-config-value', `limit.historyCount.warn=${WARN}`,
      '--dynamic-config-value', `limit.historyCount.error=${ERROR}`,
    ],
  },
  workflows: new URL('./wf-04-branching-loops.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const iterations = (label: string) =>
      t.ledger.entries('iteration').map((e: LedgerEntry) => e.data as unknown as Iteration).filter((d) => d.label === label && !d.replaying);
    const rows = (label: string) => t.ledger.entries('row added').filter((e) => (e.data as { label: string }).label === label).map((e) => (e.data as { i: number }).i);

    // 1. A branch and a loop over one activity.
    const flow = await t.client.workflow.start('onboarding', { taskQueue: t.taskQueue, workflowId: t.workflowId('onboarding'), args: ['team'] });
    const sent = await flow.result();
    t.check('branch: only the taken branch ran', ['team'], t.ledger.entries('branch').map((e) => (e.data as { taken: string }).taken));
    t.check('loop: one activity per iteration, in order', [1, 2, 3], t.ledger.entries('daily email').map((e) => (e.data as { day: number }).day));
    t.check('loop: each iteration got its own result', [1, 2, 3], sent);

    // 2. A loop that ignores the server's suggestion and runs into the error limit.
    const unbounded = await t.client.workflow.start('unboundedLoop', { taskQueue: t.taskQueue, workflowId: t.workflowId('unbounded'), args: ['unbounded', ROWS] });
    const outcome = await unbounded.result().then((total) => `COMPLETED with ${String(total)}`, (e: Error) => `${e.name}: ${e.message}`);
    const desc = await unbounded.describe();
    const seen = iterations('unbounded');
    const growth = seen.slice(1).map((d, k) => d.historyLength - seen[k]!.historyLength);
    t.metric('history events added per loop iteration (one activity)', 'events', growth);
    t.metric('history bytes added per loop iteration (one activity)', 'bytes', seen.slice(1).map((d, k) => (d.historySize ?? 0) - (seen[k]!.historySize ?? 0)));
    const firstSuggested = seen.find((d) => d.continueAsNewSuggested);
    t.check(`continueAsNewSuggested turns true once the history passes ${SUGGEST} events: historyLength when first seen true`, `${SUGGEST}–${SUGGEST + 20}`, firstSuggested ? firstSuggested.historyLength : 'never', firstSuggested !== undefined && firstSuggested.historyLength >= SUGGEST && firstSuggested.historyLength <= SUGGEST + 20);
    const lastSeen = seen.at(-1);
    t.check(`past the error limit (${ERROR} events) the server ends the workflow: its status`, 'TERMINATED', desc.status.name);
    t.check('the loop did not finish: rows added before it was stopped', `< ${ROWS}`, rows('unbounded').length, rows('unbounded').length < ROWS);
    t.metric('history length of the stopped workflow', 'events', desc.historyLength);
    const events = await t.history(unbounded);
    const last = events.at(-1);
    t.note(`The stopped loop: ${outcome}; last history event ${last?.type} after ${lastSeen?.i ?? '?'} iterations`);
    const raw = await t.client.workflowService.getWorkflowExecutionHistory({ namespace: 'default', execution: { workflowId: unbounded.workflowId }, waitNewEvent: false });
    const terminated = raw.history?.events?.find((e) => e.workflowExecutionTerminatedEventAttributes)?.workflowExecutionTerminatedEventAttributes;
    t.check('the termination reason the server recorded', 'Workflow history count exceeds limit.', terminated?.reason ?? 'none');

    // 3. The same loop, continuing as new when suggested, carrying its state.
    const carrying = await t.client.workflow.start('carryingLoop', { taskQueue: t.taskQueue, workflowId: t.workflowId('carrying'), args: ['carrying', ROWS] });
    const final = (await carrying.result()) as LoopState;
    t.check('continueAsNew: the loop completes with the right total', { next: ROWS, total: (ROWS * (ROWS - 1)) / 2 }, { next: final.next, total: final.total });
    t.check('continueAsNew: runs in the chain', '≥ 2', final.runs, final.runs >= 2);
    const added = rows('carrying');
    t.check('continueAsNew: every row added exactly once across the runs', ROWS, new Set(added).size === added.length ? added.length : `${added.length} adds for ${new Set(added).size} rows`);
    const longest = Math.max(...iterations('carrying').map((d) => d.historyLength));
    t.check(`continueAsNew: the longest history of any run in the chain stays under the error limit (${ERROR})`, `< ${ERROR}`, longest, longest < ERROR);
    t.metric('continueAsNew: runs in the chain', 'runs', final.runs);
  },
});
