// Opaque pagination cursors: where the last result was, bound to the query and order it came from.
import { CablegramError } from "../errors.ts";

export type SearchSort = "relevance" | "date";

/** Where the next page starts: after the row `seq` (whose relevance score was `score`; null in date order). */
export type CursorPosition = { sort: SearchSort; score: number | null; seq: number };

type CursorJson = { v: 2; s: SearchSort; f: string; r: number | null; q: number };

/**
 * Encodes the position after a result as an opaque, URL-safe cursor.
 * @example encodeCursor({ sort: "date", score: null, seq: 12 }, "1a2b3c4d") // "eyJ2IjoyLC..."
 */
export function encodeCursor(position: CursorPosition, fingerprint: string): string {
  const json: CursorJson = { v: 2, s: position.sort, f: fingerprint, r: position.score, q: position.seq };
  return Buffer.from(JSON.stringify(json)).toString("base64url");
}

/**
 * Reads a cursor back; throws BAD_CURSOR when it is malformed or belongs to another query or order.
 * @example decodeCursor(cursor, "1a2b3c4d", "date") // { sort: "date", score: null, seq: 12 }
 */
export function decodeCursor(cursor: string, fingerprint: string, sort: SearchSort): CursorPosition {
  let json: Partial<CursorJson>;
  try {
    json = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as Partial<CursorJson>;
  } catch {
    throw new CablegramError("BAD_CURSOR", "the cursor is not one this server made; start again without it");
  }
  const scoreOk = sort === "relevance" ? typeof json.r === "number" && Number.isFinite(json.r) : json.r === null;
  if (json === null || json.v !== 2 || json.s !== sort || !scoreOk || !Number.isSafeInteger(json.q)) {
    throw new CablegramError("BAD_CURSOR", "the cursor is not one this server made; start again without it");
  }
  if (json.f !== fingerprint) {
    throw new CablegramError("BAD_CURSOR", "the cursor belongs to another query; start again without it");
  }
  return { sort, score: json.r ?? null, seq: json.q! };
}
