/**
 * AI-02 · Nondeterminism handling (Temporal)
 *
 * Question: a model's answer is random. Once an activity has it, does the workflow keep that answer through a
 * crash, so that later activities and the result see the same one, and the model is not asked again?
 *
 * How: the stand-in model server answers a random number. The workflow asks it in one activity, then hands the
 * answer to three more activities. The second of those holds on its first attempt; the probe SIGKILLs the worker
 * there (the model's activity has completed, a later one is in flight), then starts a new worker, which has no
 * cache and rebuilds the workflow from its history. The probe counts model calls and the answers each later step
 * and each execution of the workflow code saw.
 */
import { activityInfo } from '@temporalio/activity';
import { defineProbe, hold, record } from '../harness/index.ts';

export const activities = {
  async askModel(baseUrl: string): Promise<string> {
    const res = await fetch(`${baseUrl}chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'stand-in', messages: [{ role: 'user', content: 'Pick a lucky number' }] }),
    });
    const body = (await res.json()) as { choices: { message: { content: string } }[] };
    return body.choices[0]!.message.content;
  },
  /** A later step that uses the answer; `hold` makes the first attempt of one of them the place of the crash. */
  async useAnswer(step: string, answer: string, holdOnFirstAttempt: boolean): Promise<string> {
    const { attempt } = activityInfo();
    record('step saw the answer', { step, answer, attempt });
    if (holdOnFirstAttempt && attempt === 1) await hold(60_000); // the crash lands here
    return `${step}: ${answer}`;
  },
};

export default defineProbe({
  id: 'AI-02',
  question: 'Is a random model answer recorded once, so that later activities see the same answer after a worker crash?',
  budgetMs: 60_000,
  workflows: new URL('./ai-02-nondeterminism.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    const model = await t.startModelServer({ mode: 'random' });
    const handle = await t.client.workflow.start('luckyDraft', { taskQueue: t.taskQueue, workflowId: t.workflowId('lucky'), args: [model.baseUrl] });

    // 1. Wait until the model has answered and a later step holds the answer, then crash the worker there.
    await t.ledger.waitFor('step saw the answer', 2);
    const callsBeforeCrash = model.calls.length;
    await t.worker.kill();
    await t.worker.start();

    // 2. The new worker rebuilds the workflow from its history and finishes it.
    const result = await handle.result().then((r) => ({ status: 'COMPLETED', output: r }), (e: Error) => ({ status: 'FAILED', output: e.message }));
    const seen = t.ledger.entries('step saw the answer').map((e) => (e.data as { answer: string }).answer);
    const inWorkflow = t.ledger.entries('workflow saw the answer');
    const first = seen[0] ?? null;

    t.check('the run completed after the crash', 'COMPLETED', result.status);
    t.check('the model was asked once', { beforeCrash: 1, total: 1 }, { beforeCrash: callsBeforeCrash, total: model.calls.length });
    t.check('every later step, before and after the crash, saw one answer', { distinct: 1, answer: first }, { distinct: new Set(seen).size, answer: first });
    t.check('the workflow code saw the same answer on the new worker (replayed from history)', 'one answer, also on a replay', {
      executions: inWorkflow.length, replays: inWorkflow.filter((e) => (e.data as { replaying: boolean }).replaying).length, distinct: [...new Set(inWorkflow.map((e) => (e.data as { answer: string }).answer))],
    }, inWorkflow.some((e) => (e.data as { replaying: boolean }).replaying) && inWorkflow.every((e) => (e.data as { answer: string }).answer === first));
    t.check('the run returned that answer', [`check: ${first}`, `polish: ${first}`, `publish: ${first}`], result.output);
    t.metric('steps that read the recorded answer', 'reads', seen.length);
  },
});
