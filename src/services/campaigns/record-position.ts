// Records a country's position on a campaign question, from its sources, marked at least as they are; audited.
import { randomUUID } from "node:crypto";
import {
  CLASSIFICATIONS,
  classificationRank,
  ISO_DATE_PATTERN,
  type Classification,
  type Confidence,
  type EventSource,
  type PositionEvent,
} from "../../core/index.ts";
import type { Store } from "../../store/open-store.ts";
import { readerMeets } from "../access/access-rule.ts";
import { eventReadableBy, readableBy } from "../access/readable-by.ts";
import type { Reader } from "../access/reader.ts";
import { archiveId } from "../archive/normalise-id.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Deps } from "../clock.ts";
import { CablegramError } from "../errors.ts";
import { campaignSummary, eventFromRow, questionOf, type PositionEventView } from "./campaign.ts";
import { countryOfInput } from "./country-input.ts";
import { assertMayRecord, recorderOf, type Recorder } from "./may-record.ts";
import { restrictiveCaveats, writeEvent, type EventGrants } from "./write-event.ts";

/** A position to record, as the API's NewPosition body gives it. */
export type NewPosition = {
  questionId: string;
  /** ISO alpha-2 or alpha-3, a TAGS code (`tag:KV`) or an English name. */
  country: string;
  position: string;
  effectiveOn: string;
  confidence?: Confidence;
  sources: EventSource[];
  note?: string | null;
  /** Defaults to the highest of the source cables'; never below it. */
  classification?: Classification;
  /** Defaults to the source cables' caveats; must include them. */
  caveats?: string[];
  /** The event this one corrects (same question and country). */
  supersedes?: string | null;
};

type RecordProps = {
  /** The user recording (drafter, approver or admin), or the system. */
  by: Recorder;
  /** What the recorder may read: every source cable must be among it. */
  reader: Reader;
  campaignId: string;
  position: NewPosition;
};

/**
 * Records a position event. Checks, in order: the role (FORBIDDEN unless drafter, approver or admin), the campaign
 * and question (CAMPAIGN_NOT_FOUND, QUESTION_NOT_FOUND), the country (COUNTRY_UNKNOWN), the position against the
 * question's scale (POSITION_NOT_ON_SCALE), each source cable (CABLE_NOT_FOUND unless the reader may read it), the
 * marking (classification and caveats default to the sources' and POSITION_BELOW_SOURCE when below them; FORBIDDEN
 * above what the recorder may read) and the corrected event (POSITION_EVENT_NOT_FOUND). Writes the event and the
 * audit entry `position.record` in one transaction.
 * @example await recordPosition(deps, { by: user, reader, campaignId: "kosovo-recognition", position: { questionId: "kosovo-recognition", country: "tag:KV", ... } })
 */
export async function recordPosition(
  { store, clock }: Deps,
  { by, reader, campaignId, position: input }: RecordProps,
): Promise<PositionEventView> {
  assertMayRecord(by, "recording a position");
  const campaign = await campaignSummary(store, campaignId);
  const question = questionOf(campaign, input.questionId);
  if (!ISO_DATE_PATTERN.test(input.effectiveOn)) {
    throw new CablegramError("INVALID_INPUT", `effectiveOn: ${JSON.stringify(input.effectiveOn)} is not YYYY-MM-DD.`, {
      issues: [{ path: "effectiveOn", message: "a date is YYYY-MM-DD" }],
    });
  }
  const country = countryOfInput(input.country, input.effectiveOn);
  if (!question.positions.some((p) => p.code === input.position)) {
    const scale = question.positions.map((p) => p.code).join(", ");
    throw new CablegramError(
      "POSITION_NOT_ON_SCALE",
      `Question ${question.id} has no position ${JSON.stringify(input.position)}; use one of: ${scale}.`,
      { question: question.id, position: input.position, scale: question.positions.map((p) => p.code) },
    );
  }
  if (input.sources.length === 0) {
    throw new CablegramError("INVALID_INPUT", "sources: name at least one source (a cable, a UN document or a text).", {
      issues: [{ path: "sources", message: "every event names a source" }],
    });
  }
  const sources = input.sources.map((s) => (s.kind === "cable" ? { kind: s.kind, cableId: archiveId(s.cableId) } : s));
  const locks = await sourceLocks(store, reader, sources);
  const marking = markingOf(input, locks);
  const eventLocks = {
    classRank: classificationRank(marking.classification),
    caveats: restrictiveCaveats(marking.caveats),
  };
  if (!readerMeets(reader, { ...eventLocks, captioned: false, grants: [] })) {
    throw new CablegramError(
      "FORBIDDEN",
      `You may not record a position marked ${marking.classification} ${marking.caveats.join(" ")}: it is above what you may read.`,
    );
  }
  const supersedes = input.supersedes ?? null;
  if (supersedes !== null) await assertCorrectable(store, reader, campaignId, question.id, country, supersedes);
  const { actor, name } = recorderOf(by);
  const event: PositionEvent = {
    id: randomUUID(),
    questionId: question.id,
    country,
    position: input.position,
    effectiveOn: input.effectiveOn,
    recordedOn: clock.now().toISOString().slice(0, 10),
    confidence: input.confidence ?? "reported",
    sources,
    note: input.note ?? null,
    recordedBy: name,
    classification: marking.classification,
    caveats: marking.caveats,
    supersedes,
  };
  await store.transaction(async (tx) => {
    await writeEvent(tx, campaignId, event, locks.grants, clock.now());
    await recordAudit(
      { store: tx, clock },
      {
        actor,
        action: "position.record",
        target: campaignId,
        detail: { event: event.id, question: question.id, country, position: event.position },
      },
    );
  });
  const row = await store.db
    .selectFrom("position_events")
    .selectAll()
    .where("id", "=", event.id)
    .executeTakeFirstOrThrow();
  return eventFromRow(row);
}

