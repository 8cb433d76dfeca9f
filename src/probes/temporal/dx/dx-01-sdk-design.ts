/**
 * DX-01 · SDK design (Temporal)
 *
 * Question: how much does the TypeScript SDK's type system catch before anything runs (activities, signals,
 * queries, starting a workflow), what is left unchecked once values cross the wire, and how large is the API?
 *
 * How: a small compile-time test suite. Each case is a few lines of ordinary SDK use, marked with whether the
 * TypeScript compiler should reject it; the probe compiles them all with the compiler API against the installed
 * SDK and compares (the same cases in the Inngest probe have the same names). Then, at run time on the server: a
 * typed order workflow with its signal and query, and a workflow started by its name with an argument of the
 * wrong type, to see whether anything checks payloads at the boundary. It also counts the SDK's exports.
 */
import ts from 'typescript';
import { fileURLToPath } from 'node:url';
import * as activityPkg from '@temporalio/activity';
import * as clientPkg from '@temporalio/client';
import * as workerPkg from '@temporalio/worker';
import * as workflowPkg from '@temporalio/workflow';
import { defineProbe, record } from '../harness/index.ts';
import { approve, order, status } from './dx-01-sdk-design.workflows.ts';

export const activities = {
  async charge(orderId: string, amount: number): Promise<{ receipt: string }> {
    record('charged', { orderId, amount });
    return { receipt: `${orderId}:${amount}` };
  },
  async describeValue(value: unknown): Promise<string> {
    return typeof value;
  },
};

/** Compile-time cases: the code, and whether the compiler must reject it. */
const CASES: { name: string; rejects: boolean; code: string }[] = [
  { name: 'an activity called with the right arguments is accepted', rejects: false, code: `wf(async () => { await charge('A1', 10); });` },
  { name: 'an activity missing an argument is rejected', rejects: true, code: `wf(async () => { await charge('A1'); });` },
  { name: 'an activity argument of the wrong type is rejected', rejects: true, code: `wf(async () => { await charge('A1', '10'); });` },
  { name: 'an activity the interface does not have is rejected', rejects: true, code: `const { refund } = proxyActivities<typeof acts>({ startToCloseTimeout: '1 minute' });` },
  { name: "an activity's output type is inferred", rejects: false, code: `wf(async () => { const r: string = (await charge('A1', 1)).receipt; return r; });` },
  { name: 'using an activity output as the wrong type is rejected', rejects: true, code: `wf(async () => { const n: number = (await charge('A1', 1)).receipt; return n; });` },
  { name: 'a Date returned from an activity is typed as its JSON string', rejects: true, code: `wf(async () => (await stamp()).getTime());` },
  { name: 'a signal handler with the wrong argument type is rejected', rejects: true, code: `wf(async () => { setHandler(approve, (n: number) => void n); });` },
  { name: 'signalling with the wrong payload is rejected', rejects: true, code: `client.workflow.getHandle('w').signal(approve, 42);` },
  { name: 'using a query result as the wrong type is rejected', rejects: true, code: `(async () => { const n: number = await client.workflow.getHandle('w').query(status); return n; })();` },
  { name: 'starting a workflow by its function with the wrong arguments is rejected', rejects: true, code: `client.workflow.start(order, { taskQueue: 'q', workflowId: 'w', args: ['A1', '10'] });` },
  { name: 'using a workflow result as the wrong type is rejected', rejects: true, code: `(async () => { const s: string = await client.workflow.execute(order, { taskQueue: 'q', workflowId: 'w', args: ['A1', 10] }); return s; })();` },
  { name: 'starting a workflow by its name string: any arguments are accepted', rejects: false, code: `client.workflow.start('order', { taskQueue: 'q', workflowId: 'w', args: [1, 2, 3] });` },
];

