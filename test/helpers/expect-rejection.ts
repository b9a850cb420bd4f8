// Awaits a promise that must fail with a service error, and hands the error over for its code and details.
import { expect } from "vitest";
import { CablegramError } from "../../src/services/errors.ts";

/**
 * The CablegramError a promise rejects with; fails the test when it resolves or rejects with anything else.
 * @example expect((await rejectionOf(createUser(deps, { username: "alice" }))).code).toBe("USER_EXISTS")
 */
export async function rejectionOf(promise: Promise<unknown>): Promise<CablegramError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CablegramError);
  return error as CablegramError;
}
