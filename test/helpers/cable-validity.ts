// What every parse result must satisfy, whatever the input: the model's schema, and warnings that point into the text.
import { CableSchema } from "../../src/core/index.ts";

/**
 * The ways a parse result breaks the model, or an empty list. Shared by the robustness tests and the child process
 * that parses the pathological inputs, so both hold the parser to the same rules.
 * @example cableProblems("", parseTelegram("")) // []
 */
export function cableProblems(text: string, cable: unknown): string[] {
  const result = CableSchema.safeParse(cable);
  if (!result.success) {
    return result.error.issues.slice(0, 5).map((i) => `schema: ${i.path.join(".")}: ${i.message}`);
  }
  // Counting a lone CR as a line end gives the most lines any reading of the text can have.
  const lines = text.split(/\r\n|\r|\n/).length;
  return result.data.warnings
    .filter((w) => w.line > lines)
    .map((w) => `warning ${w.code} points at line ${w.line} of a ${lines}-line text`);
}

/**
 * A short, printable excerpt of an input, head and tail, for failure messages about texts up to a megabyte long
 * (the tail matters for truncations).
 * @example excerpt("A".repeat(1000), 4) // "\"AAAA\" … \"AAAA\" (1000 chars)"
 */
export function excerpt(text: string, length = 120): string {
  if (text.length <= 2 * length) return JSON.stringify(text);
  return `${JSON.stringify(text.slice(0, length))} … ${JSON.stringify(text.slice(-length))} (${text.length} chars)`;
}
