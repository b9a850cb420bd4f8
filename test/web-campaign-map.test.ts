// The campaign page's pure logic: slider date stepping, the map's features tied to countries (Kosovo included),
// colours and tally cards computed from the events (agreeing with the seed's figures), table order and CSV export.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { describe, expect, it } from "vitest";
import {
  isoCountryName,
  KOSOVO_RECOGNITION,
  KOSOVO_RECOGNITION_EVENTS,
  tally,
  type PositionEvent,
} from "../src/core/index.ts";
import type { PositionEventView } from "../web/src/api/types.ts";
import { addDays, addMonths, daysBetween, longDate, stepDate } from "../web/src/scenes/campaigns/campaign-dates.ts";
import { countryRows, fillByCountry, indexCampaign } from "../web/src/scenes/campaigns/country-positions.ts";
import { csvField, sortRows, toCsv } from "../web/src/scenes/campaigns/country-table.ts";
import { shortSourceLabel, sourceHref, sourceLabel } from "../web/src/scenes/campaigns/event-source.ts";
import { ATLAS_MISSING, featureIso2 } from "../web/src/scenes/campaigns/map-features.ts";
import { countsOverTime, tallyCards } from "../web/src/scenes/campaigns/tally-cards.ts";

const TODAY = "2026-12-06";

function view(event: PositionEvent): PositionEventView {
  return { ...event, countryName: isoCountryName(event.country) ?? event.country };
}

const EVENTS = KOSOVO_RECOGNITION_EVENTS.map(view);
const campaign = indexCampaign(EVENTS, TODAY);

describe("web: the as-of slider's dates", () => {
  it("steps a day with the arrows, a week with Shift, across month ends", () => {
    expect(stepDate("2009-03-31", "ArrowRight", false, "2008-02-17", TODAY)).toBe("2009-04-01");
    expect(stepDate("2009-04-01", "ArrowLeft", false, "2008-02-17", TODAY)).toBe("2009-03-31");
    expect(stepDate("2009-04-07", "ArrowUp", true, "2008-02-17", TODAY)).toBe("2009-04-14");
  });

  it("steps a month with Page Up and Down, a year with Shift, keeping to the month's last day", () => {
    expect(stepDate("2009-01-31", "PageUp", false, "2008-02-17", TODAY)).toBe("2009-02-28");
    expect(stepDate("2009-04-07", "PageDown", true, "2008-02-17", TODAY)).toBe("2008-04-07");
    expect(addMonths("2008-02-29", 12)).toBe("2009-02-28");
  });

  it("stays within the campaign's days, and Home and End go to its ends", () => {
    expect(stepDate("2008-02-17", "ArrowLeft", false, "2008-02-17", TODAY)).toBe("2008-02-17");
    expect(stepDate("2008-03-01", "PageDown", true, "2008-02-17", TODAY)).toBe("2008-02-17");
    expect(stepDate("2009-04-07", "End", false, "2008-02-17", TODAY)).toBe(TODAY);
    expect(stepDate("2009-04-07", "Home", false, "2008-02-17", TODAY)).toBe("2008-02-17");
  });

  it("counts days across a leap day and names the day in words", () => {
    expect(daysBetween("2008-02-28", "2008-03-01")).toBe(2);
    expect(addDays("2008-02-17", daysBetween("2008-02-17", "2009-04-07"))).toBe("2009-04-07");
    expect(longDate("2009-04-07")).toBe("7 April 2009");
  });
});

describe("web: the world map's countries", () => {
  const atlasFile = createRequire(import.meta.url).resolve("world-atlas/countries-50m.json");
  const atlas = JSON.parse(readFileSync(atlasFile, "utf8")) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const features = feature(atlas, atlas.objects.countries).features;
  const codes = features.map((f) => featureIso2({ id: f.id, properties: f.properties }));

  it("puts Kosovo on the map as XK, beside Serbia as RS, though the atlas gives Kosovo no number", () => {
    const kosovo = features.filter((_, i) => codes[i] === "XK");
    expect(kosovo.map((f) => [f.id, f.properties.name])).toEqual([[undefined, "Kosovo"]]);
    expect(features.find((_, i) => codes[i] === "RS")?.properties.name).toBe("Serbia");
  });

  it("draws every UN member: a shape from the atlas, or a marker for Tuvalu, which the 1:50m atlas lacks", () => {
    const drawn = new Set([...codes, ...Object.keys(ATLAS_MISSING)]);
    expect(campaign.countries.filter((c) => !drawn.has(c))).toEqual([]);
    expect(Object.keys(ATLAS_MISSING).filter((c) => codes.includes(c))).toEqual([]);
  });

  it("reads numeric ids with or without leading zeros", () => {
    expect(featureIso2({ id: "004", properties: { name: "Afghanistan" } })).toBe("AF");
    expect(featureIso2({ id: 4, properties: { name: "Afghanistan" } })).toBe("AF");
    expect(featureIso2({ properties: { name: "Siachen Glacier" } })).toBeNull();
  });
});

