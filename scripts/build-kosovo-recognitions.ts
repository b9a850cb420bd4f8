// Builds src/core/campaigns/kosovo-recognitions.json, the position events of the Kosovo recognition question, from
// ../shared/reference/kosovo-recognitions.csv, so the project's data can be traced back to the checked CSV and its
// evidence file. Run: npx tsx scripts/build-kosovo-recognitions.ts
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { KOSOVO_RECOGNITION } from "../src/core/campaigns/question.ts";
import { PositionEventSchema, type EventSource, type PositionEvent } from "../src/core/campaigns/position-event.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const csv = `${root}../shared/reference/kosovo-recognitions.csv`;
const target = `${root}src/core/campaigns/kosovo-recognitions.json`;

/**
 * Recognitions whose day the evidence file leaves in doubt (sources disagree, or only an announcement is dated):
 * recorded as `reported`, with the reason as the event's note.
 */
const UNCERTAIN_RECOGNITIONS: Readonly<Record<string, string>> = {
  CR: "Kosovo's foreign ministry list gives 17 February 2008, an older list 18 February.",
  SM: "The State Congress decided on 12 May 2008; other lists give 11 May.",
  MT: "Reported on 21 August 2008; Kosovo's foreign ministry later wrote 22 August.",
  KM: "Reported as 19 May 2009; other lists give 14 May; an earlier note verbale of April is unclear.",
  VU: "The day is uncertain (kosovo-recognitions.md).",
  DJ: "Reported by one source only, unconfirmed (kosovo-recognitions.md).",
  TV: "The day Kosovo's foreign ministry announced it; other lists give 18 November.",
  QA: "Kosovo's foreign ministry gives 7 January 2011; a news agency wrote 4 January.",
  ST: "Announced by the government; its President declared the recognition invalid on 7 January 2013.",
  PG: "The Prime Minister proclaimed support on 3 October 2012; Kosovo confirmed the recognition later that month.",
  LY: "Announced in New York on 25 September 2013 (reported by some as 26 September).",
  SR: "Sources give 8 July and 22 July 2016.",
  IL: "The day Israel announced it; diplomatic relations followed on 1 February 2021.",
};

/** Withdrawals announced by the withdrawing state itself; the others are claims by Serbia's foreign ministry. */
const WITHDRAWALS_ANNOUNCED_BY_THE_STATE = new Set(["GH"]);

type Row = { iso2: string; name: string; recognizedOn: string; withdrawnOn: string | null; sources: string[] };

/**
 * Reads the CSV: `iso2,name,recognized_on,withdrawn_on,source`; the source field, quoted where it holds commas,
 * lists URLs separated by " | ".
 * @example readRows("...\nFR,France,2008-02-18,,https://a | https://b")[0].sources // ["https://a", "https://b"]
 */
function readRows(text: string): Row[] {
  const [, ...lines] = text.split(/\r?\n/).filter((l) => l.trim() !== "");
  return lines.map((line) => {
    const fields = line.split(",");
    const [iso2 = "", name = "", recognizedOn = "", withdrawnOn = ""] = fields;
    const source = fields.slice(4).join(",").replace(/^"|"$/g, "");
    return {
      iso2,
      name,
      recognizedOn,
      withdrawnOn: withdrawnOn === "" ? null : withdrawnOn,
      sources: source.split(" | ").map((s) => s.trim()),
    };
  });
}

/** A URL of a published cable (`cable_08BERLIN212`, `08KUALALUMPUR976_a.html`) also cites the cable by id. */
function sourcesOf(urls: readonly string[]): EventSource[] {
  return urls.flatMap((url): EventSource[] => {
    const cable = /(?:cable_|cables\/)(\d{2}[A-Z]+\d+)/.exec(url)?.[1];
    return cable === undefined
      ? [{ kind: "text", text: url }]
      : [
          { kind: "cable", cableId: cable },
          { kind: "text", text: url },
        ];
  });
}

// Recognitions and withdrawals were public on the day they took effect, so that day is also their recorded day:
// a `knownOn` tally of this data then shows what was public on each day.
function eventsOf(row: Row): PositionEvent[] {
  const common = {
    questionId: KOSOVO_RECOGNITION.id,
    country: row.iso2,
    sources: sourcesOf(row.sources),
    recordedBy: "scripts/build-kosovo-recognitions.ts",
    classification: "UNCLASSIFIED" as const,
    caveats: [],
    supersedes: null,
  };
  const uncertain = UNCERTAIN_RECOGNITIONS[row.iso2];
  const events: PositionEvent[] = [
    {
      ...common,
      id: `kosovo-recognition-${row.iso2}-recognizes`,
      position: "recognizes",
      effectiveOn: row.recognizedOn,
      recordedOn: row.recognizedOn,
      confidence: uncertain === undefined ? "confirmed" : "reported",
      note: uncertain ?? null,
    },
  ];
  if (row.withdrawnOn !== null) {
    const byTheState = WITHDRAWALS_ANNOUNCED_BY_THE_STATE.has(row.iso2);
    events.push({
      ...common,
      id: `kosovo-recognition-${row.iso2}-withdrew-recognition`,
      position: "withdrew_recognition",
      effectiveOn: row.withdrawnOn,
      recordedOn: row.withdrawnOn,
      confidence: byTheState ? "confirmed" : "reported",
      note: byTheState
        ? "Announced by the state's own foreign ministry; Kosovo disputes it."
        : "Announced by Serbia's foreign ministry; Kosovo disputes it.",
    });
  }
  return events;
}

const events = readRows(readFileSync(csv, "utf8")).flatMap(eventsOf);
for (const event of events) PositionEventSchema.parse(event);
const unknownUncertain = Object.keys(UNCERTAIN_RECOGNITIONS).filter((c) => !events.some((e) => e.country === c));
if (unknownUncertain.length > 0) throw new Error(`no CSV row for ${unknownUncertain.join(", ")}`);
writeFileSync(target, `${JSON.stringify(events, null, 2)}\n`);
console.log(`${events.length} events written to ${target}`);
