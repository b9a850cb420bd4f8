// A cable's declassification review date and the reason for it, from its E.O. line, its date and its classification:
// the line's own instruction where one gives a date, else the 25-year rule of E.O. 13526 section 3.3(a) (automatic
// declassification on 31 December of the year 25 years after the cable's).
import type { Cable, ExecutiveOrder } from "../cable.ts";
import type { Classification } from "../classification.ts";
import { isClassified } from "../validate.ts";
import { readDeclInstruction, type DeclInstruction } from "./decl-instruction.ts";
import { executiveOrderTextIn } from "./executive-order-text.ts";
import type { DeclassBasis, DeclassSource } from "./declass-basis.ts";

/** A cable's place in the declassification schedule. */
export type DeclassSchedule = {
  /** The day the cable is due for review (ISO `YYYY-MM-DD`), or null when it never is (unclassified) or undated. */
  reviewOn: string | null;
  basis: DeclassBasis;
  source: DeclassSource;
  /** Exemption markings on the line, normalised (`25X1`, `X1`, `50X1-HUM`). */
  exemptions: string[];
  /** The reason in a sentence, for lists and the reader. */
  reason: string;
};

/** What the schedule is worked out from. */
export type ScheduleInput = {
  classification: Classification | null;
  /** The cable's date-time group (ISO), or null. */
  dtg: string | null;
  /** The cable's year when its date is unknown (from its id). */
  year: number | null;
  eo: ExecutiveOrder | null;
  /** The telegram as written: where the parser found no E.O. line, one run into another line is looked for here. */
  text?: string | null;
};

const RULE_YEARS = 25;
// E.O. 11652's General Declassification Schedule: declassified at the end of the sixth, eighth or tenth full
// calendar year after origin, by level.
const GDS_YEARS: Record<string, number> = { CONFIDENTIAL: 6, SECRET: 8, "TOP SECRET": 10 };

/**
 * Works out a cable's review date and its reason. Unclassified and LIMITED OFFICIAL USE cables are never due (there
 * is nothing to declassify); a cable of unknown classification is scheduled as a classified one. A stated date, a
 * downgrade date, a period from the cable's date, the General Declassification Schedule and 50X exemptions (50
 * years) come from the line; OADR, MR, events, X1-X8 and 25X exemptions without a date, N/A on a classified cable,
 * and no line at all fall to the 25-year rule, when the exemption or instruction is to be reviewed.
 * @example declassSchedule({ classification: "CONFIDENTIAL", dtg: "2009-04-21T13:43:00Z", year: 2009, eo: { order: "12958", decl: "2019-04-16", text: "DECL: 04/16/2019" } })
 * // { reviewOn: "2019-04-16", basis: "date", source: "line", exemptions: [], reason: "declassify on 2019-04-16, as the E.O. line says (DECL: 04/16/2019)" }
 * @example declassSchedule({ classification: "SECRET", dtg: "2005-03-01T10:00:00Z", year: 2005, eo: { order: "12958", decl: null, text: "DECL: OADR" } }).reviewOn
 * // "2030-12-31"
 */
