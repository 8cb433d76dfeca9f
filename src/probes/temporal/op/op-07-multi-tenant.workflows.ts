/** OP-07's workflow: a tenant's import job, one slow activity. Activities inherit the workflow's priority. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './op-07-multi-tenant.ts';

const { importFile } = proxyActivities<typeof activities>({ startToCloseTimeout: '30 seconds' });

export async function importJob(variant: string, tenant: string, sentAt: number): Promise<void> {
  await importFile(variant, tenant, sentAt);
}
