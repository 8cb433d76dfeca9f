import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { PROBE_FILE, probeCompanions, probeSourceHash } from '../../src/lib/probe-files.ts';

describe('probe files and their companion modules', () => {
  test('a probe file is <id>-<slug>.ts; its workflow modules are not probes', () => {
    expect(PROBE_FILE.test('ex-01-progress.ts')).toBe(true);
    expect(PROBE_FILE.test('ex-01-progress.workflows.ts')).toBe(false);
    expect(PROBE_FILE.test('ex-06-violation.v2.workflows.ts')).toBe(false);
  });

  test('companions are the modules named after the probe; a change to any of them changes the hash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'probe-files-'));
    const probe = join(dir, 'ex-06-violation.ts');
    writeFileSync(probe, 'probe');
    writeFileSync(join(dir, 'ex-06-violation.workflows.ts'), 'v1');
    writeFileSync(join(dir, 'ex-06-violation.v2.workflows.ts'), 'v2');
    writeFileSync(join(dir, 'ex-06-other.workflows.ts'), 'not ours');
    writeFileSync(join(dir, 'ex-06-violation-more.ts'), 'another probe');
    expect(probeCompanions(probe).map((p) => p.slice(dir.length + 1))).toEqual(['ex-06-violation.v2.workflows.ts', 'ex-06-violation.workflows.ts']);
    const before = probeSourceHash(probe);
    writeFileSync(join(dir, 'ex-06-violation.v2.workflows.ts'), 'v2, changed');
    expect(probeSourceHash(probe)).not.toBe(before);
  });

  test('without companions the hash is the file sha256, so hashes recorded before stay valid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'probe-files-'));
    const probe = join(dir, 'ex-01-progress.ts');
    writeFileSync(probe, 'alone');
    expect(probeSourceHash(probe)).toBe(createHash('sha256').update('alone').digest('hex'));
  });
});
