/**
 * Runs jobs on lanes, each lane owning an engine instance of its own. Jobs that must run alone (they measure time)
 * go first, one at a time, with every other lane idle; the rest then share the lanes, the longest expected first,
 * so long deliberate waits overlap instead of adding up. Jobs with the same key (the trials of one probe) never run
 * at the same time: a probe module is loaded once, and what it holds (an SDK client, say) serves one trial at a time.
 */

export interface Schedulable {
  /** Must run with nothing beside it. */
  exclusive: boolean;
  /** How long it is expected to take (e.g. its last recorded duration), for ordering. */
  expectedMs: number;
  /** Jobs with the same key run one after another. */
  key: string;
}

/** Runs every job and returns the results in the order of `jobs`. `run` gets the lane number (0-based). */
export async function runInLanes<J extends Schedulable, R>(jobs: J[], lanes: number, run: (job: J, lane: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(jobs.length);
  const indexed = jobs.map((job, index) => ({ job, index }));
  for (const item of indexed.filter((x) => x.job.exclusive)) results[item.index] = await run(item.job, 0);
  const waiting = indexed.filter((x) => !x.job.exclusive).sort((a, b) => b.job.expectedMs - a.job.expectedMs);
  const running = new Set<string>();
  let wake: () => void = () => {};
  let changed = new Promise<void>((r) => (wake = r));
  const signal = () => {
    wake();
    changed = new Promise<void>((r) => (wake = r));
  };
  const lane = async (n: number) => {
    for (;;) {
      const at = waiting.findIndex((x) => !running.has(x.job.key));
      if (at < 0) {
        if (waiting.length === 0) return;
        await changed; // every waiting job's key is running elsewhere: wait for one to finish
        continue;
      }
      const [item] = waiting.splice(at, 1);
      running.add(item!.job.key);
      try {
        results[item!.index] = await run(item!.job, n);
      } finally {
        running.delete(item!.job.key);
        signal();
      }
    }
  };
  const lanesUsed = Math.max(1, Math.min(lanes, waiting.length));
  await Promise.all(Array.from({ length: lanesUsed }, (_, n) => lane(n)));
  return results;
}
