/**
 * AI-05 · Agent framework integration
 *
 * Question: does Inngest's AgentKit run an agent with tools durably? Model calls and tool calls should appear as
 * steps, and a worker crash in the middle of a tool should not repeat the model calls and tools already done.
 *
 * How: a support agent (AgentKit, `createAgent` with one tool, looped by a `createNetwork`) runs inside an Inngest function against a stand-in
 * OpenAI-compatible model on loopback that first asks for the tool and then answers with its result. The tool's
 * work is a step that stays busy on its first attempt, so the probe can SIGKILL the worker there and restart it.
 * The model server counts its calls; the ledger counts the tool's executions; the trace shows the steps.
 */
import { createAgent, createNetwork, createTool, openai } from '@inngest/agent-kit';
import { Inngest } from 'inngest';
import { z } from 'zod';
import { defineProbe, deployment, hold, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ai-05' });

const lookupOrder = createTool({
  name: 'lookup_order',
  description: 'Find the shipping status of an order',
  parameters: z.object({ orderId: z.string() }),
  handler: async ({ orderId }, { step }) =>
    step?.run('lookup order in the warehouse', async () => {
      record('tool started', { orderId });
      // In the first worker the tool stays busy, and the probe crashes the worker here; the restarted worker
      // (started with another deployment label) lets it finish.
      if (deployment() === 'v1') await hold(60_000);
      record('tool finished', { orderId });
      return { orderId, status: 'ships tomorrow' };
    }),
});

const support = inngest.createFunction({ id: 'ai-05-support-agent', triggers: [{ event: 'probe/ai-05.question' }], retries: 2 }, async ({ event }) => {
  const model = openai({ model: 'stand-in', baseUrl: event.data.url as string, apiKey: 'not-needed' });
  const agent = createAgent({ name: 'support', system: 'You answer questions about orders. Use the tools.', model, tools: [lookupOrder] });
  // A network loops agent turns: the model asks for the tool, the tool runs, the model answers.
  // A code router (not a model) picks the agent: two turns, then stop.
  const network = createNetwork({ name: 'support desk', agents: [agent], defaultModel: model, maxIter: 3, router: ({ callCount }) => (callCount < 2 ? agent : undefined) });
  const result = await network.run('Where is order 7?');
  const outputs = result.state.results.flatMap((r) => r.output) as { content?: unknown }[];
  return { answer: outputs[outputs.length - 1]?.content ?? null, turns: result.state.results.length };
});

export default defineProbe({
  id: 'AI-05',
  question: 'Does an AgentKit agent run its model and tool calls as steps, and survive a crash without repeating them?',
  budgetMs: 120_000,
  client: inngest,
  functions: [support],

  async run(t) {
    const model = await t.startModelServer({ mode: 'tool-then-answer' });
    const eventId = await t.send('probe/ai-05.question', { url: model.baseUrl });
    const [run] = await t.waitForRuns(eventId);

    // Wait until the tool is running (then crash the worker), or the run ended without it.
    let crashed = false;
    for (let waited = 0; waited < 30_000; waited += 200) {
      if (t.ledger.count('tool started') > 0) {
        await t.worker.kill();
        await t.worker.start({ PROBE_DEPLOYMENT: 'restarted' });
        crashed = true;
        break;
      }
      if (['COMPLETED', 'FAILED', 'CANCELLED'].includes((await t.getRun(run!.id)).status)) break;
      await t.pause(200, 'poll for the tool or the end of the run');
    }
    const callsBeforeCrash = model.calls.length;
    const ended = await t.waitForEnd(run!.id, { timeoutMs: 90_000 });
    t.note(`Run output: ${JSON.stringify(ended.output ?? ended.error).slice(0, 300)}`);
    t.note(`Model calls: ${model.calls.length}; crash during the tool: ${crashed ? 'yes' : 'no, the tool never ran as a step'}`);

    t.check('the agent completed', 'COMPLETED', ended.status);
    t.check('the tool ran as a durable step: times its step body started', '≥ 1', t.ledger.count('tool started'), t.ledger.count('tool started') >= 1);
    t.check('the answer used the tool result', 'an answer containing "ships tomorrow"', JSON.stringify(ended.output ?? null).slice(0, 200), JSON.stringify(ended.output ?? null).includes('ships tomorrow'));
    t.check('model calls: the one before the crash was not repeated (2 in all)', { beforeCrash: 1, total: 2 }, { beforeCrash: crashed ? callsBeforeCrash : model.calls.length, total: model.calls.length });
    t.check('tool: interrupted once, finished once', { started: 2, finished: 1 }, { started: t.ledger.count('tool started'), finished: t.ledger.count('tool finished') });
    const steps = (await t.getTrace(run!.id)).children.filter((s) => s.stepOp).map((s) => `${s.stepOp}: ${s.name}`);
    t.check('model calls appear as AI steps and the tool as a step in the trace', 'AI_GATEWAY steps and the step "lookup order in the warehouse"', [...new Set(steps)], steps.some((s) => s.startsWith('AI_GATEWAY')) && steps.some((s) => s.includes('lookup order in the warehouse')));
    t.note(`Steps in the trace: ${[...new Set(steps)].join('; ') || 'none'}`);
  },
});
