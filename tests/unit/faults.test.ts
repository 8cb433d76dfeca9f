import { createWriteStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { LedgerEntry } from '../../src/probes/core/ledger.ts';
import { faultCellSchema, parseFaultMatrix, type FaultMatrix, type FaultRun } from '../../src/schema.ts';
import { applicableFaults, descendants, injectFault, managedProcess, observeRun, restoreDeployment, stepExecutions, summariseCell, targetsOf, type FaultableProcess } from '../../runner/core/faults.ts';
import { mergeMatrix } from '../../runner/core/fault-matrix.ts';
import { cellAnchor, findCell } from '../../src/lib/faults.ts';

const line = (effect: string, step: string, at: number, pid = 1, tag = 'r1'): LedgerEntry => ({ effect, at, pid, data: { tag, step } });

describe('stepExecutions()', () => {
  test('counts a start after a completion of the same step as repeated work', () => {
    const lines = [line('step started', 'charge card', 1), line('step completed', 'charge card', 2), line('step started', 'charge card', 3), line('step completed', 'charge card', 4)];
    expect(stepExecutions(lines)).toEqual({ repeatedSteps: [{ step: 'charge card', extraExecutions: 1 }], interruptedRestarts: 0 });
  });

  test('counts a start after an unfinished start as a retry of an interrupted step, not as repeated work', () => {
    const lines = [line('step started', 'charge card', 1), line('step started', 'charge card', 3), line('step completed', 'charge card', 4)];
    expect(stepExecutions(lines)).toEqual({ repeatedSteps: [], interruptedRestarts: 1 });
  });
});

describe('observeRun()', () => {
  const recoveredAt = 1_000;

  test('calls a run lost only when the engine no longer knows it', () => {
    const run = { tag: 'r1', moment: 'trigger' as const, crash: 1 };
    expect(observeRun(run, [], recoveredAt, 'absent: neither event nor run').outcome).toBe('lost');
    expect(observeRun(run, [], recoveredAt, 'RUNNING (not ended)').outcome).toBe('stuck');
  });

  test('measures timer lateness from the due time to the step after the sleep', () => {
    const ledger = [line('step started', 'reserve stock', 100), line('step completed', 'reserve stock', 110), line('step started', 'ship order', 4_310), line('step completed', 'ship order', 4_320)];
    const observed = observeRun({ tag: 'r1', moment: 'sleep', crash: 1, dueAt: 4_110 }, ledger, recoveredAt, 'COMPLETED');
    expect(observed).toMatchObject({ outcome: 'completed', timerLatenessMs: 200, resumeMs: 200 });
  });

  test('starts the resume clock when a step that ran through the crash in a surviving worker completed', () => {
    // The worker kept running while the server was down: its step completed after recovery, the next one at once.
    const ledger = [line('step started', 'charge card', 500, 7), line('step completed', 'charge card', 2_500, 7), line('step started', 'ship order', 2_520, 7), line('step completed', 'ship order', 2_530, 7)];
    expect(observeRun({ tag: 'r1', moment: 'step', crash: 1 }, ledger, recoveredAt, 'COMPLETED').resumeMs).toBe(20);
  });
});

describe('summariseCell()', () => {
  const run = (over: Partial<FaultRun>): FaultRun => ({ tag: 't', moment: 'trigger', crash: 1, outcome: 'completed', engineView: 'COMPLETED', repeatedSteps: [], interruptedRestarts: 0, ...over });

  test('says how many runs were lost, in how many crashes, and names them', () => {
    const cell = summariseCell('trigger', [
      run({ tag: 'a', crash: 1, outcome: 'lost', engineView: 'absent' }),
      run({ tag: 'b', crash: 1, outcome: 'lost', engineView: 'absent' }),
      run({ tag: 'c', crash: 2 }),
      run({ tag: 'd', crash: 3, outcome: 'lost', engineView: 'absent' }),
      run({ tag: 'e', crash: 3, repeatedSteps: [{ step: 'ship order', extraExecutions: 2 }] }),
    ]);
    expect(cell).toMatchObject({ outcome: 'lost', runs: 5, crashes: 3, lost: { runs: 3, crashes: 2, tags: ['a', 'b', 'd'] }, repeated: { runs: 1, crashes: 1, extraExecutions: 2 } });
    expect(faultCellSchema.safeParse(cell).success).toBe(true);
  });

  test('calls a cell held only when every run completed without repeated work', () => {
    expect(summariseCell('trigger', [run({ tag: 'a' }), run({ tag: 'b', crash: 2 })]).outcome).toBe('held');
    expect(summariseCell('trigger', [run({ tag: 'a', repeatedSteps: [{ step: 'x', extraExecutions: 1 }] })]).outcome).toBe('repeated');
  });
});

describe('applicableFaults()', () => {
  test('leaves out the faults of a store that lives inside the server, with the reason', () => {
    const { faults, omitted } = applicableFaults(['server', 'worker'], { redis: 'inside the server', postgres: 'SQLite' });
    expect(faults.map((f) => f.id)).toEqual(['sigkill-worker', 'sigkill-server', 'sigkill-all', 'graceful-worker', 'graceful-server', 'graceful-all']);
    expect(omitted).toContainEqual({ fault: 'sigkill-redis', reason: 'inside the server' });
    expect(omitted).toContainEqual({ fault: 'graceful-postgres', reason: 'SQLite' });
  });
});

describe('injectFault()', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  /** A real process (a shell that starts a child of its own and sleeps), ready at once. */
  function sleeper(role: 'server' | 'worker' | 'redis', log = createWriteStream('/dev/null')): FaultableProcess {
    const dir = mkdtempSync(join(tmpdir(), 'faults-test-'));
    dirs.push(dir);
    return managedProcess({ role, command: 'sh', args: ['-c', 'sleep 300 & wait'], shown: ['sh'], cwd: dir, log, ready: async () => true });
  }

  test('SIGKILLs every process of "all" with its children, and starts them again in start order', async () => {
    const [worker, server, store] = [sleeper('worker'), sleeper('server'), sleeper('redis')];
    const processes = [worker, server, store];
    for (const p of processes) await p.start();
    const timeline = await injectFault({ processes }, { id: 'sigkill-all', kind: 'sigkill', target: 'all' });
    expect(timeline.back.map((b) => b.role)).toEqual(['redis', 'server', 'worker']);
    expect(processes.every((p) => p.running)).toBe(true);
    expect(timeline.collateral).toEqual([]);
    for (const p of processes) await p.kill();
  });

  test('kills a process tree whole, so no child outlives its parent', async () => {
    const before = new Set(descendants(process.pid));
    const p = sleeper('server');
    await p.start();
    await new Promise((r) => setTimeout(r, 300));
    const tree = descendants(process.pid).filter((pid) => !before.has(pid));
    expect(tree.length).toBeGreaterThanOrEqual(2); // the shell and its sleep
    await p.kill();
    expect(tree.filter((pid) => existsSync(`/proc/${pid}`))).toEqual([]);
  });

  test('starts again, as collateral, a process the fault did not target that died meanwhile', async () => {
    const [server, store] = [sleeper('server'), sleeper('redis')];
    await store.start();
    await server.start();
    await server.kill(); // as if it quit by itself when its store went away
    const timeline = await injectFault({ processes: [server, store] }, { id: 'graceful-redis', kind: 'graceful', target: 'redis' });
    expect(timeline.collateral).toEqual(['server']);
    expect(server.running && store.running).toBe(true);
    await server.kill();
    await store.kill();
  });

  test('restores a deployment whose process exited by itself after a recovery, and names it', async () => {
    const [server, worker] = [sleeper('server'), sleeper('worker')];
    await server.start();
    await worker.start();
    await server.kill();
    expect(await restoreDeployment({ processes: [worker, server] })).toEqual(['server']);
    expect(server.running).toBe(true);
    expect(await restoreDeployment({ processes: [worker, server] })).toEqual([]);
    await server.kill();
    await worker.kill();
  });

  test('refuses a fault on a role the deployment does not have', () => {
    expect(() => targetsOf({ id: 'sigkill-postgres', kind: 'sigkill', target: 'postgres' }, [sleeper('server')])).toThrow(/no postgres/);
  });
});

