#!/usr/bin/env node
/**
 * Fails when package-lock.json is out of step with package.json, which is when `npm ci` refuses it and a fresh
 * `npm install` rewrites it. That happens when a range in package.json changes without the lockfile, and also
 * when a dependency gains optional packages (platform builds) after the lockfile was written: npm locks the
 * optional packages of every platform, so the lockfile misses them until someone regenerates it.
 * Asks npm itself, with `npm ci --dry-run`: it compares the tree the lockfile describes with the one package.json
 * asks for, and changes nothing on disk. It may ask the registry about packages the lockfile lacks.
 *
 *   node scripts/check-lockfile.mjs [project folder]
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const dir = resolve(process.argv[2] ?? '.');
// Inside an npm script, the npm that runs it; elsewhere, npm from PATH.
const [cmd, prefix] = process.env.npm_execpath?.endsWith('.js') ? [process.execPath, [process.env.npm_execpath]] : ['npm', []];
const args = [...prefix, 'ci', '--dry-run', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
const run = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });

if (run.status !== 0) {
  console.error(`[lockfile] package-lock.json does not match package.json in ${dir}; npm ci would refuse it:`);
  // npm's own reason, without the usage text it appends after it.
  const reason = (run.stderr || run.stdout || String(run.error)).split(/^npm error Clean install a project$/m)[0];
  console.error(reason.trim());
  console.error('[lockfile] regenerate it with `npm install` (versions stay as locked) and commit package-lock.json.');
  process.exit(1);
}
console.log('[lockfile] package-lock.json matches package.json (npm ci --dry-run accepts it).');
