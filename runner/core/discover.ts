/** Finds probe files and selects the ones a run asks for. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { categories, findCriterion } from '../../src/catalog/criteria.ts';
import { PROBE_FILE, probeSourceHash } from '../../src/lib/probe-files.ts';
import type { EngineId } from '../../src/schema.ts';
import type { EngineDriver, LoadedProbe } from './driver.ts';


/** Where an engine's probes live: `src/probes/<engine>/<cat>/<id>-<slug>.ts`. */
export function probesDir(root: string, engine: EngineId): string {
  return join(root, 'src', 'probes', engine);
}

/** An engine's probe files, as paths relative to the project root, in catalog order. */
export function listProbeFiles(root: string, engine: EngineId): string[] {
  const files: string[] = [];
  for (const category of categories) {
    const dir = join(probesDir(root, engine), category.id);
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

/** Imports a probe file through its driver and checks it declares the criterion its name says. */
export async function loadProbe<D extends { id: string }>(root: string, file: string, driver: Pick<EngineDriver, 'definitionOf'> & { definitionOf(m: unknown, f: string): D }): Promise<LoadedProbe<D & LoadedProbe['definition']>> {
  const absolutePath = join(root, file);
  const definition = driver.definitionOf(await import(pathToFileURL(absolutePath).href), file) as D & LoadedProbe['definition'];
  const id = idOfFile(file);
  if (definition.id !== id) throw new Error(`${file} declares id ${definition.id}, but its name says ${id}`);
  return { definition, source: file, absolutePath, sourceHash: probeSourceHash(absolutePath) };
}
