/**
 * Content collections: the only way pages reach data on disk. Everything is keyed by engine, then by criterion
 * or run, so a second engine's evidence sits beside the first's without touching it.
 * - `results`: results/<engine>/<category>.json, parsed with the shared schema so malformed data fails the build
 *   loudly; id `<engine>/<category>`.
 * - `history`: results/<engine>/history/<runId>.json, every run the runner archived (runner/core/history.ts), kept
 *   as written: version-1 records stay version 1 here and are upgraded where they are read; id `<engine>/<runId>`.
 * - `probes`: the probe files, src/probes/<engine>/<category>/<id>-<slug>.ts (source text and sha256), so pages
 *   show them and flag stale results; id `<engine>/<ID>`.
 * - `rationale`: the prose per engine, language and criterion, src/content/<engine>/<lang>/<id>.mdx.
 * - `faults`: results/<engine>/faults.json, the fault matrix (configuration × fault × moment); id `<engine>`.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { PROBE_FILE, probeCompanions, probeSourceHash } from './lib/probe-files.ts';
import { archivedRunSchema, engineIdSchema, FAULTS_FILE, faultMatrixSchema, parseArchivedRun, parseFaultMatrix, parseResultsFile, resultsFileSchema, type EngineId } from './schema.ts';

const root = process.cwd();
/** Where results live (`<dir>/<engine>/…`); REPORT_RESULTS_DIR overrides it (e.g. to build from a scratch run). */
const RESULTS_DIR = process.env.REPORT_RESULTS_DIR ?? join(root, 'results');
const PROBES_DIR = join(root, 'src', 'probes');
/** Folders in an engine's probe folder that hold plumbing, not probes. */
const NOT_PROBES = new Set(['harness']);
const ENGINES: readonly EngineId[] = engineIdSchema.options;

/** A path as the error messages and `filePath` give it: relative to the project, with forward slashes. */
const shown = (path: string) => relative(root, path).split('\\').join('/');

/** The `.json` files of a folder, sorted; none when the folder does not exist. */
async function jsonFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort();
}

