// Turns a telegram's text into a cable ready to archive, applying what a corpus index or a JSON line says of it.
import { parseCableId, type Cable, type CableId } from "../../core/index.ts";
import type { CableRecord } from "../../store/cable-record.ts";
import type { CitingCable } from "../actions/report-tasks.ts";
import { parseTelegram } from "../../telegram/index.ts";
import { errorMessage } from "../errors.ts";
import { indexClassification } from "./published-classification.ts";

/** What is known of a telegram besides its text. The id wins over the parsed one, as the publisher's is canonical. */
export type TelegramHints = {
  id?: CableId | null;
  year?: number | null;
  /** Publisher's creation time (`2008-02-16T23:19Z`, reliable to the hour): the date when the text has no DTG. */
  created?: string | null;
  /** Publisher's classification (`CONFIDENTIAL//NOFORN`): wins over the parsed one. */
  classification?: string | null;
  /** Where the hints come from, for warnings: "index.jsonl", "the line's id". */
  from?: string;
};

/** Why a telegram gives no cable: it does not parse, or it has no canonical id. Both are import problem codes. */
export type TelegramProblemCode = "PARSE_FAILED" | "NO_CABLE_ID";

/** A cable with an id, and what an importer should warn about; or why there is none (an importer widens the codes). */
export type BuiltCable<Code extends string = TelegramProblemCode> =
  { cable: Cable; warnings: string[] } | { code: Code; detail?: string };

/**
 * A built cable as the parse pool answers it. Inline, the cable itself; from a worker thread, its stored record
 * (with `raw` left null: the caller holds the text already) and what it cites, which is all the archive needs and
 * a fraction of what the whole model would cost to copy between threads.
 */
export type ParsedTelegram<Code extends string = TelegramProblemCode> =
  BuiltCable<Code> | { record: CableRecord; citing: CitingCable; warnings: string[] };

/**
 * Parses a telegram and makes sure the cable has a canonical id: the hinted id wins when the text gives none or
 * another one (a warning then), since the publisher's index is canonical and some texts carry a foreign header.
 * The hinted date fills a missing DTG and the hinted classification overrules the parsed one; each such repair is
 * recorded in `cable.warnings`, so the model says where its fields came from.
 * @example cableFromTelegram(seedText).cable.id // "08STATE16245"
 * @example cableFromTelegram("hello") // { code: "NO_CABLE_ID" }
 */
export function cableFromTelegram(text: string, hints: TelegramHints = {}): BuiltCable {
  const hinted = hints.id ? parseCableId(hints.id) : null;
  const year = hinted?.year ?? hints.year ?? undefined;
  let cable: Cable;
  try {
    cable = parseTelegram(text, year === undefined ? {} : { year });
  } catch (error) {
    return { code: "PARSE_FAILED", detail: errorMessage(error) };
  }
  const from = hints.from ?? "the import";
  const warnings: string[] = [];
  const note = (message: string): void => {
    cable.warnings.push({ code: "import_override", line: 0, message });
  };

  if (hinted) {
    if (cable.id !== hinted.id) {
      if (cable.id !== null) warnings.push(`id ${hinted.id} from ${from} wins over the parsed id ${cable.id}`);
      note(`id ${hinted.id} from ${from}${cable.id === null ? "" : ` (parsed: ${cable.id})`}`);
      cable.id = hinted.id;
      cable.origin = hinted.station;
      cable.serial = hinted.serial;
    }
  } else if (cable.id === null) {
    return { code: "NO_CABLE_ID" };
  } else {
    const parsed = parseCableId(cable.id);
    if (!parsed) return { code: "NO_CABLE_ID", detail: `the parsed id "${cable.id}" is not canonical` };
    cable.id = parsed.id;
  }

  if (cable.dtg === null && hints.created && /^\d{4}-\d\d-\d\dT\d\d/.test(hints.created)) {
    cable.dtg = `${hints.created.slice(0, 13)}:00:00Z`;
    note(`date ${cable.dtg} from ${from}: the text has no date-time group`);
  }

  const published = hints.classification ? indexClassification(hints.classification) : null;
  if (published) {
    if (cable.classification !== published.level) {
      if (cable.classification !== null) {
        warnings.push(`classification ${published.level} from ${from} wins over the parsed ${cable.classification}`);
      }
      note(`classification ${published.level} from ${from}`);
      cable.classification = published.level;
    }
    for (const caveat of published.caveats) {
      if (!cable.caveats.includes(caveat)) {
        cable.caveats.push(caveat);
        note(`caveat ${caveat} from ${from}`);
      }
    }
  }
  return { cable, warnings };
}
