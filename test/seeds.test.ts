// Acceptance tests of parseTelegram on the two seed cables, field by field, as read by hand from examples/.
import { beforeAll, describe, expect, it } from "vitest";
import { bodyOfParagraphs, CableSchema, type Addressee, type Cable, type Precedence } from "../src/core/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { readSeed, type SeedId } from "./helpers/seeds.ts";

/** An addressee line as the parser should read it: no office suffix on any seed line. */
function addressee(route: string | null, name: string, precedence: Precedence | null, mcn: string | null): Addressee {
  return { route, name, office: null, precedence, mcn };
}

/** Paragraph text with its line breaks and blank lines collapsed, for sentences that the seed wraps or splits. */
function flat(text: string | undefined): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

function paragraph(cable: Cable, n: number): string | undefined {
  return cable.paragraphs.find((p) => p.number === n)?.text;
}

/** What a seed says, read by hand: the fields every seed has, and the blocks of its body in order. */
type SeedExpectations = {
  id: SeedId;
  identity: Pick<Cable, "id" | "origin" | "serial">;
  transmission: Cable["transmission"];
  dtg: string;
  precedence: Cable["precedence"];
  to: Addressee[];
  info: Addressee[];
  levelAndCaveats: Pick<Cable, "classification" | "caveats" | "handling" | "section">;
  eo: Cable["eo"];
  tags: string[];
  subject: string;
  references: Cable["references"];
  classifiedBy: Cable["classifiedBy"];
  /** [number, marking] of each block; headings are [null, null]. */
  blocks: Array<[number | null, string | null]>;
  headings: string[];
  signers: string[];
};

