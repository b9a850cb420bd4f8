// `cablegram user ...`: add, list, change and remove users, set passwords, mint and revoke API tokens. Works on
// the same database as the server, also while it runs.
import type { Command } from "commander";
import { recordAudit } from "../../services/audit/record-audit.ts";
import { SYSTEM_ACTOR } from "../../services/audit/audit-entry.ts";
import { listTokens, mintToken, revokeToken } from "../../services/auth/api-tokens.ts";
import { systemClock, type Deps } from "../../services/clock.ts";
import { loadDefaultDirectory } from "../../services/directory/load-default-directory.ts";
import {
  createUser,
  listUsers,
  removeUser,
  setPassword,
  updateUser,
  type Role,
  type User,
  type UserFields,
} from "../../services/users/index.ts";
import { unthrottleUser } from "../../services/auth/index.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { readSecret } from "../read-secret.ts";
import { runWithStore } from "../run-with-store.ts";
import { SYSTEM_ACTING } from "../../services/acting.ts";

type FieldOptions = {
  clearance?: string;
  caveats?: string;
  lists?: string;
  roles?: string;
  post?: string;
  offices?: string;
};

const FIELD_HELP = `
Fields: --clearance UNCLASSIFIED|LIMITED OFFICIAL USE|CONFIDENTIAL|SECRET|TOP SECRET; --caveats NOFORN (caveat
accesses); --lists NODIS-KOSOVO,L2 (distribution lists); --roles reader,drafter,approver,communicator,archivist,reviewer,admin;
--post STATE (home post, by station or PLAD); --offices EUR/SCE,IO/UNP. Lists are comma-separated.

Examples:
  $ cablegram user add alice --clearance SECRET --caveats NOFORN --lists L1,L2 --roles reader,drafter --post STATE --offices EUR/SCE
  $ echo "$PASSWORD" | cablegram user passwd alice
  $ cablegram user token alice --label nightly-export
  $ cablegram user list --json`;

const via = { via: "cli" };

