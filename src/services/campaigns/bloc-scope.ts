// Which members a tally counts: a bloc by its code, or the world (the UN's members on the day).
import { BLOCS, type TallyScope } from "../../core/index.ts";
import { CablegramError } from "../errors.ts";

/** The code that names the world: every member of the UN on the day. */
export const WORLD = "WORLD";

/**
 * The tally scope a bloc code names (any case; absent or WORLD: the world); BLOC_NOT_FOUND naming the known codes.
 * @example scopeOfBloc("eu") // { bloc: "EU" }
 * @example scopeOfBloc(undefined) // { world: true }
 */
export function scopeOfBloc(code: string | undefined): TallyScope {
  if (code === undefined || code.trim().toUpperCase() === WORLD) return { world: true };
  const upper = code.trim().toUpperCase();
  if (!BLOCS.some((b) => b.code === upper)) {
    throw new CablegramError(
      "BLOC_NOT_FOUND",
      `No bloc ${JSON.stringify(code)}; known: ${WORLD}, ${BLOCS.map((b) => b.code).join(", ")}.`,
      { bloc: code },
    );
  }
  return { bloc: upper };
}
