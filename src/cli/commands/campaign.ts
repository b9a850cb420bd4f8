// `cablegram campaign list|show|tally|position add` and `cablegram bloc list|members`: campaigns and blocs from the
// terminal, as the API gives them. The Kosovo recognition campaign is preloaded on first use, as the server does.
import type { Command } from "commander";
import { noPositionPredicate, parseCableId, positionPredicate, type EventSource } from "../../core/index.ts";
import { SYSTEM_ACTING } from "../../services/acting.ts";
import { SYSTEM_READER, type Reader } from "../../services/access/reader.ts";
import {
  blocMembersOn,
  campaignById,
  listBlocs,
  listCampaigns,
  preloadKosovoCampaign,
  recordPosition,
  tallyCampaign,
} from "../../services/campaigns/index.ts";
import { systemClock } from "../../services/clock.ts";
import { isCablegramError } from "../../services/errors.ts";
import { readerOf, type User } from "../../services/users/index.ts";
import type { Store } from "../../store/open-store.ts";
import { userOfOption } from "../as-user.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";

type AsOption = { as?: string; json?: boolean };

const deps = (store: Store) => ({ store, clock: systemClock });
const today = () => systemClock.now().toISOString().slice(0, 10);

/** Runs `work` as the `--as` user (or the system), with the preloaded campaign in place. */
function withCampaigns(
  io: Io,
  name: string,
  as: string | undefined,
  work: (store: Store, user: User | null, reader: Reader) => Promise<ExitCode>,
): Promise<ExitCode> {
  return runWithStore(io, name, async (store) => {
    const user = await userOfOption(store, io, name, as);
    if (user === undefined) return 2;
    await preloadKosovoCampaign(deps(store));
    return work(store, user, user ? readerOf(user) : SYSTEM_READER);
  });
}

/**
 * A `--source` value as an event source: `cable:ID` or a cable id, `un:SYMBOL`, anything else as text.
 * @example sourceOf("09STATE39345") // { kind: "cable", cableId: "09STATE39345" }
 * @example sourceOf("un:S/RES/1244") // { kind: "un_document", symbol: "S/RES/1244" }
 */
export function sourceOf(value: string): EventSource {
  const text = value.trim();
  if (/^cable:/i.test(text)) return { kind: "cable", cableId: text.slice(6).trim() };
  if (/^un:/i.test(text)) return { kind: "un_document", symbol: text.slice(3).trim() };
  if (parseCableId(text)) return { kind: "cable", cableId: text };
  return { kind: "text", text };
}

