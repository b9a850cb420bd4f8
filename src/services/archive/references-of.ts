// A cable's references, resolved to archived cables the reader may read, and the cables that cite it.
import type { Store } from "../../store/open-store.ts";
import { readableBy, type Reader } from "../access/index.ts";
import type { CableSummary } from "./archived-cable.ts";
import { archiveId } from "./normalise-id.ts";

/** One REF entry: as written, with the archived cable it names when there is one the reader may read. */
export type ResolvedReference = {
  label: string | null;
  /** Canonical id of the cited cable; null for non-cable references (e-mails, calls, letters). */
  id: string | null;
  text: string;
  /** The cited cable; null when not archived, not readable, or not a cable reference. */
  resolved: CableSummary | null;
};

export type CableReferences = { references: ResolvedReference[]; citedBy: CableSummary[] };

/**
 * The references of a cable, each resolved by id at query time (so a cable archived later resolves too), and the
 * cables citing it, newest first. Unreadable cables stay hidden: a reference to one is unresolved, a citing one is
 * left out. Null when the cable itself is missing or unreadable.
 * @example (await referencesOf(store, reader, "08STATE16245"))?.references[0]
 * // { label: null, id: "07STATE166909", text: "07 STATE 166909", resolved: null }
 */
export async function referencesOf(store: Store, reader: Reader, id: string): Promise<CableReferences | null> {
  const cable = await store.db
    .selectFrom("cables as c")
    .select("c.seq")
    .where("c.id", "=", archiveId(id))
    .where(readableBy(reader, "c"))
    .executeTakeFirst();
  if (!cable) return null;

  const refs = await store.db
    .selectFrom("cable_refs as r")
    .select(["r.label", "r.ref_id", "r.text"])
    .where("r.seq", "=", cable.seq)
    .orderBy("r.ord")
    .execute();
  const ids = [...new Set(refs.map((r) => r.ref_id).filter((x): x is string => x !== null))];
  const targets =
    ids.length === 0
      ? []
      : await store.db
          .selectFrom("cables as c")
          .select(["c.id", "c.subject", "c.dtg", "c.classification"])
          .where("c.id", "in", ids)
          .where(readableBy(reader, "c"))
          .execute();
  const byId = new Map(targets.map((t) => [t.id, t]));

  const citedBy = await store.db
    .selectFrom("cables as c")
    .select(["c.id", "c.subject", "c.dtg", "c.classification"])
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("cable_refs as r")
          .select("r.seq")
          .whereRef("r.seq", "=", "c.seq")
          .where("r.ref_id", "=", archiveId(id)),
      ),
    )
    .where(readableBy(reader, "c"))
    // seq is in date order (date-seq.ts): newest first.
    .orderBy("c.seq", "desc")
    .execute();

  return {
    references: refs.map((r) => ({
      label: r.label,
      id: r.ref_id,
      text: r.text,
      resolved: r.ref_id === null ? null : summary(byId.get(r.ref_id)),
    })),
    citedBy: citedBy.map((c) => summary(c)!),
  };
}

function summary(row: CableSummary | undefined): CableSummary | null {
  return row ? { id: row.id, subject: row.subject, dtg: row.dtg, classification: row.classification } : null;
}
