// The releasable version of a reviewed cable: made from the decisions alone, withheld portions marked where they
// were, the header kept, and a DECLASSIFIED marking; the decision rules a reviewer is held to.
import { describe, expect, it } from "vitest";
import {
  onlyUnclassifiedPortions,
  releaseEverything,
  reviewProblems,
  type Cable,
  type PortionDecision,
  type ReviewDecision,
} from "../src/core/index.ts";
import { parseTelegram, releasableVersion, renderTelegram, withdrawalCard } from "../src/telegram/index.ts";
import { readSeed } from "./helpers/seeds.ts";

const STAMP = { reviewer: "rreviewer", date: "2026-12-06" };

/** 09STATE39345 with paragraphs 1-3 (C) withheld under 1.4(b) and (d), the rest released. */
function inPart(cable: Cable): ReviewDecision {
  const withheld: PortionDecision = { action: "withhold", exemptions: ["1.4(b)", "1.4(d)"] };
  return {
    outcome: "release-in-part",
    portions: cable.paragraphs.map((p) => (p.number !== null && p.number <= 3 ? withheld : { action: "release" })),
    subject: { action: "release" },
    tags: cable.tags.map(() => ({ action: "release" })),
  };
}

describe("the releasable version of 09STATE39345 released in part", () => {
  const cable = parseTelegram(readSeed("09STATE39345"));
  const decision = inPart(cable);
  if (decision.outcome !== "release-in-part") throw new Error("unreachable");
  const version = releasableVersion(cable, decision, STAMP);
  const text = renderTelegram(version);

  it("shows paragraphs 4-7 and a marker in place of each of paragraphs 1-3", () => {
    expect(version.paragraphs.filter((p) => p.number !== null).map((p) => p.number)).toEqual([4, 5, 6, 7]);
    const markers = text.match(/\[Paragraph \d \(C\) withheld: 1\.4\(b\), 1\.4\(d\)\]/g);
    expect(markers).toEqual([1, 2, 3].map((n) => `[Paragraph ${n} (C) withheld: 1.4(b), 1.4(d)]`));
    expect(text.indexOf("[Paragraph 3 (C)")).toBeLessThan(text.indexOf("BACKGROUND"));
    expect(text).not.toMatch(/Venezuela|Albania|action request/i);
    expect(JSON.stringify(version)).not.toMatch(/Venezuela|Albania/);
  });

  it("keeps the header and adds a DECLASSIFIED marking with authority, reviewer and date", () => {
    expect(version).toMatchObject({ id: "09STATE39345", dtg: cable.dtg, origin: "STATE", subject: cable.subject });
    expect(version.to).toEqual(cable.to);
    expect(text).toContain("DECLASSIFIED IN PART. AUTHORITY: E.O. 13526. REVIEWER: rreviewer. DATE: 2026-12-06.");
  });

  it("leaves the original cable as it was", () => {
    expect(cable).toEqual(parseTelegram(readSeed("09STATE39345")));
  });

  it("is a decision a reviewer may record in 2026, but not with 25X codes", () => {
    expect(reviewProblems(cable, decision, STAMP.date)).toEqual([]);
    const old = { ...decision, portions: decision.portions.map(() => ({ action: "withhold", exemptions: ["25X1"] })) };
    expect(reviewProblems(cable, old as ReviewDecision, STAMP.date)[0]?.message).toMatch(/25X1 does not apply/);
  });
});

describe("decisions", () => {
  const cable = parseTelegram(readSeed("09STATE39345"));

  it("marks a withheld subject and TAGS entry in place", () => {
    const d = releaseEverything(cable);
    if (d.outcome !== "release-in-full") throw new Error("unreachable");
    const v = releasableVersion(
      cable,
      {
        ...d,
        outcome: "release-in-part",
        subject: { action: "refer", agency: "DOD" },
        tags: d.tags.map((t, i) => (i === 3 ? { action: "withhold", exemptions: ["1.4(d)"] } : t)),
      },
      STAMP,
    );
    expect(v.subject).toBe("[Subject referred to DOD]");
    expect(v.tags).toEqual(["PREL", "ECON", "UN", "[TAGS entry withheld: 1.4(d)]"]);
  });

  it("refuses a release in full that withholds, and a release in part that withholds nothing", () => {
    const all = releaseEverything(cable);
    expect(reviewProblems(cable, { ...all, outcome: "release-in-part" } as ReviewDecision, STAMP.date)).toEqual([
      { field: "outcome", message: "nothing is withheld: use release-in-full" },
    ]);
    const some = inPart(cable);
    expect(reviewProblems(cable, { ...some, outcome: "release-in-full" } as ReviewDecision, STAMP.date)[0]).toEqual({
      field: "outcome",
      message: "a release in full releases every portion: use release-in-part",
    });
  });

  it("needs a later date and a reason to extend", () => {
    expect(reviewProblems(cable, { outcome: "extend", until: "2020-01-01", reason: "" }, STAMP.date)).toHaveLength(2);
    expect(reviewProblems(cable, { outcome: "extend", until: "2030-01-01", reason: "ongoing" }, STAMP.date)).toEqual(
      [],
    );
  });

  it("leaves a cable withheld in full a withdrawal card without its text", () => {
    const card = withdrawalCard(
      cable,
      {
        outcome: "withhold-in-full",
        exemptions: ["1.4(d)", "1.4(b)"],
        subject: { action: "withhold", exemptions: ["1.4(b)"] },
      },
      STAMP,
    );
    expect(card).toEqual({
      id: "09STATE39345",
      dtg: cable.dtg,
      origin: "STATE",
      subject: null,
      exemptions: ["1.4(b)", "1.4(d)"],
      reviewDate: "2026-12-06",
    });
  });

  it("knows a cable whose marked portions are all U or SBU", () => {
    expect(onlyUnclassifiedPortions(parseTelegram(readSeed("08STATE16245")))).toBe(true);
    expect(onlyUnclassifiedPortions(cable)).toBe(false);
  });
});
