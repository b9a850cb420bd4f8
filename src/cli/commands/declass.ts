// `cablegram declass due|review`: the declassification schedule from the terminal: the due list, and release
// proposals (never applied) for due cables whose portions are all unclassified.
import type { Command } from "commander";
import { SYSTEM_ACTING } from "../../services/acting.ts";
import { SYSTEM_READER } from "../../services/access/reader.ts";
import { systemClock } from "../../services/clock.ts";
import { dueList, proposeReleases, type DueCount, type DueList } from "../../services/declass/index.ts";
import { readerOf } from "../../services/users/index.ts";
import { userOfOption } from "../as-user.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";
import { workProgress } from "../work-progress.ts";

type DueOptions = {
  before?: string;
  origin?: string;
  classification?: string;
  limit: string;
  json?: boolean;
  as?: string;
};
type ReviewOptions = { before?: string; json?: boolean; as?: string; autoReleaseUnclassifiedPortions?: boolean };

const HELP = `
Due means a review date before --before (by default, due by today): the date the E.O. line states, or the 25-year
rule for OADR, MR, events, exemptions without a date and classified cables without an instruction. Unclassified
cables are never due. Without --as the command sees every cable (it holds the database); with --as, what that user
may read, and the user needs the archivist or admin role.

Examples:
  $ cablegram declass due
  $ cablegram declass due --before 2020-01-01 --origin STATE --json
  $ cablegram declass review --auto-release-unclassified-portions --as archie`;

/** Registers `declass`. */
export const declassCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  const declass = program.command("declass").description("The declassification schedule: due list and proposals.");
  declass
    .command("due")
    .description("List the cables due for declassification review, counted by origin and classification.")
    .option("--before <date>", "review dates before this day (YYYY-MM-DD); default: due by today")
    .option("--origin <station>", "list only cables from this origin (the counts stay whole)")
    .option("--classification <level>", "list only cables of this classification")
    .option("--limit <n>", "cables listed at most", "100")
    .option("--json", "as one JSON object")
    .option("--as <user>", "as this user: only what they may read")
    .addHelpText("after", HELP)
    .action(async (options: DueOptions) =>
      done(
        await runWithStore(io, "declass due", async (store) => {
          const user = await userOfOption(store, io, "declass due", options.as);
          if (user === undefined) return 2;
          const { as: _as, json, limit, ...filters } = options;
          const list = await dueList(
            { store, clock: systemClock },
            user ?? SYSTEM_ACTING,
            user ? readerOf(user) : SYSTEM_READER,
            { ...filters, limit: Number(limit) },
          );
          if (json) io.stdout(JSON.stringify(list, null, 2));
          else for (const line of dueLines(list)) io.stdout(line);
          return 0;
        }),
      ),
    );
  declass
    .command("review")
    .description("Propose (never apply) releases in full of due cables whose portions are all U or SBU.")
    .option("--auto-release-unclassified-portions", "propose release in full where every portion is U or SBU")
    .option("--before <date>", "review dates before this day (YYYY-MM-DD); default: due by today")
    .option("--json", "as one JSON object")
    .option("--as <user>", "as this user: only what they may read")
    .addHelpText("after", HELP)
    .action(async (options: ReviewOptions) =>
      done(
        await runWithStore(io, "declass review", async (store) => {
          if (!options.autoReleaseUnclassifiedPortions) {
            io.stderr(
              "cablegram declass review: say what to propose: --auto-release-unclassified-portions (decisions by " +
                "portion are made in the review queue)",
            );
            return 2;
          }
          const user = await userOfOption(store, io, "declass review", options.as);
          if (user === undefined) return 2;
          const progress = workProgress(io, "examining due cables", 5000);
          const run = await proposeReleases(
            { store, clock: systemClock },
            user ?? SYSTEM_ACTING,
            user ? readerOf(user) : SYSTEM_READER,
            { before: options.before },
            progress.onProgress,
          ).finally(() => progress.stop());
          if (options.json) {
            io.stdout(JSON.stringify(run, null, 2));
            return 0;
          }
          io.stdout(
            `Proposed, not applied: release in full of ${fmt(run.proposals.length)} of ${fmt(run.examined)} cables ` +
              `due before ${run.before}, every portion U or SBU.`,
          );
          for (const p of run.proposals) {
            io.stdout(`PROPOSE release-in-full  ${p.id}  ${p.classification ?? "UNKNOWN"}  ${p.subject ?? ""}`);
            io.stdout(`  ${p.why}`);
          }
          return 0;
        }),
      ),
    );
};

/** The due list as text: the totals, the counts, then one line a cable. */
function dueLines(list: DueList): string[] {
  const lines = [
    `Due for declassification review before ${list.before} (today ${list.today}): ${fmt(list.due)} ` +
      `cable${list.due === 1 ? "" : "s"}, ` +
      `${fmt(list.overdue)} overdue.`,
    `By classification: ${counts(list.byClassification)}`,
    `By origin: ${counts(list.byOrigin.slice(0, 12))}${list.byOrigin.length > 12 ? ` and ${list.byOrigin.length - 12} more` : ""}`,
  ];
  if (list.cables.length > 0) lines.push("");
  for (const c of list.cables) {
    lines.push(
      `${c.reviewOn}  ${c.status.padEnd(9)}  ${c.id}  ${c.classification ?? "UNKNOWN"}  ${c.subject ?? ""}`.trimEnd(),
    );
    lines.push(`  ${c.reason}`);
  }
  if (list.listed > list.cables.length) {
    lines.push(`… ${fmt(list.listed - list.cables.length)} more (--limit, --origin, --classification, or --json)`);
  }
  return lines;
}

function counts(groups: DueCount[]): string {
  if (groups.length === 0) return "none";
  return groups
    .map((g) => `${g.value} ${fmt(g.due)}${g.overdue < g.due ? ` (${fmt(g.overdue)} overdue)` : ""}`)
    .join(", ");
}

function fmt(n: number): string {
  return n.toLocaleString("en-US");
}
