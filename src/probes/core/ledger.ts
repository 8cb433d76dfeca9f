/**
 * The side-effect ledger: code inside an Inngest function appends one JSON line per effect, and the probe reads
 * the lines back to count how often each effect really happened. The file outlives the worker process, so a
 * SIGKILL cannot hide an effect that was recorded before it.
 */
import { appendFileSync, existsSync, readFileSync } from 'node:fs';

/** The environment variable that names the ledger file of the probe being run. */
export const LEDGER_ENV = 'PROBE_LEDGER';

/** One recorded effect. `at` is the worker's wall clock in milliseconds; `pid` tells worker incarnations apart. */
export interface LedgerEntry {
  effect: string;
  at: number;
  pid: number;
  data?: unknown;
}

/** Appends an effect to the ledger. Synchronous on purpose: once it returns, a crash cannot lose the line. */
export function record(effect: string, data?: unknown): void {
  const file = process.env[LEDGER_ENV];
  if (!file) throw new Error(`${LEDGER_ENV} is not set: ledger effects can only be recorded inside a probe worker`);
  const entry: LedgerEntry = { effect, at: Date.now(), pid: process.pid, ...(data === undefined ? {} : { data }) };
  appendFileSync(file, JSON.stringify(entry) + '\n');
}

/** Reads every entry of a ledger file; a missing file is an empty ledger. */
export function readLedger(file: string): LedgerEntry[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LedgerEntry);
}

/**
 * Appends an effect unless one with the same idempotency key was recorded before, the way an API that honours
 * idempotency keys (payments, say) ignores a repeated request. Returns whether the effect happened now.
 */
export function recordOnce(effect: string, idempotencyKey: string, data?: Record<string, unknown>): boolean {
  const file = process.env[LEDGER_ENV];
  if (!file) throw new Error(`${LEDGER_ENV} is not set: ledger effects can only be recorded inside a probe worker`);
  const seen = readLedger(file).some((e) => e.effect === effect && (e.data as { idempotencyKey?: string } | undefined)?.idempotencyKey === idempotencyKey);
  if (seen) return false;
  record(effect, { ...data, idempotencyKey });
  return true;
}
