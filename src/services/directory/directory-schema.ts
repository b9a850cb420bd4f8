// The directory's vocabulary: posts, offices and collectives as zod schemas, with the normalisation they share.
import { z } from "zod";

/** What an addressee can be. A collective is addressed like a post but stands for a set of posts. */
export const DIRECTORY_KINDS = [
  "embassy",
  "consulate",
  "mission",
  "headquarters",
  "agency",
  "military",
  "collective",
] as const;
export type DirectoryKind = (typeof DIRECTORY_KINDS)[number];

/** Kinds a post can have: every directory kind but `collective`, which lives in its own table. */
export const POST_KINDS = ["embassy", "consulate", "mission", "headquarters", "agency", "military"] as const;
export type PostKind = (typeof POST_KINDS)[number];

// The same few thousand directory names come through again and again (a release to 280 posts brings each one here
// half a dozen times, and each event about it once more): remembered, up to a bound.
const NORMALISED_KEPT = 10_000;
const normalised = new Map<string, string>();

/**
 * Normalises a plain-language address: upper case, single spaces, `WASHINGTON DC` written `WASHDC` as State does.
 * @example normalisePlad("Secstate  Washington DC") // "SECSTATE WASHDC"
 */
export function normalisePlad(name: string): string {
  let plad = normalised.get(name);
  if (plad === undefined) {
    plad = name
      .toUpperCase()
      .replace(/\s+/g, " ")
      .trim()
      .replace(/ WASHINGTON,? D\.?C\.?$/, " WASHDC");
    if (normalised.size >= NORMALISED_KEPT) normalised.clear();
    normalised.set(name, plad);
  }
  return plad;
}

/** Whether a string names an IANA time zone this runtime knows. */
function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

// `overwrite`, not `transform`: the value stays a string, so the API document can say what a PLAD is.
const PladSchema = z.string().trim().min(2).max(120).overwrite(normalisePlad);
const StationSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9]{2,30}$/, "a station is letters and digits without spaces, e.g. PARIS"));
const RoutingIndicatorSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{4,7}$/, "a routing indicator is 4 to 7 letters, e.g. RUEHFR"));
const CountrySchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z]{2}$/, "a country is a FIPS 10-4 code of two letters, e.g. FR"));
const TimeZoneSchema = z.string().refine(isTimeZone, "an IANA time zone such as Europe/Paris");
const OfficeCodeSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.string().regex(/^[A-Z0-9][A-Z0-9/&.-]{0,40}$/, "an office code such as EUR/SCE"));

/** A post as the API and the CLI show it. */
export const PostSchema = z.object({
  /** Plain-language address: `AMEMBASSY PARIS`. */
  name: PladSchema,
  /** Station as cables are numbered: `PARIS`; null for agencies and commands that number no State traffic. */
  station: StationSchema.nullable(),
  /** Routing indicator: `RUEHFR`. */
  routingIndicator: RoutingIndicatorSchema.nullable(),
  /** FIPS 10-4 country code, as State writes it in TAGS: `FR`, `GM`. */
  country: CountrySchema.nullable(),
  kind: z.enum(POST_KINDS),
  /** IANA time zone of the post: `Europe/Paris`. */
  timeZone: TimeZoneSchema.nullable(),
});
export type Post = z.infer<typeof PostSchema>;

/** The fields of a post that can be changed after it is created. */
export const PostPatchSchema = PostSchema.omit({ name: true }).partial();
export type PostPatch = z.infer<typeof PostPatchSchema>;

/** An office inside a post: `EUR/SCE` at `SECSTATE WASHDC`. */
export const OfficeSchema = z.object({
  code: OfficeCodeSchema,
  /** What the office is called, when known: `Office of South Central European Affairs`. */
  name: z.string().trim().min(1).max(200).nullable(),
  /** The PLAD of the post it belongs to; null when unknown. */
  post: PladSchema.nullable(),
});
export type Office = z.infer<typeof OfficeSchema>;

/** A named set of posts: `EUROPEAN POLITICAL COLLECTIVE`. */
export const CollectiveSchema = z.object({
  name: PladSchema,
  routingIndicator: RoutingIndicatorSchema.nullable(),
  /** PLADs of the member posts, sorted. */
  members: z.array(PladSchema),
  /**
   * How the members are derived, for a collective that corresponds to a bloc, a country or a kind of post
   * ("embassies in the members of UNSC on the release date"); absent or null: the members are as listed.
   */
  derivation: z.string().nullable().optional(),
});
export type Collective = z.infer<typeof CollectiveSchema>;

/** The whole directory, as the default-directory file holds it. */
export const DirectorySchema = z.object({
  posts: z.array(PostSchema),
  offices: z.array(OfficeSchema),
  collectives: z.array(CollectiveSchema),
});
export type Directory = z.infer<typeof DirectorySchema>;
