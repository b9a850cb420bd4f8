// A search's export as a ZIP of telegram files, one `ID.txt` a cable, compressed and written as it goes (fflate's
// streaming Zip): only the page being written is ever in memory.
import { Zip, ZipDeflate } from "fflate";
import type { ExportedCable } from "./exported-cable.ts";
import { telegramTextOf } from "./exported-cable.ts";

/** Deflate level: text compresses to about a third at level 1 already, and higher levels cost the CPU far more. */
const LEVEL = 1;

/**
 * The ZIP of `pages`: each cable's telegram text as `ID.txt`, the chunks of a page yielded together, the central
 * directory last.
 * @example for await (const chunk of zipChunks(pages)) out.write(chunk)
 */
export async function* zipChunks(pages: AsyncIterable<ExportedCable[]>, now = new Date()): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let failure: Error | null = null;
  // With synchronous entries fflate hands its output over at once, inside push() and end().
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
  const encoder = new TextEncoder();
  for await (const page of pages) {
    for (const exported of page) {
      const entry = new ZipDeflate(`${exported.id}.txt`, { level: LEVEL });
      entry.mtime = now;
      zip.add(entry);
      entry.push(encoder.encode(telegramTextOf(exported)), true);
    }
    const chunks = take();
    if (chunks.length > 0) yield Buffer.concat(chunks);
  }
  zip.end();
  yield Buffer.concat(take());
}
