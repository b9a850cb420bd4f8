// What changed in a cable between two readings: subject, addressees, TAGS and paragraphs. A clearer asked again is
// shown this against the text they last cleared or objected to. No diff library is in package.json, so the
// paragraphs are compared as lines (one paragraph a line) by a longest common subsequence, which is small enough
// for a cable's dozen or so paragraphs.
import { z } from "zod";
import { bodyOfParagraphs, type Addressee, type Cable } from "./cable.ts";

/** One line of a paragraph diff: kept, added or removed. */
export const DiffLineSchema = z.object({ op: z.enum(["same", "added", "removed"]), text: z.string() });
export type DiffLine = z.infer<typeof DiffLineSchema>;

/** What was added to and removed from a list (addressees, TAGS). */
export const ListChangeSchema = z.object({ added: z.array(z.string()), removed: z.array(z.string()) });
export type ListChange = z.infer<typeof ListChangeSchema>;

/** What changed in a cable; `changed` is false when nothing compared did. */
export const CableDiffSchema = z
  .object({
    changed: z.boolean(),
    subject: z.object({ before: z.string().nullable(), after: z.string().nullable() }).nullable(),
    addressees: ListChangeSchema.describe("Addressees as `TO NAME (PRECEDENCE)`, `INFO NAME`"),
    tags: ListChangeSchema,
    paragraphs: z
      .array(DiffLineSchema)
      .describe("Every paragraph as a line, marked same, added or removed; empty when none changed"),
  })
  .meta({ id: "CableDiff" });
export type CableDiff = z.infer<typeof CableDiffSchema>;

/**
 * What changed from `before` to `after` in subject, addressees, TAGS and paragraphs.
 * @example diffCables(old, { ...old, tags: ["PREL", "FR"] }).tags // { added: ["FR"], removed: [] }
 */
export function diffCables(before: Cable, after: Cable): CableDiff {
  const subject =
    (before.subject ?? null) === (after.subject ?? null) ? null : { before: before.subject, after: after.subject };
  const addressees = listChange(addresseeLines(before), addresseeLines(after));
  const tags = listChange(before.tags, after.tags);
  const lines = diffLines(paragraphLines(before), paragraphLines(after));
  const paragraphs = lines.some((l) => l.op !== "same") ? lines : [];
  const changed =
    subject !== null ||
    addressees.added.length + addressees.removed.length + tags.added.length + tags.removed.length > 0 ||
    paragraphs.length > 0;
  return { changed, subject, addressees, tags, paragraphs };
}

/**
 * A line diff of two lists of lines, in order: what `before` and `after` share is `same`.
 * @example diffLines(["a", "b"], ["a", "c"]) // [{ op: "same", text: "a" }, { op: "removed", text: "b" }, { op: "added", text: "c" }]
 */
export function diffLines(before: readonly string[], after: readonly string[]): DiffLine[] {
  const n = before.length;
  const m = after.length;
  // common[i][j]: the length of the longest common subsequence of before[i..] and after[j..].
  const common = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      common[i]![j] =
        before[i] === after[j] ? common[i + 1]![j + 1]! + 1 : Math.max(common[i + 1]![j]!, common[i]![j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (before[i] === after[j]) {
      out.push({ op: "same", text: before[i++]! });
      j++;
    } else if (common[i + 1]![j]! >= common[i]![j + 1]!) out.push({ op: "removed", text: before[i++]! });
    else out.push({ op: "added", text: after[j++]! });
  }
  while (i < n) out.push({ op: "removed", text: before[i++]! });
  while (j < m) out.push({ op: "added", text: after[j++]! });
  return out;
}

function listChange(before: readonly string[], after: readonly string[]): ListChange {
  return {
    added: after.filter((x) => !before.includes(x)),
    removed: before.filter((x) => !after.includes(x)),
  };
}

function addresseeLines(cable: Cable): string[] {
  const line = (role: string) => (a: Addressee) =>
    `${role} ${a.name}${a.office ? `//${a.office}//` : ""}${a.precedence ? ` (${a.precedence})` : ""}`;
  return [...cable.to.map(line("TO")), ...cable.info.map(line("INFO"))];
}

function paragraphLines(cable: Cable): string[] {
  const body = cable.paragraphs.length > 0 ? bodyOfParagraphs(cable.paragraphs) : cable.body;
  return body
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, " ").trim())
    .filter((p) => p !== "");
}
