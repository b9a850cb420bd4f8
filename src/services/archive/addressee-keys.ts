// The names an addressee answers to in `addressee:` searches: as written, without its kind word, and its station.
import { matchPladKind, type Addressee } from "../../core/index.ts";

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
  // What follows a post's kind word is what people type (addressee:PARIS); the Department keeps its SECSTATE.
  const kind = matchPladKind(name);
  const bare = (kind && kind.kind !== "headquarters" && kind.rest !== "" ? kind.rest : name).replace(/ WASHDC$/, "");
  keys.add(bare);
  // A mission's short name: USUN of `USMISSION USUN NEW YORK`, USNATO of `USNATO BRUSSELS`, USEU of `USEU BRUSSELS`.
  const first = bare.split(" ")[0]!;
  if (first !== bare && (/^US/.test(first) || kind?.word === "USMISSION")) keys.add(first);
  if (kind?.word === "USEU") keys.add(kind.word);
  if (bare === "SECSTATE") keys.add("STATE");
  if (addressee.route) keys.add(addressee.route.toUpperCase());
  return [...keys].filter((k) => k.length > 0);
}
