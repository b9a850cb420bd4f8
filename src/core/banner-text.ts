// The classification banner's words, as marked at the top and bottom of every view of a cable: on screen, on paper
// and in an exported PDF alike.
import type { Classification } from "./classification.ts";

/**
 * The banner text: the level and its caveats, as marked on paper. SIPDIS only says where a copy may go, so it is left
 * out.
 * @example bannerText("CONFIDENTIAL", ["NOFORN", "SIPDIS"]) // "CONFIDENTIAL//NOFORN"
 */
export function bannerText(classification: Classification, caveats: readonly string[] = []): string {
  const shown = caveats.filter((c) => c !== "SIPDIS");
  return [classification, ...shown].join("//");
}
