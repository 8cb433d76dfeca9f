/**
 * AI-02 · Nondeterminism handling
 *
 * Question: a model's answer is different every time. Once a workflow has one answer, does every later step see
 * that same answer, even after the worker crashes?
 *
 * How: the stand-in model answers a random number. The workflow asks it once in a step, then starts a slow step
 * that uses the answer; the probe SIGKILLs the worker during that step and starts it again. The model's call count
 * and the answers the later steps saw tell whether the decision stayed fixed.
 */
import { Inngest } from 'inngest';
import { defineProbe, hold, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ai-02' });

const triage = inngest.createFunction({ id: 'ai-02-triage', triggers: [{ event: 'probe/ai-02.ticket' }], retries: 2 }, async ({ event, step, attempt }) => {
  const decision = await step.run('ask the model to triage', async () => {
    const res = await fetch(`${event.data.url}chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'stand-in', messages: [{ role: 'user', content: 'Which queue?' }] }),
    });
    return ((await res.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content;
  });
  await step.run('route the ticket', async () => {
    record('routing with', { decision, attempt });
    if (attempt === 0) await hold(60_000); // the probe crashes the worker here
  });
  await step.run('notify the queue', () => record('notified with', { decision }));
  return decision;
});

export default defineProbe({
  id: 'AI-02',
  question: 'After a crash, do later steps see the same model answer, with the model asked only once?',
  budgetMs: 90_000,
  client: inngest,
  functions: [triage],

  async run(t) {
    const model = await t.startModelServer({ mode: 'random' });
    const eventId = await t.send('probe/ai-02.ticket', { url: model.baseUrl });
    await t.ledger.waitFor('routing with');
    await t.worker.kill();
    await t.worker.start();
    const [run] = await t.waitForRuns(eventId);
    const ended = await t.waitForEnd(run!.id, { timeoutMs: 75_000 });

    const seen = [...t.ledger.entries('routing with'), ...t.ledger.entries('notified with')].map((e) => (e.data as { decision: string }).decision);
    t.check('the run completed after the crash', 'COMPLETED', ended.status);
    t.check('the model was asked once', 1, model.calls.length);
    t.check('every later step, before and after the crash, saw one answer', 1, new Set(seen).size);
    t.check('the run returned that answer', seen[0] ?? null, ended.output);
    t.metric('steps that read the recorded answer', 'reads', seen.length);
  },
});