describe("web: positions, colours and tallies from the reader's events", () => {
  it("reads the seed's tally on 7 April 2009 on the cards: 57 states, 22 of 27 EU, 24 of 28 NATO, 7 of 7 G7", () => {
    const cards = new Map(tallyCards(campaign, KOSOVO_RECOGNITION, "2009-04-07").map((c) => [c.code, c]));
    expect(cards.get("WORLD")?.held).toBe(57);
    expect([cards.get("EU")?.held, cards.get("EU")?.members]).toEqual([22, 27]);
    expect([cards.get("NATO")?.held, cards.get("NATO")?.members]).toEqual([24, 28]);
    expect([cards.get("G7")?.held, cards.get("G7")?.members]).toEqual([7, 7]);
  });

  it("agrees with the core tally the API answers with, on every bloc card and day", () => {
    for (const asOf of ["2008-02-16", "2008-02-18", "2009-04-07", "2013-06-28", "2020-01-31"]) {
      for (const card of tallyCards(campaign, KOSOVO_RECOGNITION, asOf)) {
        const scope = card.code === "WORLD" ? { world: true as const } : { bloc: card.code };
        const api = tally({ ...scope, events: KOSOVO_RECOGNITION_EVENTS, question: KOSOVO_RECOGNITION, asOf });
        expect([card.code, asOf, card.held, card.members, card.unknown]).toEqual([
          card.code,
          asOf,
          api.counts[0]?.count,
          api.members.length,
          api.unknown.length,
        ]);
      }
    }
  });

  it("paints nobody before the declaration and France green the day after", () => {
    expect(fillByCountry(countryRows(campaign, KOSOVO_RECOGNITION, "2008-02-16")).size).toBe(0);
    const fills = fillByCountry(countryRows(campaign, KOSOVO_RECOGNITION, "2008-02-18"));
    expect(fills.get("FR")).toBe("#1a9850");
    expect(fills.has("RS")).toBe(false);
  });

  it("shows only the events it is given: a country whose event the reader may not see has no position", () => {
    const hidden = indexCampaign(
      EVENTS.filter((e) => e.country !== "FR"),
      TODAY,
    );
    const france = countryRows(hidden, KOSOVO_RECOGNITION, "2009-04-07").find((r) => r.iso2 === "FR");
    expect(france).toMatchObject({ position: null, event: null, name: "France" });
    const serbia = countryRows(hidden, KOSOVO_RECOGNITION, "2009-04-07").find((r) => r.iso2 === "RS");
    expect(france && { ...france, iso2: "RS", name: "Serbia" }).toEqual(serbia);
  });

  it("draws the counts over time as steps that reach 57 by 7 April 2009 and start at none", () => {
    const points = countsOverTime(campaign, KOSOVO_RECOGNITION, "2008-02-16", "2009-04-07");
    expect(points[0]).toEqual({ date: "2008-02-16", counts: [0, 0, 0] });
    expect(points.at(-1)?.counts[0]).toBe(57);
    expect(points.map((p) => p.date)).toEqual([...points.map((p) => p.date)].sort());
  });
});

describe("web: the country table and its CSV", () => {
  const rows = countryRows(campaign, KOSOVO_RECOGNITION, "2009-04-07");
  const scale = KOSOVO_RECOGNITION.positions.map((p) => p.code);

  it("sorts by date with the first recognition first and countries without a position last, either way", () => {
    const ascending = sortRows(rows, "effectiveOn", "ascending", scale);
    expect(ascending[0]?.event?.effectiveOn).toBe("2008-02-17");
    expect(ascending.at(-1)?.event).toBeNull();
    const descending = sortRows(rows, "effectiveOn", "descending", scale);
    expect(descending[0]?.event?.effectiveOn).toBe(ascending.filter((r) => r.event).at(-1)?.event?.effectiveOn);
    expect(descending.at(-1)?.event).toBeNull();
  });

  it("sorts by name in the reader's alphabet", () => {
    const names = sortRows(rows, "name", "ascending", scale).map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it("quotes commas, quotes and line breaks, and defuses a cell a spreadsheet would run", () => {
    expect(csvField('He said "no", twice')).toBe('"He said ""no"", twice"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("plain")).toBe("plain");
  });

  it("exports a header and one line per row, each ended by CRLF", () => {
    const france = rows.filter((r) => r.iso2 === "FR");
    const csv = toCsv(france);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe("iso2,country,position,effective_on,confidence,source,note");
    expect(lines[1]).toMatch(/^FR,France,recognizes,2008-02-18,/);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
  });
});

describe("web: a position's source", () => {
  it("links a cable to the reader and a web address out; other text stays text", () => {
    expect(sourceHref({ kind: "cable", cableId: "09STATE39345" })).toEqual({
      href: "/cables/09STATE39345",
      internal: true,
    });
    expect(sourceHref({ kind: "text", text: "https://www.mfa-ks.net/" })?.internal).toBe(false);
    expect(sourceHref({ kind: "text", text: "javascript:alert(1)" })).toBeNull();
    expect(sourceHref({ kind: "un_document", symbol: "A/63/L.2" })).toBeNull();
    expect(sourceLabel({ kind: "un_document", symbol: "A/63/L.2" })).toBe("UN document A/63/L.2");
  });

  it("names a web address by its host in the table's narrow column, and a cable by its id", () => {
    expect(shortSourceLabel({ kind: "text", text: "https://www.mfa-ks.net/?page=2,224" })).toBe("www.mfa-ks.net");
    expect(shortSourceLabel({ kind: "cable", cableId: "09STATE39345" })).toBe("cable 09STATE39345");
    expect(shortSourceLabel({ kind: "text", text: "Kosovo MFA list, 2010" })).toBe("Kosovo MFA list, 2010");
  });
});
