// A PDF's text page by page, as pdftotext (poppler-utils) lays it out, for tests of printed and exported cables.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Why PDF text cannot be read here, or null when pdftotext is installed. */
export const pdftotextMissing = (() => {
  try {
    execFileSync("pdftotext", ["-v"], { stdio: "ignore" });
    return null;
  } catch {
    return "pdftotext is missing: install poppler-utils (apt-get install -y poppler-utils) to read PDFs in tests";
  }
})();

/**
 * Each page's non-empty lines (trimmed) of a PDF.
 * @example pdfPages(pdf)[0][0] // "UNCLASSIFIED"
 */
export function pdfPages(pdf: Buffer | Uint8Array): string[][] {
  const dir = mkdtempSync(join(tmpdir(), "cablegram-pdf-"));
  try {
    writeFileSync(join(dir, "file.pdf"), pdf);
    const text = execFileSync("pdftotext", ["-layout", join(dir, "file.pdf"), "-"], { encoding: "utf8" });
    return text
      .split("\f")
      .map((page) =>
        page
          .split("\n")
          .map((line) => line.trim())
          .filter((line) => line !== ""),
      )
      .filter((lines) => lines.length > 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
