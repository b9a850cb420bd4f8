// The names an addressee answers to in `addressee:` searches: as written, without its kind word, and its station.
import type { Addressee } from "../../core/index.ts";

// Kind words before a post's place name; what follows them is what people type (addressee:PARIS).
const KIND = /^(AMEMBASSY|AMCONSUL|AMCONGEN|USMISSION|USOFFICE|USINT|USLO|USDEL|AIT)\s+/;

/**
 * The names an addressee can be searched by: the plain-language address, the place without the kind word
 * (`AMEMBASSY PARIS` -> `PARIS`), the mission's short name (`USMISSION USUN NEW YORK` -> `USUN`), `STATE` for the
 * Department, and the routing indicator.
 * @example addresseeKeys({ route: "RUEHFR", name: "AMEMBASSY PARIS", ... }) // ["AMEMBASSY PARIS", "PARIS", "RUEHFR"]
 */
export function addresseeKeys(addressee: Addressee): string[] {
  const name = addressee.name
    .trim()
    .toUpperCase()
    .replace(/\s+/g, " ")
    .replace(/\bWASHINGTON,? DC$/, "WASHDC");
  const keys = new Set([name]);
  const bare = name.replace(KIND, "").replace(/ WASHDC$/, "");
  keys.add(bare);
  const first = bare.split(" ")[0]!;
  if (first !== bare && (/^US/.test(first) || name.startsWith("USMISSION "))) keys.add(first);
  if (bare === "SECSTATE") keys.add("STATE");
  if (addressee.route) keys.add(addressee.route.toUpperCase());
  return [...keys].filter((k) => k.length > 0);
}
