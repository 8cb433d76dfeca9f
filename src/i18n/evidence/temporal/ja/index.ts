/** Temporal's evidence in Japanese: one file per category, each keyed by criterion; shared entries and units. */
import type { EngineEvidenceJa } from '../../index.ts';
import { common, units } from './common.ts';
import { ex } from './ex.ts';

export const temporalJa: EngineEvidenceJa = {
  common,
  criteria: { ...ex },
  units,
};
