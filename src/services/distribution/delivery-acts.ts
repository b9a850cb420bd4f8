// What people do with a delivery: read it, acknowledge it, slug it to offices of the post.
import { randomUUID } from "node:crypto";
import { readableBy } from "../access/index.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Actor } from "../audit/audit-entry.ts";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import type { EventBus } from "../events/event-bus.ts";
import { readerOf } from "../users/reader-of.ts";
import { hasRole, type User } from "../users/user-schema.ts";
import { deliveryView, type DeliveryRow, type DeliveryView } from "./delivery-view.ts";
import { SYSTEM_READER } from "../access/reader.ts";
import { answersForPost } from "../alerts/answers-for-post.ts";

/** Who acts: a user, or null for the system (the CLI with database access). */
export type Handler = User | null;

const actorOf = (user: Handler): Actor => ({ userId: user?.id ?? null, username: user?.username ?? null });

/**
 * Reads a delivery the handler may handle: the cable must be readable by them, and the copy must be at their
 * post or one of their offices, or at a post they answer for (its duty officer; administrators answer for all).
 * DELIVERY_NOT_FOUND otherwise.
 */
async function handleable(deps: Deps, user: Handler, id: string): Promise<DeliveryRow> {
  const reader = user ? readerOf(user) : SYSTEM_READER;
  const row = await deps.store.db
    .selectFrom("deliveries as d")
    .innerJoin("cables as c", "c.id", "d.cable_id")
    .selectAll("d")
    .select(["c.subject", "c.classification"])
    .where("d.id", "=", id)
    .where("d.state", "=", "delivered")
    .where(readableBy(reader, "c"))
    .executeTakeFirst();
  const mine =
    row !== undefined &&
    (user === null ||
      (user.post !== null && user.post === row.station) ||
      isOfficeCopyOf(user, row) ||
      (await answersForPost(deps.store.db, user, row)));
  if (!row || !mine) {
    throw new CablegramError("DELIVERY_NOT_FOUND", `No delivery ${JSON.stringify(id)} in an inbox of yours.`, { id });
  }
  return row;
}

// Offices are keyed per post: Panama's POL is not Rome's.
function isOfficeCopyOf(user: User, row: DeliveryRow): boolean {
  return row.office !== "" && user.post !== null && user.post === row.station && user.offices.includes(row.office);
}

/**
 * Acknowledges a delivery: stops its escalation and its open alerts; audited; publishes `delivery.acknowledged`.
 * A second acknowledgement keeps the first (who and when). Only those who answer for the post (its communicators,
 * its duty officers, administrators) may, or the office's members for a copy slugged to an office; FORBIDDEN for
 * anyone else who sees the copy.
 * @example await ackDelivery(deps, user, deliveryId, bus) // { acknowledged: true, acknowledgedBy: "duty.panama", ... }
 */
export async function ackDelivery(deps: Deps, user: Handler, id: string, bus?: EventBus): Promise<DeliveryView> {
  const row = await handleable(deps, user, id);
  if (user !== null && !isOfficeCopyOf(user, row) && !(await answersForPost(deps.store.db, user, row))) {
    throw new CablegramError(
      "FORBIDDEN",
      `Only communicators and duty officers of ${row.post} may acknowledge its copy of ${row.cable_id}.`,
    );
  }
  if (row.acked_at !== null) return deliveryView(row);
  const now = deps.clock.now().toISOString();
  const by = user?.username ?? "system";
  await deps.store.db.transaction().execute(async (tx) => {
    await tx
      .updateTable("deliveries")
      .set({ acked_at: now, acked_by: by, read_at: row.read_at ?? now, read_by: row.read_by ?? by })
      .where("id", "=", id)
      .where("acked_at", "is", null)
      .execute();
    await tx
      .updateTable("alerts")
      .set({ acked_at: now, acked_by: by })
      .where("delivery_id", "=", id)
      .where("acked_at", "is", null)
      .execute();
  });
  await recordAudit(deps, {
    actor: actorOf(user),
    action: "delivery.ack",
    target: row.cable_id,
    detail: { delivery: id, post: row.post },
  });
  const view = deliveryView(await handleable(deps, user, id));
  await bus?.publish({ type: "delivery.acknowledged", cableId: row.cable_id, post: row.post, data: view });
  return view;
}

