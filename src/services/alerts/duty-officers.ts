// The duty roster: who answers for a post at any hour, and how to reach them (a user, a webhook, an e-mail address).
import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "../../store/database.ts";
import type { Deps } from "../clock.ts";
import { requirePost } from "../directory/find-post.ts";
import { CablegramError } from "../errors.ts";
import { findUser } from "../users/find-user.ts";
import { assertAdmin, type Acting } from "../acting.ts";
import type { User } from "../users/user-schema.ts";
import {
  systemResolve,
  webhookAllowFromEnv,
  type ResolveHost,
  type WebhookAllow,
  webhookAddresses,
} from "./webhook-address.ts";

/** A post's duty officer as the API shows it. */
export type DutyOfficer = { post: string; userId: string | null; webhook: string | null; email: string | null };

/** What can be set: a user by name, a webhook URL (http or https) and an e-mail address; each may be null. */
export const DutyOfficerInputSchema = z.object({
  username: z.string().trim().min(1).nullable().default(null),
  webhook: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  email: z.email().nullable().default(null),
});
export type DutyOfficerInput = z.input<typeof DutyOfficerInputSchema>;

/**
 * Puts someone on duty for a post (by PLAD or station), replacing whoever was; an administrator's or the system's act
 * (FORBIDDEN for anyone else). USER_NOT_FOUND for an unknown user;
 * WEBHOOK_NOT_ALLOWED for a webhook to a loopback or private address that `allow` (by default
 * CABLEGRAM_WEBHOOK_ALLOW) does not name, or whose host name resolves to one now.
 * @example await setDutyOfficer(deps, admin, "OUAGADOUGOU", { username: "duty.ouaga", webhook: "https://hooks.example/ouaga" })
 */
export async function setDutyOfficer(
  deps: Deps,
  by: Acting,
  postRef: string,
  input: DutyOfficerInput,
  {
    allow = webhookAllowFromEnv(process.env),
    resolve = systemResolve,
  }: { allow?: WebhookAllow; resolve?: ResolveHost } = {},
): Promise<DutyOfficer> {
  assertAdmin(by, "setting the duty roster");
  const post = await requirePost(deps.store, postRef);
  const fields = DutyOfficerInputSchema.parse(input);
  if (fields.webhook !== null) {
    // A name that does not resolve now is kept: the sender checks again before each request.
    const unresolved = (error: unknown) => (error instanceof CablegramError ? Promise.reject(error) : undefined);
    await webhookAddresses(fields.webhook, allow, resolve).catch(unresolved);
  }
  let userId: string | null = null;
  if (fields.username !== null) {
    const user = await findUser(deps.store, fields.username);
    if (!user) throw new CablegramError("USER_NOT_FOUND", `No user named ${JSON.stringify(fields.username)}.`);
    userId = user.id;
  }
  const row = {
    post: post.name,
    user_id: userId,
    webhook: fields.webhook,
    email: fields.email,
    updated_at: deps.clock.now().toISOString(),
  };
  await deps.store.db
    .insertInto("duty_officers")
    .values(row)
    .onConflict((oc) =>
      oc.column("post").doUpdateSet({
        user_id: row.user_id,
        webhook: row.webhook,
        email: row.email,
        updated_at: row.updated_at,
      }),
    )
    .execute();
  return { post: post.name, userId, webhook: row.webhook, email: row.email };
}

/**
 * The duty officers of the given posts (PLADs), by post; posts without one are absent.
 * @example (await dutyOfficersOf(db, ["AMEMBASSY PANAMA"])).get("AMEMBASSY PANAMA")?.webhook
 */
export async function dutyOfficersOf(db: Kysely<Database>, posts: string[]): Promise<Map<string, DutyOfficer>> {
  const out = new Map<string, DutyOfficer>();
  if (posts.length === 0) return out;
  const rows = await db
    .selectFrom("duty_officers")
    .selectAll()
    .where("post", "in", [...new Set(posts)])
    .execute();
  for (const r of rows) out.set(r.post, { post: r.post, userId: r.user_id, webhook: r.webhook, email: r.email });
  return out;
}

/**
 * Whether a roster entry names anyone to alert: a user (the in-app alert), a webhook or an e-mail address. An entry
 * with all three cleared is nobody on duty.
 * @example isOnDuty({ post: "AMEMBASSY PANAMA", userId: null, webhook: null, email: null }) // false
 */
export function isOnDuty(officer: DutyOfficer | undefined): officer is DutyOfficer {
  return officer !== undefined && (officer.userId !== null || officer.webhook !== null || officer.email !== null);
}

/**
 * The whole roster, by post name. Only administrators see how duty officers are reached: a webhook URL carries its
 * secret, and an address invites phishing; anyone else sees who is on duty, with `webhook` and `email` null.
 * @example await listDutyOfficers(store.db, admin) // [{ post: "AMEMBASSY PANAMA", userId: "…", webhook: null, email: "duty@…" }]
 */
export async function listDutyOfficers(db: Kysely<Database>, viewer: User): Promise<DutyOfficer[]> {
  const rows = await db.selectFrom("duty_officers").selectAll().orderBy("post").execute();
  const reach = viewer.roles.includes("admin");
  return rows.map((r) => ({
    post: r.post,
    userId: r.user_id,
    webhook: reach ? r.webhook : null,
    email: reach ? r.email : null,
  }));
}
