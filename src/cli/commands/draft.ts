// `cablegram draft ...`: create, show, edit, discard drafts; make replies and corrections; ask for clearances;
// list what awaits you.
import { InvalidArgumentError, type Command } from "commander";
import { parseTelegram } from "../../telegram/index.ts";
import {
  correctionDraft,
  createDraft,
  discardDraft,
  DraftFieldsSchema,
  queueOf,
  readDraft,
  replyDraft,
  submitDraft,
  requestClearance,
  updateDraft,
  type DraftFields,
  type DraftFinding,
} from "../../services/workflow/index.ts";
import { CablegramError } from "../../services/errors.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runAsUser } from "../workflow-run.ts";

const HELP = `
A draft is the cable model less what release assigns (number, date-time group, transmission header). Give it as
JSON (what \`cablegram parse --json\` prints, plus optional "actionRequests") or as telegram text.

Examples:
  $ cablegram draft create demarche.json --as dana
  $ cablegram draft clearance 3f6c… IO/UNP --as dana
  $ cablegram clear 3f6c… --as erin --comment "IO/UNP clears"
  $ cablegram release 3f6c… --as ada
  $ cablegram draft reply 08STATE1 --as pat
  $ cablegram draft queue --as erin`;

type AsOption = { as?: string; json?: boolean };

/** Registers `draft` and its subcommands. */
export const draftCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  const draft = program
    .command("draft")
    .description("Draft cables: create, show, edit, discard, reply, correct; request clearances; your queue.")
    .addHelpText("after", HELP);
  const as = (c: Command) =>
    c.option("--as <user>", "act as this user (or set CABLEGRAM_USER)").option("--json", "print JSON");

  as(draft.command("create <file>").description("Create a draft from JSON or telegram text (- for stdin)")).action(
    async (file: string, o: AsOption) =>
      done(
        await runAsUser(io, "draft create", o.as, async (deps, user) =>
          saved(io, o, await createDraft(deps, user, await readFields(io, file))),
        ),
      ),
  );
  as(draft.command("show <id>").description("Show a draft: findings, clearances, history")).action(
    async (id: string, o: AsOption) =>
      done(
        await runAsUser(io, "draft show", o.as, async (deps, user) => {
          const d = await readDraft(deps.store, user, id);
          if (o.json) io.stdout(JSON.stringify(d, null, 2));
          else {
            io.stdout(
              `${d.id} ${d.status} ${d.originPost} revision ${d.revision}${d.releasedId ? ` -> ${d.releasedId}` : ""}`,
            );
            io.stdout(`SUBJECT: ${d.cable.subject ?? "(none)"}`);
            for (const c of d.clearances)
              io.stdout(`clearance ${c.id} ${c.kind} ${c.clearer} ${c.status}${c.comment ? `: ${c.comment}` : ""}`);
            printFindings(io, d.findings);
            for (const h of d.history) io.stdout(`${h.at} ${h.username ?? "(system)"} ${h.action}`);
          }
          return 0;
        }),
      ),
  );
  as(
    draft
      .command("edit <id> <file>")
      .description("Change a draft with the fields in a JSON file")
      .option(
        "--revision <n>",
        "refuse the change if the draft was saved since revision N (the one `draft show` printed)",
        positiveWhole,
      ),
  ).action(async (id: string, file: string, o: AsOption & { revision?: number }) =>
    done(
      await runAsUser(io, "draft edit", o.as, async (deps, user) => {
        const fields = await readFields(io, file);
        const options = o.revision === undefined ? {} : { expectedRevision: o.revision };
        return saved(io, o, await updateDraft(deps, user, id, fields, options));
      }),
    ),
  );
  as(draft.command("submit <id>").description("Submit a draft for approval by its post's approvers")).action(
    async (id: string, o: AsOption) =>
      done(
        await runAsUser(io, "draft submit", o.as, async (deps, user) => {
          const s = await submitDraft(deps, user, id);
          io.stdout(o.json ? JSON.stringify(s) : `submitted ${s.id} for approval at ${s.submittedAt}`);
          return 0;
        }),
      ),
  );
  as(draft.command("discard <id>").description("Discard an unreleased draft")).action(async (id: string, o: AsOption) =>
    done(
      await runAsUser(io, "draft discard", o.as, async (deps, user) => {
        await discardDraft(deps, user, id);
        io.stdout(`discarded ${id}`);
        return 0;
      }),
    ),
  );
  as(draft.command("reply <cable>").description("Make a reply draft: TO the originator, REF to the cable")).action(
    async (cable: string, o: AsOption) =>
      done(
        await runAsUser(io, "draft reply", o.as, async (deps, user) =>
          saved(io, o, await replyDraft(deps, user, cable)),
        ),
      ),
  );
  as(draft.command("correct <cable>").description("Make a correction draft of a cable released here")).action(
    async (cable: string, o: AsOption) =>
      done(
        await runAsUser(io, "draft correct", o.as, async (deps, user) =>
          saved(io, o, await correctionDraft(deps, user, cable)),
        ),
      ),
  );
  as(
    draft
      .command("clearance <id> <clearer>")
      .description("Ask an office (IO/UNP) or a user to clear the draft")
      .option("--optional", "release does not wait for it"),
  ).action(async (id: string, clearer: string, o: AsOption & { optional?: boolean }) =>
    done(
      await runAsUser(io, "draft clearance", o.as, async (deps, user) => {
        const c = await requestClearance(deps, user, id, { clearer, required: !o.optional });
        io.stdout(o.json ? JSON.stringify(c) : `clearance ${c.id} requested of ${c.kind} ${c.clearer}`);
        return 0;
      }),
    ),
  );
  as(draft.command("queue").description("What awaits you: clearances to give, submitted drafts to release")).action(
    async (o: AsOption) =>
      done(
        await runAsUser(io, "draft queue", o.as, async (deps, user) => {
          const q = await queueOf(deps.store, user);
          if (o.json) io.stdout(JSON.stringify(q, null, 2));
          for (const i of o.json ? [] : q.clearances)
            io.stdout(`clear   ${i.draftId} ${i.clearanceId} ${i.subject ?? ""}`);
          for (const i of o.json ? [] : q.approvals) {
            const pending = i.clearances.filter((c) => c.status !== "cleared").map((c) => c.clearer);
            const state = i.cleared ? "cleared" : `awaiting ${pending.join(", ")}`;
            io.stdout(`release ${i.draftId} ${i.drafter} submitted ${i.submittedAt ?? ""} ${state} ${i.subject ?? ""}`);
          }
          return 0;
        }),
      ),
  );
};