describe('the fault-matrix schema', () => {
  const run = { id: 'faults-1', engine: 'inngest', startedAt: '2026-11-26T16:00:00.000Z', finishedAt: '2026-11-26T16:10:00.000Z', durationMs: 600_000, command: 'npm run faults', trials: 3, node: 'v24.9.0', os: 'linux', cpus: 2, gitCommit: 'abc' } as const;
  const observed: FaultRun = { tag: 'a', moment: 'trigger', crash: 1, outcome: 'lost', engineView: 'absent: neither event nor run', repeatedSteps: [], interruptedRestarts: 0 };
  const matrix = (): FaultMatrix => ({
    schemaVersion: 1,
    engine: 'inngest',
    runs: [run],
    scenario: { source: 'src/faults/inngest/durability.ts', sourceHash: 'a'.repeat(64) },
    bounds: { crashesPerPair: 3, runsPerMomentPerCrash: 2, stepMs: 3000, sleepMs: 4000, completionBoundMs: 20000 },
    configurations: [
      {
        id: 'start-redis-none',
        engineConfig: { engine: 'inngest', version: '1.43.0', source: 'started', mode: 'self-hosted', flags: [], stateStore: 'redis', sdk: { package: 'inngest', version: '4.24.0' } },
        processes: [{ role: 'server', command: ['inngest', 'start'] }],
        pairs: [
          {
            fault: { id: 'sigkill-server', kind: 'sigkill', target: 'server' },
            runId: 'faults-1',
            crashes: [{ crash: 1, injectedAt: '2026-11-26T16:01:00.000Z', back: [{ role: 'server', readyMs: 200 }], recoveredMs: 210, collateral: [], settledMs: 20000, exitedLater: [] }],
            cells: (['step', 'sleep', 'event', 'trigger'] as const).map((m) => summariseCell(m, m === 'trigger' ? [{ ...observed }] : [])),
          },
        ],
        omitted: [],
      },
    ],
    omittedConfigurations: [],
    notes: [],
  });

  test('accepts a matrix whose cells agree with their runs', () => {
    expect(() => parseFaultMatrix(matrix(), 'faults.json')).not.toThrow();
  });

  test('rejects a cell whose counts hide a lost run', () => {
    const m = matrix();
    const cell = m.configurations[0]!.pairs[0]!.cells[3]!;
    cell.lost = { runs: 0, crashes: 0, tags: [] };
    cell.outcome = 'held';
    expect(() => parseFaultMatrix(m, 'faults.json')).toThrow(/cells\.3\.lost: does not match the runs observed/);
  });

  test('rejects a run called lost while the engine still reports it', () => {
    const m = matrix();
    m.configurations[0]!.pairs[0]!.cells[3]!.observed[0]!.engineView = 'RUNNING';
    expect(() => parseFaultMatrix(m, 'faults.json')).toThrow(/is not lost/);
  });

  test('rejects a pair that names a run the matrix does not record', () => {
    const m = matrix();
    m.configurations[0]!.pairs[0]!.runId = 'elsewhere';
    expect(() => parseFaultMatrix(m, 'faults.json')).toThrow(/no run "elsewhere"/);
  });

  test('merging a run replaces only the pairs it measured and keeps the runs still referred to', () => {
    const before = matrix();
    const run2 = { ...run, id: 'faults-2' };
    const fresh = matrix();
    fresh.runs = [run2];
    fresh.configurations[0]!.pairs[0]! = { ...fresh.configurations[0]!.pairs[0]!, fault: { id: 'sigkill-worker', kind: 'sigkill', target: 'worker' }, runId: 'faults-2' };
    const merged = mergeMatrix(before, { ...fresh, run: run2 });
    expect(merged.configurations[0]!.pairs.map((p) => `${p.fault.id}@${p.runId}`)).toEqual(['sigkill-server@faults-1', 'sigkill-worker@faults-2']);
    expect(merged.runs.map((r) => r.id)).toEqual(['faults-1', 'faults-2']);
    expect(() => parseFaultMatrix(merged, 'faults.json')).not.toThrow();
  });
});

