/**
 * The premises a reader chose, kept in the page's query string (`?duration=seconds`) so a view can be linked and
 * a reload restores it. Only premises that differ from the report's defaults are written.
 */
import { defaultPremises, premiseNames, premiseOptions, type Premises } from '../catalog/summary.ts';

/** Reads premises from a query string; unknown names and values fall back to the defaults. */
export function premisesFromQuery(params: URLSearchParams): Premises {
  const premises: Premises = { ...defaultPremises };
  for (const name of premiseNames) {
    const value = params.get(name);
    if (value !== null && (premiseOptions[name] as readonly string[]).includes(value)) {
      (premises as Record<string, string>)[name] = value;
    }
  }
  return premises;
}

/**
 * Writes premises into a query string, keeping any parameter that is not a premise and dropping the premises
 * that equal the defaults (so the default view has a clean URL).
 */
export function premisesToQuery(premises: Premises, keep: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const params = new URLSearchParams(keep);
  for (const name of premiseNames) {
    if (premises[name] === defaultPremises[name]) params.delete(name);
    else params.set(name, premises[name]);
  }
  return params;
}
