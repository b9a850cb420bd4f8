// `cablegram inbox`: a post's or an office's inbox, most recent first, with filters.
import type { Command } from "commander";
import { SYSTEM_READER } from "../../services/access/reader.ts";
import { systemClock } from "../../services/clock.ts";
import { INBOX_SORTS, listInbox, type DeliveryView } from "../../services/distribution/index.ts";
import { readerOf } from "../../services/users/index.ts";
import { dispatchOnce, userOfOption } from "../as-user.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";

const HELP = `
Without --as, the command sees every inbox (it has the database's own access); --as USER shows what that user
sees, their home post's inbox by default. Queued deliveries are delivered first, in precedence order.

Examples:
  $ cablegram inbox --post PANAMA --precedence "NIACT IMMEDIATE" --unread
  $ cablegram inbox --post PANAMA --sort precedence
  $ cablegram inbox --office IO/UNP --as alice --json`;

type InboxArgs = {
  post?: string;
  office?: string;
  precedence?: string;
  role?: string;
  unread?: boolean;
  sort: string;
  as?: string;
  json?: boolean;
  limit: string;
};

/** Registers `inbox`. */
export const inboxCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("inbox")
    .description("List a post's or an office's received cables: precedence, role, acknowledgement.")
    .option("--post <post>", "the post, by PLAD or station (default: --as user's home post)")
    .option("--office <office>", "an office's inbox, e.g. IO/UNP")
    .option("--precedence <precedence>", "only FLASH, NIACT IMMEDIATE, IMMEDIATE, PRIORITY or ROUTINE")
    .option("--role <role>", "only action or info")
    .option("--unread", "only unread deliveries")
    .option(
      "--sort <order>",
      "newest (first) or precedence (the most urgent first, newest first within each)",
      "newest",
    )
    .option("--as <user>", "as this user, with their access")
    .option("--limit <n>", "at most this many, 1 to 1000", "200")
    .option("--json", "as JSON Lines, one delivery a line")
    .addHelpText("after", HELP)
    .action(async (args: InboxArgs) => done(await runInbox(args, io)));
};

async function runInbox(args: InboxArgs, io: Io): Promise<ExitCode> {
  const limit = Number(args.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    io.stderr(`cablegram inbox: --limit must be a whole number from 1 to 1000, not "${args.limit}"`);
    return 2;
  }
  if (args.role !== undefined && args.role !== "action" && args.role !== "info") {
    io.stderr(`cablegram inbox: --role must be action or info, not "${args.role}"`);
    return 2;
  }
  const role: "action" | "info" | null = args.role === "action" || args.role === "info" ? args.role : null;
  const sort = INBOX_SORTS.find((s) => s === args.sort);
  if (sort === undefined) {
    io.stderr(`cablegram inbox: --sort must be newest or precedence, not "${args.sort}"`);
    return 2;
  }
  return runWithStore(io, "inbox", async (store) => {
    const user = await userOfOption(store, io, "inbox", args.as);
    if (user === undefined) return 2;
    await dispatchOnce(store, io.env);
    const filter = {
      post: args.post ?? null,
      office: args.office ?? null,
      precedence: args.precedence ?? null,
      role,
      unread: args.unread ? true : null,
      sort,
      limit,
    };
    const items = await listInbox({ store, clock: systemClock }, user ? readerOf(user) : SYSTEM_READER, filter);
    for (const item of items) io.stdout(args.json ? JSON.stringify(item) : inboxLine(item));
    if (!args.json && items.length === 0) io.stderr("cablegram inbox: nothing delivered here yet");
    return 0;
  });
}

/** `9b1c… NIACT IMMEDIATE action 08STATE16245 AMEMBASSY PANAMA unread KOSOVO: ...` */
function inboxLine(d: DeliveryView): string {
  const where = d.office ? `${d.post} ${d.office}` : d.post;
  const state = d.acknowledged ? `acknowledged by ${d.acknowledgedBy}` : d.read ? "read" : "unread";
  const escalated = d.escalated && !d.acknowledged ? " ESCALATED" : "";
  const hint = d.routingHint.length > 0 ? ` [slug to ${d.routingHint.join(", ")}]` : "";
  return `${d.id} ${d.precedence} ${d.role} ${d.cableId} ${where} ${state}${escalated} ${d.subject ?? ""}${hint}`;
}
