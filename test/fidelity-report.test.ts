// The fidelity report's arithmetic on small texts made from the seed cables: what counts as checked, agreed, excused
// or missed, and where a miss points.
import { describe, expect, it } from "vitest";
import { readDefaultDirectory } from "../src/services/directory/load-default-directory.ts";
import {
  compareWithIndex,
  directoryNames,
  fidelityTally,
  formatFidelity,
  meetsTargets,
  type IndexFacts,
} from "../src/services/fidelity/index.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { readSeed } from "./helpers/seeds.ts";

const known = directoryNames(readDefaultDirectory());
const SEED = readSeed("08STATE16245");
const FACTS: IndexFacts = {
  id: "08STATE16245",
  created: "2008-02-16T23:11Z",
  classification: "UNCLASSIFIED//FOR OFFICIAL USE ONLY",
  tags: ["UNSC", "PREL", "YI"],
};

/** The seed made CONFIDENTIAL with a Classified By line after the REF line. */
function classified(classifiedBy: string): string {
  return SEED.replace("UNCLAS STATE 016245", "C O N F I D E N T I A L STATE 016245")
    .replace("\nSENSITIVE\n", "\n")
    .replace("E.O. 12958: N/A", "E.O. 12958: DECL: 02/16/2018")
    .replace("REF: 07 STATE 166909\n", `REF: 07 STATE 166909\n\n${classifiedBy}\n`);
}

function lineOf(text: string, needle: string): number {
  return text.split("\n").findIndex((l) => l.includes(needle)) + 1;
}

