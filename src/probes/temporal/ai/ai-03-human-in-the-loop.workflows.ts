/** AI-03's workflow: draft, wait for a person's decision (or the deadline), then publish or send back. */
import { condition, defineQuery, defineSignal, defineUpdate, proxyActivities, setHandler } from '@temporalio/workflow';
import type { activities } from './ai-03-human-in-the-loop.ts';

const { draftReply, publish, sendBack } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds' });

export const decide = defineUpdate<string, [string]>('decide');
export const reject = defineSignal('reject');
export const awaitingDecision = defineQuery<boolean>('awaitingDecision');

export async function review(ticket: string, deadlineMs: number): Promise<string> {
  let decision: 'approve' | 'reject' | undefined;
  let waiting = false;
  setHandler(awaitingDecision, () => waiting);
  setHandler(reject, () => void (decision ??= 'reject'));
  // The validator refuses a decision that is not one of the two, before anything is written to the history.
  setHandler(decide, (choice) => {
    decision ??= choice as 'approve' | 'reject';
    return `${choice} accepted`;
  }, { validator: (choice) => { if (choice !== 'approve' && choice !== 'reject') throw new Error(`unknown decision ${choice}`); } });

  const draft = await draftReply(ticket);
  waiting = true;
  // condition(fn, timeout) resolves true when fn() holds, false when the durable timer fires first.
  const answered = await condition(() => decision !== undefined, deadlineMs);
  waiting = false;
  if (answered && decision === 'approve') {
    await publish(draft);
    return 'published';
  }
  await sendBack(draft, answered ? 'rejected' : 'timed out');
  return answered ? 'rejected' : 'timed out, rejected';
}
