/**
 * DX-07 · Local replay harness (Temporal)
 *
 * Question: can a run recorded by the server be re-executed locally from its history, to debug it or to check
 * that new code is still compatible with it? This is the developer's loop, not EX-07's server-side view: save a
 * history to a file, replay it from the file, change the code, replay again.
 *
 * How: a pricing workflow whose activities draw random numbers runs on the dev server. The probe saves its
 * history the way a developer would, with `temporal workflow show --output json` into a file, then replays the
 * file with the SDK's `Worker.runReplayHistory`; it also saves the history in the API's binary form and replays
 * that file against the same code (the workflow reports its result through a
 * sink the replay listens to) and against a version with a renamed activity. Last, the CI form: every closed
 * pricing workflow on the server, listed with a visibility query, replayed in one go with
 * `Worker.runReplayHistories` against the changed code.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createRequire } from 'node:module';
import type { InjectedSinks } from '@temporalio/worker';
import { Worker } from '@temporalio/worker';
import proto from '@temporalio/proto';
import { defineProbe, record, type LedgerSinks } from '../harness/index.ts';

export const activities = {
  async fetchBasePrice() {
    record('activity ran', { name: 'fetchBasePrice' });
    return Math.round(1000 + Math.random() * 1000);
  },
  async computeDiscount(base: number) {
    record('activity ran', { name: 'computeDiscount' });
    return Math.round(Math.random() * 30) + (base > 1500 ? 5 : 0);
  },
  /** The changed code's name for computeDiscount. */
  async computeDiscountPercent(base: number) {
    record('activity ran', { name: 'computeDiscountPercent' });
    return Math.round(Math.random() * 30) + (base > 1500 ? 5 : 0);
  },
  async applyTax(base: number, discount: number) {
    record('activity ran', { name: 'applyTax' });
    return Math.round(base * (1 - discount / 100) * 1.1);
  },
};

const V1 = new URL('./dx-07-local-replay.workflows.ts', import.meta.url);
const RENAMED = new URL('./dx-07-local-replay.renamed.workflows.ts', import.meta.url);
const RUNS = 3;

/** The `temporal` CLI this machine has: `$TEMPORAL_BIN`, else the first on `PATH` (the runner's own rule). */
function temporalCli(): string {
  if (process.env.TEMPORAL_BIN) return process.env.TEMPORAL_BIN;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) if (dir && existsSync(join(dir, 'temporal'))) return join(dir, 'temporal');
  throw new Error('no temporal CLI on PATH or in TEMPORAL_BIN');
}

/** Replay options as a test file would write them: the workflows module, and a sink that hears the result. */
function replayOptions(workflows: URL, heard: unknown[]) {
  const sinks: InjectedSinks<LedgerSinks> = {
    ledger: { record: { fn: (_info, effect, data) => void (effect === 'priced' && heard.push(data)), callDuringReplay: true } },
  };
  const quiet = { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error() {} };
  return { workflowsPath: fileURLToPath(workflows), sinks, bundlerOptions: { logger: quiet } } as Parameters<typeof Worker.runReplayHistory>[0];
}

