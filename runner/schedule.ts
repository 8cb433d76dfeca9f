/** Runs probes side by side where they allow it, and alone where they must be. */

export interface Schedulable {
  exclusive: boolean;
}

/**
 * Runs every job: shared jobs up to `concurrency` at a time, then each exclusive job with nothing beside it.
 * Returns results in the order of `jobs`.
 */
export async function runScheduled<J extends Schedulable, R>(jobs: J[], concurrency: number, run: (job: J) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(jobs.length);
  const shared = jobs.map((job, index) => ({ job, index })).filter((x) => !x.job.exclusive);
  const alone = jobs.map((job, index) => ({ job, index })).filter((x) => x.job.exclusive);
  let next = 0;
  const lane = async () => {
    while (next < shared.length) {
      const item = shared[next++]!;
      results[item.index] = await run(item.job);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, shared.length)) }, lane));
  for (const item of alone) results[item.index] = await run(item.job);
  return results;
}
