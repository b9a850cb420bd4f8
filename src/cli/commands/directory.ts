// `cablegram directory ...`: list, add and remove posts, offices and collectives, and collective members.
import type { Command } from "commander";
import {
  addCollective,
  addCollectiveMember,
  addOffice,
  addPost,
  listCollectives,
  listOffices,
  listPosts,
  loadDefaultDirectory,
  removeCollective,
  removeCollectiveMember,
  removeOffice,
  removePost,
  type Collective,
  type Office,
  type Post,
  type PostKind,
} from "../../services/directory/index.ts";
import type { Store } from "../../store/open-store.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";
import { SYSTEM_ACTING } from "../../services/acting.ts";

const HELP = `
The directory starts as the posts, routing indicators, offices and collectives seen in the seeds and the corpus
(loaded on first use), every embassy, consulate and mission with its usual sections (FO, POL, ECON, CONS, MGT,
PAS, RSO, DAO). Posts are named by PLAD (AMEMBASSY PARIS) or by station (PARIS) wherever one is expected; offices
are keyed per post, so every embassy has its own POL.

Examples:
  $ cablegram directory post list --country FR
  $ cablegram directory post add "AMCONSUL LYON" --ri RUEHLY
  $ cablegram directory office list --post PANAMA
  $ cablegram directory office add EUR/SCE --name "Office of South Central European Affairs" --post STATE
  $ cablegram directory office remove DAO --post PANAMA
  $ cablegram directory collective add "NATO CAPITALS" --members PARIS,BERLIN,ROME
  $ cablegram directory collective add-member "NATO CAPITALS" LONDON`;

