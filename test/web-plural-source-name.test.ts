// Small words of the web app: counted nouns ("1 note", never "1 notes") and the name the reader shows of an
// import source (the file, never the server's folders).
import { describe, expect, it } from "vitest";
import { plural } from "../web/src/components/plural.ts";
import { sourceName } from "../web/src/scenes/reader/source-name.ts";

describe("web: counted nouns", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, "note")).toBe("1 note");
    expect(plural(0, "note")).toBe("0 notes");
    expect(plural(2, "note")).toBe("2 notes");
  });

  it("takes an irregular plural and groups thousands", () => {
    expect(plural(2, "reply", "replies")).toBe("2 replies");
    expect(plural(12345, "cable")).toBe("12,345 cables");
  });
});

describe("web: import source name", () => {
  it("shows only the file's name of a POSIX or Windows path", () => {
    expect(sourceName("/srv/cablegram/corpus/cablegate/08STATE16245.txt")).toBe("08STATE16245.txt");
    expect(sourceName("C:\\imports\\cables.jsonl")).toBe("cables.jsonl");
    expect(sourceName("/srv/imports/my-telegrams/")).toBe("my-telegrams");
  });

  it("keeps a plain label as it is", () => {
    expect(sourceName("seeds")).toBe("seeds");
  });
});
