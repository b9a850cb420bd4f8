// The routing hint: a cable that says "please slug responses for IO/UNP" tells where its replies belong.
import type { Cable } from "../../core/index.ts";

// "slug responses for IO/UNP", "slug all replies to EUR/SCE and IO/UNP", "slug reporting for ..."
const SLUG_FOR =
  /\bslug\s+(?:all\s+|any\s+)?(?:responses?|replies|reply|reporting)\s+(?:for|to)\s+([A-Z0-9/&-]+(?:\s*(?:,|and|or)\s*[A-Z0-9/&-]+)*)/gi;
const OFFICE = /^[A-Z0-9][A-Z0-9&-]*\/[A-Z0-9/&-]+$/;

/**
 * Offices a cable asks its replies to be slugged for, in order of mention; empty when it asks nothing.
 * @example routingHintOf(seed09) // ["IO/UNP"]
 */
export function routingHintOf(cable: Pick<Cable, "body" | "handling">): string[] {
  const found = new Set<string>();
  const text = `${cable.handling.join("\n")}\n${cable.body}`.replace(/\s+/g, " ");
  for (const match of text.matchAll(SLUG_FOR)) {
    for (const part of match[1]!.split(/\s*(?:,|\band\b|\bor\b)\s*/i)) {
      const office = part
        .trim()
        .toUpperCase()
        .replace(/[.,;:]+$/, "");
      if (OFFICE.test(office)) found.add(office);
    }
  }
  return [...found];
}
