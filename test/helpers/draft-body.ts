// A released cable turned back into a draft body for POST /api/drafts, shared by the messaging tests, the crash
// test and the messaging benchmark (no test framework imported, so scripts and benchmarks can use it).
import type { Addressee, Cable } from "../../src/core/index.ts";

/**
 * The cable model less what release assigns: number, date-time group, transmission header, section and channel
 * serials (`mcn`); parse warnings are dropped too.
 * @example draftOf(parseTelegram(readSeed("08STATE16245"))).to[0].mcn // null
 */
export function draftOf(cable: Cable): Record<string, unknown> & Pick<Cable, "to" | "info"> {
  const blank = (a: Addressee) => ({ ...a, mcn: null });
  const { id: _id, serial: _serial, dtg: _dtg, transmission: _t, section: _s, warnings: _w, ...rest } = cable;
  return { ...rest, to: rest.to.map(blank), info: rest.info.map(blank), exclusions: rest.exclusions.map(blank) };
}
