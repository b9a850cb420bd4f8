// Builds src/services/directory/default-directory.json: every post, routing indicator, office and collective that
// the seeds and the corpus name, read with parseTelegram. Derived data, committed; run again after parser changes:
//   npx tsx scripts/build-directory.ts [--shared ../shared]
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { format, resolveConfig } from "prettier";
import type { Addressee, Cable } from "../src/core/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { describePlad, isCollectiveName } from "../src/services/directory/describe-plad.ts";
import {
  DirectorySchema,
  normalisePlad,
  type Collective,
  type Directory,
  type Office,
  type Post,
} from "../src/services/directory/directory-schema.ts";

const OUT = resolve(import.meta.dirname, "../src/services/directory/default-directory.json");
const HEADQUARTERS = "SECSTATE WASHDC";

// Collectives whose membership is a matter of record (2009-2010), by FIPS country code of the member embassies.
const MEMBERS_BY_COUNTRY: Record<string, string[]> = {
  "EU MEMBER STATES COLLECTIVE":
    "AU BE BU CY EZ DA EN FI FR GM GR HU EI IT LG LH LU MT NL PL PO RO LO SI SP SW UK".split(" "),
  "GULF COOPERATION COUNCIL COLLECTIVE": "BA KU MU QA SA AE".split(" "),
  "ALL NATO POST COLLECTIVE": "AL BE BU CA HR EZ DA EN FR GM GR HU IC IT LG LH LU NL NO PL PO RO LO SI SP TU UK".split(
    " ",
  ),
};

// State's bureaus, for naming the offices under them (`EUR/SCE` sits in European and Eurasian Affairs).
const BUREAUS: Record<string, string> = {
  AF: "Bureau of African Affairs",
  CA: "Bureau of Consular Affairs",
  DRL: "Bureau of Democracy, Human Rights and Labor",
  DS: "Bureau of Diplomatic Security",
  EAP: "Bureau of East Asian and Pacific Affairs",
  EB: "Bureau of Economic, Energy and Business Affairs",
  EEB: "Bureau of Economic, Energy and Business Affairs",
  EUR: "Bureau of European and Eurasian Affairs",
  INL: "Bureau of International Narcotics and Law Enforcement Affairs",
  INR: "Bureau of Intelligence and Research",
  IO: "Bureau of International Organization Affairs",
  ISN: "Bureau of International Security and Nonproliferation",
  L: "Office of the Legal Adviser",
  NEA: "Bureau of Near Eastern Affairs",
  OES: "Bureau of Oceans and International Environmental and Scientific Affairs",
  PM: "Bureau of Political-Military Affairs",
  PRM: "Bureau of Population, Refugees and Migration",
  G: "Office of the Under Secretary for Democracy and Global Affairs",
  H: "Bureau of Legislative Affairs",
  PA: "Bureau of Public Affairs",
  S: "Office of the Secretary",
  SA: "Bureau of South Asian Affairs",
  SCA: "Bureau of South and Central Asian Affairs",
  WHA: "Bureau of Western Hemisphere Affairs",
};

const OFFICE_CODE = /\b[A-Z]{1,4}(?:\/[A-Z0-9-]{1,8})+\b/g;
// Titles and people that look like office codes on slug lines (`EUR A/S FRIED`, `H/BETSY`).
const NOT_OFFICES = new Set(["A/S", "AA/S", "U/S", "H/BETSY"]);
// Header garble the parser may still let through as an addressee (`PAGE 02 STATE 015113 182333Z`, `TAGS: ...`).
const NOT_AN_ADDRESSEE = /:|^PAGE \d/;
const DEPARTMENT_SLUG = /^(?:DEPT|DEPARTMENT|STATE|SECSTATE)(?: ALSO)? (?:PLEASE )?(?:PASS )?(?:FOR|TO) /i;

type Texts = { path: string; text: string }[];

function readTexts(shared: string): Texts {
  const out: Texts = [];
  for (const dir of [join(shared, "seeds"), join(shared, "corpus/cablegate")]) {
    if (!existsSync(dir)) {
      console.warn(`build-directory: ${dir} is absent; skipped`);
      continue;
    }
    for (const file of readdirSync(dir).sort()) {
      if (file.endsWith(".txt")) out.push({ path: join(dir, file), text: readFileSync(join(dir, file), "utf8") });
    }
  }
  return out;
}

/** Counts values per key, so each PLAD gets the routing indicator it is most often written with. */
class Tally {
  private readonly counts = new Map<string, Map<string, number>>();
  add(key: string, value: string | null): void {
    const m = this.counts.get(key) ?? new Map<string, number>();
    if (value !== null) m.set(value, (m.get(value) ?? 0) + 1);
    this.counts.set(key, m);
  }
  keys(): string[] {
    return [...this.counts.keys()].sort();
  }
  top(key: string): string | null {
    const m = this.counts.get(key);
    if (!m || m.size === 0) return null;
    return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  }
}

function addresseesOf(cable: Cable): Addressee[] {
  return [...(cable.from ? [cable.from] : []), ...cable.to, ...cable.info, ...cable.exclusions];
}

