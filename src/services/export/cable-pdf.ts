// A cable as a PDF: its telegram text in a monospace font (Courier, which every PDF reader has), on US Letter pages
// each marked with the classification at the top and the bottom, the cable's id and "Page N of M" under the top
// banner, long lines wrapped rather than cut.
import PDFDocument from "pdfkit";
import { bannerText, type Cable } from "../../core/index.ts";
import { pageLines } from "../../telegram/index.ts";

const PAGE = { width: 612, height: 792 };
const MARGIN_X = 54;
const FONT_SIZE = 10;
const LINE_HEIGHT = 12;
/** Courier's characters are 0.6 em wide: the columns that fit between the margins. */
const COLUMNS = Math.floor((PAGE.width - 2 * MARGIN_X) / (0.6 * FONT_SIZE));
const TOP_BANNER_Y = 24;
const RUNNING_HEAD_Y = 42;
const BODY_TOP = 66;
const BOTTOM_BANNER_Y = PAGE.height - 36;
const LINES_PER_PAGE = Math.floor((BOTTOM_BANNER_Y - 12 - BODY_TOP) / LINE_HEIGHT);

/**
 * The PDF of a cable's telegram text. `text` is what the reader's telegram view shows (the original, or the
 * rendering); the banner is the cable's classification and caveats, UNCLASSIFIED when it has none, as the reader
 * shows it. `now` stamps the document.
 * @example const pdf = await cablePdf(cable, telegramTextOf(archived), clock.now())
 */
export async function cablePdf(cable: Cable, text: string, now: Date): Promise<Buffer> {
  const banner = bannerText(cable.classification ?? "UNCLASSIFIED", cable.caveats);
  const id = cable.id ?? "Cable";
  const pages = pageLines(pdfSafe(text), COLUMNS, LINES_PER_PAGE);
  const doc = new PDFDocument({
    size: [PAGE.width, PAGE.height],
    margin: 0,
    autoFirstPage: false,
    info: {
      Title: `${id}: ${pdfSafe(cable.subject ?? "")}`.trim(),
      Subject: banner,
      CreationDate: now,
      Producer: "Cablegram",
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  const width = PAGE.width - 2 * MARGIN_X;
  for (const [index, lines] of pages.entries()) {
    doc.addPage({ size: [PAGE.width, PAGE.height], margin: 0 });
    doc.font("Courier-Bold").fontSize(FONT_SIZE);
    doc.text(banner, MARGIN_X, TOP_BANNER_Y, { width, align: "center", lineBreak: false });
    doc.text(banner, MARGIN_X, BOTTOM_BANNER_Y, { width, align: "center", lineBreak: false });
    doc.font("Courier").fontSize(FONT_SIZE - 1);
    doc.text(id, MARGIN_X, RUNNING_HEAD_Y, { lineBreak: false });
    doc.text(`Page ${index + 1} of ${pages.length}`, MARGIN_X, RUNNING_HEAD_Y, {
      width,
      align: "right",
      lineBreak: false,
    });
    doc.fontSize(FONT_SIZE);
    for (const [row, line] of lines.entries()) {
      if (line !== "") doc.text(line, MARGIN_X, BODY_TOP + row * LINE_HEIGHT, { lineBreak: false });
    }
  }
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

/**
 * Text Courier can show: PDF's standard fonts hold Latin-1, so other letters lose their accents and what remains
 * outside it becomes "?"; control characters other than line breaks, tabs and form feeds are dropped.
 * @example pdfSafe("Đakovica – Priština") // "Dakovica - Pristina"
 */
export function pdfSafe(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.codePointAt(0)!;
    if (
      c === "\n" ||
      c === "\r" ||
      c === "\t" ||
      c === "\f" ||
      (code >= 0x20 && code < 0x7f) ||
      (code >= 0xa0 && code <= 0xff)
    ) {
      out += c;
    } else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    else
      out +=
        SUBSTITUTES[c] ??
        (c
          .normalize("NFKD")
          .replace(/\p{M}/gu, "")
          .replace(/[^\x20-\x7e\xa0-\xff]/g, "?") ||
          "?");
  }
  return out;
}

const SUBSTITUTES: Record<string, string> = {
  "\u2013": "-",
  "\u2014": "--",
  "\u2018": "'",
  "\u2019": "'",
  "\u201c": '"',
  "\u201d": '"',
  "\u2026": "...",
  "\u00b6": "\u00b6",
  "\u0110": "D",
  "\u0111": "d",
};