describe("fidelity report", () => {
  it("counts a seed that agrees with its index line as one agreement per field", () => {
    const tally = fidelityTally(known);
    tally.add({ file: "08STATE16245.txt", text: SEED, facts: FACTS });
    const { agreement, cables } = tally.report();
    expect(cables).toBe(1);
    for (const f of Object.values(agreement)) expect(f).toMatchObject({ checked: 1, ok: 1, misses: 0 });
  });

  it("shows a disagreement with the file, the index's value and the parsed one", () => {
    const tally = fidelityTally(known);
    tally.add({ file: "x.txt", text: SEED, facts: { ...FACTS, id: "08STATE16246", classification: "SECRET" } });
    const { agreement } = tally.report();
    expect(agreement.id).toMatchObject({ checked: 1, ok: 0, misses: 1 });
    expect(agreement.id.sample).toEqual([{ file: "x.txt", line: 0, expected: "08STATE16246", found: "08STATE16245" }]);
    expect(agreement.classification.sample[0]?.found).toBe("UNCLASSIFIED//FOR OFFICIAL USE ONLY");
    expect(agreement.dtg.ok).toBe(1);
  });

  it("excuses a known index error only while its evidence is in the text", () => {
    // 09RANGOON378: the index hour is 05, the text's date-time group says 07.
    const facts = { ...FACTS, id: "09RANGOON378", created: "2009-06-19T05:05Z" };
    const withEvidence = fidelityTally(known);
    withEvidence.add({ file: "a.txt", text: SEED.replace("O 162319Z FEB 08 ZFF4", "O 190706Z JUN 09"), facts });
    expect(withEvidence.report().agreement.dtg).toMatchObject({ checked: 0, excused: 1, misses: 0 });
    const without = fidelityTally(known);
    without.add({ file: "b.txt", text: SEED.replace("O 162319Z FEB 08 ZFF4", "O 190706Z JUN 09 ZFF4"), facts });
    expect(without.report().agreement.dtg).toMatchObject({ checked: 1, excused: 0, misses: 1 });
  });

  it("leaves a cable's tags uncompared when the index lists none", () => {
    const tally = fidelityTally(known);
    tally.add({ file: "x.txt", text: SEED, facts: { ...FACTS, tags: [] } });
    expect(tally.report().agreement.tags.checked).toBe(0);
  });

  it("counts a hyphenated tag the text writes whole as the parts the viewer split it into", () => {
    const text = SEED.replace("TAGS: UNSC PREL YI", "TAGS: PGOV ZANU-PF ZI");
    const cable = parseTelegram(text);
    expect(compareWithIndex("tags", { ...FACTS, tags: ["PGOV", "ZANU", "PF", "ZI"] }, cable, text)?.agree).toBe(true);
    expect(compareWithIndex("tags", { ...FACTS, tags: ["PGOV", "ZANU", "ZI"] }, cable, text)?.agree).toBe(false);
  });

  it("checks a classified cable's Classified By for a name and the reasons it gives, pointing at its line", () => {
    const good = classified("Classified By: Ambassador Jane Doe for reasons 1.4 (b) and (d).");
    const noReasons = classified("Classified By: Ambassador Jane Doe");
    const bad = classified("Classified By: Ambassador Jane Doe for reasons 1.4 (x) and (y).");
    const tally = fidelityTally(known);
    tally.add({ file: "good.txt", text: good });
    tally.add({ file: "no-reasons.txt", text: noReasons });
    tally.add({ file: "bad.txt", text: bad });
    const { classifiedBy } = tally.report().consistency;
    expect(classifiedBy).toMatchObject({ checked: 3, ok: 2, misses: 1 });
    expect(classifiedBy.sample[0]).toMatchObject({ file: "bad.txt", line: lineOf(bad, "Classified By") });
  });

  it("does not ask an unclassified cable for a Classified By line", () => {
    const tally = fidelityTally(known);
    tally.add({ file: "x.txt", text: SEED });
    expect(tally.report().consistency.classifiedBy.checked).toBe(0);
  });

  it("counts a REF list read short, or a cable citation kept without an id, as a miss", () => {
    const whole = SEED.replace("REF: 07 STATE 166909", "REF: A. 07 STATE 166909 B. 07 STATE 166910");
    const citationOnly = SEED.replace("REF: 07 STATE 166909", "REF: A. 07 STATE 166909 B. 07 NOWHEREVILLE 166910");
    const tally = fidelityTally(known);
    tally.add({ file: "whole.txt", text: whole });
    tally.add({ file: "citation.txt", text: citationOnly });
    const { references } = tally.report().consistency;
    expect(references).toMatchObject({ checked: 2, ok: 1, misses: 1 });
    expect(references.sample[0]).toMatchObject({ file: "citation.txt", line: lineOf(citationOnly, "REF:") });
  });

  it("counts a SUBJECT line without a subject and a signer left unread, with their lines", () => {
    // A group marking between the last sentence and the name: the name is there, but the parser does not take it.
    const text = SEED.replace(/SUBJECT: KOSOVO[^\n]*\nON SECURITY COUNCIL DELIBERATIONS/, "SUBJECT:").replace(
      /\n\nRICE\n?$/,
      "\nGP-3\nRICE\n",
    );
    const tally = fidelityTally(known);
    tally.add({ file: "x.txt", text });
    const { subject, signer } = tally.report().consistency;
    expect(subject.sample[0]).toMatchObject({ file: "x.txt", line: lineOf(text, "SUBJECT:") });
    expect(signer).toMatchObject({ checked: 1, ok: 0, excused: 0 });
    expect(signer.sample[0]).toMatchObject({ file: "x.txt", line: text.trimEnd().split("\n").length });
  });

  it("sets aside, with its reason, a cable whose text ends in prose with no signer, and prints why", () => {
    const unsigned = SEED.replace(/\n\nRICE\n?$/, "\n");
    const redacted = SEED.replace(/\n\nRICE\n?$/, "\n\nXXXXXXXXXXXX\n");
    const tally = fidelityTally(known);
    tally.add({ file: "unsigned.txt", text: unsigned });
    tally.add({ file: "redacted.txt", text: redacted });
    tally.add({ file: "signed.txt", text: SEED });
    const report = tally.report();
    expect(report.consistency.signer).toMatchObject({
      checked: 1,
      ok: 1,
      excused: 2,
      setAside: {
        "ends in prose": { count: 1, first: `unsigned.txt:${unsigned.trimEnd().split("\n").length}` },
        "ends in a redaction": { count: 1 },
      },
    });
    const printed = formatFidelity(report, "fixtures").join("\n");
    expect(printed).toMatch(/ends with a signer .* 2 set aside/);
    expect(printed).toMatch(/^ {4}ends in prose: 1 \(first: unsigned\.txt:\d+\)$/m);
  });

  it("counts each parsed addressee, and misses one the directory does not know", () => {
    const text = SEED.replace("RUEHFR/AMEMBASSY PARIS", "RUEHQQ/AMEMBASSY ATLANTIS");
    const tally = fidelityTally(known);
    tally.add({ file: "x.txt", text });
    const { addressees } = tally.report().consistency;
    expect(addressees).toMatchObject({ checked: 15, ok: 14, misses: 1 });
    expect(addressees.sample[0]).toMatchObject({ line: lineOf(text, "ATLANTIS"), found: "RUEHQQ AMEMBASSY ATLANTIS" });
  });

  it("keeps at most the sample size of misses per field, while counting them all", () => {
    const tally = fidelityTally(known, 2);
    for (let i = 0; i < 5; i++) tally.add({ file: `${i}.txt`, text: SEED, facts: { ...FACTS, id: "08STATE1" } });
    expect(tally.report().agreement.id).toMatchObject({ misses: 5, sample: [{ file: "0.txt" }, { file: "1.txt" }] });
  });

  it("prints each field against its target, and says when targets are not met", () => {
    const tally = fidelityTally(known);
    tally.add({ file: "x.txt", text: SEED, facts: { ...FACTS, id: "08STATE1" } });
    const report = tally.report();
    const text = formatFidelity(report, "fixtures").join("\n");
    expect(text).toMatch(/^ {2}id +0\.00% +0\/1 +target 99\.50% NOT MET$/m);
    expect(text).toMatch(/x\.txt: index "08STATE1", parsed "08STATE16245"/);
    expect(meetsTargets(report)).toBe(false);
  });
});
