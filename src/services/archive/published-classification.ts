// A publisher's classification line ("CONFIDENTIAL//NOFORN") read as a level and the caveats it implies.
import { isClassification, type Classification } from "../../core/index.ts";

/**
 * Reads the published classification into a level and the caveats it implies; null when the level is unknown.
 * The index's FOR OFFICIAL USE ONLY is our SENSITIVE (SBU).
 * @example indexClassification("CONFIDENTIAL//NOFORN") // { level: "CONFIDENTIAL", caveats: ["NOFORN"] }
 */
export function indexClassification(text: string): { level: Classification; caveats: string[] } | null {
  const [level, ...controls] = text.split("//").map((s) => s.trim().toUpperCase());
  if (level === undefined || !isClassification(level)) return null;
  const caveats = controls.map((c) => (c === "FOR OFFICIAL USE ONLY" ? "SENSITIVE" : c)).filter((c) => c !== "");
  return { level, caveats };
}
