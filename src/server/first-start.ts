// What the server does the first time it starts on a database: load the default directory, create the admin
// account, import the seed cables and the corpus. Recorded when done, so later starts skip it and start fast. The
// Kosovo recognition campaign is preloaded on every start that lacks it, so an archive made before campaigns gets it.
import { randomBytes } from "node:crypto";
import type { Deps } from "../services/clock.ts";
import { loadDefaultDirectory, type LoadDirectoryResult } from "../services/directory/load-default-directory.ts";
import { importPaths, type ImportProgress, type ImportSummary } from "../services/import/index.ts";
import { createUser } from "../services/users/create-user.ts";
import { findUser } from "../services/users/find-user.ts";
import { SYSTEM_ACTING } from "../services/acting.ts";
import { preloadKosovoCampaign } from "../services/campaigns/preload-kosovo-campaign.ts";

const DONE_KEY = "first_start_completed";

export type FirstStartOptions = {
  /** Telegram files and folders to import (the examples, the corpus). Missing paths are the caller's to drop. */
  importPaths: string[];
  /** The admin's password; generated (and reported through onAdminCreated) when absent. */
  adminPassword?: string;
  onAdminCreated?(admin: { username: string; password: string; generated: boolean }): void;
  onImportProgress?(p: ImportProgress): void;
};

export type FirstStartReport =
  | { firstStart: false; completedAt: string; campaign: PreloadReport }
  | {
      firstStart: true;
      directory: LoadDirectoryResult;
      adminCreated: boolean;
      imported: ImportSummary | null;
      campaign: PreloadReport;
    };

/** Whether the Kosovo recognition campaign was created on this start, and with how many events. */
type PreloadReport = { created: boolean; events: number };

/**
 * Runs the first-start steps unless a previous start completed them. Each step is idempotent, so a start that was
 * interrupted (say during a long import) simply runs again: the directory and admin stay as they are and the
 * import skips what it already has.
 * @example await firstStart(deps, { importPaths: ["examples"] }) // { firstStart: true, adminCreated: true, imported: { imported: 2, ... } }
 */
export async function firstStart(deps: Deps, options: FirstStartOptions): Promise<FirstStartReport> {
  const { store, clock } = deps;
  const done = await store.db
    .selectFrom("instance_state")
    .select("value")
    .where("key", "=", DONE_KEY)
    .executeTakeFirst();
  // Idempotent: a start that finds the campaign adds nothing.
  const campaign = await preloadKosovoCampaign(deps);
  if (done) return { firstStart: false, completedAt: done.value, campaign };

  const directory = await loadDefaultDirectory(store);
  let adminCreated = false;
  if (!(await findUser(store, "admin"))) {
    const generated = !options.adminPassword;
    const password = options.adminPassword ?? randomBytes(15).toString("base64url");
    // The administrator also reads everything in the shipped archive, so a newcomer sees it populated.
    await createUser(deps, SYSTEM_ACTING, {
      username: "admin",
      password,
      roles: ["admin"],
      clearance: "TOP SECRET",
      accesses: ["NOFORN"],
      post: "STATE",
    });
    adminCreated = true;
    options.onAdminCreated?.({ username: "admin", password, generated });
  }
  const imported =
    options.importPaths.length > 0
      ? await importPaths(store, options.importPaths, { onProgress: options.onImportProgress })
      : null;
  await store.db.insertInto("instance_state").values({ key: DONE_KEY, value: clock.now().toISOString() }).execute();
  return { firstStart: true, directory, adminCreated, imported, campaign };
}
