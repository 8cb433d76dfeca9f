/** AI-01's workflows: a model call as an activity, and one that meets a rate limit first. */
import { proxyActivities, proxySinks, sleep } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';
import type { activities } from './ai-01-llm-calls.ts';

/** Retries 1 s apart, doubling (the SDK's default coefficient), at most 4 attempts. */
const { askModel, storeSummary } = proxyActivities<typeof activities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 4 },
});
const { ledger } = proxySinks<LedgerSinks>();

/** Asks the model once, then waits and stores the answer; records what it saw on every execution and replay. */
export async function summarise(modelUrl: string): Promise<string> {
  const answer = await askModel(modelUrl, 'Summarise the ticket');
  ledger.record('workflow saw the answer', { answer });
  await sleep('1 second');
  await sleep('1 second');
  await storeSummary(answer);
  return answer;
}

export async function translate(modelUrl: string): Promise<string> {
  return askModel(modelUrl, 'Translate the ticket');
}