/** What the source cables demand: the highest classification, their caveats and, if any is captioned, its grants. */
type SourceLocks = { classRank: number; caveats: string[]; grants: EventGrants };

async function sourceLocks(store: Store, reader: Reader, sources: readonly EventSource[]): Promise<SourceLocks> {
  let classRank = 0;
  const caveats = new Set<string>();
  let grants = null as Set<string> | null;
  for (const source of sources) {
    if (source.kind !== "cable") continue;
    const cable = await store.db
      .selectFrom("cables as c")
      .select(["c.seq", "c.class_rank", "c.captioned"])
      .where("c.id", "=", source.cableId)
      .where(readableBy(reader, "c"))
      .executeTakeFirst();
    if (!cable) {
      throw new CablegramError(
        "CABLE_NOT_FOUND",
        `No cable ${source.cableId} that you may read; a position's source must be a cable you can read.`,
        { cableId: source.cableId },
      );
    }
    classRank = Math.max(classRank, Number(cable.class_rank));
    const rows = await store.db.selectFrom("cable_caveats").select("caveat").where("seq", "=", cable.seq).execute();
    for (const r of rows) caveats.add(r.caveat);
    if (Number(cable.captioned) === 1) {
      const keys = await store.db.selectFrom("cable_grants").select("grant_key").where("seq", "=", cable.seq).execute();
      const mine = new Set(keys.map((k) => k.grant_key));
      // Readers must read every captioned source: only a grant all of them give opens the event.
      grants = grants === null ? mine : new Set([...grants].filter((g) => mine.has(g)));
    }
  }
  return {
    classRank,
    caveats: [...caveats].sort(),
    grants: { captioned: grants !== null, grants: grants === null ? [] : [...grants].sort() },
  };
}

function markingOf(input: NewPosition, locks: SourceLocks): { classification: Classification; caveats: string[] } {
  const least = CLASSIFICATIONS[Math.min(locks.classRank, CLASSIFICATIONS.length - 1)]!;
  const classification = input.classification ?? least;
  const given = input.caveats ?? [];
  const missing = locks.caveats.filter((c) => !restrictiveCaveats(given).includes(c));
  if (classificationRank(classification) < locks.classRank || (input.caveats !== undefined && missing.length > 0)) {
    throw new CablegramError(
      "POSITION_BELOW_SOURCE",
      `The sources are ${least}${locks.caveats.length ? " " + locks.caveats.join(" ") : ""}; mark the position at least so (or leave classification and caveats out to take theirs).`,
      { least, caveats: locks.caveats },
    );
  }
  const caveats = [...new Set([...given.map((c) => c.trim().toUpperCase()), ...locks.caveats])].sort();
  return { classification, caveats };
}

async function assertCorrectable(
  store: Store,
  reader: Reader,
  campaignId: string,
  questionId: string,
  country: string,
  id: string,
): Promise<void> {
  const found = await store.db
    .selectFrom("position_events as e")
    .select("e.id")
    .where("e.id", "=", id)
    .where("e.campaign_id", "=", campaignId)
    .where("e.question_id", "=", questionId)
    .where("e.country", "=", country)
    .where(eventReadableBy(reader, "e"))
    .executeTakeFirst();
  if (!found) {
    throw new CablegramError(
      "POSITION_EVENT_NOT_FOUND",
      `No event ${JSON.stringify(id)} of ${country} on ${questionId} that you may see to correct; GET /api/campaigns/${campaignId} lists them.`,
      { event: id },
    );
  }
}
