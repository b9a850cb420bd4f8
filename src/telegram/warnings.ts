// How parsing steps report what they had to guess, repair or skip.
import type { ParseWarning } from "../core/index.ts";

/** Records a warning: a stable code, the 1-based input line, and a sentence a person can act on. */
export type Warn = (code: string, line: number, message: string) => void;

/** A warning sink that collects into an array. */
export function collectWarnings(): { warnings: ParseWarning[]; warn: Warn } {
  const warnings: ParseWarning[] = [];
  return { warnings, warn: (code, line, message) => warnings.push({ code, line, message }) };
}
