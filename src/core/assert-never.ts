// Exhaustiveness check for switches over discriminated unions: a new variant without a case stops compiling.

/**
 * Marks a branch the type checker proves unreachable; throws if reached anyway (bad data from outside).
 * @example
 * switch (issue.code) { case "a": return 1; default: return assertNever(issue) }
 */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
