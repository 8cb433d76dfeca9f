/** What the runner prints: a line per probe as it ends, and a table at the end. */
import type { ProbeResult } from '../src/schema.ts';

const MARK: Record<ProbeResult['verdict'], string> = { pass: 'PASS', fail: 'FAIL', error: 'ERROR', skipped: 'SKIP' };

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}

/** One line for a finished probe: id, verdict, time, and the reason when it did not pass. */
export function formatLine(r: ProbeResult): string {
  const failed = r.checks.filter((c) => !c.ok).map((c) => c.name);
  const why = r.error?.message ?? r.skipReason ?? (failed.length ? `failed: ${failed.join('; ')}` : '');
  return `${r.id.padEnd(6)} ${MARK[r.verdict].padEnd(5)} ${seconds(r.durationMs).padStart(7)}  ${why}`.trimEnd();
}

/** The closing table: one row per probe, then the counts. */
export function formatSummary(results: ProbeResult[]): string {
  const rows = results.map((r) => `| ${r.id} | ${MARK[r.verdict]} | ${r.checks.filter((c) => c.ok).length}/${r.checks.length} | ${seconds(r.durationMs)} |`);
  const count = (v: ProbeResult['verdict']) => results.filter((r) => r.verdict === v).length;
  return [
    '| probe | verdict | checks ok | time |',
    '|---|---|---|---|',
    ...rows,
    '',
    `${count('pass')} passed, ${count('fail')} failed, ${count('error')} errored, ${count('skipped')} skipped`,
  ].join('\n');
}