export default defineProbe({
  id: 'DX-07',
  question: 'Can a recorded run be replayed locally from its history, and does the replay catch incompatible code?',
  budgetMs: 90_000,
  workflows: V1,
  deployments: { renamed: RENAMED },
  activities,

  async run(t) {
    // 1. Real runs on the server, with random activity results.
    const handles = [];
    for (let i = 0; i < RUNS; i++) handles.push(await t.client.workflow.start('pricing', { taskQueue: t.taskQueue, workflowId: t.workflowId(`pricing-${i}`), args: [`customer ${i}`] }));
    const outputs = await Promise.all(handles.map((h) => h.result()));
    const [first] = handles;
    const recorded = outputs[0];
    const activityRuns = t.ledger.count('activity ran');

    // 2. The history into a file, as a developer gets it: `temporal workflow show --output json`.
    const dir = mkdtempSync(join(tmpdir(), 'dx-07-'));
    const file = join(dir, 'history.json');
    const [json, showMs] = await (async () => {
      const started = performance.now();
      const { stdout } = await promisify(execFile)(temporalCli(), ['workflow', 'show', '--workflow-id', first!.workflowId, '--output', 'json', '--address', t.server.address, '--namespace', 'default'], { maxBuffer: 16 << 20 });
      return [stdout, performance.now() - started] as const;
    })();
    writeFileSync(file, json);
    const events = (JSON.parse(json) as { events: unknown[] }).events.length;
    t.metric('temporal workflow show --output json: history to a file', 'ms', showMs);
    t.metric('history file: size', 'bytes', statSync(file).size);
    t.metric('history file: events', 'events', events);

    // 3. Replay the JSON file against the same code, as the SDK's testing guide shows.
    const fromJsonFile = await Worker.runReplayHistory(replayOptions(V1, []), JSON.parse(readFileSync(file, 'utf8'))).then(
      () => 'none',
      (e: Error) => `${e.name}: ${e.message}`,
    );
    t.check("replay of the CLI's JSON history file with the same code: error", 'none', fromJsonFile.slice(0, 300));
    // Which protobufjs each Temporal package loads: the JSON reader compares types across them with instanceof.
    const require = createRequire(import.meta.url);
    const protobufOf = (pkg: string) => createRequire(require.resolve(`${pkg}/package.json`)).resolve('protobufjs').replace(/^.*?node_modules\//, '');
    t.note(`protobufjs as loaded by @temporalio/common: ${protobufOf('@temporalio/common')}; by @temporalio/proto: ${protobufOf('@temporalio/proto')}`);

    // The same history saved in the API's binary form (fetchHistory, then History.encode) and replayed from that file.
    const binFile = join(dir, 'history.pb');
    writeFileSync(binFile, proto.temporal.api.history.v1.History.encode(await first!.fetchHistory()).finish());
    const loaded = () => proto.temporal.api.history.v1.History.decode(readFileSync(binFile));
    const heard: unknown[] = [];
    const started = performance.now();
    const same = await Worker.runReplayHistory(replayOptions(V1, heard), loaded()).then(
      () => 'none',
      (e: Error) => `${e.name}: ${e.message}`,
    );
    t.metric('replay from the file (bundling the workflow code included)', 'ms', performance.now() - started);
    t.check('replay of the binary history file with the same code: error', 'none', same.slice(0, 300));
    // The sink's argument was made inside the workflow sandbox (another realm): compare it as data.
    const replayed: unknown = heard[0] === undefined ? 'nothing heard' : JSON.parse(JSON.stringify(heard[0]));
    t.check('replay reproduces the recorded output exactly', recorded, replayed);
    t.check('the replay ran no activity', activityRuns, t.ledger.count('activity ran'));

    // 4. Replay the same file against the changed code (an activity renamed): rejected, and how.
    const changed = await Worker.runReplayHistory(replayOptions(RENAMED, []), loaded()).then(
      () => ({ name: 'none', message: '' }),
      (e: Error) => ({ name: e.name, message: e.message }),
    );
    t.check('changed code (an activity renamed): the replay rejects it with', 'DeterminismViolationError', changed.name);
    t.check('changed code: the message names the recorded and the new activity', 'computeDiscount and computeDiscountPercent', changed.message.slice(0, 400), changed.message.includes('computeDiscount') && changed.message.includes('computeDiscountPercent'));

    // 5. The CI form: every closed pricing workflow of this trial, straight from the server, against the changed code.
    const query = `WorkflowType = 'pricing' AND TaskQueue = '${t.taskQueue}' AND ExecutionStatus = 'Completed'`;
    const ciStarted = performance.now();
    const results: { workflowId: string; error: string }[] = [];
    for await (const r of Worker.runReplayHistories(replayOptions(RENAMED, []), t.client.workflow.list({ query }).intoHistories())) {
      results.push({ workflowId: r.workflowId, error: r.error ? (r.error as Error).name : 'none' });
    }
    t.metric(`replay of ${RUNS} histories listed from the server (runReplayHistories)`, 'ms', performance.now() - ciStarted);
    t.check(`runReplayHistories over the server's closed runs: rejected of ${RUNS}`, RUNS, results.filter((r) => r.error === 'DeterminismViolationError').length);
    t.note(`runReplayHistories results: ${JSON.stringify(results.map((r) => r.error))}`);
  },
});