/** Registers `directory` and its subcommands. */
export const directoryCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  const directory = program
    .command("directory")
    .description("Manage the directory: posts, offices, collectives.")
    .addHelpText("after", HELP);
  const run = (name: string, work: (store: Store) => Promise<ExitCode>) =>
    runWithStore(io, `directory ${name}`, async (store) => {
      await loadDefaultDirectory(store);
      return work(store);
    });
  const print = <T>(json: boolean | undefined, items: T[], line: (item: T) => string) => {
    if (json) io.stdout(JSON.stringify(items, null, 2));
    else for (const item of items) io.stdout(line(item));
    return 0 as const;
  };

  const post = directory
    .command("post")
    .description("Posts: embassies, consulates, missions, headquarters, agencies, commands");
  post
    .command("list")
    .option("--kind <kind>", "embassy, consulate, mission, headquarters, agency or military")
    .option("--country <code>", "FIPS 10-4 country code, e.g. FR")
    .option("--json", "as JSON")
    .action(async (o: { kind?: PostKind; country?: string; json?: boolean }) =>
      done(await run("post list", async (store) => print(o.json, await listPosts(store, o), postLine))),
    );
  post
    .command("add")
    .argument("<plad>", 'plain-language address, e.g. "AMEMBASSY PARIS"')
    .option("--station <station>", "station as cables are numbered (default: from the PLAD)")
    .option("--ri <ri>", "routing indicator, e.g. RUEHFR")
    .option("--country <code>", "FIPS 10-4 country code (default: from the city)")
    .option("--kind <kind>", "embassy, consulate, mission, headquarters, agency or military (default: from the PLAD)")
    .option("--tz <zone>", "IANA time zone, e.g. Europe/Paris (default: from the city)")
    .action(
      async (name: string, o: { station?: string; ri?: string; country?: string; kind?: PostKind; tz?: string }) =>
        done(
          await run("post add", async (store) => {
            const added = await addPost(store, SYSTEM_ACTING, {
              name,
              ...(o.station !== undefined && { station: o.station }),
              ...(o.ri !== undefined && { routingIndicator: o.ri }),
              ...(o.country !== undefined && { country: o.country }),
              ...(o.kind !== undefined && { kind: o.kind }),
              ...(o.tz !== undefined && { timeZone: o.tz }),
            });
            io.stdout(`added ${postLine(added)}`);
            return 0;
          }),
        ),
    );
  post
    .command("remove")
    .argument("<post>", "PLAD or station")
    .action(async (ref: string) =>
      done(
        await run(
          "post remove",
          async (store) => (io.stdout(`removed ${postLine(await removePost(store, SYSTEM_ACTING, ref))}`), 0),
        ),
      ),
    );

  const office = directory.command("office").description("Offices inside posts: EUR/SCE at STATE, POL at PANAMA");
  office
    .command("list")
    .option("--post <post>", "only this post's offices")
    .option("--json", "as JSON")
    .action(async (o: { post?: string; json?: boolean }) =>
      done(await run("office list", async (store) => print(o.json, await listOffices(store, o), officeLine))),
    );
  office
    .command("add")
    .argument("<code>", "office code, e.g. EUR/SCE")
    .option("--name <name>", "what the office is called")
    .option("--post <post>", "the post it belongs to (PLAD or station)")
    .action(async (code: string, o: { name?: string; post?: string }) =>
      done(
        await run(
          "office add",
          async (store) => (io.stdout(`added ${officeLine(await addOffice(store, SYSTEM_ACTING, { code, ...o }))}`), 0),
        ),
      ),
    );
  office
    .command("remove")
    .argument("<code>", "office code")
    .option("--post <post>", "the post whose office it is (PLAD or station); needed when several posts have it")
    .action(async (code: string, o: { post?: string }) =>
      done(
        await run(
          "office remove",
          async (store) => (
            io.stdout(`removed ${officeLine(await removeOffice(store, SYSTEM_ACTING, code, o.post))}`),
            0
          ),
        ),
      ),
    );

  const collective = directory.command("collective").description("Collectives: named sets of posts");
  collective
    .command("list")
    .option("--json", "as JSON")
    .action(async (o: { json?: boolean }) =>
      done(await run("collective list", async (store) => print(o.json, await listCollectives(store), collectiveLine))),
    );
  collective
    .command("add")
    .argument("<name>", 'e.g. "NATO CAPITALS"')
    .option("--ri <ri>", "routing indicator")
    .option("--members <posts>", "member posts, comma-separated (PLAD or station)")
    .action(async (name: string, o: { ri?: string; members?: string }) =>
      done(
        await run("collective add", async (store) => {
          const members =
            o.members
              ?.split(",")
              .map((m) => m.trim())
              .filter(Boolean) ?? [];
          const added = await addCollective(store, SYSTEM_ACTING, { name, routingIndicator: o.ri ?? null, members });
          io.stdout(`added ${collectiveLine(added)}`);
          return 0;
        }),
      ),
    );
  collective
    .command("remove")
    .argument("<name>", "collective name")
    .action(async (name: string) =>
      done(
        await run(
          "collective remove",
          async (store) => (
            io.stdout(`removed ${collectiveLine(await removeCollective(store, SYSTEM_ACTING, name))}`),
            0
          ),
        ),
      ),
    );
  collective
    .command("add-member")
    .argument("<collective>", "collective name")
    .argument("<post>", "PLAD or station")
    .action(async (name: string, ref: string) =>
      done(
        await run(
          "collective add-member",
          async (store) => (io.stdout(collectiveLine(await addCollectiveMember(store, SYSTEM_ACTING, name, ref))), 0),
        ),
      ),
    );
  collective
    .command("remove-member")
    .argument("<collective>", "collective name")
    .argument("<post>", "PLAD or station")
    .action(async (name: string, ref: string) =>
      done(
        await run(
          "collective remove-member",
          async (store) => (
            io.stdout(collectiveLine(await removeCollectiveMember(store, SYSTEM_ACTING, name, ref))),
            0
          ),
        ),
      ),
    );
};

function postLine(p: Post): string {
  return [p.name, p.station ?? "-", p.routingIndicator ?? "-", p.country ?? "-", p.kind, p.timeZone ?? "-"].join("\t");
}

function officeLine(o: Office): string {
  return [o.code, o.post ?? "-", o.name ?? "-"].join("\t");
}

function collectiveLine(c: Collective): string {
  const members = c.members.length > 0 ? `${c.members.length} members: ${c.members.join(", ")}` : "empty";
  return `${c.name}\t${c.routingIndicator ?? "-"}\t${members}${c.derivation ? `\t(${c.derivation})` : ""}`;
}
