/**
 * A small local replay harness, built by this project because Inngest has none (DX-07 evaluates it).
 *
 * It takes a run's history as the server recorded it (the trace, read with outputs, and the triggering event)
 * and re-executes the function locally under `@inngest/test`, with every recorded step answered from the history
 * instead of running. Steps the history does not know (a renamed or new step) run for real; recorded steps the
 * code no longer asks for are reported, as the sign that the code diverged from the recording.
 */
import { InngestTestEngine } from '@inngest/test';
import type { InngestFunction } from 'inngest';
import type { TraceSpan } from './probe.ts';

export interface ReplayOutcome {
  /** What the function returned when replayed (or the error it threw). */
  result: unknown;
  error?: unknown;
  /** Recorded steps answered from the history. */
  replayedSteps: string[];
  /** Recorded steps the code never asked for: the code diverged from the recording. */
  skippedSteps: string[];
}

/** The recorded steps of a trace, by step id (the name the code gave), in order, with their outputs. */
export function recordedSteps(trace: TraceSpan): { id: string; op: string; output: unknown }[] {
  const steps: { id: string; op: string; output: unknown }[] = [];
  const walk = (span: TraceSpan) => {
    if (span.stepOp && !steps.some((s) => s.id === span.name)) steps.push({ id: span.name, op: span.stepOp, output: span.output });
    span.children.forEach(walk);
  };
  trace.children.forEach(walk);
  return steps;
}

/** The recorded output of a RUN step; the trace API wraps a step's return value as `{ data }`. */
function unwrap(output: unknown): unknown {
  if (output && typeof output === 'object' && 'data' in output) return (output as { data: unknown }).data;
  return output ?? null;
}

/** Re-executes `fn` locally against a recorded run: its trace (with outputs) and its triggering event. */
export async function replayLocally(
  fn: InngestFunction.Any,
  history: { trace: TraceSpan; event: { name: string; data: Record<string, unknown> } },
): Promise<ReplayOutcome> {
  const recorded = recordedSteps(history.trace);
  const replayedSteps: string[] = [];
  const engine = new InngestTestEngine({ function: fn, events: [history.event] });
  const { result, error } = (await engine.execute({
    steps: recorded.map((step) => ({
      id: step.id,
      handler: () => {
        replayedSteps.push(step.id);
        return step.op === 'RUN' ? unwrap(step.output) : undefined;
      },
    })),
  })) as unknown as { result: unknown; error?: unknown };
  const skippedSteps = recorded.map((s) => s.id).filter((id) => !replayedSteps.includes(id));
  return { result, error, replayedSteps: [...new Set(replayedSteps)], skippedSteps };
}
