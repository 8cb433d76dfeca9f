/** AI-02's workflow: a random model answer, then three steps that use it. */
import { proxyActivities, proxySinks } from '@temporalio/workflow';
import type { LedgerSinks } from '../harness/index.ts';
import type { activities } from './ai-02-nondeterminism.ts';

/** Without a heartbeat, the server retries an activity lost with its worker after the start-to-close timeout. */
const { askModel, useAnswer } = proxyActivities<typeof activities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '1 second', maximumAttempts: 3 },
});
const { ledger } = proxySinks<LedgerSinks>();

export async function luckyDraft(modelUrl: string): Promise<string[]> {
  const answer = await askModel(modelUrl);
  ledger.record('workflow saw the answer', { answer });
  const checked = await useAnswer('check', answer, false);
  const polished = await useAnswer('polish', answer, true); // the worker is killed during its first attempt
  const published = await useAnswer('publish', answer, false);
  return [checked, polished, published];
}
