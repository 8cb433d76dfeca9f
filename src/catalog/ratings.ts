/**
 * The ratings: one judgment per evaluated criterion, made from the evidence in `results/`, in one
 * language-neutral place. The rationale for each lives in `src/content/<lang>/<id>.mdx`. A criterion absent
 * here is not evaluated yet; the site shows its seed baseline, labelled as such.
 */
import type { Stars } from './criteria.ts';

export interface Rating {
  stars: Stars;
}

export const ratings: Readonly<Record<string, Rating>> = {
  'EX-01': { stars: 5 },
  'EX-02': { stars: 4 },
  'EX-03': { stars: 5 },
  'EX-04': { stars: 4 },
  'EX-05': { stars: 4 },
  'EX-06': { stars: 2 },
  'EX-07': { stars: 4 },
  'RT-01': { stars: 5 },
  'RT-02': { stars: 3 },
  'RT-03': { stars: 3 },
  'RT-04': { stars: 2 },
  'CP-01': { stars: 4 },
  'CP-02': { stars: 5 },
  'CP-03': { stars: 4 },
  'CP-04': { stars: 4 },
  'WF-01': { stars: 5 },
  'WF-02': { stars: 4 },
  'WF-03': { stars: 5 },
  'WF-04': { stars: 4 },
  'WF-05': { stars: 5 },
  'WF-06': { stars: 5 },
  'SG-01': { stars: 5 },
  'SG-02': { stars: 4 },
  'SG-03': { stars: 5 },
  'SG-04': { stars: 3 },
  'VR-01': { stars: 3 },
  'VR-02': { stars: 1 },
  'VR-03': { stars: 4 },
  'VR-04': { stars: 5 },
  'DX-01': { stars: 5 },
  'DX-02': { stars: 4 },
  'DX-03': { stars: 5 },
  'DX-04': { stars: 3 },
  'DX-05': { stars: 3 },
  'DX-06': { stars: 5 },
  'DX-07': { stars: 2 },
  'PF-01': { stars: 4 },
  'PF-02': { stars: 4 },
  'PF-03': { stars: 4 },
  'AI-01': { stars: 5 },
  'AI-02': { stars: 4 },
  'AI-03': { stars: 5 },
  'AI-04': { stars: 4 },
  'AI-05': { stars: 5 },
  'AI-06': { stars: 5 },
  'OP-01': { stars: 5 },
  'OP-02': { stars: 3 },
  'OP-06': { stars: 3 },
  'OP-07': { stars: 5 },
  'OB-01': { stars: 4 },
  'OB-02': { stars: 3 },
  'OB-03': { stars: 5 },
  'OB-05': { stars: 4 },
  'OB-06': { stars: 5 },
};
