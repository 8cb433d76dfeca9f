/**
 * Against the real Inngest server, when a binary can be found (results/ is never touched; everything goes to
 * scratch folders). Without a binary it says plainly that it skipped.
 * - The runner puts the server back on its baseline after a probe that threw while the server ran in another mode.
 * - `npm run probes -- --only EX --trials 2` writes both trials of every EX probe, valid and without errors.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { hashFile } from '../../runner/core/discover.ts';
import type { LoadedProbe } from '../../runner/core/driver.ts';
import { runTrial } from '../../runner/core/run-trial.ts';
import { findBinary, inngestDriver, URL_ENV, type Engine } from '../../runner/drivers/inngest/driver.ts';
import type { ProbeDefinition } from '../../src/probes/inngest/harness/probe.ts';
import { parseResultsFile } from '../../src/schema.ts';

const binary = findBinary(process.env, process.cwd());
const available = binary !== null && !process.env[URL_ENV];
if (!available) {
  console.log('SKIPPED the integration tests: no Inngest server binary found (INNGEST_BIN, PATH or the inngest-cli package); they need one they can restart.');
}

/** A fixture probe file, loaded the way the runner loads probes (fixtures are not named after criteria). */
async function fixture(file: string): Promise<LoadedProbe<ProbeDefinition>> {
  const absolutePath = resolve(file);
  const definition = inngestDriver.definitionOf(await import(pathToFileURL(absolutePath).href), file);
  return { definition, source: file, absolutePath, sourceHash: hashFile(absolutePath) };
}

describe.skipIf(!available)('the runner on the real Inngest server', () => {
  let engine: Engine | undefined;
  afterAll(async () => engine?.stop());

  test('a probe that throws in another mode leaves the next probe on the baseline', { timeout: 180_000 }, async () => {
    inngestDriver.prepareRunnerProcess?.();
    const workDir = mkdtempSync(join(tmpdir(), 'integration-baseline-'));
    engine = await inngestDriver.start(join(workDir, 'engine.log'));
    const broken = await runTrial(inngestDriver, await fixture('tests/fixtures/probes/leaves-another-mode.ts'), engine, { workDir, trial: 1 });
    expect(broken.trial.verdict).toBe('error');
    expect(broken.trial.error?.message).toMatch(/breaks on purpose/);
    // What the broken trial observed is recorded under the configuration it ran in, not the baseline.
    expect(broken.trial.configs.map((c) => c.mode)).toEqual(['dev-persist']);
    expect(broken.trial.configs[0]!.flags).toEqual(expect.arrayContaining(['--persist', '--retry-interval', '1']));
    expect(broken.healthy).toBe(true);
    expect(engine.atBaseline()).toBe(true);

    const next = await runTrial(inngestDriver, await fixture('tests/fixtures/probes/reads-the-server.ts'), engine, { workDir, trial: 1 });
    expect(next.trial.checks.map((c) => [c.name, c.observed])).toEqual([['mode', 'dev'], ['extra flags', '[]'], ['a run completes on it', 'hello']]);
    expect(next.trial.verdict).toBe('pass');
    expect(next.trial.configs.map((c) => c.mode)).toEqual(['dev']);
  });

  test('--trials 2 writes both trials of every EX probe, valid and without errors', { timeout: 600_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'integration-results-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'runner/cli.ts', '--only', 'EX', '--trials', '2', '--results-dir', dir], { encoding: 'utf8', timeout: 590_000 });
    console.log(run.stdout);
    expect(run.status, run.stderr).toBe(0);
    const file = join(dir, 'inngest', 'ex.json');
    const results = parseResultsFile(JSON.parse(readFileSync(file, 'utf8')), file);
    expect(results.runs[0]!.trials).toBe(2);
    expect(results.probes.map((p) => p.id)).toEqual(['EX-01', 'EX-02', 'EX-03', 'EX-04', 'EX-05', 'EX-06', 'EX-07']);
    for (const p of results.probes) {
      expect(p.trials, p.id).toHaveLength(2);
      for (const t of p.trials) expect(t.verdict, `${p.id}: ${t.error?.message}`).not.toBe('error');
      expect(p.sourceHash).toBe(hashFile(p.source));
      expect(p.configs.every((c) => c.engine === 'inngest' && c.version !== 'unknown' && c.sdk.package === 'inngest')).toBe(true);
    }
    // EX-04 ran in four modes: its result names each, and its checks say which they were made under.
    const ex04 = results.probes.find((p) => p.id === 'EX-04')!;
    expect(new Set(ex04.configs.map((c) => c.mode))).toEqual(new Set(['dev', 'dev-persist', 'self-hosted-embedded-redis', 'self-hosted']));
    expect(ex04.checks.find((c) => c.name.startsWith('self-hosted:'))!.config).toBe(ex04.configs.findIndex((c) => c.mode === 'self-hosted'));
  });
});
