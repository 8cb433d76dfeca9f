/**
 * The Temporal probe harness: what probe files import besides the Temporal SDK. Scenario-side tools arrive as the
 * `ProbeContext` argument; this module adds the few helpers activity code (running in the worker) needs.
 * Workflow modules import none of this: they run in the SDK's sandbox and import only `@temporalio/workflow`.
 */
export { defineProbe } from './probe.ts';
export type { ExtraWorker, HistoryEventView, LedgerSinks, ProbeContext, ProbeDefinition, ServerMode, WorkerStart, WorkerTuning } from './probe.ts';
export { record, recordOnce, type LedgerEntry } from '../../core/ledger.ts';
export { openBrowser } from '../../core/browser.ts';

/** Waits inside activity code, e.g. to keep an activity in flight while the probe crashes the worker. */
export function hold(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
