/** Finds probe files and selects the ones a run asks for. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { categories, findCriterion } from '../src/catalog/criteria.ts';
import type { ProbeDefinition } from '../src/probes/harness/probe.ts';
import type { LoadedProbe } from './run-probe.ts';

const PROBE_FILE = /^([a-z]{2}-\d{2})-[a-z0-9-]+\.ts$/;

/** Probe files under `src/probes/<cat>/`, as paths relative to the project root, in catalog order. */
export function listProbeFiles(root: string): string[] {
  const files: string[] = [];
  for (const category of categories) {
    const dir = join(root, 'src', 'probes', category.id);
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => statSync(join(dir, n)).isFile());
    } catch {
      continue;
    }
    for (const name of names.sort()) if (PROBE_FILE.test(name)) files.push(relative(root, join(dir, name)));
  }
  return files;
}

/** The criterion id a probe file is for, from its name: `ex-01-progress.ts` → `EX-01`. */
export function idOfFile(file: string): string {
  const name = file.split('/').pop() ?? '';
  const match = PROBE_FILE.exec(name);
  if (!match) throw new Error(`${file} is not named like a probe (<id>-<slug>.ts)`);
  return match[1]!.toUpperCase();
}

/**
 * Keeps the files `--only` asks for: criterion ids (`EX-03`) or categories (`EX`), comma-separated, any case.
 * Throws on a selector that matches no criterion, so a typo never runs "nothing" silently.
 */
export function selectProbeFiles(files: string[], only: string[] | undefined): string[] {
  if (!only || only.length === 0) return files;
  const wanted = only.flatMap((s) => s.split(',')).map((s) => s.trim().toUpperCase()).filter(Boolean);
  for (const selector of wanted) {
    if (/^[A-Z]{2}$/.test(selector)) {
      if (!categories.some((c) => c.id === selector.toLowerCase())) throw new Error(`--only ${selector}: no such category`);
    } else findCriterion(selector);
  }
  const chosen = files.filter((f) => {
    const id = idOfFile(f);
    return wanted.includes(id) || wanted.includes(id.slice(0, 2));
  });
  if (chosen.length === 0) throw new Error(`--only ${wanted.join(',')}: no probe file exists for that yet`);
  return chosen;
}

/** sha256 of a file's bytes. */
export function hashFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Imports a probe file and checks it declares the criterion its name says. */
export async function loadProbe(root: string, file: string): Promise<LoadedProbe> {
  const absolutePath = join(root, file);
  const definition = (await import(pathToFileURL(absolutePath).href)).default as ProbeDefinition | undefined;
  if (!definition || typeof definition.run !== 'function') throw new Error(`${file} has no default export from defineProbe()`);
  const id = idOfFile(file);
  if (definition.id !== id) throw new Error(`${file} declares id ${definition.id}, but its name says ${id}`);
  return { definition, source: file, absolutePath, sourceHash: hashFile(absolutePath) };
}
