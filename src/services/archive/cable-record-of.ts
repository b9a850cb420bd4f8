// Turns a cable into the record the store writes: columns, side rows, access locks and index text.
import { parseCableId, scheduleOfCable, type Addressee, type Cable } from "../../core/index.ts";
import type { CableRecord } from "../../store/cable-record.ts";
import { metaToken } from "../../store/full-text.ts";
import { accessTokens, locksOf } from "../access/index.ts";
import { addresseeKeys } from "./addressee-keys.ts";
import type { TelegramHints } from "./cable-from-telegram.ts";
import { encodeModel } from "./archived-cable.ts";
import { derivedDigest, encodeDigest } from "./derived-digest.ts";
import { parserVersion } from "./parser-version.ts";
import { encodeHints } from "./stored-model.ts";

/**
 * The stored form of a cable: what search, facets, references and the access rule need, computed once here.
 * The cable must have an id (the importer rejects those without). With `parsedWith`, the cable is what
 * `cableFromTelegram(raw, parsedWith)` gave, and only those hints are stored with the text, not the model
 * (stored-model.ts), with the parser that derived the record and the digest of what it derives beyond the columns;
 * the record's `raw` must then be set before it is written. `telegram` is the text the cable was parsed from, where
 * its E.O. line is looked for when the parser found none (a parse worker holds it, not `raw`).
 * @example cableRecordOf(seed, raw, "seeds", now).fts.meta // "tagunsc tagprel tagyi orgstate clsunclassified ..."
 */
export function cableRecordOf(
  cable: Cable,
  raw: string | null,
  source: string | null,
  archivedAt: string,
  parsedWith?: TelegramHints,
  telegram: string | null = raw,
): CableRecord {
  const parsedId = cable.id === null ? null : parseCableId(cable.id);
  const id = parsedId?.id ?? (cable.id ?? "").trim().toUpperCase();
  const dtgYear = cable.dtg ? Number(cable.dtg.slice(0, 4)) : null;
  const origin = cable.origin ?? parsedId?.station ?? null;
  const locks = locksOf(cable);
  const tags = [...new Set(cable.tags.map((t) => t.trim().toUpperCase()).filter((t) => t.length > 0))];
  const refs = cable.references.map((r) => ({
    label: r.label,
    refId: r.id === null ? null : (parseCableId(r.id)?.id ?? r.id),
    text: r.text,
  }));
  const fts = {
    subject: cable.subject ?? "",
    body: cable.body,
    meta: [...metaTokensOf(cable, origin, tags, refs), ...accessTokens(locks)].join(" "),
  };
  return {
    id,
    subject: cable.subject,
    dtg: cable.dtg,
    year: dtgYear ?? parsedId?.year ?? null,
    origin,
    classification: cable.classification,
    classRank: locks.classRank,
    precedence: cable.precedence,
    model: parsedWith ? "" : encodeModel(cable),
    raw,
    parseHints: parsedWith ? encodeHints(parsedWith) : null,
    source,
    archivedAt,
    parserVersion: parsedWith ? parserVersion() : null,
    derivedDigest: parsedWith ? encodeDigest(derivedDigest(cable, fts)) : null,
    tags,
    refs,
    caveats: locks.caveats,
    captioned: locks.captioned,
    grants: locks.grants,
    declass: declassOf(cable, telegram),
    fts,
  };
}

/** The schedule's row of a cable: its review date and reason (core's declassSchedule). */
function declassOf(cable: Cable, raw: string | null): CableRecord["declass"] {
  const { reviewOn, basis, source, reason } = scheduleOfCable(cable, raw);
  return { reviewOn, basis, source, reason };
}

/** The `meta` words that fielded filters match (see full-text.ts). */
function metaTokensOf(cable: Cable, origin: string | null, tags: string[], refs: CableRecord["refs"]): string[] {
  const tokens = new Set<string>();
  for (const tag of tags) {
    tokens.add(metaToken("tag", tag));
    // A person tag `OVIP (CLINTON, HILLARY)` answers to tag:OVIP too.
    const code = tag.replace(/\s*\(.*$/, "");
    if (code !== tag && code.length > 0) tokens.add(metaToken("tag", code));
  }
  if (origin) tokens.add(metaToken("origin", origin));
  tokens.add(metaToken("class", cable.classification ?? "UNKNOWN"));
  if (cable.precedence) tokens.add(metaToken("prec", cable.precedence));
  const addressees = [...cable.to, ...cable.info];
  if (addressees.some((a) => a.precedence === "NIACT IMMEDIATE")) tokens.add(metaToken("prec", "NIACT"));
  for (const a of addressees) for (const token of addresseeTokens(a)) tokens.add(token);
  for (const r of refs) if (r.refId) tokens.add(metaToken("ref", r.refId));
  return [...tokens].filter((t) => !/^[a-z]{3}$/.test(t));
}

/**
 * The `addressee:` tokens of an addressee, by its name and routing indicator. A collection names the same few
 * hundred posts on most of its cables, some of them on hundreds at once, and working their tokens out again was
 * most of what building a record cost (a sixth of a parse worker's time in a bulk import). Cleared when full, so
 * a stream of ever new names cannot grow it without end.
 */
function addresseeTokens(a: Addressee): string[] {
  const key = `${a.route ?? ""}\u0000${a.name}`;
  let tokens = ADDRESSEE_TOKENS.get(key);
  if (tokens === undefined) {
    if (ADDRESSEE_TOKENS.size >= ADDRESSEE_TOKENS_MAX) ADDRESSEE_TOKENS.clear();
    tokens = addresseeKeys(a).map((k) => metaToken("addressee", k));
    ADDRESSEE_TOKENS.set(key, tokens);
  }
  return tokens;
}

const ADDRESSEE_TOKENS = new Map<string, string[]>();
const ADDRESSEE_TOKENS_MAX = 20_000;
