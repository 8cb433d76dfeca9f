/**
 * AI-06 · Tool execution fault tolerance (Temporal)
 *
 * Question: when one tool in an agent's run fails and is retried, is that tool retried alone, under its own retry
 * policy, or are the model calls and the tools that already succeeded made again?
 *
 * How: an agent workflow looks up the customer and checks the weather (two tools), then asks the stand-in model
 * (`tool-then-answer`), which asks for the booking tool; the workflow runs it, gives the result back to the model
 * and returns the model's answer. The model call and each tool are activities of their own, and the booking tool
 * has a retry policy of its own; it fails on its first two attempts. For contrast, a second workflow runs the same
 * three tools inside one activity: a retry of that activity calls all of them again.
 */
import { activityInfo } from '@temporalio/activity';
import { defineProbe, record } from '../harness/index.ts';

interface Message { role: string; content: string | null; tool_calls?: { id: string; function: { name: string; arguments: string } }[]; tool_call_id?: string }

const TOOLS_OFFERED = [{ type: 'function', function: { name: 'bookFlight', description: 'Books a flight for the customer', parameters: { type: 'object', properties: { orderId: { type: 'string' } } } } }];

/** The tools. `bookFlight` fails on the first two attempts. */
function lookupCustomer(variant: string) {
  record(`${variant}: lookup customer`);
  return { customer: 'ann', tier: 'gold' };
}
function checkWeather(variant: string) {
  record(`${variant}: check weather`);
  return { city: 'Osaka', sky: 'clear' };
}
function bookFlight(variant: string, attempt: number) {
  record(`${variant}: book flight`, { attempt });
  if (attempt < 3) throw new Error('airline API timed out');
  return { booking: 'QF-123' };
}

export const activities = {
  /** One model turn: the conversation so far, with the tools on offer. */
  async callModel(baseUrl: string, messages: Message[]): Promise<Message> {
    record('model called');
    const res = await fetch(`${baseUrl}chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'stand-in', messages, tools: TOOLS_OFFERED }),
    });
    const body = (await res.json()) as { choices: { message: Message }[] };
    return body.choices[0]!.message;
  },
  async lookupCustomerTool() {
    return lookupCustomer('activities');
  },
  async checkWeatherTool() {
    return checkWeather('activities');
  },
  async bookFlightTool(orderId: string) {
    return { orderId, ...bookFlight('activities', activityInfo().attempt) };
  },
  /** The contrast: three tools in one activity, retried as one. */
  async allToolsAtOnce() {
    const attempt = activityInfo().attempt;
    return { customer: lookupCustomer('one activity'), weather: checkWeather('one activity'), booking: bookFlight('one activity', attempt) };
  },
};

export default defineProbe({
  id: 'AI-06',
  question: 'Is a flaky tool retried alone under its own retry policy, without redoing the model call and earlier tools?',
  budgetMs: 60_000,
  workflows: new URL('./ai-06-tool-fault-tolerance.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // 1. The agent: each tool and each model turn an activity.
    const model = await t.startModelServer({ mode: 'tool-then-answer' });
    const agent = await t.client.workflow.start('travelAgent', { taskQueue: t.taskQueue, workflowId: t.workflowId('agent'), args: [model.baseUrl] });
    const answer = await agent.result().then((r) => ({ status: 'COMPLETED', output: r }), (e: Error) => ({ status: 'FAILED', output: e.message }));
    const calls = { lookup: t.ledger.count('activities: lookup customer'), weather: t.ledger.count('activities: check weather'), booking: t.ledger.count('activities: book flight'), model: t.ledger.count('model called') };
    const booked = t.ledger.entries('activities: book flight');
    const history = await t.history(agent);

    t.check('activities: the run completes after the flaky tool recovers', 'COMPLETED', answer.status);
    t.check('tools as activities: only the flaky tool is retried', { lookup: 1, weather: 1, booking: 3, model: 2 }, calls);
    t.check('the model\'s answer used the tool result', 'an answer containing "QF-123"', String(answer.output).slice(0, 200), String(answer.output).includes('QF-123'));
    t.check('the history: the booking tool scheduled once, started on attempt 3', { scheduled: 1, startedAttempt: 3 }, {
      scheduled: history.filter((e) => e.type === 'ACTIVITY_TASK_SCHEDULED' && e.name === 'bookFlightTool').length,
      startedAttempt: history.find((e, i) => e.type === 'ACTIVITY_TASK_STARTED' && history[i - 1]?.name === 'bookFlightTool')?.attempt ?? null,
    });
    if (booked.length >= 3) t.metric('booking tool: attempt → next attempt (its own policy: 500 ms, coefficient 2)', 'ms', [booked[1]!.at - booked[0]!.at, booked[2]!.at - booked[1]!.at]);
    t.note(`Activities scheduled, in order: ${history.filter((e) => e.type === 'ACTIVITY_TASK_SCHEDULED').map((e) => e.name).join(', ')}`);

    // 2. The contrast: the same tools inside one activity.
    const lumped = await t.client.workflow.start('allInOne', { taskQueue: t.taskQueue, workflowId: t.workflowId('lumped') });
    const lumpedEnd = await lumped.result().then(() => 'COMPLETED', (e: Error) => `FAILED: ${e.message}`);
    t.check('one activity: the run completes after the flaky tool recovers', 'COMPLETED', lumpedEnd);
    t.check('tools in one activity: every earlier tool is called again on each retry', { lookup: 3, weather: 3, booking: 3 }, {
      lookup: t.ledger.count('one activity: lookup customer'), weather: t.ledger.count('one activity: check weather'), booking: t.ledger.count('one activity: book flight'),
    });
  },
});
