// `cablegram archive reparse`: derives the records of imported cables again with this parser (the server does it on
// start), with a progress bar, and says how many changed and in which fields.
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { rederiveArchive, REDERIVED_FIELDS, type RederiveReport } from "../../services/archive/index.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";

const HELP = `
An imported telegram is parsed again whenever it is read, but its access locks, search row and references were
derived by the parser of its import. When the parser changes, every imported cable it did not derive is unreadable
until it is derived again: the server does that when it starts, and this command does it now. Each cable is parsed
again and compared with its stored record; those that differ are written again (new locks before anyone reads them),
a batch of cables per transaction, so an interrupted run loses nothing and the next one goes on.

Exit 0 when every imported cable follows this parser; 1 when some no longer parse (named, and left unreadable).

Examples:
  $ cablegram archive reparse
  $ cablegram archive reparse --all      # check every imported cable, not only those another parser derived
  $ cablegram archive reparse --json`;

/** Lines between two progress lines off a terminal. */
const LINE_EVERY_MS = 2000;

/** Registers `archive` and its subcommand `reparse`. */
export const archiveCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  const archive = program.command("archive").description("Keep the archive's derived records true to the parser.");
  archive
    .command("reparse")
    .description("Derive imported cables' locks, search rows and references again with this parser.")
    .option("--all", "check every imported cable, not only those another parser derived")
    .option("--json", "print the report as JSON")
    .addHelpText("after", HELP)
    .action(async (o: { all?: boolean; json?: boolean }) =>
      done(
        await runWithStore(io, "archive reparse", async (store) => {
          const progress = progressDisplay(io);
          let report: RederiveReport;
          try {
            report = await rederiveArchive(store, { all: o.all ?? false, onProgress: progress.update });
          } finally {
            progress.stop();
          }
          if (o.json) io.stdout(JSON.stringify(report));
          else for (const line of reportLines(report)) io.stdout(line);
          return report.failed.length > 0 ? 1 : 0;
        }),
      ),
    );
};

/**
 * The report as printed: how many were checked and changed, the fields, and the cables that no longer parse.
 * @example reportLines(report)[0] // "Derived 1,297 imported cables again with parser 3f9c2a7d1e0b4c55 in 2.1 s: 3 changed."
 */
export function reportLines(r: RederiveReport): string[] {
  if (r.checked + r.failed.length === 0) {
    return [`Every imported cable was derived by this parser (${r.version}): nothing to do.`];
  }
  const lines = [
    `Derived ${format(r.checked)} imported cable${r.checked === 1 ? "" : "s"} again with parser ${r.version} in ` +
      `${(r.elapsedMs / 1000).toFixed(1)} s: ${format(r.changed)} changed` +
      (r.stricter > 0 ? `, ${format(r.stricter)} of them with stricter locks.` : "."),
  ];
  const fields = REDERIVED_FIELDS.filter((f) => (r.fields[f] ?? 0) > 0);
  if (fields.length > 0) {
    lines.push("Changed, by field:");
    const width = Math.max(...fields.map((f) => f.length));
    for (const f of fields) lines.push(`  ${f.padEnd(width)} ${format(r.fields[f]!).padStart(7)}`);
  }
  if (r.failed.length > 0) {
    lines.push(`${format(r.failed.length)} no longer parse and stay unreadable:`);
    for (const f of r.failed) lines.push(`  ${f.id}: ${f.reason}`);
  }
  return lines;
}

/** A bar on a terminal, a line every two seconds otherwise; nothing for an archive with nothing to derive. */
function progressDisplay(io: Io): { update: (done: number, total: number) => void; stop: () => void } {
  let bar: cliProgress.SingleBar | null = null;
  let last = Date.now();
  return {
    update(done, total) {
      if (io.interactive) {
        bar ??= new cliProgress.SingleBar(
          { stream: process.stderr, format: "reparse [{bar}] {percentage}% {value}/{total} ETA {eta_formatted}" },
          cliProgress.Presets.shades_classic,
        );
        if (bar.getTotal() !== total) bar.start(total, done);
        bar.update(done);
        return;
      }
      if (done < total && Date.now() - last < LINE_EVERY_MS) return;
      last = Date.now();
      io.stderr(`reparse: ${format(done)} of ${format(total)} imported cables`);
    },
    stop: () => bar?.stop(),
  };
}

function format(n: number): string {
  return n.toLocaleString("en-US");
}
