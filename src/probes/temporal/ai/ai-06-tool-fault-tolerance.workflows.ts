/** AI-06's workflows: an agent whose model turns and tools are activities, and the same tools in one activity. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './ai-06-tool-fault-tolerance.ts';

/** The model and the steady tools: few retries. */
const { callModel, lookupCustomerTool, checkWeatherTool, allToolsAtOnce } = proxyActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', maximumAttempts: 3 },
});
/** The booking tool gets a policy of its own: more attempts, for an airline API known to time out. */
const { bookFlightTool } = proxyActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumAttempts: 5 },
});

export async function travelAgent(modelUrl: string): Promise<string> {
  const customer = await lookupCustomerTool();
  const weather = await checkWeatherTool();
  const messages: Parameters<typeof callModel>[1] = [
    { role: 'system', content: `Customer ${JSON.stringify(customer)}; weather ${JSON.stringify(weather)}` },
    { role: 'user', content: 'Book my flight to Osaka' },
  ];
  // The agent loop: ask the model; run each tool it asks for as an activity; stop when it answers.
  for (let turn = 0; turn < 5; turn++) {
    const reply = await callModel(modelUrl, messages);
    messages.push(reply);
    if (!reply.tool_calls?.length) return reply.content ?? '';
    for (const call of reply.tool_calls) {
      const args = JSON.parse(call.function.arguments) as { orderId: string };
      const result = call.function.name === 'bookFlight' ? await bookFlightTool(args.orderId) : { error: `unknown tool ${call.function.name}` };
      messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(result) });
    }
  }
  return 'gave up after 5 turns';
}

export async function allInOne(): Promise<unknown> {
  return allToolsAtOnce();
}