const SEEDS: SeedExpectations[] = [
  {
    id: "08STATE16245",
    identity: { id: "08STATE16245", origin: "STATE", serial: 16245 },
    transmission: {
      startOfMessage: "VZCZCXRO0350",
      relayPrecedence: "OO",
      relayRoutes: ["RUEHTRO"],
      station: "RUEHC",
      stationSerial: "6245",
      part: null,
      filingTime: "0472322",
      securityWarning: "ZNR UUUUU ZZH ZK",
      prosigns: "O",
      signals: "ZFF4",
    },
    dtg: "2008-02-16T23:19:00Z",
    precedence: "IMMEDIATE",
    to: [
      addressee("RUEHOU", "AMEMBASSY OUAGADOUGOU", "NIACT IMMEDIATE", "6893"),
      addressee("RUEHZP", "AMEMBASSY PANAMA", "NIACT IMMEDIATE", "1724"),
      addressee("RUEHSA", "AMEMBASSY PRETORIA", "NIACT IMMEDIATE", "7110"),
      addressee("RUEHSJ", "AMEMBASSY SAN JOSE", "NIACT IMMEDIATE", "8120"),
      addressee("RUEHTRO", "AMEMBASSY TRIPOLI", "NIACT IMMEDIATE", "8616"),
    ],
    info: [
      addressee("RUEHBW", "AMEMBASSY BELGRADE", "IMMEDIATE", "2134"),
      addressee("RUEHBS", "AMEMBASSY BRUSSELS", "IMMEDIATE", "9145"),
      addressee("RUEHLO", "AMEMBASSY LONDON", "IMMEDIATE", "5042"),
      addressee("RUEHFR", "AMEMBASSY PARIS", "IMMEDIATE", "7136"),
      addressee("RUEHPS", "USOFFICE PRISTINA", "IMMEDIATE", "3658"),
      addressee("RUEHRO", "AMEMBASSY ROME", "IMMEDIATE", "4902"),
      addressee("RUEHVB", "AMEMBASSY ZAGREB", "IMMEDIATE", "9763"),
      addressee("RUEHNO", "USMISSION USNATO", "IMMEDIATE", "0918"),
      addressee("RUCNDT", "USMISSION USUN NEW YORK", "IMMEDIATE", "0668"),
    ],
    // SIPDIS, SENSITIVE, SIPDIS: the repeated SIPDIS is noise.
    levelAndCaveats: { classification: "UNCLASSIFIED", caveats: ["SIPDIS", "SENSITIVE"], handling: [], section: null },
    eo: { order: "12958", decl: null, text: "N/A" },
    tags: ["UNSC", "PREL", "YI"],
    subject: "KOSOVO: FOR CHIEFS OF MISSION -- DEMARCHE REQUEST ON SECURITY COUNCIL DELIBERATIONS",
    references: [{ label: null, id: "07STATE166909", text: "07 STATE 166909" }],
    classifiedBy: null,
    blocks: [
      [1, "U"],
      [2, "SBU"],
      [3, "U"],
      [null, null],
      [4, "SBU"],
      [null, null],
      [5, null],
    ],
    headings: ["OBJECTIVES", "FOR ROME, BRUSSELS, ZAGREB, PARIS, AND LONDON"],
    signers: ["RICE"],
  },
  {
    id: "09STATE39345",
    identity: { id: "09STATE39345", origin: "STATE", serial: 39345 },
    transmission: {
      startOfMessage: "VZCZCXRO5154",
      relayPrecedence: "PP",
      relayRoutes: ["RUEHRN"],
      station: "RUEHC",
      stationSerial: "9345",
      part: "01",
      filingTime: "1111401",
      securityWarning: "ZNY CCCCC ZZH",
      prosigns: "P",
      signals: null,
    },
    dtg: "2009-04-21T13:43:00Z",
    precedence: "PRIORITY",
    to: [
      addressee("RUCNDT", "USMISSION USUN NEW YORK", "PRIORITY", "5745"),
      addressee("RUEHRN", "USMISSION UN ROME", "PRIORITY", "0585"),
      addressee("RUEHFR", "USMISSION UNESCO PARIS", "PRIORITY", "0539"),
      addressee("RUEHGV", "USMISSION GENEVA", "PRIORITY", "6733"),
      addressee("RUEHUNV", "USMISSION UNVIE VIENNA", "PRIORITY", "4804"),
    ],
    info: [
      addressee("RUEHBW", "AMEMBASSY BELGRADE", "PRIORITY", "2080"),
      addressee("RUEHPS", "AMEMBASSY PRISTINA", "PRIORITY", "5591"),
      addressee("RUEHBS", "USEU BRUSSELS", "PRIORITY", null),
    ],
    levelAndCaveats: {
      classification: "CONFIDENTIAL",
      caveats: ["SIPDIS"],
      handling: [],
      section: { index: 1, total: 2 },
    },
    eo: { order: "12958", decl: "2019-04-16", text: "DECL: 04/16/2019" },
    // The viewer's link residue: `TAGS: [PREL](#) [ECON](#) [UN](#) [KV](#)`.
    tags: ["PREL", "ECON", "UN", "KV"],
    subject: "SUPPORTING KOSOVO IN INTERNATIONAL BODIES",
    references: [],
    classifiedBy: { name: "Esther Brimmer", title: "IO A/S", reasons: ["1.4(b)"] },
    // Numbered 11.-17. in the text: a mangled ¶1.-¶7.
    blocks: [
      [1, "C"],
      [null, null],
      [2, "C"],
      [3, "C"],
      [null, null],
      [4, "SBU"],
      [5, "SBU"],
      [6, "SBU"],
      [null, null],
      [7, "U"],
    ],
    headings: ["OBJECTIVES", "BACKGROUND", "POINT OF CONTACT"],
    signers: ["CLINTON"],
  },
];

