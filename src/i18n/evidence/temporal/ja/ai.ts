/** AI: Temporal's evidence strings in Japanese, keyed by criterion. */
import type { EvidenceTable } from '../../index.ts';

export const ai: Record<string, EvidenceTable> = {};