async function readFields(io: Io, file: string): Promise<DraftFields> {
  const text = await io.readText(file);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    value = parseTelegram(text);
  }
  const parsed = DraftFieldsSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join(".") || "(root)", message: i.message }));
    throw new CablegramError("INVALID_INPUT", `${file} is not a draft`, { issues });
  }
  return parsed.data;
}

function saved(io: Io, o: AsOption, result: { id: string; findings: DraftFinding[] }): ExitCode {
  // The id alone on its line: scripts take it with $(cablegram draft create ...).
  if (o.json) io.stdout(JSON.stringify(result, null, 2));
  else {
    io.stdout(result.id);
    printFindings(io, result.findings);
  }
  return 0;
}

/** Commander's parser of a whole number of 1 or more, with an error that says what it wanted. */
function positiveWhole(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`give a revision number (1, 2, ...), not ${value}`);
  return n;
}

/**
 * Prints findings one a line: `error unknown_addressee to[2]: ... (hint)`.
 * @example printFindings(io, findings)
 */
export function printFindings(io: Io, findings: DraftFinding[]): void {
  for (const f of findings) {
    const where = f.path
      .map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`))
      .join("")
      .replace(/^\./, "");
    io.stdout(`${f.severity} ${f.code} ${where}: ${f.message} (${f.hint})`);
  }
}
