/** CP: Temporal's evidence strings in Japanese, keyed by criterion. */
import type { EvidenceTable } from '../../index.ts';

export const cp: Record<string, EvidenceTable> = {};