describe.each(SEEDS)("parseTelegram on seed $id", (seed) => {
  let cable: Cable;
  beforeAll(() => {
    cable = parseTelegram(readSeed(seed.id));
  });

  it("returns a cable that satisfies the model's schema", () => {
    expect(() => CableSchema.parse(cable)).not.toThrow();
  });

  it("finds the canonical id, origin and serial without a hint", () => {
    expect({ id: cable.id, origin: cable.origin, serial: cable.serial }).toEqual(seed.identity);
  });

  it("reads the ACP-127 transmission header element by element", () => {
    expect(cable.transmission).toEqual(seed.transmission);
  });

  it("reads the date-time group as ISO UTC and the DTG prosign as the transmission precedence", () => {
    expect({ dtg: cable.dtg, precedence: cable.precedence }).toEqual({ dtg: seed.dtg, precedence: seed.precedence });
  });

  it("reads FM SECSTATE WASHDC as an addressee without route, precedence or serial", () => {
    expect(cable.from).toEqual(addressee(null, "SECSTATE WASHDC", null, null));
  });

  it("reads each action addressee with its route, name, precedence and mcn as a string", () => {
    expect(cable.to).toEqual(seed.to);
  });

  it("reads each info addressee, keeping leading zeros of the mcn and null where it is missing", () => {
    expect(cable.info).toEqual(seed.info);
    expect(cable.exclusions).toEqual([]);
  });

  it("reads the classification line's level and section, and the caveats in order, deduplicated", () => {
    const { classification, caveats, handling, section } = cable;
    expect({ classification, caveats, handling, section }).toEqual(seed.levelAndCaveats);
  });

  it("reads the E.O. line into order, ISO declassification date and text", () => {
    expect(cable.eo).toEqual(seed.eo);
  });

  it("reads TAGS, the subject on one line, the references and Classified By", () => {
    const { tags, subject, references, classifiedBy } = cable;
    expect({ tags, subject, references, classifiedBy }).toEqual({
      tags: seed.tags,
      subject: seed.subject,
      references: seed.references,
      classifiedBy: seed.classifiedBy,
    });
  });

  it("reads the numbered paragraphs with their portion marks, and the headings as blocks with number null", () => {
    expect(cable.paragraphs.map((p): [number | null, string | null] => [p.number, p.marking])).toEqual(seed.blocks);
    expect(cable.paragraphs.filter((p) => p.number === null).map((p) => p.text)).toEqual(seed.headings);
  });

  it("reads the signature and keeps it, the ¶ anchors and the page lines out of the body", () => {
    expect(cable.signers).toEqual(seed.signers);
    expect(cable.body).not.toMatch(new RegExp(`\\b${seed.signers[0]}\\s*$`));
    expect(cable.body).not.toContain("¶");
    expect(cable.body).not.toMatch(/STATE 000\d+ 00\d OF 00\d/);
  });

  it("keeps body and paragraphs in agreement", () => {
    expect(cable.body).toBe(bodyOfParagraphs(cable.paragraphs));
  });
});

describe("parseTelegram on the paragraph text of 08STATE16245", () => {
  let cable: Cable;
  beforeAll(() => {
    cable = parseTelegram(readSeed("08STATE16245"));
  });

  it("keeps paragraph text without the ¶ anchor, the number or the mark", () => {
    expect(paragraph(cable, 1)).toBe(
      "NIACT precedents requested due to the scheduled emergency UN Security Council debate on the situation in " +
        "Kosovo scheduled for Sunday, February 17 in New York.",
    );
    expect(paragraph(cable, 5)).toBe(
      "Department requests that posts inform host governments of this demarche and urge them to join in making " +
        "similar demarches to other UNSC members as soon as possible.",
    );
  });

  it("keeps the six bullets of paragraph 4 on their own lines inside the paragraph", () => {
    const text = paragraph(cable, 4) ?? "";
    expect(text.startsWith("Department instructs posts to pursue the following objectives:")).toBe(true);
    const bullets = text.split("\n").filter((line) => line.startsWith("-- "));
    expect(bullets).toHaveLength(6);
    expect(bullets[0]).toMatch(/^-- Inform host governments that we expect Kosovo/);
    expect(bullets[5]).toBe("-- Stress that this matter is of the utmost importance for the U.S.");
    // The seed breaks a bullet with a blank line in mid-sentence; it stays in paragraph 4.
    expect(flat(text)).toContain("fruitless debate will only hinder the efforts to assure a stable and prosperous");
  });
});

describe("parseTelegram on the paragraph text of 09STATE39345", () => {
  let cable: Cable;
  beforeAll(() => {
    cable = parseTelegram(readSeed("09STATE39345"));
  });

  it("keeps the text of paragraph 1 whole, from Summary to End Summary", () => {
    const text = paragraph(cable, 1) ?? "";
    expect(text.startsWith("Summary. This is an action request, see paragraph 2.")).toBe(true);
    expect(text.endsWith("End Summary.")).toBe(true);
  });

  it("joins the wrapped and blank-split lines of paragraph 4 into its sentences", () => {
    expect(flat(paragraph(cable, 4))).toContain(
      "to promote Kosovo's fullest possible engagement with international organizations. Kosovo has embassies in Ankara,",
    );
  });

  it("removes the page line STATE 00039345 002 OF 002, so paragraph 5 reads '22 of 27 EU member states'", () => {
    expect(paragraph(cable, 5)).toContain("22 of 27 EU member states");
    expect(cable.body).not.toContain("00039345");
  });

  it("keeps the end of paragraph 7: 'slug responses for IO/UNP'", () => {
    expect(paragraph(cable, 7)).toContain("slug responses for IO/UNP");
    expect(flat(paragraph(cable, 7))).toMatch(/^Please contact Kosovo Desk Officer .* John Mariz and USUN\.$/);
  });
});
