/** Inngest's evidence in Japanese: one file per category, each keyed by criterion; shared entries and units. */
import type { EngineEvidenceJa } from '../../index.ts';
import { common, units } from './common.ts';
import { ai } from './ai.ts';
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
import { observed } from './observed.ts';
import type { EvidenceTable } from '../../index.ts';

/** One criterion's tables joined: a category's entries and the observed phrases of the same criterion. */
function join(...tables: Record<string, EvidenceTable>[]): Record<string, EvidenceTable> {
  const out: Record<string, EvidenceTable> = {};
  for (const table of tables) {
    for (const [id, t] of Object.entries(table)) {
      const had = out[id] ?? {};
      out[id] = { exact: { ...had.exact, ...t.exact }, patterns: [...(had.patterns ?? []), ...(t.patterns ?? [])], raw: [...(had.raw ?? []), ...(t.raw ?? [])] };
    }
  }
  return out;
}

export const inngestJa: EngineEvidenceJa = {
  common,
  criteria: join({ ...ai, ...cp, ...dx, ...ex, ...ob, ...op, ...pf, ...rt, ...sg, ...vr, ...wf }, observed),
  units,
};
