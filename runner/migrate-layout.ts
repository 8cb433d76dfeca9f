/**
 * `npm run results:migrate`: moves results made before they were keyed by engine into the engine's folder.
 * - `results/history/<runId>.json` → `results/inngest/history/<runId>.json`, byte for byte (the archive keeps its
 *   content; the site reads version-1 records as they are).
 * - `results/<cat>.json` (version 1, latest results) are removed, but only once every result in them is found,
 *   identical, in an archived run: nothing is lost, and the next run writes `results/inngest/<cat>.json`.
 * Everything it did is appended to `results/migrations.json`, with the sha256 of every file it touched.
 * Running it again when there is nothing left to move does nothing.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { pathToFileURL } from 'node:url';
import { LEGACY_SCHEMA_VERSION, parseArchivedRun } from '../src/schema.ts';

/** What one migration did. */
export interface Migration {
  at: string;
  by: string;
  moved: { from: string; to: string; sha256: string }[];
  removed: { file: string; sha256: string; why: string }[];
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Moves the version-1 layout under `resultsDir` into `resultsDir/inngest/`; returns what it did. */
export function migrateLayout(resultsDir: string, root = process.cwd()): Migration {
  const rel = (p: string) => relative(root, p).split('\\').join('/');
  const migration: Migration = { at: new Date().toISOString(), by: 'runner/migrate-layout.ts', moved: [], removed: [] };
  const oldHistory = join(resultsDir, 'history');
  const newHistory = join(resultsDir, 'inngest', 'history');
  const archivedResults = new Map<string, unknown>();
  const remember = (text: string, file: string) => {
    const record = parseArchivedRun(JSON.parse(text), file);
    for (const p of record.probes) archivedResults.set(`${record.run.id}/${p.id}`, p);
  };
  if (existsSync(newHistory)) for (const name of readdirSync(newHistory).filter((n) => n.endsWith('.json'))) remember(readFileSync(join(newHistory, name), 'utf8'), join(newHistory, name));
  if (existsSync(oldHistory)) {
    mkdirSync(newHistory, { recursive: true });
    for (const name of readdirSync(oldHistory).filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
      const from = join(oldHistory, name);
      const to = join(newHistory, name);
      const bytes = readFileSync(from);
      if (existsSync(to)) throw new Error(`${rel(to)} already exists: the archive never rewrites a run`);
      remember(bytes.toString('utf8'), from);
      renameSync(from, to);
      migration.moved.push({ from: rel(from), to: rel(to), sha256: sha256(bytes) });
    }
    if (readdirSync(oldHistory).length === 0) rmSync(oldHistory, { recursive: true });
  }
  for (const name of readdirSync(resultsDir).filter((n) => /^[a-z]{2}\.json$/.test(n)).sort()) {
    const file = join(resultsDir, name);
    const bytes = readFileSync(file);
    const data = JSON.parse(bytes.toString('utf8')) as { schemaVersion?: number; probes?: { id: string; runId: string }[] };
    if (data.schemaVersion !== LEGACY_SCHEMA_VERSION) continue;
    const missing = (data.probes ?? []).filter((p) => !isDeepStrictEqual(archivedResults.get(`${p.runId}/${p.id}`), p));
    if (missing.length) throw new Error(`${rel(file)}: ${missing.map((p) => `${p.id} (${p.runId})`).join(', ')} not found identical in the archive; not removing it`);
    rmSync(file);
    migration.removed.push({ file: rel(file), sha256: sha256(bytes), why: `every result in it is archived, identical, in ${rel(newHistory)}` });
  }
  if (migration.moved.length || migration.removed.length) {
    const log = join(resultsDir, 'migrations.json');
    const earlier = existsSync(log) ? (JSON.parse(readFileSync(log, 'utf8')) as Migration[]) : [];
    writeFileSync(log, JSON.stringify([...earlier, migration], null, 2) + '\n');
  }
  return migration;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const m = migrateLayout(resolve(process.cwd(), 'results'));
  console.log(`moved ${m.moved.length} archived run(s); removed ${m.removed.length} version-1 latest file(s)${m.moved.length + m.removed.length ? '; see results/migrations.json' : ''}`);
}
