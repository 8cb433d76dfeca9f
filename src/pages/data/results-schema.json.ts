/** /data/results-schema.json: the results contract (src/schema.ts) as JSON Schema, generated from the zod schema. */
import type { APIRoute } from 'astro';
import { jsonSchemaOf } from '../../lib/data-export.ts';

export const GET: APIRoute = () =>
  new Response(`${JSON.stringify(jsonSchemaOf(), null, 2)}\n`, {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
