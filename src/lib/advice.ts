/**
 * Checks the advice against the ratings: every criterion an item cites is rated for both engines, and higher for the
 * engine the item recommends. The site renders only advice that passes; the unit tests and the build fail otherwise.
 */
import type { AdviceItem } from '../catalog/advice.ts';
import type { EngineId } from '../catalog/engines.ts';
import type { Stars } from '../catalog/criteria.ts';

type Ratings = Readonly<Record<EngineId, Readonly<Record<string, { stars: Stars } | undefined>>>>;

/** One cited criterion with both engines' stars. */
export interface CitedCriterion {
  id: string;
  stars: Record<EngineId, Stars>;
}

export interface ResolvedAdvice extends AdviceItem {
  cited: CitedCriterion[];
}

/** What is wrong with the advice, one sentence per problem; empty when every item is carried by its criteria. */
export function adviceProblems(items: readonly AdviceItem[], ratings: Ratings, engines: readonly EngineId[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) problems.push(`advice "${item.id}" appears twice`);
    ids.add(item.id);
    if (item.criteria.length === 0) problems.push(`advice "${item.id}" cites no criterion`);
    const others = engines.filter((e) => e !== item.engine);
    for (const id of item.criteria) {
      const own = ratings[item.engine]?.[id]?.stars;
      if (own === undefined) {
        problems.push(`advice "${item.id}" cites ${id}, which ${item.engine} has no rating for`);
        continue;
      }
      for (const other of others) {
        const theirs = ratings[other]?.[id]?.stars;
        if (theirs === undefined) problems.push(`advice "${item.id}" cites ${id}, which ${other} has no rating for`);
        else if (own <= theirs) problems.push(`advice "${item.id}" recommends ${item.engine} on ${id}, but ${item.engine} has ★${own} there and ${other} ★${theirs}`);
      }
    }
  }
  return problems;
}

/** The advice with each cited criterion's stars, for the page; throws when any item is not carried by its ratings. */
export function resolveAdvice(items: readonly AdviceItem[], ratings: Ratings, engines: readonly EngineId[]): ResolvedAdvice[] {
  const problems = adviceProblems(items, ratings, engines);
  if (problems.length) throw new Error(`The advice does not follow from the ratings:\n- ${problems.join('\n- ')}`);
  return items.map((item) => ({
    ...item,
    cited: item.criteria.map((id) => ({ id, stars: Object.fromEntries(engines.map((e) => [e, ratings[e]![id]!.stars])) as Record<EngineId, Stars> })),
  }));
}
