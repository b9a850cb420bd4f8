// The kind words of plain-language addresses: one list in core, read by one matcher, for the parser, the directory,
// search keys and addressee hints alike.
import { describe, expect, it } from "vitest";
import { matchPladKind, PLAD_KIND_WORDS } from "../src/core/index.ts";
import { describePlad } from "../src/services/directory/index.ts";
import { addresseeKeys } from "../src/services/archive/addressee-keys.ts";
import { stationOfPlad } from "../src/telegram/plad.ts";

const everyWord = Object.entries(PLAD_KIND_WORDS).flatMap(([kind, words]) => words.map((word) => ({ kind, word })));
const addressee = (name: string) => ({ route: null, name, office: null, precedence: null, mcn: null });

describe("matchPladKind", () => {
  it.each(everyWord)("recognizes $word as a $kind, with the rest of the address after it", ({ kind, word }) => {
    expect(matchPladKind(`${word} SAN  JOSE`)).toEqual({ kind, word, rest: "SAN JOSE" });
  });

  it("reads any case and spacing, and a kind word with nothing after it", () => {
    expect(matchPladKind("  amembassy   rio de janeiro ")).toEqual({
      kind: "embassy",
      word: "AMEMBASSY",
      rest: "RIO DE JANEIRO",
    });
    expect(matchPladKind("SECSTATE")).toEqual({ kind: "headquarters", word: "SECSTATE", rest: "" });
  });

  it("recognizes no kind in an agency, a command, a collective, or a word that only starts like a kind word", () => {
    for (const plad of [
      "CIA WASHDC",
      "CDR USCENTCOM MACDILL AFB FL",
      "NATO EU COLLECTIVE",
      "AMEMBASSYPARIS",
      "USDELMC BRUSSELS",
    ]) {
      expect(matchPladKind(plad)).toBeNull();
    }
  });
});

describe("every reader of a PLAD knows every kind word", () => {
  it.each(everyWord.filter((w) => w.kind !== "headquarters"))(
    "$word: the parser's station, the directory's kind and the search key all read the place after it",
    ({ kind, word }) => {
      expect(stationOfPlad(`${word} SAN JOSE`)).toBe("SANJOSE");
      expect(describePlad(`${word} SAN JOSE`)?.kind).toBe(kind);
      expect(addresseeKeys(addressee(`${word} SAN JOSE`))).toContain("SAN JOSE");
    },
  );
});
