// Property: for every valid cable, parseTelegram(renderTelegram(cable)) gives back the cable, field for field.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bodyOfParagraphs,
  canonicalCableId,
  CLASSIFICATIONS,
  PRECEDENCES,
  PROSIGN,
  TRANSMISSION_PRECEDENCES,
  type Addressee,
  type Cable,
  type Paragraph,
  type Reference,
} from "../src/core/index.ts";
import { parseTelegram, renderTelegram } from "../src/telegram/index.ts";
import { SECURITY_LETTER } from "../src/telegram/security-warning.ts";

const STATIONS: [string, string][] = [
  ["STATE", "SECSTATE WASHDC"],
  ["PARIS", "AMEMBASSY PARIS"],
  ["MADRID", "AMEMBASSY MADRID"],
  ["RIODEJANEIRO", "AMCONSUL RIO DE JANEIRO"],
  ["USNATO", "USMISSION USNATO"],
  ["PRISTINA", "AMEMBASSY PRISTINA"],
];
const PLADS = [
  "AMEMBASSY OUAGADOUGOU",
  "AMEMBASSY SAN JOSE",
  "USMISSION USUN NEW YORK",
  "USEU BRUSSELS",
  "EUROPEAN POLITICAL COLLECTIVE",
  "AMCONSUL STRASBOURG",
  "NSC WASHDC",
];
const WORDS = [
  "Kosovo",
  "the",
  "Department",
  "requests",
  "posts",
  "host",
  "governments",
  "support",
  "recognition",
  "of",
  "and",
  "in",
  "UNSC",
  "members",
  "will",
  "deliver",
  "demarche",
  "EU",
  "NATO",
  "urge",
  "debate",
  "Council",
  "independence",
  "Serbia",
  "on",
  "February",
  "17",
  "2008",
  "Ahtisaari",
  "1244",
  "U.S.",
  "Kosovo's",
  "IO/UNP",
];
const HEADINGS = ["OBJECTIVES", "BACKGROUND", "POINT OF CONTACT", "FOR ROME, BRUSSELS, AND LONDON", "COMMENT"];
const TAGS = ["PREL", "UNSC", "ECON", "PGOV", "KV", "YI", "UN", "SR", "KDEM", "OVIP (CLINTON, HILLARY)"];
const MARKINGS = ["U", "SBU", "C", "S", "S/NF", "C/REL NATO", "SBU/NF"];
const NAMES: [string, string][] = [
  ["IO A/S", "Esther Brimmer"],
  ["Ambassador", "Tina S. Kaidanow"],
  ["", "Philip H. Gordon"],
  ["DCM", "Marc Sievers"],
];

const sentence = fc
  .array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 14 })
  // A block that opened with "17." would be paragraph 17: in a valid cable, sentences open with a word.
  .map((w) => `${/^\d/.test(w[0]!) ? "In " : ""}${w.join(" ")}.`.replace(/^./, (c) => c.toUpperCase()));
const block = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(" "));
const bullets = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.map((x) => `-- ${x}`).join("\n"));
const paragraphText = fc
  .tuple(block, fc.array(fc.oneof(block, bullets), { maxLength: 3 }))
  .map(([first, more]) => [first, ...more].join("\n\n"));

const route = fc.option(fc.stringMatching(/^RUEH[A-Z]{1,3}$/), { nil: null });
const mcn = fc.option(
  fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0")),
  { nil: null },
);
const addressee: fc.Arbitrary<Addressee> = fc.record({
  route,
  name: fc.constantFrom(...PLADS),
  office: fc.constant(null),
  precedence: fc.option(fc.constantFrom(...PRECEDENCES), { nil: null }),
  mcn,
});
const exclusion = fc
  .constantFrom(...PLADS)
  .map((name) => ({ route: null, name, office: null, precedence: null, mcn: null }));

const entry = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant("numbered" as const),
      marking: fc.option(fc.constantFrom(...MARKINGS), { nil: null }),
      text: paragraphText,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("heading" as const),
      marking: fc.constant(null),
      text: fc.constantFrom(...HEADINGS),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("marked" as const),
      marking: fc.constantFrom(...MARKINGS),
      text: block, // an unnumbered paragraph is one block: a second would read as a paragraph of its own
    }),
  },
);

const reference = (year: number) =>
  fc.oneof(
    fc
      .tuple(
        fc.option(fc.integer({ min: Math.min(1990, year), max: year }), { nil: null }),
        fc.constantFrom(...STATIONS),
        fc.integer({ min: 1, max: 199999 }),
      )
      .map(([y, [station], n]): Omit<Reference, "label"> => ({
        id: canonicalCableId(y ?? year, station, n),
        text: `${y === null ? "" : `${String(y % 100).padStart(2, "0")} `}${station} ${n}`,
      })),
    fc
      .constantFrom("KUJAWINSKI-FRANCE DESK E-MAIL", "FEB 24 A/S CARSON-AMB SANDERS TELCON")
      .map((text) => ({ id: null, text })),
  );

