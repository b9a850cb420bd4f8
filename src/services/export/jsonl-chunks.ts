// A search's export as JSON Lines: each cable as GET /api/cables/:id gives it, one per line, written page by page.
import type { ExportedCable } from "./exported-cable.ts";
import { cableJson } from "./exported-cable.ts";

/**
 * The JSON Lines of `pages`, one chunk per page: `{"cable":…,"archivedAt":…,"source":…,"hasOriginalText":…}\n`.
 * @example for await (const chunk of jsonlChunks(pages)) out.write(chunk)
 */
export async function* jsonlChunks(pages: AsyncIterable<ExportedCable[]>): AsyncGenerator<Uint8Array> {
  for await (const page of pages) {
    let text = "";
    for (const exported of page) text += `${JSON.stringify(cableJson({ ...exported, cable: exported.cable() }))}\n`;
    yield Buffer.from(text, "utf8");
  }
}
