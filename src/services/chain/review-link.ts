// Declassification reviews in the hash chain: each decision is a link of its own (cable id `review:<review id>`),
// hashing the decision as stored and the public entry it made, so that neither can be changed unseen.
import { createHash } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../store/database.ts";
import { appendRecordLink } from "./append-link.ts";
import { canonicalJson } from "./canonical-json.ts";
import type { SigningKey } from "./signing-key.ts";
import type { ChainHead } from "./trust-file.ts";

/** Starts the cable id of a review's link. */
export const REVIEW_LINK_PREFIX = "review:";

/** A review as chained: its stored row and the reading room's entry it wrote (null for an extension). */
export type ChainedReview = {
  id: string;
  cableId: string;
  reviewer: string;
  decidedAt: string;
  outcome: string;
  decision: string;
  reviewOn: string | null;
  /** The released version's telegram and model, or the withdrawal card's exemptions and subject. */
  entry: { model: string; telegram: string; subject: string | null; exemptions: string } | null;
};

/**
 * SHA-256 (hex) of a review as chained.
 * @example reviewHash(review) // "3f1c…"
 */
export function reviewHash(review: ChainedReview): string {
  return createHash("sha256").update(canonicalJson(review)).digest("hex");
}

/**
 * Appends the link of a review in the caller's transaction, signed as a release's is.
 * @example await appendReviewLink(tx, key, review, now) // { links: 4, head: "…" }
 */
export function appendReviewLink(
  tx: Kysely<Database>,
  key: SigningKey,
  review: ChainedReview,
  at: string,
): Promise<ChainHead> {
  return appendRecordLink(tx, key, { cableId: `${REVIEW_LINK_PREFIX}${review.id}`, cableHash: reviewHash(review), at });
}

/**
 * The reviews `ids` as chained, read back from the store, by id: what verifyChain hashes again.
 * @example (await chainedReviews(store.db, ["0190…"])).get("0190…")?.outcome // "release-in-part"
 */
export async function chainedReviews(db: Kysely<Database>, ids: string[]): Promise<Map<string, ChainedReview>> {
  const out = new Map<string, ChainedReview>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom("declass_reviews as d")
    .leftJoin("reading_room as r", "r.review_id", "d.id")
    .select([
      "d.id",
      "d.cable_id",
      "d.reviewer",
      "d.decided_at",
      "d.outcome",
      "d.decision",
      "d.review_on",
      "r.model",
      "r.telegram",
      "r.subject",
      "r.exemptions",
    ])
    .where("d.id", "in", ids)
    .execute();
  for (const r of rows) {
    out.set(r.id, {
      id: r.id,
      cableId: r.cable_id,
      reviewer: r.reviewer,
      decidedAt: r.decided_at,
      outcome: r.outcome,
      decision: r.decision,
      reviewOn: r.review_on,
      entry:
        r.model === null
          ? null
          : { model: r.model, telegram: r.telegram ?? "", subject: r.subject ?? null, exemptions: r.exemptions ?? "" },
    });
  }
  return out;
}