/** Registers `user` and its subcommands. */
export const userCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  const user = program
    .command("user")
    .description("Manage users, passwords and API tokens.")
    .addHelpText("after", FIELD_HELP);
  const withFields = (c: Command) =>
    c
      .option("--clearance <level>", "highest classification the user may read")
      .option("--caveats <list>", "caveat accesses, e.g. NOFORN")
      .option("--lists <list>", "distribution lists")
      .option("--roles <list>", "roles")
      .option("--post <post>", "home post (station or PLAD)")
      .option("--offices <list>", "offices");
  // Home posts are checked against the directory, so a fresh database gets the default one first.
  const run = (name: string, work: (deps: Deps) => Promise<ExitCode>) =>
    runWithStore(io, `user ${name}`, async (store) => {
      await loadDefaultDirectory(store);
      return work({ store, clock: systemClock });
    });

  withFields(user.command("add").description("Add a user; prompts for the password (or reads it from stdin)"))
    .argument("<name>", "username")
    .option("--password <password>", "the password (visible in your shell history: prefer the prompt)")
    .option("--no-password", "no password: the user signs in with API tokens only")
    .action(async (name: string, options: FieldOptions & { password?: string | false }) =>
      done(
        await run("add", async (deps) => {
          const password = await passwordFrom(io, options.password, name);
          if (password === undefined) return 2;
          const created = await createUser(deps, SYSTEM_ACTING, { username: name, ...fieldsOf(options), password });
          await recordAudit(deps, {
            actor: SYSTEM_ACTOR,
            action: "user.create",
            target: created.username,
            detail: via,
          });
          io.stdout(`added ${describeUser(created)}`);
          return 0;
        }),
      ),
    );

  user
    .command("list")
    .description("List users")
    .option("--json", "as JSON")
    .action(async (options: { json?: boolean }) =>
      done(
        await run("list", async ({ store }) => {
          const users = await listUsers(store);
          if (options.json) io.stdout(JSON.stringify(users, null, 2));
          else for (const u of users) io.stdout(describeUser(u));
          return 0;
        }),
      ),
    );

  withFields(user.command("set").description("Change a user's fields (lists are replaced whole)"))
    .argument("<name>", "username")
    .action(async (name: string, options: FieldOptions) =>
      done(
        await run("set", async (deps) => {
          const fields = fieldsOf(options);
          const updated = await updateUser(deps, SYSTEM_ACTING, name, fields);
          const detail = { ...via, fields: Object.keys(fields) };
          await recordAudit(deps, { actor: SYSTEM_ACTOR, action: "user.update", target: updated.username, detail });
          io.stdout(`updated ${describeUser(updated)}`);
          return 0;
        }),
      ),
    );

  user
    .command("passwd")
    .description("Set a user's password (prompted, or read from stdin); ends their sessions")
    .argument("<name>", "username")
    .option("--password <password>", "the new password (visible in your shell history: prefer the prompt)")
    .option("--no-password", "remove the password: API tokens only")
    .action(async (name: string, options: { password?: string | false }) =>
      done(
        await run("passwd", async (deps) => {
          const password = await passwordFrom(io, options.password, name);
          if (password === undefined) return 2;
          const updated = await setPassword(deps, SYSTEM_ACTING, name, password);
          await recordAudit(deps, {
            actor: SYSTEM_ACTOR,
            action: "user.password",
            target: updated.username,
            detail: via,
          });
          io.stdout(
            password === null
              ? `removed the password of ${updated.username}`
              : `set the password of ${updated.username}`,
          );
          return 0;
        }),
      ),
    );

  user
    .command("token")
    .description("Mint an API token for a user; the token is printed once, on stdout")
    .argument("<name>", "username")
    .option("--label <label>", "what the token is for", "cli")
    .action(async (name: string, options: { label: string }) =>
      done(
        await run("token", async (deps) => {
          const token = await mintToken(deps, SYSTEM_ACTING, name, options.label);
          await recordAudit(deps, {
            actor: SYSTEM_ACTOR,
            action: "token.mint",
            target: name.toLowerCase(),
            detail: { ...via, tokenId: token.id },
          });
          io.stderr(
            `token ${token.id} (${token.label}) for ${name}; it is shown once: send it as Authorization: Bearer <token>`,
          );
          io.stdout(token.token);
          return 0;
        }),
      ),
    );

  user
    .command("tokens")
    .description("List a user's API tokens (never their secrets)")
    .argument("<name>", "username")
    .action(async (name: string) =>
      done(
        await run("tokens", async (deps) => {
          for (const t of await listTokens(deps, SYSTEM_ACTING, name)) {
            io.stdout(`${t.id}\t${t.label}\tcreated ${t.createdAt}\tlast used ${t.lastUsedAt ?? "never"}`);
          }
          return 0;
        }),
      ),
    );

  user
    .command("revoke-token")
    .description("Revoke one of a user's API tokens")
    .argument("<name>", "username")
    .argument("<id>", "token id, as `user tokens` lists")
    .action(async (name: string, id: string) =>
      done(
        await run("revoke-token", async (deps) => {
          await revokeToken(deps, SYSTEM_ACTING, name, id);
          await recordAudit(deps, {
            actor: SYSTEM_ACTOR,
            action: "token.revoke",
            target: name.toLowerCase(),
            detail: { ...via, tokenId: id },
          });
          io.stdout(`revoked token ${id} of ${name}`);
          return 0;
        }),
      ),
    );

  user
    .command("unthrottle")
    .description("Lift a user's sign-in throttles from every address, so they may sign in at once")
    .argument("<name>", "username")
    .action(async (name: string) =>
      done(
        await run("unthrottle", async (deps) => {
          const { user: lifted, addresses } = await unthrottleUser(deps, SYSTEM_ACTING, name);
          await recordAudit(deps, {
            actor: SYSTEM_ACTOR,
            action: "user.unthrottle",
            target: lifted.username,
            detail: { ...via, addresses },
          });
          io.stdout(`unthrottled ${lifted.username} (${addresses} address${addresses === 1 ? "" : "es"})`);
          return 0;
        }),
      ),
    );

  user
    .command("remove")
    .description("Remove a user with their sessions and tokens")
    .argument("<name>", "username")
    .action(async (name: string) =>
      done(
        await run("remove", async (deps) => {
          const removed = await removeUser(deps.store, SYSTEM_ACTING, name);
          await recordAudit(deps, {
            actor: SYSTEM_ACTOR,
            action: "user.remove",
            target: removed.username,
            detail: via,
          });
          io.stdout(`removed ${removed.username}`);
          return 0;
        }),
      ),
    );
};

function splitList(value: string | undefined): string[] | undefined {
  return value === undefined
    ? undefined
    : value
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean);
}

function fieldsOf(options: FieldOptions): Partial<UserFields> {
  const fields: Partial<UserFields> = {};
  if (options.clearance !== undefined) fields.clearance = options.clearance;
  if (options.caveats !== undefined) fields.accesses = splitList(options.caveats);
  if (options.lists !== undefined) fields.lists = splitList(options.lists);
  if (options.roles !== undefined) fields.roles = splitList(options.roles) as Role[];
  if (options.post !== undefined) fields.post = options.post === "" ? null : options.post;
  if (options.offices !== undefined) fields.offices = splitList(options.offices);
  return fields;
}

// --password X gives X, --no-password gives null, neither prompts (or reads stdin); undefined when nothing came.
async function passwordFrom(
  io: Io,
  option: string | false | undefined,
  name: string,
): Promise<string | null | undefined> {
  if (option === false) return null;
  if (typeof option === "string") return option;
  const secret = await readSecret(io, `Password for ${name}: `);
  if (secret === null || secret === "") {
    io.stderr(
      `cablegram user: no password for ${name}: type one at the prompt, pipe one line on stdin, or give --no-password`,
    );
    return undefined;
  }
  return secret;
}

/** One line per user: `alice SECRET roles=reader,drafter caveats=NOFORN lists=- post=STATE offices=EUR/SCE`. */
function describeUser(u: User): string {
  const list = (xs: string[]) => (xs.length > 0 ? xs.join(",") : "-");
  return (
    `${u.username} ${u.clearance} roles=${list(u.roles)} caveats=${list(u.accesses)} lists=${list(u.lists)} ` +
    `post=${u.post ?? "-"} offices=${list(u.offices)}${u.hasPassword ? "" : " (token-only)"}`
  );
}
