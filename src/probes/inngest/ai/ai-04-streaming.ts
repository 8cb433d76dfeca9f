/**
 * AI-04 · Streaming
 *
 * Question: can a running workflow stream tokens to a subscriber while it executes, in order, and what does a
 * worker crash in the middle of the stream do to it (gaps, duplicates)?
 *
 * How: two functions stream twenty "tokens" to a realtime channel, each through one of the SDK's ways to publish
 * (https://www.inngest.com/docs/reference/typescript/v4/realtime/publishing):
 * - `step.realtime.publish`: every publish is a durable, memoised step;
 * - `inngest.realtime.publish` inside one `step.run`: what the documentation shows for streaming a model's output
 *   token by token, non-durable by design ("it fires again on retry").
 * The probe subscribes to the channel before sending the event and records every message with its arrival time.
 * For each way, a second run crashes the worker halfway through the stream and the worker is restarted.
 */
import { Inngest } from 'inngest';
import { channel, staticSchema, subscribe } from 'inngest/realtime';
import { defineProbe, hold, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ai-04' });
const TOKENS = 20;
const CRASH_AFTER = 10;

const answer = channel({ name: (streamId: string) => `answer:${streamId}`, topics: { token: { schema: staticSchema<{ i: number; text: string }>() } } });

const writer = inngest.createFunction({ id: 'ai-04-stream-answer', triggers: [{ event: 'probe/ai-04.ask' }], retries: 2 }, async ({ event, step, attempt }) => {
  const stream = answer(event.data.streamId as string);
  for (let i = 0; i < TOKENS; i++) {
    await step.realtime.publish(`publish token ${i}`, stream.token, { i, text: `token-${i}` });
    if (event.data.crash && i === CRASH_AFTER - 1) {
      await step.run('think between tokens', async () => {
        record('halfway', { attempt });
        if (attempt === 0) await hold(60_000); // the probe crashes the worker here
      });
    }
  }
});

/** The documented token-streaming path: the whole answer is one step, each token a non-durable publish. */
const streamer = inngest.createFunction({ id: 'ai-04-stream-tokens', triggers: [{ event: 'probe/ai-04.generate' }], retries: 2 }, async ({ event, step, attempt }) => {
  const stream = answer(event.data.streamId as string);
  return step.run('generate the answer', async () => {
    let full = '';
    for (let i = 0; i < TOKENS; i++) {
      full += `token-${i} `;
      await inngest.realtime.publish(stream.token, { i, text: `token-${i}` });
      if (event.data.crash && i === CRASH_AFTER - 1) {
        record('halfway', { attempt, via: 'inngest.realtime.publish' });
        if (attempt === 0) await hold(60_000); // the probe crashes the worker here
      }
    }
    return full.trim();
  });
});

/** The two ways to publish, as the probe labels them, with the event that starts each. */
const WAYS = [
  { way: 'step.realtime.publish', event: 'probe/ai-04.ask' },
  { way: 'inngest.realtime.publish in a step', event: 'probe/ai-04.generate' },
] as const;

export default defineProbe({
  id: 'AI-04',
  question: 'Do tokens published from a running step reach a subscriber in order, and what does a crash mid-stream do?',
  budgetMs: 180_000,
  client: inngest,
  functions: [writer, streamer],

  async run(t) {
    for (const { way, event } of WAYS) for (const crash of [false, true]) {
      const label = `${way === 'step.realtime.publish' ? '' : `${way}, `}${crash ? 'with a crash' : 'clean'}`;
      const streamId = `s-${way === 'step.realtime.publish' ? 'step' : 'plain'}-${crash ? 'crash' : 'clean'}-${Date.now()}`;
      const received: { at: number; i: number }[] = [];
      const subscription = await subscribe({ app: inngest, channel: answer(streamId), topics: ['token'] }, (message) => {
        if (message.kind === 'data') received.push({ at: Date.now(), i: (message.data as { i: number }).i });
      });
      try {
        await t.pause(500, 'let the subscription open');
        const sentAt = Date.now();
        const eventId = await t.send(event, { streamId, crash });
        if (crash) {
          await t.ledger.waitFor('halfway', t.ledger.count('halfway') + 1);
          await t.worker.kill();
          await t.worker.start();
        }
        const [run] = await t.waitForRuns(eventId);
        const ended = await t.waitForEnd(run!.id, { timeoutMs: 70_000 });
        await t.pause(1_000, 'let the last messages arrive');

        const order = received.map((r) => r.i);
        t.check(`${label}: run completed`, 'COMPLETED', ended.status);
        const once = Array.from({ length: TOKENS }, (_, i) => i);
        if (way === 'step.realtime.publish' || !crash) t.check(`${label}: every token arrived, in order, once`, once, order);
        // Non-durable by design: the retry of the interrupted step publishes its tokens again, from the first.
        else t.check(`${label}: the tokens before the crash arrived again after the retry`, [...once.slice(0, CRASH_AFTER), ...once], order);
        if (received.length) t.metric(`${label}: event sent → first token received`, 'ms', received[0]!.at - sentAt);
        if (received.length > 1) t.metric(`${label}: first to last token`, 'ms', received[received.length - 1]!.at - received[0]!.at);
        if (!crash && received.length > 1) t.metric(`${label}: gap between tokens`, 'ms', received.slice(1).map((r, k) => r.at - received[k]!.at));
      } finally {
        subscription.close('probe finished');
      }
    }
  },
});