/** Reads and parses a JSON file, naming it when it is not JSON. */
async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new Error(`${shown(path)} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Reads every results/<engine>/<category>.json and parses it with the shared schema; the error names file and field. */
function resultsLoader(): Loader {
  return {
    name: 'results-loader',
    load: async ({ store, parseData, logger }) => {
      store.clear();
      let count = 0;
      for (const engine of ENGINES) {
        const dir = join(RESULTS_DIR, engine);
        // The fault matrix sits beside the category files but is not one: the `faults` collection reads it.
        for (const file of (await jsonFiles(dir)).filter((f) => f !== FAULTS_FILE)) {
          const path = join(dir, file);
          const name = shown(path);
          const parsed = parseResultsFile(await readJson(path), name);
          const category = file.replace(/\.json$/, '');
          if (category !== parsed.category) throw new Error(`${name}: category "${parsed.category}" does not match the file name`);
          if (engine !== parsed.engine) throw new Error(`${name}: results of ${parsed.engine} in the folder of ${engine}`);
          const id = `${engine}/${category}`;
          const data = await parseData({ id, data: parsed as unknown as Record<string, unknown>, filePath: name });
          store.set({ id, data, filePath: name });
          count += 1;
        }
      }
      logger.info(`${count} results file(s) parsed`);
    },
  };
}

/**
 * Reads every results/<engine>/history/*.json, of either schema version, keyed by engine and run id. A run id must
 * be unique across engines too: pinned pages and /data/history/<runId>.json are named by it alone.
 */
function historyLoader(): Loader {
  return {
    name: 'history-loader',
    load: async ({ store, parseData, logger }) => {
      store.clear();
      const seen = new Map<string, string>();
      for (const engine of ENGINES) {
        const dir = join(RESULTS_DIR, engine, 'history');
        for (const file of await jsonFiles(dir)) {
          const path = join(dir, file);
          const name = shown(path);
          const record = parseArchivedRun(await readJson(path), name);
          const runId = file.replace(/\.json$/, '');
          if (runId !== record.run.id) throw new Error(`${name}: run "${record.run.id}" does not match the file name`);
          // A version-1 record has no engine of its own: the runner measured only Inngest then.
          const recorded = record.schemaVersion === 1 ? 'inngest' : record.run.engine;
          if (recorded !== engine) throw new Error(`${name}: a run of ${recorded} in the folder of ${engine}`);
          const other = seen.get(runId);
          if (other) throw new Error(`${name}: run id "${runId}" is also archived as ${other}; run ids name pages and must be unique`);
          seen.set(runId, name);
          const id = `${engine}/${runId}`;
          const data = await parseData({ id, data: { engine, record } as unknown as Record<string, unknown>, filePath: name });
          store.set({ id, data, filePath: name });
        }
      }
      logger.info(`${seen.size} archived run(s) parsed`);
    },
  };
}

/** The criterion id from a probe file's name: `ex-01-progress.ts` → `EX-01` (its companion modules are not probes). */
function probeIdOf(file: string): string | null {
  const m = PROBE_FILE.exec(file);
  return m ? m[1]!.toUpperCase() : null;
}

/** Reads src/probes/<engine>/<category>/*.ts (not an engine's harness, nor the shared core) with source and sha256. */
function probesLoader(): Loader {
  return {
    name: 'probes-loader',
    load: async ({ store, parseData }) => {
      store.clear();
      for (const engine of ENGINES) {
        const engineDir = join(PROBES_DIR, engine);
        if (!existsSync(engineDir)) continue;
        const categories = (await readdir(engineDir, { withFileTypes: true }))
          .filter((d) => d.isDirectory() && !NOT_PROBES.has(d.name))
          .map((d) => d.name)
          .sort();
        for (const category of categories) {
          for (const file of (await readdir(join(engineDir, category))).sort()) {
            const criterion = probeIdOf(file);
            if (!criterion) continue;
            const full = join(engineDir, category, file);
            const path = shown(full);
            const id = `${engine}/${criterion}`;
            const modules = await Promise.all(probeCompanions(full).map(async (m) => ({ path: shown(m), source: await readFile(m, 'utf8') })));
            const data = await parseData({
              id,
              data: { engine, id: criterion, category, path, source: await readFile(full, 'utf8'), sha256: probeSourceHash(full), modules },
            });
            store.set({ id, data, filePath: path });
          }
        }
      }
    },
  };
}

/**
 * Reads results/<engine>/faults.json, the fault matrix of `npm run faults`, parsed with the shared schema; id
 * `<engine>`. (Its archived copies, results/<engine>/history/faults/, stay out of the `history` collection.)
 */
function faultsLoader(): Loader {
  return {
    name: 'faults-loader',
    load: async ({ store, parseData, logger }) => {
      store.clear();
      for (const engine of ENGINES) {
        const path = join(RESULTS_DIR, engine, FAULTS_FILE);
        if (!existsSync(path)) continue;
        const name = shown(path);
        const parsed = parseFaultMatrix(await readJson(path), name);
        if (parsed.engine !== engine) throw new Error(`${name}: a matrix of ${parsed.engine} in the folder of ${engine}`);
        const data = await parseData({ id: engine, data: parsed as unknown as Record<string, unknown>, filePath: name });
        store.set({ id: engine, data, filePath: name });
        logger.info(`${name}: fault matrix parsed`);
      }
    },
  };
}

const results = defineCollection({ loader: resultsLoader(), schema: resultsFileSchema });

const faults = defineCollection({ loader: faultsLoader(), schema: faultMatrixSchema });

const history = defineCollection({
  loader: historyLoader(),
  schema: z.strictObject({ engine: engineIdSchema, record: archivedRunSchema }),
});

const probes = defineCollection({
  loader: probesLoader(),
  schema: z.strictObject({
    engine: engineIdSchema,
    id: z.string().regex(/^[A-Z]{2}-\d{2}$/),
    category: z.string(),
    path: z.string(),
    source: z.string(),
    /** sha256 of the probe file and its companion modules (src/lib/probe-files.ts). */
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Modules that belong to the probe, e.g. Temporal's workflow code (`<id>-<slug>.workflows.ts`). */
    modules: z.array(z.strictObject({ path: z.string(), source: z.string() })),
  }),
});

const rationale = defineCollection({
  loader: glob({ pattern: `{${ENGINES.join(',')}}/{en,ja}/*.mdx`, base: './src/content' }),
  schema: z.strictObject({
    criterion: z.string().regex(/^[A-Z]{2}-\d{2}$/, 'a criterion id such as EX-01'),
    summary: z.string().min(1),
  }),
});

export const collections = { results, history, probes, rationale, faults };
