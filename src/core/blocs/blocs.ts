// Blocs (the UN, the EU, NATO, ...) and who belonged to each on a given day. The data in bloc-data.ts is checked
// here when the module loads, so a malformed row (an unknown country, a reversed interval, a missing source) fails
// every test that touches blocs rather than skewing a tally.
import { z } from "zod";
import { countryByIso } from "../countries/iso-countries.ts";
import { inInterval, ISO_DATE_PATTERN, type IsoDate } from "../countries/iso-date.ts";
import { BLOC_DATA, type RawBloc } from "./bloc-data.ts";

/** One member's membership of a bloc over the half-open interval [from, to), with the source that dates it. */
export type Membership = {
  iso2: string;
  from: IsoDate | null;
  to: IsoDate | null;
  /** An official page's URL or a document reference. */
  source: string;
};

/** A bloc: code (`NATO`), name, kind and every membership interval. */
export type Bloc = {
  code: string;
  name: string;
  kind: string;
  memberships: readonly Membership[];
};

const isoDate = z.string().regex(ISO_DATE_PATTERN, "a date is YYYY-MM-DD");
const iso2 = z.string().refine((c) => countryByIso(c)?.iso2 === c, "not an upper-case ISO 3166-1 alpha-2 code");
const source = z.string().trim().min(1, "every membership names its source");

const rawBlocSchema = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, "a bloc code is upper case: NATO, ARAB_LEAGUE"),
  name: z.string().min(1),
  kind: z.string().min(1),
  source,
  memberships: z
    .array(
      z
        .tuple([z.array(iso2).min(1), isoDate.nullable(), isoDate.nullable()])
        .rest(source)
        .refine(([, from, to]) => from === null || to === null || from < to, "from must be before to"),
    )
    .min(1),
});

/**
 * Validates raw bloc data and expands each row into one membership per member, each with its source. Throws an
 * error naming the bloc, the row and the field when a row is malformed or one member's intervals overlap.
 * @example parseBlocs([{ code: "GCC", name: "...", kind: "...", source: "https://...", memberships: [[["SA"], "1981-05-25", null]] }])
 * // [{ code: "GCC", ..., memberships: [{ iso2: "SA", from: "1981-05-25", to: null, source: "https://..." }] }]
 */
export function parseBlocs(raw: readonly RawBloc[]): Bloc[] {
  const blocs = raw.map((entry, index) => {
    const parsed = rawBlocSchema.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = `bloc ${entry.code ?? index}, at ${issue?.path.join(".") ?? "?"}`;
      throw new Error(`BLOC_DATA_INVALID: ${where}: ${issue?.message ?? "invalid"}`);
    }
    const bloc = parsed.data;
    const memberships = bloc.memberships.flatMap(([members, from, to, rowSource]) =>
      members.map((member) => ({ iso2: member, from, to, source: rowSource ?? bloc.source })),
    );
    assertNoOverlap(bloc.code, memberships);
    return { code: bloc.code, name: bloc.name, kind: bloc.kind, memberships };
  });
  const codes = blocs.map((b) => b.code);
  const repeated = codes.find((c, i) => codes.indexOf(c) !== i);
  if (repeated !== undefined) throw new Error(`BLOC_DATA_INVALID: bloc ${repeated} is defined twice`);
  return blocs;
}

function assertNoOverlap(code: string, memberships: readonly Membership[]): void {
  const byMember = new Map<string, Membership[]>();
  for (const m of memberships) byMember.set(m.iso2, [...(byMember.get(m.iso2) ?? []), m]);
  for (const [member, spans] of byMember) {
    const sorted = spans.sort((a, b) => (a.from ?? "").localeCompare(b.from ?? ""));
    for (let i = 1; i < sorted.length; i++) {
      const previousEnd = sorted[i - 1]?.to ?? null;
      if (previousEnd === null || previousEnd > (sorted[i]?.from ?? "")) {
        throw new Error(`BLOC_DATA_INVALID: bloc ${code}: ${member}'s membership intervals overlap`);
      }
    }
  }
}

/** Every bloc, validated. */
export const BLOCS: readonly Bloc[] = parseBlocs(BLOC_DATA);

const BY_CODE = new Map(BLOCS.map((b) => [b.code, b]));

/**
 * The bloc with this code; throws naming the known codes when there is none, as a wrong code is a programming error.
 * @example blocByCode("NATO").name // "North Atlantic Treaty Organization"
 */
export function blocByCode(code: string): Bloc {
  const bloc = BY_CODE.get(code);
  if (bloc === undefined) {
    throw new Error(`BLOC_NOT_FOUND: no bloc ${code}; known: ${[...BY_CODE.keys()].join(", ")}`);
  }
  return bloc;
}

/**
 * The members (ISO alpha-2, sorted) of a bloc on a day: those whose membership interval [from, to) holds it.
 * @example blocMembers("NATO", "2009-03-31").length // 26
 * @example blocMembers("NATO", "2009-04-01").length // 28
 */
export function blocMembers(code: string, asOf: IsoDate): string[] {
  const members = new Set<string>();
  for (const m of blocByCode(code).memberships) if (inInterval(m, asOf)) members.add(m.iso2);
  return [...members].sort();
}
