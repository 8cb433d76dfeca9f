/**
 * AI-01 · LLM calls as activities (Temporal)
 *
 * Question: is a model call made in an activity made once and remembered, although the workflow code around it
 * runs again on every replay? And when the model answers 429, does the activity's retry policy retry the call?
 *
 * How: a stand-in OpenAI-compatible model server on loopback counts its calls and answers a random number, so a
 * repeated call would show as a different answer. One workflow asks it in an activity, then sleeps twice and
 * stores the answer in a second activity. The worker keeps no workflow cache (`maxCachedWorkflows: 0`), so every
 * workflow task replays the workflow from the start. A second workflow asks a model server that answers 429 twice
 * before answering; its activity throws on the 429 and the retry policy (1 s apart) tries again.
 */
import { activityInfo } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { defineProbe, record } from '../harness/index.ts';

/** One chat completion over HTTP, as an application calls a provider. */
async function complete(baseUrl: string, prompt: string): Promise<string> {
  const res = await fetch(`${baseUrl}chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'stand-in', messages: [{ role: 'user', content: prompt }] }),
  });
  // A 429 is worth retrying: an ordinary (retryable) failure, so the activity's retry policy takes it.
  if (res.status === 429) throw ApplicationFailure.retryable(`model rate limited (retry-after ${res.headers.get('retry-after') ?? '?'} s)`, 'RateLimited');
  if (!res.ok) throw ApplicationFailure.nonRetryable(`model answered ${res.status}`, 'ModelError');
  const body = (await res.json()) as { choices: { message: { content: string } }[] };
  return body.choices[0]!.message.content;
}

export const activities = {
  /** The LLM call, as an activity: its result goes into the workflow's history once it completes. */
  async askModel(baseUrl: string, prompt: string): Promise<string> {
    record('model asked', { attempt: activityInfo().attempt, prompt });
    return complete(baseUrl, prompt);
  },
  async storeSummary(summary: string): Promise<void> {
    record('summary stored', { summary });
  },
};

export default defineProbe({
  id: 'AI-01',
  question: 'Is a model call in an activity made once although the workflow replays, and is a 429 retried by the retry policy?',
  budgetMs: 60_000,
  workflows: new URL('./ai-01-llm-calls.workflows.ts', import.meta.url),
  activities,
  // Without a cache every workflow task replays the workflow code from the start (WorkerOptions.maxCachedWorkflows).
  worker: { maxCachedWorkflows: 0 },

  async run(t) {
    // 1. A model call in an activity, then two timers and a second activity: four workflow tasks, three replays.
    const model = await t.startModelServer({ mode: 'random' });
    const summarise = await t.client.workflow.start('summarise', { taskQueue: t.taskQueue, workflowId: t.workflowId('summarise'), args: [model.baseUrl] });
    const answer = await summarise.result();
    const seen = t.ledger.entries('workflow saw the answer').map((e) => (e.data as { answer: string }).answer);
    const history = await t.history(summarise);
    const completedCalls = history.filter((e) => e.type === 'ACTIVITY_TASK_COMPLETED').length;

    t.check('activity: the model was called once', 1, model.calls.length);
    t.check('activity: the workflow returned that one answer', 'the model\'s answer ("Lucky number …")', answer, typeof answer === 'string' && answer.startsWith('Lucky number'));
    t.metric('workflow code executions (first run and replays)', 'executions', t.ledger.count('workflow saw the answer'));
    t.check('replays saw the recorded answer, not a new one', 'one answer on every execution, ≥ 2 executions', { executions: seen.length, distinctAnswers: [...new Set(seen)] }, seen.length >= 2 && new Set(seen).size === 1 && seen[0] === answer);
    t.check('replays that ran the workflow code again', '≥ 1 replay', t.ledger.entries('workflow saw the answer').filter((e) => (e.data as { replaying: boolean }).replaying).length, t.ledger.entries('workflow saw the answer').some((e) => (e.data as { replaying: boolean }).replaying));
    t.check('the history holds the two activity results (model call and store)', 2, completedCalls);
    t.check('the stored summary is the model answer', [answer], t.ledger.entries('summary stored').map((e) => (e.data as { summary: string }).summary));

    // 2. A model that answers 429 twice: the activity fails, the retry policy retries it, the third attempt answers.
    const busy = await t.startModelServer({ mode: 'fixed', failFirst: 2 });
    const translate = await t.client.workflow.start('translate', { taskQueue: t.taskQueue, workflowId: t.workflowId('translate'), args: [busy.baseUrl] });
    const translated = await translate.result().then((r) => ({ status: 'COMPLETED', output: r }), (e: Error) => ({ status: 'FAILED', output: e.message }));
    const busyHistory = await t.history(translate);
    t.check('429: retried, then completed', { status: 'COMPLETED', calls: [429, 429, 200] }, { status: translated.status, calls: busy.calls.map((c) => c.status) });
    t.check('429: the result recorded is the answer after the retries', 'The answer is 42.', translated.output);
    t.check('429: the history shows one activity, started on attempt 3', { scheduled: 1, startedAttempt: 3 }, {
      scheduled: busyHistory.filter((e) => e.type === 'ACTIVITY_TASK_SCHEDULED').length,
      startedAttempt: busyHistory.find((e) => e.type === 'ACTIVITY_TASK_STARTED')?.attempt ?? null,
    });
    if (busy.calls.length >= 3) t.metric('429 → next attempt (retry policy initial interval 1 s, coefficient 2)', 'ms', [busy.calls[1]!.at - busy.calls[0]!.at, busy.calls[2]!.at - busy.calls[1]!.at]);
  },
});
