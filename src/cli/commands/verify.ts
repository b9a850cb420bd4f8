// `cablegram verify`: checks the hash chain of the archive against the key and head the operator pinned, and names
// every cable, row or link altered.
import type { Command } from "commander";
import {
  publicKeyOf,
  readTrust,
  verifyChain,
  type ChainVerdict,
  type VerifyOptions,
} from "../../services/chain/index.ts";
import { CablegramError } from "../../services/errors.ts";
import type { ExitCode, Io } from "../io.ts";
import type { CommandModule } from "../main.ts";
import { runWithStore } from "../run-with-store.ts";

const HELP = `
Checks every link's hash and signature, the signed head, every archived cable's stored rows (classification,
caveats, captions' grants, search columns) against the cable as chained, and that every archived cable is chained.
The key and head are taken from the archive's trust file (keys/chain-trust.json in the data folder), written at the
first start: keep a copy of it off the machine, and give it here to check against that copy.

Exit 0 when intact and signed by the pinned key; 1 when anything was altered, or when no key is pinned (then a
forger's chain would look the same).

Examples:
  $ cablegram verify
  $ cablegram verify --head ~/cablegram-trust-copy.json
  $ cablegram verify --public-key MCowBQYDK2VwAyEA...
  $ cablegram verify --json`;

type VerifyFlags = { json?: boolean; publicKey?: string; head?: string };

/** Registers `verify`. */
export const verifyCommand: CommandModule = (program: Command, io: Io, done: (code: ExitCode) => void) => {
  program
    .command("verify")
    .description("Verify the hash chain, signatures and stored rows of every archived cable.")
    .option("--public-key <file|base64>", "the chain's public key to trust (a trust file, a PEM file, or base64)")
    .option("--head <file>", "a copy of the trust file: its head (and key) are checked instead of the archive's")
    .option("--json", "print the verdict as JSON")
    .addHelpText("after", HELP)
    .action(async (o: VerifyFlags) =>
      done(
        await runWithStore(io, "verify", async (store) => {
          const verdict = await verifyChain(store, await pinsOf(o, io));
          if (o.json) io.stdout(JSON.stringify(verdict));
          else for (const line of describe(verdict)) io.stdout(line);
          return verdict.ok ? 0 : 1;
        }),
      ),
    );
};

/** The key and head given on the command line; a --head file holding a key pins it too, unless --public-key does. */
async function pinsOf(o: VerifyFlags, io: Io): Promise<VerifyOptions> {
  const options: VerifyOptions = {};
  if (o.head) {
    const trust = readTrust(o.head);
    if (trust === null || trust.links === undefined) {
      throw new CablegramError("CHAIN_TRUST_INVALID", `${o.head} is not a chain trust file (no such file, or no head)`);
    }
    options.head = { head: { links: trust.links, head: trust.head ?? null }, from: o.head };
    if (trust.publicKey) options.publicKey = { key: publicKeyOf(trust.publicKey, o.head), from: o.head };
  }
  if (o.publicKey) {
    const text = await fileOrText(o.publicKey, io);
    const key = text.trim().startsWith("{") ? (readTrust(o.publicKey)?.publicKey ?? "") : text;
    options.publicKey = { key: publicKeyOf(key, o.publicKey), from: "--public-key" };
  }
  return options;
}

async function fileOrText(value: string, io: Io): Promise<string> {
  try {
    return await io.readText(value);
  } catch {
    return value;
  }
}

/** The verdict in a few lines: one for an intact chain, one per problem otherwise. */
function describe(v: ChainVerdict): string[] {
  const what = `${v.cables} cables in ${v.links} links, head ${v.head ?? "(empty)"}`;
  if (v.status === "intact")
    return [`chain intact: ${what}, signed by the pinned key ${v.fingerprint} (${v.pinnedBy})`];
  if (v.status === "unvouched") {
    return [
      `chain consistent: ${what}; but no key is pinned, so verify cannot vouch for the key ${v.fingerprint ?? "(none)"} ` +
        "that signed it (anyone who can write the database could have re-signed it): give --public-key or --head " +
        "with your copy of keys/chain-trust.json",
    ];
  }
  const count = v.problems.length + v.more;
  return [
    `ALTERED: ${count} problem${count === 1 ? "" : "s"} in a chain of ${what}`,
    ...v.problems.map((p) => `  ${p.cableId && !p.reason.startsWith(p.cableId) ? `${p.cableId}: ` : ""}${p.reason}`),
    ...(v.more > 0 ? [`  (and ${v.more} more)`] : []),
  ];
}
