// The block above the classification line: ACP-127 transmission lines, the date-time group, FM/TO/INFO/XMT.
import { precedenceOfProsign, type Addressee, type Transmission, type TransmissionPrecedence } from "../core/index.ts";
import { parseAddresseeLine } from "./addressee-line.ts";
import { dtgToIso } from "./date-time-group.ts";
import { collapse, isBlank, type Line } from "./lines.ts";
import type { Warn } from "./warnings.ts";

export type HeaderFields = {
  transmission: Transmission | null;
  dtg: string | null;
  /** Year of the date-time group, which numbers the cable. */
  year: number | null;
  precedence: TransmissionPrecedence | null;
  from: Addressee | null;
  to: Addressee[];
  info: Addressee[];
  exclusions: Addressee[];
};

const START = /^VZCZC\S*$/;
const RELAY = /^([ZOPR])\1\s+(R[A-Z0-9]{3,7}(?:\s+R[A-Z0-9]{3,7})*)\s*$/;
const DE = /^DE\s+([A-Z0-9]+)\s+#(\d+)(?:\/(\d+))?(?:\s+(\d+))?\s*$/;
const ZN = /^ZN[A-Z]\b/;
const DTG = /^([ZOPR])((?:\s+[ZOPR])*)\s+(\d{2})(\d{2})(\d{2})Z\s+([A-Za-z]{3})\s+(\d{2})\b\s*(.*)$/;
const BARE_DTG = /^(\d{2})(\d{2})(\d{2})Z\s+([A-Za-z]{3})\s+(\d{2})\s*$/;
const KEYWORD = /^(FM|TO|INFO|XMT)\s+(.*)$/;

/**
 * Reads the header block. Addressee keywords count only after FM, because record copies carry an
 * `INFO LOG-00 ...` distribution list above the real header.
 * @example readHeader(splitLines("O 162319Z FEB 08\nFM SECSTATE WASHDC"), warn).dtg // "2008-02-16T23:19:00Z"
 */
export function readHeader(lines: readonly Line[], warn: Warn): HeaderFields {
  const out: HeaderFields = {
    transmission: null,
    dtg: null,
    year: null,
    precedence: null,
    from: null,
    to: [],
    info: [],
    exclusions: [],
  };
  const t: Transmission = {
    startOfMessage: null,
    relayPrecedence: null,
    relayRoutes: [],
    station: null,
    stationSerial: null,
    part: null,
    filingTime: null,
    securityWarning: null,
    prosigns: null,
    signals: null,
  };
  let acp = false;
  let list: Addressee[] | null = null;
  for (const line of lines) {
    const text = line.text.trim();
    if (isBlank(text)) {
      if (out.from !== null) list = null;
      continue;
    }
    const first = text[0]!;
    // Dispatch on the first letter: each line is tried only against the forms that can start with it.
    if (
      first !== "V" &&
      first !== "D" &&
      first !== "Z" &&
      first !== "O" &&
      first !== "P" &&
      first !== "R" &&
      !(first >= "0" && first <= "9") &&
      first !== "F" &&
      first !== "T" &&
      first !== "I" &&
      first !== "X"
    ) {
      if (list !== null) {
        const addressee = parseAddresseeLine(text);
        if (addressee) list.push(addressee);
      }
      continue;
    }
    if (t.startOfMessage === null && START.test(text)) {
      t.startOfMessage = text;
      acp = true;
      continue;
    }
    let m = RELAY.exec(text);
    if (m && t.relayPrecedence === null && out.dtg === null) {
      t.relayPrecedence = `${m[1]}${m[1]}`;
      t.relayRoutes = m[2]!.split(/\s+/);
      acp = true;
      continue;
    }
    m = DE.exec(text);
    if (m && t.station === null) {
      t.station = m[1]!;
      t.stationSerial = m[2]!;
      t.part = m[3] ?? null;
      t.filingTime = m[4] ?? null;
      acp = true;
      continue;
    }
    if (t.securityWarning === null && ZN.test(text)) {
      t.securityWarning = collapse(text);
      acp = true;
      continue;
    }
    m = DTG.exec(text);
    if (m && out.dtg === null) {
      out.dtg = dtgToIso(m[3]!, m[4]!, m[5]!, m[6]!, m[7]!);
      if (out.dtg === null) warn("bad_date_time_group", line.no, `date-time group "${text}" is not a real date`);
      else out.year = Number(out.dtg.slice(0, 4));
      out.precedence = precedenceOfProsign(m[1]!);
      t.prosigns = collapse(`${m[1]}${m[2]}`);
      t.signals = collapse(m[8]!) || null;
      continue;
    }
    m = BARE_DTG.exec(text);
    if (m && out.dtg === null) {
      out.dtg = dtgToIso(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!);
      if (out.dtg !== null) out.year = Number(out.dtg.slice(0, 4));
      continue;
    }
    const k = KEYWORD.exec(text);
    if (k && (k[1] === "FM" || out.from !== null)) {
      const addressee = parseAddresseeLine(k[2]!);
      if (k[1] === "FM") {
        out.from = addressee;
        list = null;
      } else {
        list = k[1] === "TO" ? out.to : k[1] === "INFO" ? out.info : out.exclusions;
        if (addressee) list.push(addressee);
      }
      continue;
    }
    if (list !== null) {
      const addressee = parseAddresseeLine(text);
      if (addressee) list.push(addressee);
    }
  }
  if (acp) {
    out.transmission = t;
  } else if (t.prosigns !== null && (t.prosigns.length > 1 || t.signals !== null)) {
    // No ACP-127 lines, but the DTG line says more than one precedence: keep it so it can be written back.
    out.transmission = t;
  }
  return out;
}
