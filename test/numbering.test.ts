// Message numbers and channel serials, on SQLite and PostgreSQL: sequential per station and year, per pair of
// stations for channels, unique under concurrent releases; and the pure parts of the transmission header.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filingTime, precedenceOfAddressees, sectionCount } from "../src/telegram/outgoing-transmission.ts";
import { securityWarning } from "../src/telegram/security-warning.ts";
import { createDraft, releaseDraft, type DraftFields } from "../src/services/workflow/index.ts";
import type { Addressee } from "../src/core/index.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { openWorkflowWorld, type WorkflowWorld } from "./helpers/workflow-world.ts";

function draftTo(to: string[], changes: Partial<DraftFields> = {}): DraftFields {
  return {
    to: to.map((name) => ({ name, precedence: "ROUTINE" as const })),
    classification: "UNCLASSIFIED",
    eo: { order: "12958", decl: null, text: "N/A" },
    tags: ["PREL", "FR"],
    subject: "NUMBERING TEST",
    body: "1. (U) Text.",
    ...changes,
  };
}

const addressee = (precedence: Addressee["precedence"]): Addressee => ({
  route: null,
  name: "X",
  office: null,
  precedence,
  mcn: null,
});

describe("the transmission header's parts", () => {
  it("writes the Julian day and filing time, the security warning and the prosigns as the seeds have them", () => {
    expect(filingTime(new Date("2008-02-16T23:22:00Z"))).toBe("0472322");
    expect(filingTime(new Date("2009-04-21T14:01:00Z"))).toBe("1111401");
    expect(securityWarning("UNCLASSIFIED")).toBe("ZNR UUUUU ZZH");
    expect(securityWarning("CONFIDENTIAL")).toBe("ZNY CCCCC ZZH");
    expect(precedenceOfAddressees({ to: [addressee("NIACT IMMEDIATE")], info: [addressee("IMMEDIATE")] })).toEqual({
      precedence: "IMMEDIATE",
      prosigns: "O",
    });
    expect(precedenceOfAddressees({ to: [addressee("IMMEDIATE")], info: [addressee("PRIORITY")] })).toEqual({
      precedence: "IMMEDIATE",
      prosigns: "O P",
    });
    expect([sectionCount(""), sectionCount("x".repeat(3000)), sectionCount("x".repeat(3664))]).toEqual([1, 1, 2]);
  });
});

describe.each(DIALECTS)("%s: numbering", (dialect) => {
  let world: WorkflowWorld;
  beforeAll(async () => {
    world = await openWorkflowWorld(dialect);
  });
  afterAll(() => world?.close());

  async function release(
    fields: DraftFields,
    as: "ada" | "pat" = "ada",
  ): Promise<Awaited<ReturnType<typeof releaseDraft>>> {
    const drafter = as === "ada" ? world.people.dana : world.people.pat;
    const { id } = await createDraft(world.deps, drafter, fields);
    return releaseDraft(world.deps, world.people[as], id);
  }

  it("numbers each station's cables in sequence, starting again with the year, and channel serials per pair", async () => {
    const a = await release(draftTo(["PARIS", "LONDON"]));
    const b = await release(draftTo(["PARIS"]));
    const p = await release(draftTo(["SECSTATE WASHDC"]), "pat");
    expect([a.id, b.id, p.id]).toEqual(["08STATE1", "08STATE2", "08PARIS1"]);
    expect(b.cable.transmission?.stationSerial).toBe("0002");
    expect(a.cable.to.map((t) => t.mcn)).toEqual(["0001", "0001"]);
    expect(b.cable.to.map((t) => t.mcn)).toEqual(["0002"]);
    world.clock.set("2009-01-01T00:05:00Z");
    const c = await release(draftTo(["PARIS"]));
    expect(c.id).toBe("09STATE1");
    // Channel serials ignore the year end.
    expect(c.cable.to[0]!.mcn).toBe("0003");
  });

  it("gives 20 concurrent releases 20 distinct numbers with no gap", async () => {
    world.clock.set("2010-03-01T12:00:00Z");
    const drafts = [];
    for (let i = 0; i < 20; i++) drafts.push((await createDraft(world.deps, world.people.dana, draftTo(["ROME"]))).id);
    const released = await Promise.all(drafts.map((id) => releaseDraft(world.deps, world.people.ada, id)));
    const serials = released.map((r) => r.cable.serial!).sort((x, y) => x - y);
    expect(serials).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const channels = released.map((r) => r.cable.to[0]!.mcn).sort();
    expect(new Set(channels).size).toBe(20);
  });
});
