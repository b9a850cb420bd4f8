// Validates service input against a zod schema, turning failures into one INVALID_INPUT error with every issue.
import type { z } from "zod";
import { CablegramError } from "./errors.ts";

/** One problem with the input: where (a dotted path such as `post.country`) and why. */
export type InputIssue = { path: string; message: string };

/**
 * Parses `input` with `schema`, or throws INVALID_INPUT listing each issue with its path, so the API and the
 * CLI can both say which field is wrong.
 * @example parseInput(PostSchema, { name: "" }) // throws CablegramError INVALID_INPUT, details.issues[0].path "name"
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = "input"): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: InputIssue[] = result.error.issues.map((i) => ({
    path: i.path.map(String).join(".") || what,
    message: i.message,
  }));
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join("; ");
  throw new CablegramError("INVALID_INPUT", `Invalid ${what}: ${summary}`, { issues });
}
