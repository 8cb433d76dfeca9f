/**
 * Against the real Temporal dev server, when a `temporal` CLI can be found (TEMPORAL_BIN, PATH, or .tools/bin,
 * where the test setup builds it when Go is present). results/ is never touched: everything goes to a scratch
 * folder. Without a CLI it says plainly that it skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { probeSourceHash } from '../../src/lib/probe-files.ts';
import { ADDRESS_ENV, findBinary } from '../../runner/drivers/temporal/driver.ts';
import { parseResultsFile } from '../../src/schema.ts';

const binary = findBinary(process.env, process.cwd());
const available = binary !== null && !process.env[ADDRESS_ENV];
if (!available) {
  console.log('SKIPPED the Temporal integration tests: no temporal CLI found (TEMPORAL_BIN, PATH or .tools/bin); they need one they can start and restart.');
}

describe.skipIf(!available)('the Temporal EX probes on the real Temporal dev server', () => {
  test('--engine temporal --only EX writes every EX probe, valid, with exact provenance and no errors', { timeout: 600_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'integration-temporal-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'runner/cli.ts', '--engine', 'temporal', '--only', 'EX', '--results-dir', dir], {
      encoding: 'utf8',
      timeout: 590_000,
      env: { ...process.env, TEMPORAL_BIN: binary!.path },
    });
    console.log(run.stdout);
    expect(run.status, run.stderr).toBe(0);
    const file = join(dir, 'temporal', 'ex.json');
    const results = parseResultsFile(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(results.probes.map((p) => p.id)).toEqual(['EX-01', 'EX-02', 'EX-03', 'EX-04', 'EX-05', 'EX-06', 'EX-07']);
    for (const p of results.probes) {
      expect(p.engine).toBe('temporal');
      for (const t of p.trials) expect(t.verdict, `${p.id}: ${t.error?.message}`).not.toBe('error');
      expect(p.sourceHash).toBe(probeSourceHash(p.source));
      expect(p.configs.every((c) => c.engine === 'temporal' && /^\d+\.\d+\.\d+ \(temporal CLI /.test(c.version) && c.sdk.package === '@temporalio/worker')).toBe(true);
      // The harness's own cost is kept apart from what the probe measured.
      expect(p.metrics.some((m) => m.name.startsWith('harness: worker start-up')), p.id).toBe(true);
    }
    // EX-04 restarted the server in both of the driver's modes, and says which check was made under which.
    const ex04 = results.probes.find((p) => p.id === 'EX-04')!;
    expect(new Set(ex04.configs.map((c) => c.mode))).toEqual(new Set(['state-file', 'in-memory']));
  });
});