describe('findCell()', () => {
  const run: FaultRun = { tag: 'a', moment: 'trigger', crash: 1, outcome: 'completed', engineView: 'COMPLETED', repeatedSteps: [], interruptedRestarts: 0 };
  const matrix = {
    engine: 'temporal',
    configurations: [{ id: 'start-dev-state-file', pairs: [{ fault: { id: 'sigkill-server', kind: 'sigkill', target: 'server' }, cells: [summariseCell('trigger', [run])] }] }],
  } as unknown as FaultMatrix;

  test('finds the cell a page quotes', () => {
    expect(findCell(matrix, 'start-dev-state-file', 'sigkill-server', 'trigger').cell.runs).toBe(1);
  });

  test('fails, naming what exists, when a page quotes a cell the matrix does not have', () => {
    expect(() => findCell(matrix, 'start-dev-postgres', 'sigkill-server', 'trigger')).toThrow(/no configuration "start-dev-postgres" \(it has start-dev-state-file\)/);
    expect(() => findCell(matrix, 'start-dev-state-file', 'sigkill-redis', 'trigger')).toThrow(/no fault "sigkill-redis"/);
    expect(() => findCell(matrix, 'start-dev-state-file', 'sigkill-server', 'sleep')).toThrow(/no "sleep" cell/);
  });

  test('gives every cell of a pair its own anchor', () => {
    const anchors = (['trigger', 'step', 'sleep', 'event'] as const).map((m) => cellAnchor('temporal', 'start-dev-state-file', 'sigkill-server', m));
    expect(new Set(anchors).size).toBe(4);
  });
});
