/** The fault matrices, per engine, from the `faults` collection (results/<engine>/faults.json). */
import { getCollection } from 'astro:content';
import type { FaultMatrix } from '../../schema.ts';

/** Every engine's matrix, by engine id; an engine without one is absent. */
export async function loadFaultMatrices(): Promise<Map<string, FaultMatrix>> {
  return new Map((await getCollection('faults')).map((entry) => [entry.id, entry.data as FaultMatrix]));
}
