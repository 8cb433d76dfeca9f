/**
 * Runs jobs on lanes, each lane owning an engine instance of its own. Jobs that must run alone (they measure time)
 * go first, one at a time, with every other lane idle; the rest then share the lanes, the longest expected first,
 * so long deliberate waits overlap instead of adding up.
 */

export interface Schedulable {
  /** Must run with nothing beside it. */
  exclusive: boolean;
  /** How long it is expected to take (e.g. its last recorded duration), for ordering. */
  expectedMs: number;
}

/** Runs every job and returns the results in the order of `jobs`. `run` gets the lane number (0-based). */
export async function runInLanes<J extends Schedulable, R>(jobs: J[], lanes: number, run: (job: J, lane: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(jobs.length);
  const indexed = jobs.map((job, index) => ({ job, index }));
  for (const item of indexed.filter((x) => x.job.exclusive)) results[item.index] = await run(item.job, 0);
  const shared = indexed.filter((x) => !x.job.exclusive).sort((a, b) => b.job.expectedMs - a.job.expectedMs);
  let next = 0;
  const lane = async (n: number) => {
    while (next < shared.length) {
      const item = shared[next++]!;
      results[item.index] = await run(item.job, n);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(lanes, shared.length)) }, (_, n) => lane(n)));
  return results;
}
