/** Runs one trial of a probe on an engine instance, and always leaves the instance on its baseline. */
import { join } from 'node:path';
import type { EngineDriver, EngineInstance, LoadedProbe } from './driver.ts';
import { Recorder, type RecordedTrial } from './recorder.ts';
import { settleScenario, type TrialFiles } from './scenario.ts';

export interface TrialOptions {
  /** A directory of this run's own, for ledgers and logs. */
  workDir: string;
  /** 1-based number of this trial. */
  trial: number;
  /** Overrides the probe's budget (tests use it). */
  budgetMs?: number;
}

/**
 * Prepares the instance as the probe declared, runs the scenario within its budget, closes what it started, and
 * puts the instance back on its baseline. Never throws: a broken probe, scenario or preparation becomes verdict
 * `error`; an instance that cannot be brought back to its baseline is reported as `healthy: false`, so the
 * caller replaces it.
 */
export async function runTrial<I extends EngineInstance>(driver: EngineDriver<I>, probe: LoadedProbe, instance: I, options: TrialOptions): Promise<{ trial: RecordedTrial; healthy: boolean; reset: boolean; resetMs: number }> {
  const started = performance.now();
  const slug = `${probe.definition.id.toLowerCase()}.t${options.trial}`;
  const files: TrialFiles = { ledgerFile: join(options.workDir, `${slug}.ledger.jsonl`), workDir: options.workDir, slug, cleanups: [] };
  const recorder = new Recorder(() => instance.describe());
  const outcome = await settleScenario(
    async (signal) => {
      await instance.prepare(probe.definition.needs);
      await driver.runScenario(probe, instance, { files, recorder, signal });
    },
    options.budgetMs ?? probe.definition.budgetMs,
    recorder,
  );
  for (const close of files.cleanups.reverse()) await close().catch(() => {});
  if (recorder.configs.length === 0) recorder.begin(); // nothing observed: record what the engine was on
  const durationMs = Math.round(performance.now() - started);
  const resetStarted = performance.now();
  let healthy = true;
  const reset = !instance.atBaseline();
  if (reset) await instance.reset().catch(() => (healthy = false));
  const trial: RecordedTrial = { ...outcome, durationMs, checks: recorder.checks, metrics: recorder.metrics, notes: recorder.notes, configs: recorder.configs };
  return { trial, healthy, reset, resetMs: Math.round(performance.now() - resetStarted) };
}
