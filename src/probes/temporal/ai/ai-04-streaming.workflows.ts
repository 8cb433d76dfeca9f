/**
 * AI-04's workflow: it hosts a Workflow Stream (the contrib module Temporal's documentation recommends for
 * streaming; the one import here besides `@temporalio/workflow`), runs the token-producing activity, and stays
 * open until the reader says it has read the stream (or 10 s pass), since a closed workflow answers no polls.
 */
import { condition, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import { WorkflowStream } from '@temporalio/workflow-streams/workflow';
import type { activities } from './ai-04-streaming.ts';

const { generate } = proxyActivities<typeof activities>({ startToCloseTimeout: '30 seconds', heartbeatTimeout: '5 seconds' });
export const streamRead = defineSignal('streamRead');

export async function answerWithStream(mode: 'batched' | 'forceFlush'): Promise<string> {
  const stream = new WorkflowStream(); // before any await: its handlers must exist when the first batch arrives
  let read = false;
  setHandler(streamRead, () => void (read = true));
  const answer = await generate(mode);
  void stream;
  await condition(() => read, '10 seconds');
  return answer;
}
