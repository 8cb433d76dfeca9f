/**
 * AI-01 · LLM calls as activities
 *
 * Question: is a model call inside a workflow made once and remembered, even though the function is re-entered
 * many times? Does it work both from the worker (`step.run` around an HTTP call) and from the server
 * (`step.ai.infer`, where Inngest makes the call)? Is a 429 answered by a retry, and does the trace show AI
 * metadata?
 *
 * How: a stand-in OpenAI-compatible model server on loopback counts its calls. One function calls it inside
 * `step.run`, then sleeps twice (three more entries); another uses `step.ai.infer`; a third meets a 429 first and
 * answers it with `RetryAfterError`, as the provider's `retry-after` header asks.
 */
import { Inngest, RetryAfterError } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ai-01' });

/** One chat completion over HTTP, as an app would call a provider. */
async function complete(baseUrl: string, prompt: string): Promise<string> {
  const res = await fetch(`${baseUrl}chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'stand-in', messages: [{ role: 'user', content: prompt }] }),
  });
  if (res.status === 429) throw new RetryAfterError('model rate limited', `${res.headers.get('retry-after') ?? '1'}s`);
  if (!res.ok) throw new Error(`model answered ${res.status}`);
  const body = (await res.json()) as { choices: { message: { content: string } }[] };
  return body.choices[0]!.message.content;
}

const inStep = inngest.createFunction({ id: 'ai-01-in-step', triggers: [{ event: 'probe/ai-01.in-step' }], checkpointing: false }, async ({ event, step }) => {
  record('handler entered');
  const answer = await step.run('ask the model', () => complete(event.data.url, 'Summarise the ticket'));
  await step.sleep('think', '1s');
  await step.run('store the summary', () => record('summary stored', { answer }));
  await step.sleep('think again', '1s');
  return answer;
});

const serverSide = inngest.createFunction({ id: 'ai-01-infer', triggers: [{ event: 'probe/ai-01.infer' }] }, async ({ event, step }) => {
  const response = await step.ai.infer('ask through Inngest', {
    model: step.ai.models.openai({ model: 'stand-in', baseUrl: event.data.url, apiKey: 'not-needed' }),
    body: { messages: [{ role: 'user', content: 'Classify the ticket' }] },
  });
  return response.choices[0]?.message.content ?? null;
});

const rateLimited = inngest.createFunction({ id: 'ai-01-rate-limited', triggers: [{ event: 'probe/ai-01.rate-limited' }], retries: 2 }, async ({ event, step }) => {
  return step.run('ask the busy model', () => complete(event.data.url, 'Translate the ticket'));
});

export default defineProbe({
  id: 'AI-01',
  question: 'Is a model call in a step made once despite re-entries, from the worker and via step.ai.infer, and is a 429 retried?',
  budgetMs: 60_000,
  client: inngest,
  functions: [inStep, serverSide, rateLimited],

  async run(t) {
    const finish = async (event: string, data: Record<string, unknown>) => {
      const [run] = await t.waitForRuns(await t.send(event, data));
      return { run: run!, ended: await t.waitForEnd(run!.id) };
    };

    // 1. From the worker, inside step.run.
    const model = await t.startModelServer({ mode: 'random' });
    const { ended: inStepEnd } = await finish('probe/ai-01.in-step', { url: model.baseUrl });
    t.metric('step.run: handler entries during the run', 'entries', t.ledger.count('handler entered'));
    t.check('step.run: the model was called once', 1, model.calls.length);
    t.check('step.run: the run returned that one answer', 'the model\'s answer ("Lucky number …")', inStepEnd.output, typeof inStepEnd.output === 'string' && (inStepEnd.output as string).startsWith('Lucky number'));

    // 2. From the server, with step.ai.infer.
    const inferModel = await t.startModelServer({ mode: 'fixed' });
    const { run: inferRun, ended: inferEnd } = await finish('probe/ai-01.infer', { url: inferModel.baseUrl });
    t.check('step.ai.infer: completed with the model answer', { status: 'COMPLETED', output: 'The answer is 42.' }, { status: inferEnd.status, output: inferEnd.output });
    t.check('step.ai.infer: the server called the model once', 1, inferModel.calls.length);
    const aiSpan = (await t.getTrace(inferRun.id)).children.find((s) => s.name === 'ask through Inngest');
    t.check('step.ai.infer: the trace marks the step as an AI gateway call', 'AI_GATEWAY', aiSpan?.stepOp ?? 'missing');

    // 3. A 429 first, answered with RetryAfterError.
    const busy = await t.startModelServer({ mode: 'fixed', failFirst: 1 });
    const { ended: busyEnd } = await finish('probe/ai-01.rate-limited', { url: busy.baseUrl });
    t.check('429: retried, then completed', { status: 'COMPLETED', calls: [429, 200] }, { status: busyEnd.status, calls: busy.calls.map((c) => c.status) });
    if (busy.calls.length >= 2) t.metric('429 → retry delay (retry-after: 1 s)', 'ms', busy.calls[1]!.at - busy.calls[0]!.at);
  },
});
