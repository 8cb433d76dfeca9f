/**
 * AI-04 · Streaming
 *
 * Question: can a running workflow stream tokens to a subscriber while it executes, in order, and what does a
 * worker crash in the middle of the stream do to it (gaps, duplicates)?
 *
 * How: a function publishes twenty "tokens" to a realtime channel with `step.realtime.publish` (each publish is
 * a durable step). The probe subscribes to the channel before sending the event and records every message with
 * its arrival time. A second run crashes the worker halfway through the stream and the worker is restarted.
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

export default defineProbe({
  id: 'AI-04',
  question: 'Do tokens published from a running step reach a subscriber in order, and what does a crash mid-stream do?',
  budgetMs: 90_000,
  client: inngest,
  functions: [writer],

  async run(t) {
    for (const crash of [false, true]) {
      const label = crash ? 'with a crash' : 'clean';
      const streamId = `s-${crash ? 'crash' : 'clean'}-${Date.now()}`;
      const received: { at: number; i: number }[] = [];
      const subscription = await subscribe({ app: inngest, channel: answer(streamId), topics: ['token'] }, (message) => {
        if (message.kind === 'data') received.push({ at: Date.now(), i: (message.data as { i: number }).i });
      });
      try {
        await t.pause(500, 'let the subscription open');
        const sentAt = Date.now();
        const eventId = await t.send('probe/ai-04.ask', { streamId, crash });
        if (crash) {
          await t.ledger.waitFor('halfway');
          await t.worker.kill();
          await t.worker.start();
        }
        const [run] = await t.waitForRuns(eventId);
        const ended = await t.waitForEnd(run!.id, { timeoutMs: 70_000 });
        await t.pause(1_000, 'let the last messages arrive');

        const order = received.map((r) => r.i);
        t.check(`${label}: run completed`, 'COMPLETED', ended.status);
        t.check(`${label}: every token arrived, in order, once`, Array.from({ length: TOKENS }, (_, i) => i), order);
        if (received.length) t.metric(`${label}: event sent → first token received`, 'ms', received[0]!.at - sentAt);
        if (received.length > 1) t.metric(`${label}: first to last token`, 'ms', received[received.length - 1]!.at - received[0]!.at);
      } finally {
        subscription.close('probe finished');
      }
    }
  },
});
