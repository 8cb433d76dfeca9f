/**
 * Runs the EX probes against the real Inngest server, when a binary can be found, into a scratch results
 * directory (results/ is never touched). Without a binary it says plainly that it skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { hashFile } from '../../runner/discover.ts';
import { findBinary, URL_ENV } from '../../runner/engine.ts';
import { parseResultsFile } from '../../src/schema.ts';

const binary = findBinary(process.env, process.cwd());
const available = binary !== null || Boolean(process.env[URL_ENV]);
if (!available) {
  console.log('SKIPPED the integration test: no Inngest server binary (INNGEST_BIN, PATH, inngest-cli) and no INNGEST_SERVER_URL.');
}

describe.skipIf(!available)('the EX probes against the real Inngest server', () => {
  test('run to completion and write valid results without errors', { timeout: 600_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'integration-results-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'runner/cli.ts', '--only', 'EX', '--results-dir', dir], { encoding: 'utf8', timeout: 590_000 });
    console.log(run.stdout);
    expect(run.status, run.stderr).toBe(0);
    const file = join(dir, 'ex.json');
    const results = parseResultsFile(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(results.probes.map((p) => p.id)).toEqual(['EX-01', 'EX-02', 'EX-03', 'EX-04', 'EX-05', 'EX-06', 'EX-07']);
    for (const p of results.probes) {
      expect(p.verdict, `${p.id}: ${p.error?.message}`).not.toBe('error');
      expect(p.sourceHash).toBe(hashFile(p.source));
    }
    expect(results.runs[0]!.engine.serverVersion).not.toBe('unknown');
  });
});
