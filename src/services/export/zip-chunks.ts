// A search's export as a ZIP of telegram files, one `ID.txt` a cable, written as it goes (fflate's streaming Zip):
// only the page being written is ever in memory. Each file is compressed by Node's zlib (native, several times
// fflate's JavaScript deflate) and handed to the Zip as a ready entry.
import { crc32, deflateRawSync } from "node:zlib";
import { Zip, type ZipInputFile } from "fflate";
import type { ExportedCable } from "./exported-cable.ts";
import { telegramTextOf } from "./exported-cable.ts";

/** Deflate level: telegrams shrink to about a third at the fastest level already; higher ones cost far more CPU. */
const LEVEL = 1;

/**
 * The ZIP of `pages`: each cable's telegram text as `ID.txt` (dated `now`), the chunks of a page yielded together,
 * the central directory last.
 * @example for await (const chunk of zipChunks(pages)) out.write(chunk)
 */
export async function* zipChunks(pages: AsyncIterable<ExportedCable[]>, now = new Date()): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let failure: Error | null = null;
  // Entries whose data is given at once are written at once: fflate hands its output over inside ondata and end().
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else pending.push(data);
  });
  const take = (): Uint8Array[] => {
    if (failure) throw failure;
    const out = pending;
    pending = [];
    return out;
  };
  for await (const page of pages) {
    for (const exported of page) {
      const text = Buffer.from(telegramTextOf(exported), "utf8");
      const entry: ZipInputFile = {
        filename: `${exported.id}.txt`,
        size: text.byteLength,
        crc: crc32(text),
        compression: 8,
        mtime: now,
      };
      zip.add(entry);
      entry.ondata!(null, deflateRawSync(text, { level: LEVEL }), true);
    }
    const chunks = take();
    if (chunks.length > 0) yield Buffer.concat(chunks);
  }
  zip.end();
  yield Buffer.concat(take());
}
