/**
 * RT-01 · Retry strategy
 *
 * Question: how does Inngest retry a failing function? How many attempts by default, on what schedule, and do
 * `NonRetriableError` and `RetryAfterError` change it as documented?
 *
 * How: functions that always throw record every attempt's time in the ledger. Under the server's default
 * backoff, one runs three attempts so two real backoff intervals pass. Then the probe restarts the server with
 * its linear-retry option (`--retry-interval 1`) and counts the attempts of a function that sets no `retries`,
 * measures the linear schedule, and times a `RetryAfterError` asking for a longer pause. A `NonRetriableError`
 * must stop after one attempt.
 */
import { Inngest, NonRetriableError, RetryAfterError } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'rt-01' });
/** The first two waits of the server's default backoff table, and the jitter it adds to each (seconds). */
const DEFAULT_TABLE_S = [15, 30];
const JITTER_S = 30;
/** How late the queue may pick a retry up after its scheduled time. */
const SCHEDULING_SLACK_S = 2;
/** What the RetryAfterError asks for: clearly longer than the linear interval, so it is measurable. */
const RETRY_AFTER_MS = 5_000;
const LINEAR_SECONDS = 1;

/** A function that fails on every attempt and records when each attempt began. */
function alwaysFailing(id: string, retries?: 0 | 2 | 3) {
  return inngest.createFunction(
    { id: `rt-01-${id}`, triggers: [{ event: `probe/rt-01.${id}` }], ...(retries === undefined ? {} : { retries }) },
    async ({ attempt, step }) => {
      await step.run('call the flaky service', () => {
        record(`${id}: attempt`, { attempt });
        throw new Error('service unavailable');
      });
    },
  );
}

const defaultBackoff = alwaysFailing('default-backoff', 2);
const retriesUnset = alwaysFailing('retries-unset');
const linear = alwaysFailing('linear', 3);

const permanent = inngest.createFunction(
  { id: 'rt-01-non-retriable', triggers: [{ event: 'probe/rt-01.non-retriable' }], retries: 3 },
  async ({ attempt, step }) => {
    await step.run('validate the card', () => {
      record('non-retriable: attempt', { attempt });
      throw new NonRetriableError('card number is invalid');
    });
  },
);

const retryAfter = inngest.createFunction(
  { id: 'rt-01-retry-after', triggers: [{ event: 'probe/rt-01.retry-after' }], retries: 1 },
  async ({ attempt, step }) => {
    await step.run('call the rate-limited API', () => {
      record('retry-after: attempt', { attempt });
      if (attempt === 0) throw new RetryAfterError('429 from the API', RETRY_AFTER_MS);
      return 'ok';
    });
  },
);

/** Gaps between consecutive attempts, in ms. */
const gaps = (times: number[]) => times.slice(1).map((at, i) => at - times[i]!);

export default defineProbe({
  id: 'RT-01',
  question: 'How many attempts, on what schedule, and do NonRetriableError and RetryAfterError work as documented?',
  budgetMs: 300_000,
  client: inngest,
  functions: [defaultBackoff, retriesUnset, linear, permanent, retryAfter],

  async run(t) {
    const attemptTimes = (id: string) => t.ledger.entries(`${id}: attempt`).map((e) => e.at);
    const finish = async (event: string) => {
      const [run] = await t.waitForRuns(await t.send(event));
      return t.waitForEnd(run!.id, { timeoutMs: 150_000 });
    };

    // 1. The server's default backoff: three attempts, so two real intervals.
    const [defaultRun, permanentRun] = await Promise.all([finish('probe/rt-01.default-backoff'), finish('probe/rt-01.non-retriable')]);
    const defaultGaps = gaps(attemptTimes('default-backoff'));
    defaultGaps.forEach((gap, i) => t.metric(`default backoff: wait before retry ${i + 1}`, 'ms', gap));
    t.check('default backoff: retries: 2 gives 3 attempts, then FAILED', { attempts: 3, status: 'FAILED' }, { attempts: defaultGaps.length + 1, status: defaultRun.status });
    // The server's table (pkg/backoff/backoff.go) waits 15 s, then 30 s, each plus 0–30 s of jitter; the queue's
    // scheduling adds up to a second or so. A check on "the second wait is longer" would fail by the jitter alone.
    const windows = DEFAULT_TABLE_S.map((base) => [base, base + JITTER_S + SCHEDULING_SLACK_S] as const);
    const waitsS = defaultGaps.map((g) => Math.round(g / 100) / 10);
    t.check(
      "default backoff: each wait inside the server's table plus jitter",
      windows.map(([lo, hi]) => `${lo}–${hi} s`).join(', '),
      waitsS.map((w) => `${w} s`).join(', '),
      waitsS.length === windows.length && waitsS.every((w, i) => w >= windows[i]![0] && w <= windows[i]![1]),
    );
    t.check('NonRetriableError: one attempt despite retries: 3', { attempts: 1, status: 'FAILED' }, { attempts: t.ledger.count('non-retriable: attempt'), status: permanentRun.status });

    // 2. The dev server's linear option: retry every LINEAR_SECONDS.
    await t.server.restart({ mode: 'dev', flags: ['--retry-interval', String(LINEAR_SECONDS)] });
    const [unsetRun, linearRun, retryAfterRun] = await Promise.all([
      finish('probe/rt-01.retries-unset'),
      finish('probe/rt-01.linear'),
      finish('probe/rt-01.retry-after'),
    ]);
    t.check('retries unset: attempts before FAILED (server default)', { attempts: 5, status: 'FAILED' }, { attempts: t.ledger.count('retries-unset: attempt'), status: unsetRun.status });
    const linearGaps = gaps(attemptTimes('linear'));
    t.metric('linear --retry-interval 1: wait before each retry', 'ms', linearGaps);
    t.check('linear: retries: 3 gives 4 attempts', 4, linearGaps.length + 1);
    // Never before the interval; up to SCHEDULING_SLACK_S late for the queue to pick the retry up.
    const linearWindow = [LINEAR_SECONDS * 1000, (LINEAR_SECONDS + SCHEDULING_SLACK_S) * 1000] as const;
    t.check(
      'linear: every wait, against the interval',
      `${linearWindow[0]}–${linearWindow[1]} ms each`,
      linearGaps.map((g) => `${g} ms`).join(', '),
      linearGaps.length > 0 && linearGaps.every((g) => g >= linearWindow[0] && g <= linearWindow[1]),
    );
    t.check('linear run ends FAILED', 'FAILED', linearRun.status);

    const [retryAfterGap] = gaps(attemptTimes('retry-after'));
    t.metric(`RetryAfterError(${RETRY_AFTER_MS} ms): wait before the retry`, 'ms', retryAfterGap ?? NaN);
    // Asked to wait RETRY_AFTER_MS, the retry must not come earlier; up to SCHEDULING_SLACK_S late for the queue.
    const retryAfterWindow = [RETRY_AFTER_MS, RETRY_AFTER_MS + SCHEDULING_SLACK_S * 1000] as const;
    t.check(
      'RetryAfterError: the retry waits at least what it asked',
      `${retryAfterWindow[0]}–${retryAfterWindow[1]} ms`,
      `${retryAfterGap ?? 'no retry'} ms`,
      retryAfterGap !== undefined && retryAfterGap >= retryAfterWindow[0] && retryAfterGap <= retryAfterWindow[1],
    );
    t.check('RetryAfterError: then the run completes', 'COMPLETED', retryAfterRun.status);
  },
});