/**
 * Marks a delivery read by the handler (the first reading counts).
 * @example await markRead(deps, user, deliveryId) // { read: true, ... }
 */
export async function markRead(deps: Deps, user: Handler, id: string, bus?: EventBus): Promise<DeliveryView> {
  const row = await handleable(deps, user, id);
  if (row.read_at !== null) return deliveryView(row);
  await deps.store.db
    .updateTable("deliveries")
    .set({ read_at: deps.clock.now().toISOString(), read_by: user?.username ?? "system" })
    .where("id", "=", id)
    .where("read_at", "is", null)
    .execute();
  const view = deliveryView(await handleable(deps, user, id));
  await bus?.publish({ type: "delivery.read", cableId: row.cable_id, post: row.post, data: view });
  return view;
}

/**
 * Slugs a post's copy to offices: one delivered copy per office, in that office's inbox, keeping the copy's
 * role and precedence but no deadline: the post's copy stays the one the handling-time objective escalates (once,
 * until acknowledged), so an office copy is never escalated or alerted on its own. Needs the communicator role;
 * the offices are the copy's post's own (Panama's POL at Panama), others are OFFICE_NOT_FOUND. Slugging an office twice adds nothing. Audited; publishes
 * `delivery.delivered` per new copy.
 * @example await slugDelivery(deps, communicator, deliveryId, ["IO/UNP"], bus) // [{ office: "IO/UNP", ... }]
 */
export async function slugDelivery(
  deps: Deps,
  user: Handler,
  id: string,
  offices: string[],
  bus?: EventBus,
): Promise<DeliveryView[]> {
  if (user !== null && !hasRole(user, "communicator")) {
    throw new CablegramError("FORBIDDEN", "Slugging a cable to offices needs the communicator role.", {
      role: "communicator",
    });
  }
  const row = await handleable(deps, user, id);
  const codes = [...new Set(offices.map((o) => o.trim().toUpperCase()).filter((o) => o !== ""))];
  if (codes.length === 0) throw new CablegramError("INVALID_INPUT", "Name at least one office to slug the cable to.");
  const known = await deps.store.db
    .selectFrom("offices")
    .select("code")
    .where("post", "=", row.post)
    .where("code", "in", codes)
    .execute();
  const missing = codes.filter((c) => !known.some((k) => k.code === c));
  if (missing.length > 0) {
    throw new CablegramError("OFFICE_NOT_FOUND", `${row.post} has no office ${missing.join(", ")} in the directory.`, {
      missing,
      post: row.post,
    });
  }
  const now = deps.clock.now().toISOString();
  const by = user?.username ?? "system";
  const { subject, classification, ...original } = row;
  const copies = await deps.store.db
    .insertInto("deliveries")
    .values(
      codes.map((office) => ({
        ...original,
        id: randomUUID(),
        office,
        delivered_at: now,
        read_at: null,
        read_by: null,
        acked_at: null,
        acked_by: null,
        // Routing inside the post, not a new receipt: a deadline here escalated the post's duty officer once more
        // per office (at once when the post's copy was overdue already), even after the post acknowledged it.
        due_at: null,
        escalated_at: null,
        slugged_from: row.id,
        slugged_by: by,
      })),
    )
    .onConflict((oc) => oc.columns(["cable_id", "post", "office"]).doNothing())
    .returningAll()
    .execute();
  await recordAudit(deps, {
    actor: actorOf(user),
    action: "delivery.slug",
    target: row.cable_id,
    detail: { delivery: id, offices: codes },
  });
  const views = copies.map((c) => deliveryView({ ...c, subject, classification }));
  for (const v of views) {
    await bus?.publish({ type: "delivery.delivered", cableId: v.cableId, post: v.post, office: v.office!, data: v });
  }
  return views;
}
