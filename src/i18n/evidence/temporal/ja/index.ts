/** Temporal's evidence in Japanese: one file per category, each keyed by criterion; shared entries and units. */
import type { EngineEvidenceJa } from '../../index.ts';
import { ai } from './ai.ts';
import { common, units } from './common.ts';
import { cp } from './cp.ts';
import { dx } from './dx.ts';
import { ex } from './ex.ts';
import { ob } from './ob.ts';
import { op } from './op.ts';
import { pf } from './pf.ts';
import { rt } from './rt.ts';
import { sg } from './sg.ts';
import { vr } from './vr.ts';
import { wf } from './wf.ts';

export const temporalJa: EngineEvidenceJa = {
  common,
  criteria: { ...ex, ...rt, ...cp, ...wf, ...sg, ...vr, ...dx, ...pf, ...op, ...ob, ...ai },
  units,
};