function build(texts: Texts): { directory: Directory; unknown: Map<string, number> } {
  const posts = new Tally();
  const collectives = new Tally();
  const offices = new Map<string, Office>();
  const members = new Map<string, Set<string>>();
  const unknown = new Map<string, number>();
  const facts = new Map<string, NonNullable<ReturnType<typeof describePlad>>>();

  for (const { text } of texts) {
    const cable = parseTelegram(text);
    const addressed: string[] = [];
    for (const a of addresseesOf(cable)) {
      const name = normalisePlad(a.name);
      const route = a.route && /^[A-Z]{4,7}$/.test(a.route) ? a.route : null;
      if (NOT_AN_ADDRESSEE.test(name)) continue;
      const described = describePlad(name);
      // Collective routing indicators start RUCN (RUCNMEM EU MEMBER STATES); USUN's RUCNDT is a mission, not one.
      // Collective routing indicators start RUCN (RUCNMEM EU MEMBER STATES), but so do a few agencies' (RUCNFB FBI):
      // an RUCN agency without a location is an organisation's collective.
      const organisation = route?.startsWith("RUCN") && described?.kind === "agency" && described.country === null;
      if (isCollectiveName(name) || organisation) {
        collectives.add(name, route);
        addressed.push(name);
        continue;
      }
      // An embassy or consulate in a city the table does not know is header garble (`AMEMBASSY LA PAZ FEB`).
      if (!described || ((described.kind === "embassy" || described.kind === "consulate") && !described.country)) {
        unknown.set(name, (unknown.get(name) ?? 0) + 1);
        continue;
      }
      facts.set(name, described);
      posts.add(name, route);
      if (a.office) addOffice(offices, a.office, name);
    }
    // An XMT exclusion names a post the one collective of the cable would otherwise reach: a member.
    if (addressed.length === 1 && cable.exclusions.length > 0) {
      const set = members.get(addressed[0]!) ?? new Set<string>();
      for (const x of cable.exclusions) if (describePlad(x.name)?.country) set.add(normalisePlad(x.name));
      members.set(addressed[0]!, set);
    }
    for (const line of cable.handling) {
      if (!DEPARTMENT_SLUG.test(line)) continue;
      for (const code of line.toUpperCase().match(OFFICE_CODE) ?? []) addOffice(offices, code, HEADQUARTERS);
    }
    for (const m of cable.body.matchAll(/\bslug (?:\w+ )?(?:to|for) ([A-Z]{1,4}\/[A-Z0-9-]{1,8})/g)) {
      addOffice(offices, m[1]!, HEADQUARTERS);
    }
  }

  // A name once seen as a collective is one everywhere, also where its routing indicator was left out.
  const collectiveNames = new Set(collectives.keys());
  const postList: Post[] = posts
    .keys()
    .filter((name) => !collectiveNames.has(name))
    .map((name) => ({ ...facts.get(name)!, routingIndicator: posts.top(name) }));
  const postNames = new Set(postList.map((p) => p.name));
  if (!postNames.has(HEADQUARTERS)) {
    postList.push({ ...describePlad(HEADQUARTERS)!, routingIndicator: "RUEHC" });
    postNames.add(HEADQUARTERS);
  }
  postList.sort((a, b) => a.name.localeCompare(b.name));
  for (const [collective, countries] of Object.entries(MEMBERS_BY_COUNTRY)) {
    const set = members.get(collective) ?? new Set<string>();
    for (const p of postList) if (p.kind === "embassy" && p.country && countries.includes(p.country)) set.add(p.name);
    members.set(collective, set);
  }
  const collectiveList: Collective[] = collectives.keys().map((name) => ({
    name,
    routingIndicator: collectives.top(name),
    members: [...(members.get(name) ?? [])].filter((m) => postNames.has(m)).sort(),
  }));
  const officeList = [...offices.values()]
    .map((o) => ({ ...o, post: o.post && postNames.has(o.post) ? o.post : null }))
    .sort((a, b) => a.code.localeCompare(b.code));
  return {
    directory: DirectorySchema.parse({ posts: postList, offices: officeList, collectives: collectiveList }),
    unknown,
  };
}

function addOffice(offices: Map<string, Office>, raw: string, post: string): void {
  const code = raw.toUpperCase().replace(/[.,;:)-]+$/, "");
  if (!/^[A-Z0-9][A-Z0-9/&.-]{0,40}$/.test(code) || offices.has(code) || NOT_OFFICES.has(code)) return;
  const bureau = BUREAUS[code.split("/")[0]!];
  // On a department slug line only State's own bureaus name offices (`FBI/CALDWELL` is a person at the FBI).
  if (post === HEADQUARTERS && !bureau && !["AID", "ODNI", "INR"].includes(code.split("/")[0]!)) return;
  offices.set(code, { code, name: bureau && code.includes("/") ? `${bureau}: ${code}` : (bureau ?? null), post });
}

async function main(): Promise<void> {
  const at = process.argv.indexOf("--shared");
  const shared = resolve(at > 0 ? process.argv[at + 1]! : resolve(import.meta.dirname, "../../shared"));
  const texts = readTexts(shared);
  const { directory, unknown } = build(texts);
  const json = JSON.stringify(directory, null, 2);
  const options = (await resolveConfig(OUT)) ?? {};
  writeFileSync(OUT, await format(json, { ...options, parser: "json" }));
  const withRi = directory.posts.filter((p) => p.routingIndicator).length;
  console.log(
    `build-directory: ${texts.length} cables -> ${directory.posts.length} posts (${withRi} with a routing indicator), ` +
      `${directory.offices.length} offices, ${directory.collectives.length} collectives; wrote ${OUT}`,
  );
  const skipped = [...unknown.entries()].sort((a, b) => b[1] - a[1]);
  if (skipped.length > 0) {
    console.log(
      `build-directory: ${skipped.length} addressees skipped (unknown State city, add it to post-places.ts):`,
    );
    for (const [name, n] of skipped.slice(0, 40)) console.log(`  ${n}\t${name}`);
  }
}

await main();
