// The conventional banner colours of each classification, for the graph's nodes (a canvas cannot take CSS
// classes, so the colours are here as well as in styles.css). Unresolved references are grey.
import type { Classification } from "../../../../src/core/index.ts";

export const CLASSIFICATION_COLOURS: Record<Classification, { fill: string; ink: string }> = {
  UNCLASSIFIED: { fill: "#007a33", ink: "#ffffff" },
  "LIMITED OFFICIAL USE": { fill: "#502b85", ink: "#ffffff" },
  CONFIDENTIAL: { fill: "#0033a0", ink: "#ffffff" },
  SECRET: { fill: "#c8102e", ink: "#ffffff" },
  "TOP SECRET": { fill: "#ff8c00", ink: "#1b1f24" },
};

/** Grey for references that are not archived or not readable, and for an unknown level. */
export const UNRESOLVED_COLOUR = { fill: "#ffffff", border: "#6e7781", ink: "#57606a" };

/**
 * The fill of a classification, grey for an unknown one.
 * @example colourOf("SECRET") // "#c8102e"
 */
export function colourOf(classification: string | null | undefined): string {
  return CLASSIFICATION_COLOURS[classification as Classification]?.fill ?? "#8c959f";
}
