// Runs a workflow command as the `--as` user: the store from the environment, the real clock, the user required.
import { systemClock } from "../services/clock.ts";
import type { User } from "../services/users/index.ts";
import type { WorkflowDeps } from "../services/workflow/index.ts";
import { userOfOption } from "./as-user.ts";
import type { ExitCode, Io } from "./io.ts";
import { runWithStore } from "./run-with-store.ts";

/**
 * Opens the store, finds the `--as` user (required: drafts, clearances and releases are always someone's act,
 * recorded and audited) and runs `work`. A missing or unknown user prints why and gives exit 2.
 * @example await runAsUser(io, "release", "ada", async (deps, user) => { ...; return 0 })
 */
export async function runAsUser(
  io: Io,
  name: string,
  as: string | undefined,
  work: (deps: WorkflowDeps, user: User) => Promise<ExitCode>,
): Promise<ExitCode> {
  const username = as ?? io.env.CABLEGRAM_USER;
  if (username === undefined) {
    io.stderr(`cablegram ${name}: say who acts: --as USER (or set CABLEGRAM_USER)`);
    return 2;
  }
  return runWithStore(io, name, async (store) => {
    const user = await userOfOption(store, io, name, username);
    if (!user) return 2;
    return work({ store, clock: systemClock }, user);
  });
}
