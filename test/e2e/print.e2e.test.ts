// A long cable printed from the reader, as Chromium prints it to PDF: the classification banner at the top and
// at the bottom of every page, precedence badges in their colours, headings shown as headings and kept with
// what follows them. The PDF's text is read page by page with pdftotext (poppler-utils).
import { describe, expect, it } from "vitest";
import { pdfPages, pdftotextMissing } from "../helpers/pdf-pages.ts";
import { releaseDemarche, withReleasedDemarche } from "./release-fixture.ts";
import { browserMissing } from "./web-world.ts";

const missing = browserMissing ?? pdftotextMissing;

const LONG_TEXT =
  "The Department requests that posts deliver the following points at the highest appropriate level and report " +
  "the response, noting any reservations the host government expresses about the timing of the deliberations. ";

describe.skipIf(missing)(`web: printing a cable${missing ? ` (skipped: ${missing})` : ""}`, () => {
  const ctx = withReleasedDemarche();

  it("prints the classification banner at the top and bottom of every page of a long cable", async () => {
    const paragraphs = [
      { number: null, marking: null, text: "OBJECTIVES" },
      ...Array.from({ length: 30 }, (_, i) => ({ number: i + 1, marking: "SBU", text: LONG_TEXT.repeat(2).trim() })),
    ];
    const long = await releaseDemarche(ctx.world, { subject: "KOSOVO: A LONG DEMARCHE TO PRINT", paragraphs });
    const { page, context, consoleErrors } = await ctx.world.newPage();
    await ctx.world.signIn(page, "drafter");
    await page.goto(`/cables/${long}`);
    await page.getByRole("heading", { name: "OBJECTIVES" }).waitFor();

    const pages = pdfPages(await page.pdf({ format: "A4", printBackground: true }));
    expect(pages.length).toBeGreaterThan(2);
    for (const [i, lines] of pages.entries()) {
      expect(lines[0], `top of page ${i + 1}`).toBe("UNCLASSIFIED//SENSITIVE");
      expect(lines.at(-1), `bottom of page ${i + 1}`).toBe("UNCLASSIFIED//SENSITIVE");
    }
    const text = pages.flat().join("\n");
    expect(text).toContain("30. (SBU)");
    expect(text).not.toContain("Cited by");
    expect(consoleErrors).toEqual([]);
    await context.close();
  });

  it("keeps the colours of banners and precedence badges, and keeps headings with what follows", async () => {
    const { page, context } = await ctx.world.newPage();
    await ctx.world.signIn(page, "drafter");
    await page.goto(`/cables/${ctx.demarche}`);
    const badge = page.locator(".badge", { hasText: "NIACT IMMEDIATE" }).first();
    await badge.waitFor();
    await page.emulateMedia({ media: "print" });
    const style = (selector: string) =>
      page
        .locator(selector)
        .first()
        .evaluate((el) => {
          const s = getComputedStyle(el);
          return { adjust: s.printColorAdjust, breakAfter: s.breakAfter };
        });
    expect(await badge.evaluate((el) => getComputedStyle(el).printColorAdjust)).toBe("exact");
    expect((await style(".banner")).adjust).toBe("exact");
    expect((await style("h1")).breakAfter).toBe("avoid");
    await context.close();
  });
});
