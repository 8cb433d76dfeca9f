/**
 * OB-02 · Metrics
 *
 * Question: what does the server's Prometheus endpoint expose, and which series move when work happens?
 *
 * How: the probe scrapes `/metrics`, runs a batch of three-step functions (one of them failing), scrapes again
 * and compares every series. It does this with the server's defaults and again with its experimental lifecycle
 * metrics switched on (`INNGEST_EXPERIMENTAL_PROM_METRICS=1`, read from the server's environment).
 */
import { Inngest } from 'inngest';
import { defineProbe, record } from '../harness/index.ts';

const inngest = new Inngest({ id: 'ob-02' });
const RUNS = 10;

const work = inngest.createFunction({ id: 'ob-02-work', triggers: [{ event: 'probe/ob-02.work' }], retries: 0 }, async ({ event, step }) => {
  for (let i = 0; i < 3; i++) await step.run(`part ${i}`, () => i);
  record('worked', { fail: event.data.fail });
  if (event.data.fail) throw new Error('one run fails on purpose');
});

/** Parses Prometheus text: each sample line becomes series → value (series includes its labels). */
function parse(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const cut = line.lastIndexOf(' ');
    samples.set(line.slice(0, cut), Number(line.slice(cut + 1)));
  }
  return samples;
}

export default defineProbe({
  id: 'OB-02',
  question: 'What does the metrics endpoint expose, and which series move after runs?',
  budgetMs: 90_000,
  client: inngest,
  functions: [work],

  async run(t) {
    for (const experimental of [false, true]) {
      const label = experimental ? 'experimental metrics on' : 'defaults';
      await t.server.restart({ mode: 'dev', flags: [], env: experimental ? { INNGEST_EXPERIMENTAL_PROM_METRICS: '1' } : {} });
      const before = await t.callApi('GET', '/metrics');
      const done = t.ledger.count('worked');
      for (let i = 0; i < RUNS; i++) await t.send('probe/ob-02.work', { fail: i === 0 });
      await t.ledger.waitFor('worked', done + RUNS);
      await t.pause(2_000, 'let the server record the runs');
      const after = await t.callApi('GET', '/metrics');

      const a = parse(before.body);
      const b = parse(after.body);
      const moved = [...b].filter(([series, value]) => value !== (a.get(series) ?? 0)).map(([series, value]) => `${series}: ${a.get(series) ?? 0} → ${value}`);
      t.metric(`${label}: series exposed`, 'series', b.size);
      t.metric(`${label}: series that moved after ${RUNS} runs`, 'series', moved.length);
      t.note(`${label}: series names: ${[...new Set([...b.keys()].map((s) => s.split('{')[0]))].join(', ')}`);
      if (moved.length) t.note(`${label}: moved: ${moved.slice(0, 12).join('; ')}`);
      t.check(`${label}: /metrics answers in Prometheus text format`, 'HTTP 200 with # HELP lines', `HTTP ${after.status}`, after.status === 200 && after.body.includes('# HELP'));
      const runCounters = moved.filter((m) => /run_(started|ended|scheduled)/.test(m));
      t.check(`${label}: a run counter moves with the runs`, 'a run_* series that moved', runCounters[0] ?? 'none moved', runCounters.length > 0);
    }
  },
});