const PRELUDE = `
import { proxyActivities, defineSignal, defineQuery, setHandler } from '@temporalio/workflow';
import { Client } from '@temporalio/client';
const acts = {
  async charge(orderId: string, amount: number): Promise<{ receipt: string }> { return { receipt: orderId + amount }; },
  async stamp(): Promise<Date> { return new Date(); },
};
const { charge, stamp } = proxyActivities<typeof acts>({ startToCloseTimeout: '1 minute' });
const approve = defineSignal<[approver: string]>('approve');
const status = defineQuery<string>('status');
async function order(orderId: string, amount: number): Promise<{ receipt: string }> { return charge(orderId, amount); }
const wf = (body: () => Promise<unknown>) => body;
declare const client: Client;
`;

/** Compiles every case in one program, each in a file of its own next to this one; returns each case's errors. */
function compile(codes: string[]): string[][] {
  const options: ts.CompilerOptions = { strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true };
  const files = codes.map((_, i) => fileURLToPath(new URL(`./__dx-01-case-${i}__.ts`, import.meta.url)));
  const sources = new Map(files.map((f, i) => [f, ts.createSourceFile(f, `${PRELUDE}\n${codes[i]}\nexport {};\n`, ts.ScriptTarget.ES2022, true)]));
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, ...rest) => sources.get(name) ?? getSourceFile(name, ...rest);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => sources.has(name) || fileExists(name);
  const program = ts.createProgram(files, options, host);
  return files.map((f) => ts.getPreEmitDiagnostics(program, sources.get(f)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ').slice(0, 200)));
}

export default defineProbe({
  id: 'DX-01',
  question: 'What does the type system catch before anything runs, what crosses the wire unchecked, and how big is the API surface?',
  budgetMs: 120_000,
  workflows: new URL('./dx-01-sdk-design.workflows.ts', import.meta.url),
  activities,

  async run(t) {
    // 1. The compile-time suite.
    const started = performance.now();
    const [baseline, ...results] = compile(['', ...CASES.map((c) => c.code)]);
    if (baseline!.length) throw new Error(`the fixture itself does not compile: ${baseline![0]}`);
    t.metric('compile time per case', 'ms', (performance.now() - started) / (CASES.length + 1));
    CASES.forEach((c, i) => {
      const errors = results[i]!;
      t.check(`types: ${c.name}`, c.rejects ? 'rejected' : 'accepted', errors.length ? `rejected: ${errors[0]}` : 'accepted', (errors.length > 0) === c.rejects);
    });

    // 2. The API surface in numbers.
    t.metric('runtime exports of @temporalio/workflow', 'exports', Object.keys(workflowPkg).length);
    t.metric('runtime exports of @temporalio/client', 'exports', Object.keys(clientPkg).length);
    t.metric('runtime exports of @temporalio/worker', 'exports', Object.keys(workerPkg).length);
    t.metric('runtime exports of @temporalio/activity', 'exports', Object.keys(activityPkg).length);

    // 3. The typed workflow for real: start by its function, query, signal, result.
    const handle = await t.client.workflow.start(order, { taskQueue: t.taskQueue, workflowId: t.workflowId('order'), args: ['A-1', 100] });
    const waiting = await handle.query(status);
    await handle.signal(approve, 'ann');
    t.check('the typed workflow runs: query before the signal, then the result', { waiting: 'waiting for approval', result: { receipt: 'A-1:100', approvedBy: 'ann' } }, { waiting, result: await handle.result() });

    // 4. Across the wire nothing checks types: a workflow started by name with a number where it declares a string.
    const untyped = await t.client.workflow.execute('greet', { taskQueue: t.taskQueue, workflowId: t.workflowId('greet'), args: [42] }).then(
      (r) => `ran: the workflow saw a ${(r as { inWorkflow: string }).inWorkflow}, the activity a ${(r as { inActivity: string }).inActivity}`,
      (e: Error) => `rejected: ${e.message}`,
    );
    t.check('a workflow started by name with a number for its string parameter', 'rejected before it runs', untyped, untyped.startsWith('rejected'));
  },
});
