/**
 * AI-05 · Agent framework integration (Temporal)
 *
 * Question: is there an agent framework for Temporal in TypeScript, and is an agent built with it durable: model
 * calls recorded once, tools run as activities, a crash in the middle of a tool survived?
 *
 * How: Temporal's integration with the Vercel AI SDK (`@temporalio/ai-sdk`, Public Preview) lets workflow code call
 * the AI SDK's `generateText` with tools; its `AiSdkPlugin` runs each model call as an activity. The agent here
 * answers a support question with one tool, `lookupOrder`, whose `execute` calls an activity. The model is the
 * stand-in OpenAI-compatible server (`tool-then-answer`: it asks for the first tool, then answers with its
 * result), reached through the AI SDK's OpenAI-compatible provider. The probe SIGKILLs the worker while the tool's
 * activity runs, starts a new one, and counts model calls and tool runs.
 */
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { activityInfo } from '@temporalio/activity';
import { AiSdkPlugin } from '@temporalio/ai-sdk';
import { defineProbe, hold, record } from '../harness/index.ts';

/** The worker learns the model's address from its environment. */
const MODEL_ENV = 'AI05_MODEL_URL';

export const activities = {
  /** The tool's work, as an activity: the crash lands in its first attempt. */
  async lookupOrder(orderId: string): Promise<{ orderId: string; status: string }> {
    record('tool started', { attempt: activityInfo().attempt });
    if (activityInfo().attempt === 1) await hold(60_000);
    record('tool finished');
    return { orderId, status: 'ships tomorrow' };
  },
};

/** The model provider the plugin's activities call: the AI SDK's OpenAI-compatible provider, at the stand-in. */
const modelProvider = createOpenAICompatible({ name: 'stand-in', baseURL: (process.env[MODEL_ENV] ?? 'http://127.0.0.1:9/v1/').replace(/\/$/, '') });

export default defineProbe({
  id: 'AI-05',
  question: 'Is an agent built with Temporal\'s AI SDK integration durable: model calls recorded once, a tool activity surviving a crash?',
  budgetMs: 90_000,
  workflows: new URL('./ai-05-agent-framework.workflows.ts', import.meta.url),
  activities,
  // The plugin registers the model-call activities on the worker and puts the AI SDK's polyfills into the bundle.
  worker: { plugins: [new AiSdkPlugin({ modelProvider })] },

  async run(t) {
    const model = await t.startModelServer({ mode: 'tool-then-answer' });
    await t.worker.kill();
    await t.worker.start({ env: { [MODEL_ENV]: model.baseUrl } });

    // 1. The agent runs until its tool's activity is in flight; then the worker is killed and started again.
    const handle = await t.client.workflow.start('supportAgent', { taskQueue: t.taskQueue, workflowId: t.workflowId('agent'), args: ['Where is my order 7?'] });
    const crashed = await t.ledger.waitFor('tool started', 1, { timeoutMs: 30_000 }).then(() => true, () => false);
    const callsBeforeCrash = model.calls.length;
    if (crashed) {
      await t.worker.kill();
      await t.worker.start();
    }
    const ended = await handle.result().then((output) => ({ status: 'COMPLETED', output }), (e: Error) => ({ status: 'FAILED', output: `${e.message}: ${(e.cause as Error | undefined)?.message ?? ''}` }));
    const history = await t.history(handle);
    const scheduled = history.filter((e) => e.type === 'ACTIVITY_TASK_SCHEDULED').map((e) => e.name ?? '?');
    t.note(`Run output: ${JSON.stringify(ended.output).slice(0, 300)}`);
    t.note(`Activities scheduled, in order: ${scheduled.join(', ')}`);

    t.check('the agent completed', 'COMPLETED', ended.status);
    t.check('the tool ran as an activity: times it started', '≥ 1', t.ledger.count('tool started'), t.ledger.count('tool started') >= 1);
    t.check('the answer used the tool result', 'an answer containing "ships tomorrow"', String(ended.output).slice(0, 200), String(ended.output).includes('ships tomorrow'));
    t.check('model calls: the one before the crash was not repeated (2 in all)', { beforeCrash: 1, total: 2 }, { beforeCrash: crashed ? callsBeforeCrash : model.calls.length, total: model.calls.length });
    t.check('tool: interrupted once, finished once', { started: 2, finished: 1 }, { started: t.ledger.count('tool started'), finished: t.ledger.count('tool finished') });
    t.check('model calls and the tool appear as activities in the history', 'model-call activities and lookupOrder', [...new Set(scheduled)], scheduled.includes('lookupOrder') && scheduled.some((s) => s !== 'lookupOrder'));
  },
});
