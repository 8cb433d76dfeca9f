/**
 * AI-04 · Streaming (Temporal)
 *
 * Question: can tokens be streamed out of a running workflow to a subscriber while it executes, in order, and how
 * fast? Temporal has no native stream: a workflow's outside world sees results, signals, queries and updates. What
 * its documentation recommends for this is Workflow Streams (`@temporalio/workflow-streams`, Public Preview): the
 * workflow hosts an append-only log, publishers send batches by signal, subscribers long-poll it by update.
 *
 * How: the workflow opens a `WorkflowStream`; an activity plays a model that produces a token every 50 ms and
 * publishes each to the stream's `tokens` topic from inside the activity (`WorkflowStreamClient.fromWithinActivity`).
 * The probe subscribes from outside with the SDK's client and timestamps every token it receives. Once with the
 * stream's batching (a flush every 200 ms), once flushing every token at once (`forceFlush`).
 */
import { heartbeat } from '@temporalio/activity';
import { WorkflowStreamClient } from '@temporalio/workflow-streams/client';
import { defineProbe, hold, record } from '../harness/index.ts';

const TOKENS = 20;
const TOKEN_EVERY_MS = 50;

export interface Token {
  i: number;
  text: string;
  sentAt: number;
}

export const activities = {
  /** Plays a model streaming its answer: a token every 50 ms, each published to the workflow's stream. */
  async generate(mode: 'batched' | 'forceFlush'): Promise<string> {
    const stream = WorkflowStreamClient.fromWithinActivity({ batchInterval: '200 milliseconds' });
    const tokens = stream.topic<Token>('tokens');
    const words: string[] = [];
    try {
      for (let i = 0; i < TOKENS; i++) {
        await hold(TOKEN_EVERY_MS);
        const text = `tok${i}`;
        words.push(text);
        tokens.publish({ i, text, sentAt: Date.now() }, { forceFlush: mode === 'forceFlush' });
        record('token published', { mode, i });
        heartbeat();
      }
    } finally {
      await stream[Symbol.asyncDispose](); // flushes what is still buffered
    }
    return words.join(' ');
  },
};

export default defineProbe({
  id: 'AI-04',
  question: 'Can tokens be streamed from a running workflow to a subscriber, in order, and with what latency?',
  budgetMs: 90_000,
  workflows: new URL('./ai-04-streaming.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    for (const mode of ['batched', 'forceFlush'] as const) {
      const label = mode === 'batched' ? 'batched (flush every 200 ms)' : 'forceFlush on every token';
      const workflowId = t.workflowId(mode);
      const sentAt = Date.now();
      const handle = await t.client.workflow.start('answerWithStream', { taskQueue: t.taskQueue, workflowId, args: [mode] });

      // Subscribe from outside, as a web backend relaying tokens to a browser would.
      const received: { i: number; at: number; sentAt: number }[] = [];
      // The package (1.23.0) pins the SDK at its own version; its Client type is the 1.23 one, the object is 1.24's.
      const subscriber = WorkflowStreamClient.create(t.client as unknown as Parameters<typeof WorkflowStreamClient.create>[0], workflowId).topic<Token>('tokens');
      for await (const item of subscriber.subscribe(0)) {
        received.push({ i: item.data.i, at: Date.now(), sentAt: item.data.sentAt });
        if (received.length === TOKENS) break;
      }
      await handle.signal('streamRead');
      const ended = await handle.result().then(() => 'COMPLETED', (e: Error) => `FAILED: ${e.message}`);

      t.check(`${label}: run completed`, 'COMPLETED', ended);
      t.check(`${label}: every token arrived, in order, once`, Array.from({ length: TOKENS }, (_, i) => i), received.map((r) => r.i));
      if (received.length) t.metric(`${label}: workflow started → first token received`, 'ms', received[0]!.at - sentAt);
      if (received.length) t.metric(`${label}: token published → received`, 'ms', received.map((r) => r.at - r.sentAt));
      if (received.length > 1) t.metric(`${label}: first to last token (produced over ${(TOKENS - 1) * TOKEN_EVERY_MS} ms)`, 'ms', received[received.length - 1]!.at - received[0]!.at);
      const signals = (await t.history(handle)).filter((e) => e.type === 'WORKFLOW_EXECUTION_SIGNALED').length;
      t.metric(`${label}: signals in the history (publish batches, and the reader's)`, 'events', signals);
    }
  },
});
