// References resolve both ways, at query time, and never through a cable the reader may not read.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SYSTEM_READER } from "../src/services/access/index.ts";
import { archiveCables, referencesOf } from "../src/services/archive/index.ts";
import type { Store } from "../src/store/open-store.ts";
import { variantOf, buildReader, seed } from "./helpers/archive-fixtures.ts";
import { DIALECTS, openTestStore } from "./helpers/test-stores.ts";

describe.each(DIALECTS)("%s: references", (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await openTestStore(dialect, "cg_refs");
  });
  afterEach(async () => {
    await store.close();
  });

  const demarche = () => seed("08STATE16245");
  /** The cable the demarche cites (07 STATE 166909), made from the other seed since the archive lacks it. */
  const background = (classification: "UNCLASSIFIED" | "SECRET" = "UNCLASSIFIED") =>
    variantOf(seed("09STATE39345").cable, {
      id: "07STATE166909",
      subject: "KOSOVO BACKGROUND",
      dtg: "2007-12-10T12:00:00Z",
      classification,
      references: [],
    });

  it("keeps an unresolved reference with its text until the cited cable arrives, then resolves it", async () => {
    await archiveCables(store, [demarche()]);
    expect(await referencesOf(store, SYSTEM_READER, "08STATE16245")).toEqual({
      references: [{ label: null, id: "07STATE166909", text: "07 STATE 166909", resolved: null }],
      citedBy: [],
    });

    await archiveCables(store, [{ cable: background(), raw: null }]);
    const refs = await referencesOf(store, SYSTEM_READER, "08STATE16245");
    expect(refs?.references[0]?.resolved).toEqual({
      id: "07STATE166909",
      subject: "KOSOVO BACKGROUND",
      dtg: "2007-12-10T12:00:00Z",
      classification: "UNCLASSIFIED",
    });
  });

  it("lists the citing cables of a cable, newest first, whichever was archived first", async () => {
    const later = variantOf(demarche().cable, {
      id: "08STATE20000",
      dtg: "2008-03-01T10:00:00Z",
      references: [
        { label: "A", id: "07STATE166909", text: "07 STATE 166909" },
        { label: "B", id: "07STATE166909", text: "07 STATE 166909 (REPEATED)" },
        { label: "C", id: null, text: "KUJAWINSKI-FRANCE DESK 3/11 E-MAIL" },
      ],
    });
    await archiveCables(store, [{ cable: later, raw: null }, demarche()]);
    await archiveCables(store, [{ cable: background(), raw: null }]);
    const refs = await referencesOf(store, SYSTEM_READER, "07STATE166909");
    expect(refs?.references).toEqual([]);
    expect(refs?.citedBy.map((c) => c.id)).toEqual(["08STATE20000", "08STATE16245"]);
    const laterRefs = await referencesOf(store, SYSTEM_READER, "08STATE20000");
    expect(laterRefs?.references.map((r) => [r.label, r.id, r.resolved?.id ?? null])).toEqual([
      ["A", "07STATE166909", "07STATE166909"],
      ["B", "07STATE166909", "07STATE166909"],
      ["C", null, null],
    ]);
    expect(laterRefs?.references[2]?.text).toBe("KUJAWINSKI-FRANCE DESK 3/11 E-MAIL");
  });

  it("hides what the reader may not read: the cited cable stays unresolved, the citing cable unlisted", async () => {
    const secretCiting = variantOf(demarche().cable, { id: "08STATE20001", classification: "SECRET" });
    await archiveCables(store, [
      demarche(),
      { cable: secretCiting, raw: null },
      { cable: background("SECRET"), raw: null },
    ]);
    const clerk = buildReader({ clearance: "CONFIDENTIAL" });

    const refs = await referencesOf(store, clerk, "08STATE16245");
    expect(refs?.references[0]).toEqual({ label: null, id: "07STATE166909", text: "07 STATE 166909", resolved: null });
    expect(await referencesOf(store, clerk, "07STATE166909")).toBeNull();
    expect(await referencesOf(store, clerk, "08STATE20001")).toBeNull();

    await archiveCables(store, [{ cable: variantOf(background(), { id: "07STATE166910" }), raw: null }]);
    const cited = variantOf(demarche().cable, {
      id: "08STATE20002",
      references: [{ label: null, id: "07STATE166910", text: "07 STATE 166910" }],
    });
    const hiddenCiting = variantOf(cited, { id: "08STATE20003", classification: "SECRET" });
    await archiveCables(store, [
      { cable: cited, raw: null },
      { cable: hiddenCiting, raw: null },
    ]);
    expect((await referencesOf(store, clerk, "07STATE166910"))?.citedBy.map((c) => c.id)).toEqual(["08STATE20002"]);
    expect((await referencesOf(store, SYSTEM_READER, "07STATE166910"))?.citedBy.map((c) => c.id).sort()).toEqual([
      "08STATE20002",
      "08STATE20003",
    ]);
  });

  it("answers null for a cable that is not archived", async () => {
    expect(await referencesOf(store, SYSTEM_READER, "07STATE166909")).toBeNull();
  });
});
