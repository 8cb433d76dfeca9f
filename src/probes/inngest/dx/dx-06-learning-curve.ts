/**
 * DX-06 · Learning curve
 *
 * Question: how much code and how many concepts does a typical durable workflow take?
 *
 * How: the canonical workflow below (an onboarding drip: welcome email, wait, check activity, maybe nudge) is
 * written as plainly as the SDK allows, between two markers. The probe runs it on the server, then measures it
 * from this file's own source: lines of code and distinct SDK concepts. It also counts the concepts all of this
 * project's probes needed to cover their criteria.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineProbe, record } from '../harness/index.ts';

// canonical:start
import { Inngest } from 'inngest';

const inngest = new Inngest({ id: 'dx-06' });

export const onboarding = inngest.createFunction(
  { id: 'dx-06-onboarding', triggers: [{ event: 'probe/dx-06.signed-up' }] },
  async ({ event, step }) => {
    await step.run('send welcome email', () => record('welcome sent', { to: event.data.email }));
    await step.sleep('give them a moment', '1s');
    const active = await step.waitForEvent('wait for first project', { event: 'probe/dx-06.project-created', timeout: '2s', if: 'async.data.email == event.data.email' });
    if (!active) await step.run('send nudge', () => record('nudge sent', { to: event.data.email }));
    return { nudged: !active };
  },
);
// canonical:end

const here = fileURLToPath(import.meta.url);

/** SDK concepts a piece of source uses: the client, createFunction, each step tool, each config key. */
function concepts(source: string): string[] {
  const found = new Set<string>();
  if (/new Inngest\(/.test(source)) found.add('Inngest client');
  if (/createFunction\(/.test(source)) found.add('createFunction');
  if (/triggers:/.test(source)) found.add('triggers');
  for (const m of source.matchAll(/step\.(\w+)(?:\.(\w+))?\(/g)) found.add(`step.${m[1]}${m[2] ? `.${m[2]}` : ''}`);
  for (const key of ['retries', 'concurrency', 'throttle', 'rateLimit', 'debounce', 'batchEvents', 'priority', 'singleton', 'idempotency', 'cancelOn', 'onFailure', 'timeouts', 'checkpointing']) {
    if (new RegExp(`\\b${key}:`).test(source)) found.add(key);
  }
  return [...found].sort();
}

export default defineProbe({
  id: 'DX-06',
  question: 'How many lines and concepts does a canonical durable workflow take?',
  budgetMs: 30_000,
  client: inngest,
  functions: [onboarding],

  async run(t) {
    // 1. The canonical workflow works as written.
    const [run] = await t.waitForRuns(await t.send('probe/dx-06.signed-up', { email: 'ann@example.com' }));
    const ended = await t.waitForEnd(run!.id);
    t.check('the canonical workflow runs: welcome, wait, no project, nudge', { status: 'COMPLETED', nudged: true }, { status: ended.status, nudged: (ended.output as { nudged: boolean } | null)?.nudged });

    // 2. Measure it from this file.
    const source = readFileSync(here, 'utf8');
    const canonical = source.slice(source.indexOf('// canonical:start'), source.indexOf('// canonical:end'));
    const lines = canonical.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('//'));
    const used = concepts(canonical);
    t.metric('canonical workflow: lines of code', 'lines', lines.length);
    t.metric('canonical workflow: SDK concepts', 'concepts', used.length);
    t.note(`Concepts in the canonical workflow: ${used.join(', ')}`);
    t.check('a complete durable workflow fits in under 20 lines: its lines of code', '< 20', lines.length, lines.length < 20);

    // 3. What all the probes of this project needed.
    const probesRoot = dirname(dirname(here));
    const files = readdirSync(probesRoot, { recursive: true, encoding: 'utf8' }).filter((f) => /^[a-z]{2}\/[a-z]{2}-\d{2}-.+\.ts$/.test(f));
    const all = new Set(files.flatMap((f) => concepts(readFileSync(join(probesRoot, f), 'utf8'))));
    t.metric('concepts used across all probes of this project', 'concepts', all.size);
    t.note(`Across ${files.length} probe files: ${[...all].sort().join(', ')}`);
  },
});