export function declassSchedule(input: ScheduleInput): DeclassSchedule {
  const { classification } = input;
  if (classification !== null && !isClassified(classification)) {
    return {
      reviewOn: null,
      basis: "unclassified",
      source: "none",
      exemptions: [],
      reason: `${classification.toLowerCase()}: nothing to declassify`,
    };
  }
  // A line the parser missed, or read empty or cut, may still be in the text, run into another line.
  const parsedText = input.eo?.text ?? null;
  const unread = parsedText === null || (input.eo?.decl == null && readDeclInstruction(parsedText).kind === "none");
  const eoText = (unread && input.text ? executiveOrderTextIn(input.text) : null) ?? parsedText;
  const line = eoText === null ? "no E.O. line" : `E.O. line: ${eoText === "" ? "empty" : eoText}`;
  const instruction: DeclInstruction =
    input.eo?.decl != null
      ? { kind: "date", date: input.eo.decl, exemptions: readExemptions(input.eo.text) }
      : readDeclInstruction(eoText);
  const year = input.dtg !== null ? Number(input.dtg.slice(0, 4)) : input.year;
  const exemptions = "exemptions" in instruction ? instruction.exemptions : [];
  const scheduled = (reviewOn: string | null, basis: DeclassBasis, source: DeclassSource, reason: string) => ({
    reviewOn,
    basis,
    source: reviewOn === null ? ("none" as const) : source,
    exemptions,
    reason: reviewOn === null ? `${reason}; the cable's date is unknown, so no review date` : reason,
  });
  const rule = (basis: DeclassBasis, why: string) => {
    const on = year === null ? null : `${year + RULE_YEARS}-12-31`;
    return scheduled(on, basis, "25-year", `${why}: the 25-year rule applies${on ? `, ${on}` : ""} (${line})`);
  };
  switch (instruction.kind) {
    case "date":
      return scheduled(
        instruction.date,
        "date",
        "line",
        `declassify on ${instruction.date}, as the E.O. line says (${eoText ?? ""})`,
      );
    case "downgrade":
      return scheduled(
        instruction.date,
        "downgrade",
        "line",
        `downgrade to ${instruction.to} on ${instruction.date}, no declassification date given: review then (${line})`,
      );
    case "period": {
      const from = input.dtg?.slice(0, 10) ?? (year === null ? null : `${year}-12-31`);
      const on = from === null ? null : addYears(from, instruction.years);
      return scheduled(
        on,
        "period",
        "line",
        `${instruction.years} years from the cable's date${from ? ` ${from}` : ""} (${line})`,
      );
    }
    case "gds": {
      const years = GDS_YEARS[classification ?? "SECRET"] ?? GDS_YEARS.SECRET!;
      const on = year === null ? null : `${year + years}-12-31`;
      return scheduled(
        on,
        "gds",
        "line",
        `General Declassification Schedule (E.O. 11652): end of the ${years}th full year (${line})`,
      );
    }
    case "exemption": {
      const fifty = instruction.exemptions.some((e) => e.startsWith("50X"));
      if (fifty) {
        const on = year === null ? null : `${year + 50}-12-31`;
        return scheduled(
          on,
          "exemption",
          "line",
          `exempt (${instruction.exemptions.join(", ")}) until 50 years: review ${on ?? "then"} (${line})`,
        );
      }
      return rule("exemption", `exempt (${instruction.exemptions.join(", ")}) with no date`);
    }
    case "oadr":
      return rule("oadr", "OADR (originating agency's determination required)");
    case "manual-review":
      return rule("manual-review", "MR (manual review)");
    case "event":
      return rule("event", `declassify on an event ("${instruction.event}") no date can be worked out from`);
    case "not-applicable":
      return rule("no-instruction", "a classified cable marked N/A");
    case "none":
      return rule("no-instruction", eoText === null ? "no declassification instruction" : "an unreadable instruction");
  }
}

/**
 * The schedule of a cable model, with its telegram text where it was imported from one.
 * @example scheduleOfCable(cable, raw).reviewOn // "2019-04-16"
 */
export function scheduleOfCable(cable: Cable, raw: string | null): DeclassSchedule {
  return declassSchedule({
    classification: cable.classification,
    dtg: cable.dtg,
    year: cable.id !== null && /^\d{2}/.test(cable.id) ? yearOfId(cable.id) : null,
    eo: cable.eo,
    text: raw ?? cable.body,
  });
}

function yearOfId(id: string): number {
  const yy = Number(id.slice(0, 2));
  return yy >= 66 ? 1900 + yy : 2000 + yy;
}

function readExemptions(text: string): string[] {
  const i = readDeclInstruction(text);
  return "exemptions" in i ? i.exemptions : [];
}

/** The same day `years` later (29 February becomes 28 February in a common year). */
function addYears(isoDate: string, years: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${y + years}-${String(m).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}
