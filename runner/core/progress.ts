/** What the runner prints: a line per trial as it ends, a table per criterion at the end, and the run's timing. */
import type { ProbeResult, Trial } from '../../src/schema.ts';

const MARK: Record<ProbeResult['verdict'], string> = { pass: 'PASS', fail: 'FAIL', error: 'ERROR', skipped: 'SKIP', mixed: 'MIXED' };

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** Why a trial did not pass, in a few words. */
function why(t: Pick<Trial, 'checks' | 'error' | 'skipReason'>): string {
  const failed = t.checks.filter((c) => !c.ok).map((c) => c.name);
  return t.error?.message ?? t.skipReason ?? (failed.length ? `failed: ${failed.join('; ')}` : '');
}

/** One line for a finished trial: how far the run is, the probe and trial, verdict, time, and why it did not pass. */
export function formatTrialLine(done: number, total: number, id: string, trial: number, trials: number, t: Trial): string {
  const counter = `[${String(done).padStart(String(total).length)}/${total}]`;
  const which = trials > 1 ? `${id} ${trial}/${trials}` : id;
  return `${counter} ${which.padEnd(trials > 1 ? 10 : 6)} ${MARK[t.verdict].padEnd(5)} ${seconds(t.durationMs).padStart(7)}  ${why(t)}`.trimEnd();
}

/** The closing table: one row per criterion with its trials' agreement, then the counts and the disagreements. */
export function formatSummary(results: ProbeResult[]): string {
  const rows = results.map((r) => {
    const verdicts = r.trials.map((t) => MARK[t.verdict]).join(' ');
    const checks = `${r.checks.filter((c) => c.ok).length}/${r.checks.length}`;
    return `| ${r.id} | ${MARK[r.verdict]} | ${verdicts} | ${checks} | ${seconds(r.durationMs)} |`;
  });
  const count = (v: ProbeResult['verdict']) => results.filter((r) => r.verdict === v).length;
  const mixed = results.filter((r) => r.verdict === 'mixed' || r.checks.some((c) => c.held > 0 && c.held < c.seen));
  return [
    '| probe | verdict | trials | checks held in every trial | median trial |',
    '|---|---|---|---|---|',
    ...rows,
    '',
    `${count('pass')} passed, ${count('fail')} failed, ${count('error')} errored, ${count('skipped')} skipped, ${count('mixed')} with trials that disagree`,
    ...(mixed.length
      ? ['', 'Trials disagreed on:', ...mixed.map((r) => `  ${r.id}: ${r.checks.filter((c) => c.held > 0 && c.held < c.seen).map((c) => `"${c.name}" held in ${c.held} of ${c.seen}`).join('; ') || r.trials.map((t) => t.verdict).join(', ')}`)]
      : []),
  ].join('\n');
}

/** What the harness itself cost inside trials (e.g. worker start-ups), from the trials' `harness: …` metrics in ms. */
export interface HarnessCost {
  ms: number;
  count: number;
}

/** Sums the samples of every `harness: …` metric in ms, over trials. */
export function harnessCost(trials: { metrics: { name: string; unit: string; samples: number[] }[] }[]): HarnessCost {
  let ms = 0;
  let count = 0;
  for (const t of trials) {
    for (const m of t.metrics) {
      if (!m.name.startsWith('harness: ') || m.unit !== 'ms') continue;
      ms += m.samples.reduce((a, b) => a + b, 0);
      count += m.samples.length;
    }
  }
  return { ms, count };
}

/**
 * The run's timing: wall time, the sum of trial times, and the longest trial; engine start-ups and resets (outside
 * trials); and, when the driver measures it, what worker start-ups cost inside trials, apart from the probes' own time.
 */
export function formatTiming(wallMs: number, trials: { id: string; trial: number; durationMs: number }[], startupMs: number, harness: HarnessCost = { ms: 0, count: 0 }): string {
  const sum = trials.reduce((s, t) => s + t.durationMs, 0);
  const longest = trials.reduce((a, b) => (b.durationMs > a.durationMs ? b : a), trials[0] ?? { id: '-', trial: 0, durationMs: 0 });
  return [
    `wall time ${seconds(wallMs)}; probe time summed over ${trials.length} trial(s) ${seconds(sum)} (${(sum / Math.max(1, wallMs)).toFixed(2)}× overlap)`,
    `longest trial ${longest.id} #${longest.trial} ${seconds(longest.durationMs)}; engine start-ups and resets ${seconds(startupMs)} in all`,
    ...(harness.count > 0
      ? [`worker start-ups inside trials ${seconds(harness.ms)} over ${harness.count} start(s); probe time without them ${seconds(sum - harness.ms)}`]
      : []),
  ].join('\n');
}
