// An archived cable as readers get it back, and the model's stored JSON form.
import { bodyOfParagraphs, type Cable } from "../../core/index.ts";

/** A cable read back from the archive. */
export type ArchivedCable = {
  cable: Cable;
  /** The original telegram text, byte for byte; null for cables created in Cablegram. */
  raw: string | null;
  /** When it was archived, ISO 8601. */
  archivedAt: string;
  /** Where it came from (a file path, "cablegate"); null when not said. */
  source: string | null;
};

/** A cable as lists show it: enough to pick it, nothing more. */
export type CableSummary = { id: string; subject: string | null; dtg: string | null; classification: string | null };

/**
 * The JSON stored for a cable's model. `body` is left out when the paragraphs reproduce it, which is the usual
 * case, so the text is not stored three times (raw, paragraphs, body).
 * @example JSON.parse(encodeModel(cable)).body // undefined when cable.body === bodyOfParagraphs(cable.paragraphs)
 */
export function encodeModel(cable: Cable): string {
  if (cable.paragraphs.length > 0 && cable.body === bodyOfParagraphs(cable.paragraphs)) {
    const { body: _body, ...rest } = cable;
    return JSON.stringify(rest);
  }
  return JSON.stringify(cable);
}

/**
 * Reads a stored model back into a cable, restoring `body` from the paragraphs when it was left out. Not validated
 * again: only `encodeModel` writes it, from a typed cable.
 * @example decodeModel(encodeModel(cable)) // deep-equals cable
 */
export function decodeModel(json: string): Cable {
  const value = JSON.parse(json) as Cable & { body?: string };
  if (value.body === undefined) value.body = bodyOfParagraphs(value.paragraphs);
  return value;
}
