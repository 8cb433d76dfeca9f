/**
 * A probe is its file and, for engines that keep workflow code apart (Temporal bundles it for a sandbox), the
 * modules named after it: `ex-01-progress.ts` has `ex-01-progress.workflows.ts`, `ex-06-….v2.workflows.ts`, ….
 * The runner and the site both hash a probe through `probeSourceHash`, so a result goes stale when any of its
 * modules changes, not only the probe file.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A probe file's name: `<id>-<slug>.ts`, nothing between the slug and `.ts`. */
export const PROBE_FILE = /^([a-z]{2}-\d{2})-[a-z0-9-]+\.ts$/;

/** The modules that belong to a probe file (same folder, named `<its name>.<part>.ts`), sorted. */
export function probeCompanions(probePath: string): string[] {
  const stem = basename(probePath).replace(/\.ts$/, '');
  const dir = dirname(probePath);
  return readdirSync(dir)
    .filter((name) => name.startsWith(`${stem}.`) && name.endsWith('.ts') && name !== `${stem}.ts`)
    .sort()
    .map((name) => join(dir, name));
}

/**
 * sha256 of a probe: of its file's bytes alone when it has no companions (so hashes recorded before companions
 * existed still match), else of the file and each companion, named, in order.
 */
export function probeSourceHash(probePath: string): string {
  const companions = probeCompanions(probePath);
  const hash = createHash('sha256').update(readFileSync(probePath));
  for (const path of companions) hash.update(`\0${basename(path)}\0`).update(readFileSync(path));
  return hash.digest('hex');
}
