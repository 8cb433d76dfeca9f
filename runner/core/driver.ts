/**
 * What the engine-neutral core asks of an engine's driver. A driver finds its engine, starts instances of it,
 * switches an instance between modes, puts it back on its baseline, describes it, and runs one trial of a probe's
 * scenario on it with the engine's own probe context and workers. The core never names an engine.
 */
import type { CoreProbeDefinition, EngineNeeds } from '../../src/probes/core/context.ts';
import type { EngineConfig, EngineId } from '../../src/schema.ts';
import type { Recorder } from './recorder.ts';
import type { TrialFiles } from './scenario.ts';

/** One running engine (a server, or a connection to one) that a lane of the runner owns. */
export interface EngineInstance {
  /** The engine's configuration now: version, mode, flags (ports and secrets masked), state store, SDK. */
  describe(): EngineConfig;
  /** Whether it runs in its baseline mode with no extra flags or environment, and is alive. */
  atBaseline(): boolean;
  /** Puts it in the configuration a probe declared it needs (a no-op when that is the current one). */
  prepare(needs: EngineNeeds | undefined): Promise<void>;
  /** Puts it back on its baseline with fresh state, whatever the last probe did to it. */
  reset(): Promise<void>;
  /** Stops it and removes its files. */
  stop(): Promise<void>;
}

/** A probe file, loaded. */
export interface LoadedProbe<D extends CoreProbeDefinition = CoreProbeDefinition> {
  definition: D;
  /** Path relative to the project root, e.g. `src/probes/inngest/ex/ex-01-progress.ts`. */
  source: string;
  absolutePath: string;
  sourceHash: string;
}

/** What a driver gets to run one trial. */
export interface TrialRun {
  files: TrialFiles;
  recorder: Recorder;
  signal: AbortSignal;
}

/** Where the engine was found, or how to get it. */
export type Located = { found: true; description: string } | { found: false; howToGet: string };

export interface EngineDriver<I extends EngineInstance = EngineInstance, D extends CoreProbeDefinition = CoreProbeDefinition> {
  id: EngineId;
  /** The engine's name for people, e.g. "Inngest". */
  name: string;
  /** Environment variable naming a server that is already running, for `--server-url`. */
  urlEnv: string;
  /** Finds the engine (env var, PATH, package), or says how to get it. `serverUrl` joins a running one instead. */
  locate(env: NodeJS.ProcessEnv, root: string, serverUrl?: string): Located;
  /** Starts an instance on free loopback ports in its baseline mode; its output goes to `logFile`. */
  start(logFile: string): Promise<I>;
  /** Checks that a loaded module is one of this engine's probes, and gives its definition. */
  definitionOf(module: unknown, file: string): D;
  /** Runs one trial's scenario on an instance: the workers, the engine's probe context, the scenario. */
  runScenario(probe: LoadedProbe<D>, instance: I, run: TrialRun): Promise<void>;
  /** Anything the runner process needs before it imports probe modules (e.g. environment for SDK clients). */
  prepareRunnerProcess?(): void;
}
