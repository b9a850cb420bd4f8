// `cablegram search QUERY`: searches the archive from the shell, as the system or as a named user, audited.
import type { Command } from "commander";
import { SYSTEM_READER, type Reader } from "../../services/access/reader.ts";
import { SYSTEM_ACTOR, searchCablesAudited, type Actor } from "../../services/audit/index.ts";
import { systemClock } from "../../services/clock.ts";
import { CablegramError } from "../../services/errors.ts";
import { SEARCH_HELP, type SearchSort } from "../../services/search/index.ts";
import { findUser, readerOf } from "../../services/users/index.ts";
import { searchLines } from "../format-search.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";

const HELP = `
${SEARCH_HELP}

Without --as, the search runs with the command's own access to the database, which sees every cable (whoever
can run the CLI can open the database file anyway). --as USER applies that user's clearance, caveats, lists
and offices, so you see exactly what they would. Every search is written to the audit log.

Examples:
  $ cablegram search 'kosovo tag:UNSC "security council"'
  $ cablegram search 'class:SECRET from:2009' --sort date --limit 50
  $ cablegram search nuclear --as alice --json`;

type SearchArgs = { limit: string; sort: string; json?: boolean; as?: string; cursor?: string };

/** Registers `search`. */
export const searchCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("search")
    .description("Search the archive: words, phrases and fielded filters, with facets.")
    .argument("<query>", "the query (quote it for the shell)")
    .option("--limit <n>", "results per page, 1 to 100", "20")
    .option("--sort <order>", "relevance or date (newest first)", "relevance")
    .option("--cursor <cursor>", "the page after the one that printed this cursor")
    .option("--as <user>", "search as this user, with their access")
    .option("--json", "print the result as JSON (snippets as HTML with <mark>)")
    .addHelpText("after", HELP)
    .action(async (q: string, args: SearchArgs) => done(await runSearch(q, args, io)));
};

/**
 * Runs one search and prints it. Exit 0 when it ran (even with no match), 2 for a bad query, option or user.
 * @example await runSearch("kosovo", { limit: "20", sort: "relevance" }, io) // 0, after "2 cables match kosovo ..."
 */
export async function runSearch(q: string, args: SearchArgs, io: Io): Promise<ExitCode> {
  const limit = Number(args.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    io.stderr(`cablegram search: --limit must be a whole number from 1 to 100, not "${args.limit}"`);
    return 2;
  }
  if (args.sort !== "relevance" && args.sort !== "date") {
    io.stderr(`cablegram search: --sort must be relevance or date, not "${args.sort}"`);
    return 2;
  }
  const sort: SearchSort = args.sort;
  return runWithStore(io, "search", async (store) => {
    let reader: Reader = SYSTEM_READER;
    let actor: Actor = SYSTEM_ACTOR;
    if (args.as !== undefined) {
      const user = await findUser(store, args.as);
      if (!user) {
        io.stderr(`cablegram search: no user named "${args.as}" (see cablegram user list)`);
        return 2;
      }
      reader = readerOf(user);
      actor = { userId: user.id, username: user.username };
    }
    try {
      const options = { q, limit, sort, cursor: args.cursor ?? null };
      const via = { via: "cli", ...(args.as === undefined ? {} : { as: actor.username }) };
      const result = await searchCablesAudited({ store, clock: systemClock }, actor, reader, options, via);
      if (args.json) io.stdout(JSON.stringify(result, null, 2));
      else for (const line of searchLines(result, q, boldOutput(io))) io.stdout(line);
      return 0;
    } catch (error) {
      if (!(error instanceof CablegramError) || error.code !== "BAD_QUERY") throw error;
      const position = typeof error.details.position === "number" ? error.details.position : null;
      io.stderr(`cablegram search: BAD_QUERY: ${error.message}`);
      if (position !== null) io.stderr(`  ${q}\n  ${" ".repeat(position)}^`);
      return 2;
    }
  });
}

/** Bold needs a terminal on stdout itself (not just stderr) and no NO_COLOR: a pipe must get plain brackets. */
function boldOutput(io: Io): boolean {
  return io.interactive && process.stdout.isTTY === true && io.env.NO_COLOR === undefined;
}
