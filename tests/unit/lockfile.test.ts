import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const SCRIPT = join(root, 'scripts', 'check-lockfile.mjs');
/** Runs the check on a project folder; npm answers in a few seconds, asking the registry only about what is missing. */
const check = (dir: string) => spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8', timeout: 60_000 });

const scratch = mkdtempSync(join(tmpdir(), 'lockfile-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('scripts/check-lockfile.mjs', () => {
  test('accepts the package-lock.json beside package.json, as npm ci must', { timeout: 60_000 }, () => {
    const run = check(root);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  test('refuses a lockfile that lacks an optional platform package, as one written before the registry served it', { timeout: 60_000 }, () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
    const [path, entry] = Object.entries<{ optional?: boolean; os?: string[]; version: string }>(lock.packages).find(
      ([path, e]) => e.optional && e.os && !e.os.includes(process.platform) && !path.slice('node_modules/'.length).includes('node_modules/'),
    )!;
    delete lock.packages[path];
    copyFileSync(join(root, 'package.json'), join(scratch, 'package.json'));
    writeFileSync(join(scratch, 'package-lock.json'), JSON.stringify(lock, null, 2));

    const run = check(scratch);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Missing: ${path.slice('node_modules/'.length)}@${entry.version} from lock file`);
  });
});
