/**
 * AI-03 · Human-in-the-loop approval (Temporal)
 *
 * Question: can a workflow wait for a person's approval, continue on approval, take the reject path on a
 * rejection, and take it too when nobody answers in time?
 *
 * How: a review workflow drafts a reply, then waits with `condition(fn, timeout)` for a decision. One run is
 * approved by an update (`executeUpdate`, which returns the workflow's acknowledgement to the approver), one
 * rejected by a signal, one left without an answer. Each path ends in an activity that records when it ran. A
 * late approval, sent to the run that already timed out, shows what the approver gets then.
 */
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { defineProbe, record } from '../harness/index.ts';

/** How long the workflow waits for a decision before it rejects. */
const DEADLINE_MS = 3_000;

export const activities = {
  async draftReply(ticket: string): Promise<string> {
    return `Draft reply to ${ticket}`;
  },
  async publish(draft: string): Promise<void> {
    record('path taken', { path: 'published', draft });
  },
  async sendBack(draft: string, why: string): Promise<void> {
    record('path taken', { path: why === 'timed out' ? 'timed out, rejected' : 'rejected', draft });
  },
};

export default defineProbe({
  id: 'AI-03',
  question: 'Does approval by update or signal continue the workflow, and does no answer within the timeout take the reject path?',
  budgetMs: 60_000,
  workflows: new URL('./ai-03-human-in-the-loop.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const start = (name: string) => t.client.workflow.start('review', { taskQueue: t.taskQueue, workflowId: t.workflowId(name), args: [name, DEADLINE_MS] });
    const pathOf = (ticket: string) => t.ledger.entries('path taken').find((e) => (e.data as { draft: string }).draft.endsWith(ticket));
    const waitForPath = async (ticket: string) => {
      while (!pathOf(ticket)) await t.pause(20, 'until the path activity has run');
      return pathOf(ticket)!;
    };
    const waitUntilAsked = async (handle: Awaited<ReturnType<typeof start>>) => {
      while (!(await handle.query<boolean>('awaitingDecision'))) await t.pause(20, 'until the draft is ready for review');
    };

    // 1. Approve by update: the approver gets the workflow's acknowledgement back.
    const approved = await start('approved');
    await waitUntilAsked(approved);
    const approvedAt = Date.now();
    const ack = await approved.executeUpdate('decide', { args: ['approve'] });
    const ackMs = Date.now() - approvedAt;
    const approvedPath = await waitForPath('approved');

    // 2. Reject by signal: fire and forget.
    const rejected = await start('rejected');
    await waitUntilAsked(rejected);
    const rejectedAt = Date.now();
    await rejected.signal('reject');
    const rejectedPath = await waitForPath('rejected');

    // 3. Nobody answers: the condition's timeout takes the reject path.
    const askedAt = Date.now();
    const ignored = await start('ignored');
    const ignoredPath = await waitForPath('ignored');
    const results = await Promise.all([approved, rejected, ignored].map((h) => h.result()));

    // 4. A late approval to the run that timed out.
    const late = await ignored.executeUpdate('decide', { args: ['approve'] }).then((r) => `accepted: ${r}`, (e: Error) => `${e.name}: ${e.message}${e instanceof WorkflowUpdateFailedError && e.cause ? ` (${e.cause.message})` : ''}`);

    t.check('approval continues to publish', 'published', (approvedPath.data as { path: string }).path);
    t.check('the approver got the workflow\'s acknowledgement back (update result)', 'approve accepted', ack);
    t.check('rejection takes the reject path', 'rejected', (rejectedPath.data as { path: string }).path);
    t.check('no answer before the deadline takes the reject path', 'timed out, rejected', (ignoredPath.data as { path: string }).path);
    t.check('the workflows returned their outcomes', ['published', 'rejected', 'timed out, rejected'], results);
    t.check('a late approval after the deadline is refused', 'an error: the workflow has already completed', late, !late.startsWith('accepted'));
    t.metric('approval sent → update acknowledged', 'ms', ackMs);
    t.metric('approval sent → published', 'ms', approvedPath.at - approvedAt);
    t.metric('rejection sent → sent back', 'ms', rejectedPath.at - rejectedAt);
    t.metric(`no answer: asked → rejected (deadline ${DEADLINE_MS} ms)`, 'ms', ignoredPath.at - askedAt);
  },
});
