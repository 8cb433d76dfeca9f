/** OP-04's workflows: one run is one workflow with one activity, CPU-bound or I/O-bound. */
import { proxyActivities } from '@temporalio/workflow';
import type { activities } from './op-04-scalability.ts';

const { crunch, callApi } = proxyActivities<typeof activities>({
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 1 },
});

export async function cpuRun(burst: string): Promise<void> {
  await crunch(burst);
}

export async function ioRun(burst: string, ms: number): Promise<void> {
  await callApi(burst, ms);
}
