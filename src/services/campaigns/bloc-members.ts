// A bloc's members on a day, each with the interval and source that date its membership.
import { blocByCode, inInterval, isoCountryName, type IsoDate } from "../../core/index.ts";
import { scopeOfBloc } from "./bloc-scope.ts";
import { CablegramError } from "../errors.ts";

export type BlocMembersView = {
  code: string;
  name: string;
  asOf: IsoDate;
  members: { iso2: string; name: string; from: IsoDate | null; source: string }[];
};

/**
 * The members of bloc `code` on `asOf`, sorted by code. BLOC_NOT_FOUND naming the known codes.
 * @example blocMembersOn("NATO", "2009-04-01").members.length // 28
 * @example blocMembersOn("EU", "2020-01-31").members.some((m) => m.iso2 === "GB") // false
 */
export function blocMembersOn(code: string, asOf: IsoDate): BlocMembersView {
  const scope = scopeOfBloc(code);
  if (!("bloc" in scope)) {
    throw new CablegramError("BLOC_NOT_FOUND", "WORLD is not a bloc with members of its own; ask for UN.", {
      bloc: code,
    });
  }
  const bloc = blocByCode(scope.bloc);
  const members = new Map<string, BlocMembersView["members"][number]>();
  for (const m of bloc.memberships) {
    if (!inInterval(m, asOf) || members.has(m.iso2)) continue;
    members.set(m.iso2, { iso2: m.iso2, name: isoCountryName(m.iso2) ?? m.iso2, from: m.from, source: m.source });
  }
  return {
    code: bloc.code,
    name: bloc.name,
    asOf,
    members: [...members.values()].sort((a, b) => (a.iso2 < b.iso2 ? -1 : 1)),
  };
}
