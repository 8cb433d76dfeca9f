/**
 * The worker process of the fault matrix: the SDK's `Worker` running a fault scenario's workflows and activities
 * on one task queue. On SIGTERM the SDK shuts the worker down gracefully (it stops polling and lets activities in
 * flight finish, up to the grace time below); SIGKILL ends it at once.
 *
 * Environment: PROBE_FILE (the scenario module, for its activities), PROBE_WORKFLOW_BUNDLE, TEMPORAL_ADDRESS,
 * TEMPORAL_NAMESPACE, PROBE_TASK_QUEUE, PROBE_LEDGER.
 */
import { pathToFileURL } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';

/** What the runner waits for before it counts the worker as up. */
export const FAULT_WORKER_READY = 'fault worker polling';

const { PROBE_FILE: file, PROBE_WORKFLOW_BUNDLE: codePath, TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace, PROBE_TASK_QUEUE: taskQueue } = process.env;
if (file && codePath && address && namespace && taskQueue) {
  const { activities } = (await import(pathToFileURL(file).href)) as { activities: Record<string, (...args: never[]) => unknown> };
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, namespace, taskQueue, workflowBundle: { codePath }, activities, shutdownGraceTime: '10 seconds' });
  process.stdout.write(`${FAULT_WORKER_READY} on ${taskQueue} (pid ${process.pid})\n`);
  await worker.run();
  process.stdout.write(`fault worker ${process.pid}: shut down\n`);
  process.exit(0);
}