/** Valid cables: the shapes release produces and the format can carry. */
const validCable: fc.Arbitrary<Cable> = fc
  .record({
    station: fc.constantFrom(...STATIONS),
    serial: fc.integer({ min: 1, max: 999999 }),
    date: fc.date({
      min: new Date("1970-01-01T00:00:00Z"),
      max: new Date("2030-12-31T23:59:00Z"),
      noInvalidDate: true,
    }),
    precedence: fc.constantFrom(...TRANSMISSION_PRECEDENCES),
    acp: fc.boolean(),
    fromRoute: route,
    to: fc.array(addressee, { minLength: 1, maxLength: 5 }),
    info: fc.array(addressee, { maxLength: 5 }),
    exclusions: fc.array(exclusion, { maxLength: 2 }),
    classification: fc.constantFrom(...CLASSIFICATIONS),
    caveats: fc.subarray(["SIPDIS", "SENSITIVE", "NOFORN", "NODIS", "EXDIS"]),
    handling: fc.subarray(["DEPT FOR EUR/SCE", "NSC FOR HELGERSON"]),
    decl: fc.option(
      fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2040-12-31T00:00:00Z"), noInvalidDate: true }),
      { nil: null },
    ),
    tags: fc.uniqueArray(fc.constantFrom(...TAGS), { minLength: 1, maxLength: 5 }),
    subject: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 15 }).map((w) => w.join(" ").toUpperCase()),
    classifiedBy: fc.option(
      fc.tuple(fc.constantFrom(...NAMES), fc.subarray(["1.4(b)", "1.4(c)", "1.4(d)"], { minLength: 1 })),
      { nil: null },
    ),
    entries: fc.array(entry, { minLength: 1, maxLength: 6 }),
    signer: fc.option(fc.constantFrom("RICE", "CLINTON", "KAIDANOW"), { nil: null }),
    sections: fc.option(fc.integer({ min: 2, max: 3 }), { nil: null }),
  })
  .chain((g) =>
    fc.array(reference(g.date.getUTCFullYear()), { maxLength: 3 }).map((refs) => {
      const [origin, plad] = g.station;
      const date = new Date(Math.floor(g.date.getTime() / 60000) * 60000);
      const year = date.getUTCFullYear();
      let n = 0;
      const paragraphs: Paragraph[] = g.entries.map((e) =>
        e.kind === "numbered"
          ? { number: ++n, marking: e.marking, text: e.text }
          : { number: null, marking: e.marking, text: e.text },
      );
      // The last block must be a paragraph, or a heading would read as the signature.
      if (paragraphs[paragraphs.length - 1]!.marking === null && paragraphs[paragraphs.length - 1]!.number === null) {
        paragraphs.push({ number: ++n, marking: "U", text: "Posts should report." });
      }
      const prosign = PROSIGN[g.precedence];
      const cable: Cable = {
        id: canonicalCableId(year, origin, g.serial),
        origin,
        serial: g.serial,
        dtg: date.toISOString().replace(/\.\d{3}Z$/, "Z"),
        precedence: g.precedence,
        from: { route: g.fromRoute, name: plad, office: null, precedence: null, mcn: null },
        to: g.to,
        info: g.info,
        exclusions: g.info.length > 0 ? g.exclusions : [],
        classification: g.classification,
        caveats: g.caveats,
        handling: g.handling,
        eo: g.decl
          ? {
              order: "12958",
              decl: g.decl.toISOString().slice(0, 10),
              text: `DECL: ${g.decl.toISOString().slice(5, 7)}/${g.decl.toISOString().slice(8, 10)}/${g.decl.getUTCFullYear()}`,
            }
          : { order: "12958", decl: null, text: "N/A" },
        tags: g.tags,
        subject: g.subject,
        references: refs.map((r) => ({ ...r, label: null })),
        classifiedBy: g.classifiedBy
          ? { title: g.classifiedBy[0][0], name: g.classifiedBy[0][1], reasons: g.classifiedBy[1] }
          : null,
        paragraphs,
        signers: g.signer ? [g.signer] : [],
        section: g.sections ? { index: 1, total: g.sections } : null,
        body: bodyOfParagraphs(paragraphs),
        transmission: g.acp
          ? {
              startOfMessage: "VZCZCXRO0350",
              relayPrecedence: `${prosign}${prosign}`,
              relayRoutes: ["RUEHTRO"],
              station: "RUEHC",
              stationSerial: String(g.serial % 10000).padStart(4, "0"),
              part: g.sections ? "01" : null,
              filingTime: "0472322",
              securityWarning: `${g.classification === "UNCLASSIFIED" ? "ZNR" : "ZNY"} ${SECURITY_LETTER[g.classification].repeat(5)} ZZH`,
              prosigns: prosign,
              signals: null,
            }
          : null,
        warnings: [],
      };
      if (cable.references.length > 1)
        cable.references = cable.references.map((r, i) => ({ ...r, label: String.fromCharCode(65 + i) }));
      return cable;
    }),
  );

describe("rendering and parsing a telegram", () => {
  it("gives back every valid cable, field for field, with no warnings", () => {
    fc.assert(
      fc.property(validCable, (cable) => {
        const text = renderTelegram(cable);
        expect(parseTelegram(text)).toEqual(cable);
      }),
      { numRuns: 300 },
    );
  });

  it("keeps rendered body lines within 65 columns unless one word is longer", () => {
    fc.assert(
      fc.property(validCable, (cable) => {
        for (const line of renderTelegram(cable).split("\n")) {
          if (/^(TO|INFO|XMT|TAGS|RUE|[A-Z]+\/)/.test(line)) continue;
          expect(line.length <= 65 || !line.includes(" ")).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
