/** Where and with what a run happened: machine, commit and packages, recorded in every results file. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { arch, cpus, platform, release } from 'node:os';
import { join } from 'node:path';

/** The installed version of an npm package of the project (an engine's SDK, say). */
export function packageVersion(root: string, name: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The commit the probes ran from, marked `-dirty` when the code that produces results had uncommitted changes. */
export function gitCommit(root: string): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src/probes', 'src/schema.ts', 'runner', 'package-lock.json'], { cwd: root, encoding: 'utf8' }).trim();
    return dirty ? `${head}-dirty` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

export function machine(): { node: string; os: string; cpus: number } {
  return { node: process.version, os: `${platform()} ${release()} ${arch()}`, cpus: cpus().length };
}
