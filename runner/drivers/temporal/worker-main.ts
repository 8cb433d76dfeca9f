/**
 * The worker process: runs the SDK's `Worker` for one probe on one task queue, the way an application's worker
 * would. The runner starts it as a child process so probes can SIGKILL it mid-activity and start it again.
 *
 * Environment: PROBE_FILE (the probe module, for its activities and worker options), PROBE_WORKFLOW_BUNDLE (the
 * workflow code, bundled once by the runner), TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, PROBE_TASK_QUEUE, PROBE_LEDGER,
 * PROBE_WORKER_OPTIONS (this start's worker options, JSON, over the probe's); PROBE_SDK_PROMETHEUS (host:port for
 * the SDK's Prometheus metrics, optional: a probe passes it in `t.worker.start({ env })`).
 *
 * Besides the probe's own sinks the worker registers `ledger` (see `LedgerSinks`): workflow code records to the
 * ledger through it, on replay too.
 */
import { pathToFileURL } from 'node:url';
import { NativeConnection, Runtime, Worker } from '@temporalio/worker';
import type { InjectedSinks } from '@temporalio/worker';
import { record } from '../../../src/probes/core/ledger.ts';
import type { LedgerSinks, ProbeDefinition } from '../../../src/probes/temporal/harness/probe.ts';
import { READY_LINE, SDK_PROMETHEUS_ENV, WORKER_OPTIONS_ENV } from './worker-protocol.ts';

const { PROBE_FILE: file, PROBE_WORKFLOW_BUNDLE: codePath, TEMPORAL_ADDRESS: address, TEMPORAL_NAMESPACE: namespace, PROBE_TASK_QUEUE: taskQueue } = process.env;
if (!file || !codePath || !address || !namespace || !taskQueue) {
  throw new Error('worker-main needs PROBE_FILE, PROBE_WORKFLOW_BUNDLE, TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE and PROBE_TASK_QUEUE');
}

const probe = (await import(pathToFileURL(file).href)).default as ProbeDefinition;
// The SDK's own Prometheus endpoint, when a probe asks for it in the worker's environment (before anything creates the Runtime).
if (process.env[SDK_PROMETHEUS_ENV]) Runtime.install({ telemetryOptions: { metrics: { prometheus: { bindAddress: process.env[SDK_PROMETHEUS_ENV] } } } });
const connection = await NativeConnection.connect({ address });
const ledgerSinks: InjectedSinks<LedgerSinks> = {
  ledger: {
    record: {
      fn: (info, effect, data) => record(effect, { ...data, replaying: info.unsafe.isReplaying }),
      callDuringReplay: true,
    },
  },
};
const worker = await Worker.create({
  ...probe.worker,
  ...(JSON.parse(process.env[WORKER_OPTIONS_ENV] || '{}') as object),
  sinks: { ...probe.worker?.sinks, ...ledgerSinks },
  connection,
  namespace,
  taskQueue,
  workflowBundle: { codePath },
  activities: probe.activities,
});
process.stdout.write(`${READY_LINE} ${taskQueue} (pid ${process.pid})\n`);
await worker.run();
