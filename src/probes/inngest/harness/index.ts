/**
 * The probe harness: what probe files import besides the Inngest SDK.
 * Scenario-side tools arrive as the `ProbeContext` argument; this module adds the few helpers that function code
 * (running inside the worker) needs.
 */
export { defineProbe } from './probe.ts';
export type { ProbeContext, ProbeDefinition, ReceivedSpan, RunView, TraceSpan } from './probe.ts';
export { record, recordOnce, type LedgerEntry } from '../../core/ledger.ts';
export { openBrowser } from '../../core/browser.ts';

/** Environment variable through which the runner hands function code a "deployment" label (see `deployment`). */
export const DEPLOYMENT_ENV = 'PROBE_DEPLOYMENT';

/**
 * The label of the code deployment the worker runs, `"v1"` unless the probe restarted the worker with another.
 * Probes use it to play a redeploy: the same function id, different code, while runs are in flight.
 */
export function deployment(): string {
  return process.env[DEPLOYMENT_ENV] ?? 'v1';
}

/** Waits inside function code, e.g. to keep a step in flight while the probe crashes the worker. */
export function hold(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
