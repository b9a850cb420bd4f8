// The blocs a tally can count over, from core's dated membership data.
import { BLOCS, blocMembers, type IsoDate } from "../../core/index.ts";

export type BlocSummary = { code: string; name: string; kind: string; memberCount: number };

/**
 * Every bloc with its number of members on `asOf`.
 * @example listBlocs("2009-04-01").find((b) => b.code === "NATO")?.memberCount // 28
 */
export function listBlocs(asOf: IsoDate): BlocSummary[] {
  return BLOCS.map((b) => ({
    code: b.code,
    name: b.name,
    kind: b.kind,
    memberCount: blocMembers(b.code, asOf).length,
  }));
}
