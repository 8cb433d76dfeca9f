/**
 * Evidence in the reader's language. Probes write their checks, metrics, notes and skip reasons in English, and
 * those strings are hashed into the results, so their Japanese lives here, beside them: a table per engine and
 * criterion that matches the exact English, with patterns for strings that carry values.
 *
 * A Japanese template marks what stays as it is:
 * - `` `step.run` `` is code or an identifier, shown as code;
 * - `$1` puts the pattern's first capture in as it is (a number, a count);
 * - `` `$1` `` puts it in as code (a raw value, an identifier);
 * - `{1}` translates it through the same tables (the rest of a `variant: …` string).
 * This module has no Astro in it, so the unit tests read the same tables the pages do.
 */
import type { EngineId } from '../../schema.ts';
import { inngestJa } from './inngest/ja/index.ts';
import { temporalJa } from './temporal/ja/index.ts';

/** A piece of translated evidence: prose, or code and raw values kept as written. */
export type Segment = { text: string } | { code: string };

/** One criterion's (or an engine's shared) English → Japanese entries. */
export interface EvidenceTable {
  /** The exact English string and its Japanese template. */
  exact?: Record<string, string>;
  /** Strings that carry values: the pattern (anchored) and its Japanese template. */
  patterns?: readonly (readonly [RegExp, string])[];
  /** Expected values that are the program's own output (a greeting, a step name), shown as they are. */
  raw?: readonly (string | RegExp)[];
}

/** An engine's Japanese: shared entries, per-criterion entries, and units. */
export interface EngineEvidenceJa {
  common: EvidenceTable;
  criteria: Record<string, EvidenceTable>;
  /** Metric units; a unit missing here is shown as it is only when it has no letters (`%`, `×`). */
  units: Record<string, string>;
}

const japanese: Partial<Record<EngineId, EngineEvidenceJa>> = { inngest: inngestJa, temporal: temporalJa };

/** Splits a template into segments, filling in the captures. `null` when a `{n}` capture has no translation. */
function fill(template: string, m: RegExpExecArray, recurse: (s: string) => Segment[] | null): Segment[] | null {
  const out: Segment[] = [];
  for (const token of template.split(/(`[^`]*`|\{\d\}|\$\d)/)) {
    if (!token) continue;
    if (token.startsWith('`')) out.push({ code: token.slice(1, -1).replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '') });
    else if (/^\{\d\}$/.test(token)) {
      const inner = recurse(m[Number(token[1])] ?? '');
      if (!inner) return null;
      out.push(...inner);
    } else if (/^\$\d$/.test(token)) out.push({ text: m[Number(token[1])] ?? '' });
    else out.push({ text: token });
  }
  return merge(out);
}

/** Joins neighbouring segments of the same kind. */
function merge(segments: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const s of segments) {
    const last = out.at(-1);
    if (last && 'text' in last && 'text' in s) last.text += s.text;
    else if (last && 'code' in last && 'code' in s) last.code += s.code;
    else out.push({ ...s });
  }
  return out;
}

/** Looks a string up in the tables, the criterion's first. */
function lookUp(tables: EvidenceTable[], text: string): Segment[] | null {
  const recurse = (s: string) => lookUp(tables, s);
  for (const table of tables) {
    const exact = table.exact?.[text];
    if (exact !== undefined) return fill(exact, Object.assign([text], { index: 0, input: text }) as RegExpExecArray, recurse);
  }
  for (const table of tables) {
    for (const [pattern, template] of table.patterns ?? []) {
      const m = new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace('g', '')).exec(text);
      if (m) {
        const filled = fill(template, m, recurse);
        if (filled) return filled;
      }
    }
  }
  return null;
}

/** The tables that apply to one engine's criterion, most specific first; none for an engine without Japanese. */
function tablesFor(engine: EngineId, criterion: string | null): EvidenceTable[] {
  const ja = japanese[engine];
  if (!ja) return [];
  return [criterion === null ? undefined : ja.criteria[criterion], ja.common].filter((t): t is EvidenceTable => t !== undefined);
}

/**
 * The Japanese of one piece of evidence a probe wrote (a check or metric name, a note, a skip reason, an error),
 * or `null` when the tables have none, which the unit tests and the Japanese pages' scan both catch. `criterion` is
 * `null` for what an engine's driver wrote rather than a probe (where a configuration kept its state).
 */
export function evidenceJa(engine: EngineId, criterion: string | null, text: string): Segment[] | null {
  return lookUp(tablesFor(engine, criterion), text);
}

/** Status words, numbers, JSON, ids and anything without letters ("90–100", "> 100"): a value, not prose. */
function looksRaw(text: string): boolean {
  if (!/[A-Za-z]/.test(text) || /^[A-Z][A-Z0-9_]*$/.test(text) || /^[0-9A-Z]{26}$/.test(text)) return true;
  // An identifier with a capital inside it (InngestInvokeTimeoutError, stepId): a name, not a word.
  if (/^[A-Za-z_$][\w$]*[a-z][A-Z][\w$]*$/.test(text)) return true;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A check's expected value in Japanese: prose goes through the tables; a value (a number, JSON, a status word, or
 * what the criterion lists as the program's own output) is kept as code. `null` for prose with no translation.
 */
export function expectedJa(engine: EngineId, criterion: string | null, text: string): Segment[] | null {
  const tables = tablesFor(engine, criterion);
  const found = lookUp(tables, text);
  if (found) return found;
  // Trials that expected different values (a value drawn per trial) are joined with " | " over several trials.
  const perTrial = text.split(' | ');
  if (perTrial.length > 1) {
    const parts = perTrial.map((part) => expectedJa(engine, criterion, part));
    return parts.every((p) => p !== null) ? merge(parts.flatMap((p, i) => (i === 0 ? p : [{ text: ' | ' }, ...p]))) : null;
  }
  const listed = tables.some((t) => t.raw?.some((r) => (typeof r === 'string' ? r === text : new RegExp(`^(?:${r.source})$`).test(text))));
  return listed || looksRaw(text) ? [{ code: text }] : null;
}

/**
 * What a check observed, in Japanese, for prose that quotes it: a phrase a probe wrote ("nothing", "not ended within
 * 25000 ms (RUNNING)") through the same tables, a value (a number, JSON, a status word, an identifier, or the engine's
 * own output the criterion lists as raw) kept as code. `null` for a phrase with no translation, which the tests catch.
 */
export function observedJa(engine: EngineId, criterion: string | null, text: string): Segment[] | null {
  return expectedJa(engine, criterion, text);
}

/** A metric unit in Japanese; a unit of symbols alone (`%`, `×`) stays. `null` when a worded unit has none. */
export function unitJa(engine: EngineId, unit: string): string | null {
  const found = japanese[engine]?.units[unit];
  if (found !== undefined) return found;
  return /[A-Za-z]/.test(unit) ? null : unit;
}
