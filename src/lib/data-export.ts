/**
 * The raw-data exports: the results JSON Schema and the criteria CSV. Pure functions of the catalog, the ratings,
 * the schema and the verdicts passed in; the endpoints under src/pages/data/ serve what they return. The CSV keeps
 * the columns it was first published with, in their places (its `rating` and `verdict` are the default engine's,
 * Inngest's), and adds after them, for every engine, its rating, verdict and evidence page in both languages.
 */
import { z } from 'zod';
import { categories } from '../catalog/criteria.ts';
import { DEFAULT_ENGINE, engines, type EngineId } from '../catalog/engines.ts';
import { ratings } from '../catalog/ratings.ts';
import { resultsFileSchema } from '../schema.ts';
import { paths } from '../i18n/index.ts';

/** The columns criteria.csv was first published with, in order; the default engine's rating and verdict. */
export const CSV_COLUMNS = [
  'id', 'category', 'name_en', 'name_ja', 'baseline', 'rating', 'verdict', 'fail_close', 'permalink_en', 'permalink_ja',
] as const;

/** The columns each engine adds after those, in the engines' order: `rating_temporal`, `verdict_temporal` … */
export function engineCsvColumns(engine: EngineId): string[] {
  return [`rating_${engine}`, `verdict_${engine}`, `permalink_${engine}_en`, `permalink_${engine}_ja`];
}

/** Every column of criteria.csv, in order. */
export const csvHeader = (): string[] => [...CSV_COLUMNS, ...engines.flatMap((e) => engineCsvColumns(e.id))];

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Every criterion as CSV with a header line: the default engine's rating and verdict where they were first
 * published, then every engine's (empty where it has none); permalinks absolute when the site URL is known.
 * `verdicts` holds each engine's probe verdicts by criterion id.
 */
export function criteriaCsv(verdicts: ReadonlyMap<EngineId, ReadonlyMap<string, string>>, site?: URL): string {
  const url = (path: string) => (site ? new URL(path, site).href : path);
  const rows = categories.flatMap((cat) =>
    cat.criteria.map((k) => [
      k.id, cat.id, k.name.en, k.name.ja, k.baseline, ratings[DEFAULT_ENGINE][k.id]?.stars ?? null, verdicts.get(DEFAULT_ENGINE)?.get(k.id) ?? null,
      k.failClose, url(paths.criterion('en', k.id)), url(paths.criterion('ja', k.id)),
      ...engines.flatMap((e) => [
        ratings[e.id][k.id]?.stars ?? null, verdicts.get(e.id)?.get(k.id) ?? null,
        url(paths.criterionEngine('en', k.id, e.id)), url(paths.criterionEngine('ja', k.id, e.id)),
      ]),
    ]),
  );
  return [csvHeader(), ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The results-file schema as JSON Schema (draft 2020-12); refinements zod cannot express are left out. */
export function jsonSchemaOf(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(resultsFileSchema, { unrepresentable: 'any' }),
    title: 'Durable-execution report: results file',
    description: 'results/<engine>/<category>.json, as written by the probe runner and validated by src/schema.ts.',
  };
}
