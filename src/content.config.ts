/**
 * Content collections: the only way pages reach data on disk.
 * - `results`: results/<category>.json, parsed with the shared schema so malformed data fails the build loudly.
 * - `history`: results/history/<runId>.json, every run the runner archived (see runner/history.ts).
 * - `probes`: the probe files themselves (source text and sha256), so pages show them and flag stale results.
 * - `rationale`: the prose per criterion and language, src/content/<lang>/<id>.mdx.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import { z } from 'astro/zod';
import { parseResultsFile, parseRunRecord, resultsFileSchema, runRecordSchema } from './schema.ts';

const root = process.cwd();
/** Where results files live; REPORT_RESULTS_DIR overrides it (e.g. to build from a scratch run). */
const RESULTS_DIR = process.env.REPORT_RESULTS_DIR ?? join(root, 'results');
const PROBES_DIR = join(root, 'src', 'probes');
/** Folders under src/probes that hold plumbing, not probes. */
const NOT_PROBES = new Set(['harness']);

/** Reads every results/*.json and parses it with the shared schema; the error names the file and the field. */
function resultsLoader(): Loader {
  return {
    name: 'results-loader',
    load: async ({ store, parseData, logger }) => {
      store.clear();
      const files = (await readdir(RESULTS_DIR)).filter((f) => f.endsWith('.json')).sort();
      for (const file of files) {
        const path = join(RESULTS_DIR, file);
        const name = relative(root, path);
        let raw: unknown;
        try {
          raw = JSON.parse(await readFile(path, 'utf8'));
        } catch (e) {
          throw new Error(`${name} is not valid JSON: ${(e as Error).message}`);
        }
        const parsed = parseResultsFile(raw, name);
        const id = file.replace(/\.json$/, '');
        if (id !== parsed.category) throw new Error(`${name}: category "${parsed.category}" does not match the file name`);
        const data = await parseData({ id, data: parsed as unknown as Record<string, unknown>, filePath: name });
        store.set({ id, data, filePath: name });
      }
      logger.info(`${files.length} results file(s) parsed`);
    },
  };
}

/** Reads every results/history/*.json (none when there is no archive yet), keyed by run id. */
function historyLoader(): Loader {
  return {
    name: 'history-loader',
    load: async ({ store, parseData, logger }) => {
      store.clear();
      const dir = join(RESULTS_DIR, 'history');
      const files = existsSync(dir) ? (await readdir(dir)).filter((f) => f.endsWith('.json') && !f.startsWith('.')).sort() : [];
      for (const file of files) {
        const name = relative(root, join(dir, file));
        let raw: unknown;
        try {
          raw = JSON.parse(await readFile(join(dir, file), 'utf8'));
        } catch (e) {
          throw new Error(`${name} is not valid JSON: ${(e as Error).message}`);
        }
        const parsed = parseRunRecord(raw, name);
        const id = file.replace(/\.json$/, '');
        if (id !== parsed.run.id) throw new Error(`${name}: run "${parsed.run.id}" does not match the file name`);
        const data = await parseData({ id, data: parsed as unknown as Record<string, unknown>, filePath: name });
        store.set({ id, data, filePath: name });
      }
      logger.info(`${files.length} archived run(s) parsed`);
    },
  };
}

/** The probe id from its file name: `ex-01-progress.ts` → `EX-01`. */
function probeIdOf(file: string): string | null {
  const m = /^([a-z]{2}-\d{2})(?:-.+)?\.ts$/.exec(file);
  return m ? m[1].toUpperCase() : null;
}

/** Reads src/probes/<category>/*.ts (not the harness) and stores id, path, source text and sha256. */
function probesLoader(): Loader {
  return {
    name: 'probes-loader',
    load: async ({ store, parseData }) => {
      store.clear();
      const dirs = (await readdir(PROBES_DIR, { withFileTypes: true }))
        .filter((d) => d.isDirectory() && !NOT_PROBES.has(d.name))
        .map((d) => d.name)
        .sort();
      for (const category of dirs) {
        for (const file of (await readdir(join(PROBES_DIR, category))).sort()) {
          const id = probeIdOf(file);
          if (!id) continue;
          const full = join(PROBES_DIR, category, file);
          const bytes = await readFile(full);
          const path = relative(root, full).split('\\').join('/');
          const data = await parseData({
            id,
            data: { id, category, path, source: bytes.toString('utf8'), sha256: createHash('sha256').update(bytes).digest('hex') },
          });
          store.set({ id, data, filePath: path });
        }
      }
    },
  };
}

const results = defineCollection({ loader: resultsLoader(), schema: resultsFileSchema });

const history = defineCollection({ loader: historyLoader(), schema: runRecordSchema });

const probes = defineCollection({
  loader: probesLoader(),
  schema: z.strictObject({
    id: z.string().regex(/^[A-Z]{2}-\d{2}$/),
    category: z.string(),
    path: z.string(),
    source: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
});

const rationale = defineCollection({
  loader: glob({ pattern: '{en,ja}/*.mdx', base: './src/content' }),
  schema: z.strictObject({
    criterion: z.string().regex(/^[A-Z]{2}-\d{2}$/, 'a criterion id such as EX-01'),
    summary: z.string().min(1),
  }),
});

export const collections = { results, history, probes, rationale };
