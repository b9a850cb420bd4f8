// Builds a large synthetic archive from the corpus: copies with distinct ids and dates, and slightly varied text.
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { parseCableId } from "../src/core/index.ts";
import type { CorpusCable } from "../test/helpers/shared-data.ts";

/** Synthetic words added to the copies: a Zipf-like tail, so some terms are rare however large the archive. */
export const VOCABULARY_SIZE = 30_000;
/** Share of body words each copy replaces with synthetic ones. */
const REPLACED = 0.03;
const FIRST_YEAR = 1970;
const YEARS = 41; // 1970..2010
const SERIAL_BLOCK = 200_000;
const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "pa", "de", "gu", "ho", "ji", "bu", "fe"];

/**
 * The synthetic word of a rank: rank 0 is the most frequent. Pronounceable, and ending in "x" so it never collides
 * with a real word.
 * @example syntheticWord(0) // "kax"
 */
export function syntheticWord(rank: number): string {
  let word = "";
  let n = rank;
  do {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  } while (n > 0);
  return `${word}x`;
}

/**
 * Writes `count` cables as JSON Lines `{ "text", "id" }` to `path`: the corpus first as published, then copies
 * whose year (1970..2010), serial and date-time group are rewritten so that each has a distinct canonical id the
 * parser finds in the text, and 3% of whose body words are replaced by synthetic words drawn from a Zipf-like
 * distribution (so full-text statistics look like a real archive's, with a long tail of rare terms).
 * Deterministic: the same count gives the same file. Returns the number of bytes written.
 * @example await replicateCorpus(readCorpus(), 20000, "/tmp/cables.jsonl") // 249_512_331
 */
export async function replicateCorpus(
  corpus: readonly CorpusCable[],
  count: number,
  path: string,
  onProgress: (written: number) => void = () => undefined,
): Promise<number> {
  const out = createWriteStream(path);
  const ids = new Set<string>();
  let bytes = 0;
  for (let written = 0, copy = 0; written < count; copy += 1) {
    for (let i = 0; i < corpus.length && written < count; i += 1) {
      const { entry, text } = corpus[i]!;
      const original = parseCableId(entry.id);
      if (!original) continue;
      const line = copy === 0 ? { text, id: original.id } : variant(text, original, copy, i, ids);
      ids.add(line.id);
      const json = `${JSON.stringify(line)}\n`;
      bytes += Buffer.byteLength(json);
      if (!out.write(json)) await once(out, "drain");
      written += 1;
      if (written % 5000 === 0) onProgress(written);
    }
  }
  out.end();
  await once(out, "finish");
  return bytes;
}

type CableIdParts = NonNullable<ReturnType<typeof parseCableId>>;

function variant(text: string, original: CableIdParts, copy: number, index: number, ids: Set<string>) {
  const year = FIRST_YEAR + ((((original.year - FIRST_YEAR - (copy % YEARS)) % YEARS) + YEARS) % YEARS);
  let serial = original.serial + Math.floor(copy / YEARS) * SERIAL_BLOCK;
  const yy = String(year % 100).padStart(2, "0");
  while (ids.has(`${yy}${original.station}${serial}`)) serial += 1;
  const id = `${yy}${original.station}${serial}`;
  const random = mulberry32(copy * 100_003 + index);
  return { text: varyWords(rewriteNumbers(text, original, year, serial), random), id };
}

/** Rewrites the DTG year and the message number on the classification and page lines. */
function rewriteNumbers(text: string, original: CableIdParts, year: number, serial: number): string {
  const yy = String(year % 100).padStart(2, "0");
  const leap = year % 4 === 0;
  // Partial extracts write the DTG without prosign and with a mixed-case month: `291359Z Nov 00`.
  const dtg = /^((?:[ZOPR](?: [ZOPR])? )?)(\d\d)(\d{4}Z) ([A-Za-z]{3}) (\d\d)/m;
  let out = text.replace(dtg, (_m, pro: string, day: string, time: string, month: string) => {
    const d = month.toUpperCase() === "FEB" && day === "29" && !leap ? "28" : day;
    return `${pro}${d}${time} ${month} ${yy}`;
  });
  const number = new RegExp(`(^|\\s)0*${original.serial}(?=\\s|$)`, "gm");
  out = out.replace(/^.*$/gm, (line) => {
    if (
      !line
        .toUpperCase()
        .replace(/[^A-Z]/g, "")
        .includes(original.station)
    )
      return line;
    return line.replace(number, (m, space: string) => {
      const width = m.length - space.length;
      return `${space}${String(serial).padStart(width, "0")}`;
    });
  });
  return out;
}

/** Replaces a share of the words after the first numbered paragraph; the header stays parseable. */
function varyWords(text: string, random: () => number): string {
  const start = text.search(/^\s*¶?\s*\d{1,2}\.\s/m);
  if (start < 0) return text;
  const body = text.slice(start).replace(/[A-Za-z]{4,}/g, (word) => {
    if (random() >= REPLACED) return word;
    return syntheticWord(Math.floor(VOCABULARY_SIZE ** random()) - 1);
  });
  return text.slice(0, start) + body;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
