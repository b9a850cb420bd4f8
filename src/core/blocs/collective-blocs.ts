// Which posts a collective reaches when the directory lists none for it: the one place that maps collective names
// to blocs (UN SECURITY COUNCIL COLLECTIVE is the embassies in the Council's members of the day), to countries (ALL
// CANADIAN POSTS COLLECTIVE) or to kinds of post (ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE).
import { isoOfTag } from "../countries/tag-countries.ts";
import type { IsoDate } from "../countries/iso-date.ts";
import { blocMembers } from "./blocs.ts";

/** A post as a collective rule sees it: its TAGS country code and its kind (`embassy`, `consulate`, ...). */
export type RulePost = { country: string | null; kind: string };

/**
 * How a collective's members are derived: the posts of `kinds` in the countries of `blocs` on the release date (any
 * one of them), or in `countries` (TAGS codes); with neither, in every country.
 */
export type CollectiveRule = {
  blocs?: readonly string[];
  countries?: readonly string[];
  kinds: readonly string[];
  /** What the directory shows for the rule: "members of EU on the release date". */
  describe: string;
};

/** Bilateral posts: a bloc's collective reaches the embassies in its member states. */
const EMBASSIES = ["embassy"] as const;
const DIPLOMATIC = ["embassy", "mission"] as const;
const DIPLOMATIC_AND_CONSULAR = ["embassy", "consulate", "mission"] as const;

function bloc(...codes: string[]): CollectiveRule {
  return {
    blocs: codes,
    kinds: EMBASSIES,
    describe: `embassies in the members of ${codes.join(" or ")} on the release date`,
  };
}

function inCountry(tag: string, kinds: readonly string[]): CollectiveRule {
  return { countries: [tag], kinds, describe: `${kinds.join(" and ")} posts in ${tag}` };
}

/** Collective names (as the directory writes them) and the rule that derives their members. */
export const COLLECTIVE_RULES: Readonly<Record<string, CollectiveRule>> = {
  "UN SECURITY COUNCIL COLLECTIVE": bloc("UNSC"),
  "EU MEMBER STATES": bloc("EU"),
  "EU MEMBER STATES COLLECTIVE": bloc("EU"),
  "EU MEM COLLECTIVE": bloc("EU"),
  "EC COLLECTIVE": bloc("EU"),
  "ALL NATO POST COLLECTIVE": bloc("NATO"),
  "NATO EU COLLECTIVE": bloc("NATO", "EU"),
  "ASEAN MEMBER COLLECTIVE": bloc("ASEAN"),
  "ASSOCIATION OF SOUTHEAST ASIAN NATIONS COLLECTIVE": bloc("ASEAN"),
  "AFRICAN UNION COLLECTIVE": bloc("AU"),
  "ARAB LEAGUE COLLECTIVE": bloc("ARAB_LEAGUE"),
  "GULF COOPERATION COUNCIL COLLECTIVE": bloc("GCC"),
  "GCC C COLLECTIVE": bloc("GCC"),
  "ORG FOR SECURITY CO OP IN EUR COLLECTIVE": bloc("OSCE"),
  "ORG FOR SECURITY CO OP IN EUROPE COLLECTIVE": bloc("OSCE"),
  "ORGANIZATION FOR SECURITY COOPERATION IN EUROPE": bloc("OSCE"),
  "COUNCIL OF EUROPE COLLECTIVE": bloc("COE"),
  "OAS COLLECTIVE": bloc("OAS"),
  "G7 COLLECTIVE": bloc("G7"),
  "G8 COLLECTIVE": bloc("G8"),
  "ALL DIPLOMATIC AND CONSULAR POSTS COLLECTIVE": {
    kinds: DIPLOMATIC_AND_CONSULAR,
    describe: "every embassy, consulate and mission",
  },
  "ALL DIPLOMATIC POSTS COLLECTIVE": { kinds: DIPLOMATIC, describe: "every embassy and mission" },
  "ALL CANADIAN POSTS COLLECTIVE": inCountry("CA", DIPLOMATIC_AND_CONSULAR),
  "ALL US CONSULATES IN MEXICO COLLECTIVE": inCountry("MX", ["consulate"]),
  "CHINA POSTS COLLECTIVE": inCountry("CH", DIPLOMATIC_AND_CONSULAR),
};

/**
 * The rule deriving a collective's members, if its name has one.
 * @example collectiveRule("UN SECURITY COUNCIL COLLECTIVE")?.blocs // ["UNSC"]
 * @example collectiveRule("DARFUR COLLECTIVE") // undefined
 */
export function collectiveRule(name: string): CollectiveRule | undefined {
  return COLLECTIVE_RULES[name.trim().toUpperCase()];
}

/**
 * A predicate telling whether a post belongs to the rule's collective on `asOf`; the bloc memberships are read
 * once, so the predicate can be run over a whole directory.
 * @example collectiveAdmits(collectiveRule("UN SECURITY COUNCIL COLLECTIVE")!, "2009-04-07")({ country: "JA", kind: "embassy" }) // true: Japan sat in 2009
 */
export function collectiveAdmits(rule: CollectiveRule, asOf: IsoDate): (post: RulePost) => boolean {
  const kinds = new Set(rule.kinds);
  const isos = rule.blocs === undefined ? null : new Set(rule.blocs.flatMap((code) => blocMembers(code, asOf)));
  const tags = rule.countries === undefined ? null : new Set(rule.countries);
  return (post) => {
    if (!kinds.has(post.kind)) return false;
    if (tags !== null && (post.country === null || !tags.has(post.country))) return false;
    if (isos === null) return true;
    const iso = post.country === null ? null : isoOfTag(post.country, asOf);
    return iso !== null && iso !== undefined && isos.has(iso);
  };
}
