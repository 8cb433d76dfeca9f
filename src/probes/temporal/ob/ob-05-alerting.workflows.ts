/** OB-05's workflows: a report that fails, with and without code that pages someone before it fails. */
import { ApplicationFailure, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { activities } from './ob-05-alerting.ts';

const { buildReport, pageOnCall } = proxyActivities<typeof activities>({ startToCloseTimeout: '10 seconds', retry: { maximumAttempts: 3 } });

/** The workflow's own failure handler: page, then fail with the original error. */
export async function nightlyReport(alertUrl: string): Promise<string> {
  try {
    return await buildReport();
  } catch (err) {
    const cause = (err as ApplicationFailure).cause ?? err;
    await pageOnCall(alertUrl, { workflowId: workflowInfo().workflowId, error: (cause as Error).message });
    throw ApplicationFailure.nonRetryable((cause as Error).message, 'ReportFailed');
  }
}

export async function nightlyReportUnwatched(_alertUrl: string): Promise<string> {
  return buildReport();
}
