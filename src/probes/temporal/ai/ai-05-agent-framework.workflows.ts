/**
 * AI-05's workflow: an agent written with the Vercel AI SDK (`generateText` with a tool), made durable by
 * Temporal's integration. Besides `@temporalio/workflow` it imports the integration's workflow-side entry point
 * and the AI SDK itself, as the integration's documentation shows.
 */
import { temporalProvider } from '@temporalio/ai-sdk/workflow';
import { proxyActivities } from '@temporalio/workflow';
import { generateText, jsonSchema, stepCountIs, tool } from 'ai';
import type { activities } from './ai-05-agent-framework.ts';

const { lookupOrder } = proxyActivities<typeof activities>({ startToCloseTimeout: '5 seconds', retry: { initialInterval: '1 second', maximumAttempts: 3 } });

export async function supportAgent(question: string): Promise<string> {
  const result = await generateText({
    model: temporalProvider.languageModel('stand-in'), // each model call becomes an activity
    prompt: question,
    tools: {
      lookupOrder: tool({
        description: 'Looks up an order in the warehouse',
        inputSchema: jsonSchema<{ orderId: string }>({ type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] }),
        execute: async ({ orderId }) => lookupOrder(orderId), // the tool's work, as an activity
      }),
    },
    stopWhen: stepCountIs(3),
  });
  return result.text;
}
