/**
 * The raw-data exports: the results JSON Schema and the criteria CSV. Pure functions of the catalog, the ratings,
 * the schema and the verdicts passed in; the endpoints under src/pages/data/ serve what they return. The CSV keeps
 * the columns it was first published with, so its rating and verdict are those of the default engine (Inngest).
 */
import { z } from 'zod';
import { categories } from '../catalog/criteria.ts';
import { DEFAULT_ENGINE } from '../catalog/engines.ts';
import { ratings } from '../catalog/ratings.ts';
import { resultsFileSchema } from '../schema.ts';
import { paths } from '../i18n/index.ts';

/** The columns of criteria.csv, in order. */
export const CSV_COLUMNS = [
  'id', 'category', 'name_en', 'name_ja', 'baseline', 'rating', 'verdict', 'fail_close', 'permalink_en', 'permalink_ja',
] as const;

/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
export function csvField(value: string | number | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Every criterion as CSV with a header line (the default engine's ratings and verdicts); permalinks absolute when the site URL is known. */
export function criteriaCsv(verdicts: ReadonlyMap<string, string>, site?: URL): string {
  const url = (path: string) => (site ? new URL(path, site).href : path);
  const rows = categories.flatMap((cat) =>
    cat.criteria.map((k) => [
      k.id, cat.id, k.name.en, k.name.ja, k.baseline, ratings[DEFAULT_ENGINE][k.id]?.stars ?? null, verdicts.get(k.id) ?? null,
      k.failClose, url(paths.criterion('en', k.id)), url(paths.criterion('ja', k.id)),
    ]),
  );
  return [CSV_COLUMNS as readonly (string | number | null)[], ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The results-file schema as JSON Schema (draft 2020-12); refinements zod cannot express are left out. */
export function jsonSchemaOf(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(resultsFileSchema, { unrepresentable: 'any' }),
    title: 'Durable-execution report: results file',
    description: 'results/<engine>/<category>.json, as written by the probe runner and validated by src/schema.ts.',
  };
}