/** Registers `campaign` and `bloc`. */
export const campaignCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  const campaign = program.command("campaign").description("Campaigns: country positions and bloc tallies.");
  campaign
    .command("list")
    .description("List campaigns and their questions.")
    .option("--json", "as JSON")
    .action(async (args: AsOption) =>
      done(
        await withCampaigns(io, "campaign list", undefined, async (store) => {
          const campaigns = await listCampaigns(store);
          if (args.json) return (io.stdout(JSON.stringify(campaigns, null, 2)), 0);
          for (const c of campaigns) {
            io.stdout(`${c.id}  ${c.name}  (${c.office ?? "no office"}, from ${c.startsOn}, ${c.tags.join(" ")})`);
            for (const q of c.questions) io.stdout(`  question ${q.id}: ${q.title}`);
          }
          return 0;
        }),
      ),
    );
  campaign
    .command("show")
    .description("Show a campaign and the position events you may read.")
    .argument("<id>", "the campaign's id, e.g. kosovo-recognition")
    .option("--as <user>", "as this user, with their access")
    .option("--json", "as JSON")
    .action(async (id: string, args: AsOption) =>
      done(
        await withCampaigns(io, "campaign show", args.as, async (store, _user, reader) => {
          const c = await campaignById(store, reader, id);
          if (args.json) return (io.stdout(JSON.stringify(c, null, 2)), 0);
          io.stdout(`${c.name}: ${c.objective}`);
          for (const e of c.events) {
            const source = e.sources.map((s) =>
              s.kind === "cable" ? s.cableId : s.kind === "un_document" ? s.symbol : s.text,
            );
            io.stdout(
              `  ${e.effectiveOn}  ${e.country}  ${e.countryName.padEnd(24)} ${e.position.padEnd(22)} ${source[0] ?? ""}`,
            );
          }
          io.stdout(`${c.events.length} events`);
          return 0;
        }),
      ),
    );
  campaign
    .command("tally")
    .description("Count a bloc's members (or the world's) by position on a day.")
    .argument("<id>", "the campaign's id")
    .option("--question <id>", "the question (default: the campaign's first)")
    .option("--bloc <code>", "a bloc code (EU, NATO, G7, ...) or WORLD", "WORLD")
    .option("--as-of <date>", "the day to count on, YYYY-MM-DD (default: today)")
    .option("--known-on <date>", "count only what was recorded by this day")
    .option("--as <user>", "as this user, with their access")
    .option("--json", "as JSON")
    .addHelpText("after", "\nExample:\n  $ cablegram campaign tally kosovo-recognition --bloc EU --as-of 2009-04-07")
    .action(async (id: string, args: AsOption & { question?: string; bloc: string; asOf?: string; knownOn?: string }) =>
      done(
        await withCampaigns(io, "campaign tally", args.as, async (store, _user, reader) => {
          const t = await tallyCampaign(deps(store), reader, {
            campaignId: id,
            question: args.question,
            bloc: args.bloc,
            asOf: args.asOf,
            knownOn: args.knownOn,
          });
          if (args.json) return (io.stdout(JSON.stringify(t, null, 2)), 0);
          const known = t.knownOn ? `, as known on ${t.knownOn}` : "";
          io.stdout(`${t.question}: ${t.bloc} (${t.members.length} members) as of ${t.asOf}${known}`);
          for (const c of t.counts)
            io.stdout(
              `  ${String(c.count).padStart(3)} of ${t.members.length} ${positionPredicate(c.label, c.count)}: ${c.countries.join(" ")}`,
            );
          io.stdout(
            `  ${String(t.unknown.length).padStart(3)} of ${t.members.length} ${noPositionPredicate(t.unknown.length)}: ${t.unknown.join(" ")}`,
          );
          return 0;
        }),
      ),
    );
  const position = campaign.command("position").description("Record positions.");
  position
    .command("add")
    .description("Record a country's position on a campaign question (drafter, approver or admin).")
    .argument("<id>", "the campaign's id")
    .requiredOption("--question <id>", "the question's id")
    .requiredOption("--country <country>", "ISO code (FR, XK), TAGS code (tag:KV) or English name")
    .requiredOption("--position <code>", "a position code of the question's scale")
    .requiredOption("--effective <date>", "the day the position took effect, YYYY-MM-DD")
    .requiredOption("--source <source...>", "a cable id, un:SYMBOL or a text; repeat for several")
    .option("--confidence <level>", "confirmed, reported or unconfirmed", "reported")
    .option("--note <text>", "a note")
    .option("--as <user>", "as this user (their roles and access); the system when absent")
    .option("--json", "as JSON")
    .addHelpText(
      "after",
      "\nExample:\n  $ cablegram campaign position add kosovo-recognition --question kosovo-recognition --country tag:SR \\\n      --position does_not_recognize --effective 2009-04-07 --source 09STATE39345",
    )
    .action(
      async (
        id: string,
        args: AsOption & {
          question: string;
          country: string;
          position: string;
          effective: string;
          source: string[];
          confidence: "confirmed" | "reported" | "unconfirmed";
          note?: string;
        },
      ) =>
        done(
          await withCampaigns(io, "campaign position add", args.as, async (store, user, reader) => {
            const event = await recordPosition(deps(store), {
              by: user ?? SYSTEM_ACTING,
              reader,
              campaignId: id,
              position: {
                questionId: args.question,
                country: args.country,
                position: args.position,
                effectiveOn: args.effective,
                confidence: args.confidence,
                sources: args.source.map(sourceOf),
                note: args.note ?? null,
              },
            });
            if (args.json) return (io.stdout(JSON.stringify(event, null, 2)), 0);
            io.stdout(
              `recorded ${event.id}: ${event.countryName} ${event.position} from ${event.effectiveOn} (${event.classification})`,
            );
            return 0;
          }),
        ),
    );

  const bloc = program.command("bloc").description("Blocs and their dated membership.");
  bloc
    .command("list")
    .description("List the blocs with their number of members today.")
    .option("--json", "as JSON")
    .action((args: AsOption) => {
      const blocs = listBlocs(today());
      if (args.json) io.stdout(JSON.stringify(blocs, null, 2));
      else for (const b of blocs) io.stdout(`${b.code.padEnd(12)} ${String(b.memberCount).padStart(3)}  ${b.name}`);
      done(0);
    });
  bloc
    .command("members")
    .description("List a bloc's members on a day, with the source of each membership.")
    .argument("<code>", "the bloc's code, e.g. EU")
    .option("--as-of <date>", "YYYY-MM-DD (default: today)")
    .option("--json", "as JSON")
    .addHelpText("after", "\nExample:\n  $ cablegram bloc members EU --as-of 2009-04-07")
    .action((code: string, args: AsOption & { asOf?: string }) => {
      try {
        const members = blocMembersOn(code, args.asOf ?? today());
        if (args.json) io.stdout(JSON.stringify(members, null, 2));
        else {
          io.stdout(`${members.name} (${members.code}): ${members.members.length} members on ${members.asOf}`);
          for (const m of members.members)
            io.stdout(`  ${m.iso2}  ${m.name.padEnd(32)} since ${m.from ?? "founding"}  ${m.source}`);
        }
        done(0);
      } catch (error) {
        if (!isCablegramError(error)) throw error;
        io.stderr(`cablegram bloc members: ${error.code}: ${error.message}`);
        done(2);
      }
    });
};
