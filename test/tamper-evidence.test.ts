// The attacks on tamper evidence that only a database writer can make, each shown failing verify with what was
// altered named: a chain re-signed with a key of the attacker's own, the newest link deleted, an imported cable's
// classification changed, a released cable's caveat rows deleted, a cable added behind Cablegram's back. And the
// signing key is never in the database. On SQLite and PostgreSQL.
import { generateKeyPairSync } from "node:crypto";
import { readFileSync, statSync, unlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cableRecordOf } from "../src/services/archive/cable-record-of.ts";
import { decodeModel, encodeModel } from "../src/services/archive/archived-cable.ts";
import {
  cableHash,
  fingerprintOf,
  KEY_FILE,
  linkHash,
  prepareChain,
  publicKeyText,
  signingKey,
  signLink,
  TRUST_FILE,
  verifyChain,
  type SigningKey,
} from "../src/services/chain/index.ts";
import { writeSignedHead } from "../src/services/chain/signed-head.ts";
import { importPaths } from "../src/services/import/index.ts";
import { createUser } from "../src/services/users/create-user.ts";
import { createDraft, releaseDraft } from "../src/services/workflow/index.ts";
import { writeCableRecords } from "../src/store/cable-writes.ts";
import type { Store } from "../src/store/open-store.ts";
import { alteredVerdict } from "./helpers/chain-verdict.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { openWorkflowWorld, seedDraft, type WorkflowWorld } from "./helpers/workflow-world.ts";
import { SYSTEM_ACTING } from "../src/services/acting.ts";

const EXAMPLES = resolve(import.meta.dirname, "../examples");
/** The imported seed, CONFIDENTIAL. */
const IMPORTED = "09STATE39345";

/** An archive of the two example telegrams, imported, then two released cables, the second NOFORN. */
async function archiveWorld(dialect: (typeof DIALECTS)[number]) {
  const world = await openWorkflowWorld(dialect);
  await importPaths(world.store, [EXAMPLES]);
  const nora = await createUser(world.deps, SYSTEM_ACTING, {
    username: "nora",
    roles: ["reader", "drafter", "approver"],
    clearance: "SECRET",
    accesses: ["NOFORN"],
    post: "STATE",
  });
  const released: string[] = [];
  for (const caveats of [undefined, ["NOFORN"]]) {
    const fields = caveats ? { ...seedDraft("09STATE39345"), caveats } : seedDraft("08STATE16245");
    const { id } = await createDraft(world.deps, nora, fields);
    world.clock.advance(60_000);
    released.push((await releaseDraft(world.deps, nora, id)).id);
  }
  return { world, plain: released[0]!, noforn: released[1]! };
}

function attackerKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return { privateKey, publicKey, fingerprint: fingerprintOf(publicKey) };
}

/** What an attacker who can write the database does: rewrite a released cable, recompute every hash, re-sign. */
async function forgeWithOwnKey(store: Store, cableId: string, key: SigningKey): Promise<void> {
  const row = await store.db
    .selectFrom("cables as c")
    .innerJoin("cable_texts as t", "t.seq", "c.seq")
    .select(["c.seq", "t.model"])
    .where("c.id", "=", cableId)
    .executeTakeFirstOrThrow();
  const forged = { ...decodeModel(row.model), subject: "FORGED SUBJECT" };
  await store.db
    .updateTable("cable_texts")
    .set({ model: encodeModel(forged) })
    .where("seq", "=", row.seq)
    .execute();
  await store.db.updateTable("cables").set({ subject: forged.subject }).where("id", "=", cableId).execute();
  const links = await store.db.selectFrom("chain_links").selectAll().orderBy("seq").execute();
  let prev = links[0]!.prev_hash;
  for (const link of links) {
    const hashed = link.cable_id === cableId ? cableHash(forged) : link.cable_hash;
    const fields = { seq: Number(link.seq), cableId: link.cable_id, version: Number(link.version), cableHash: hashed };
    const hash = linkHash({ ...fields, prevHash: prev });
    await store.db
      .updateTable("chain_links")
      .set({ cable_hash: hashed, prev_hash: prev, link_hash: hash, signature: signLink(key, hash) })
      .where("seq", "=", link.seq)
      .execute();
    prev = hash;
  }
  const publicPem = key.publicKey.export({ type: "spki", format: "pem" }).toString();
  await store.db
    .updateTable("instance_state")
    .set({ value: publicPem })
    .where("key", "=", "chain.ed25519.public")
    .execute();
  await writeSignedHead(store.db, key, { links: links.length, head: prev });
}

async function seqOf(store: Store, id: string): Promise<number> {
  const row = await store.db.selectFrom("cables").select("seq").where("id", "=", id).executeTakeFirstOrThrow();
  return Number(row.seq);
}

describe.each(DIALECTS)("%s: tamper evidence a database writer cannot forge", (dialect) => {
  let world: WorkflowWorld | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it("chains imported and released cables alike, and verifies them intact against the pinned key", async () => {
    const built = await archiveWorld(dialect);
    world = built.world;
    const verdict = await verifyChain(world.store);
    expect(verdict).toMatchObject({ ok: true, status: "intact", links: 3, cables: 4, problems: [] });
    expect(verdict.pinnedBy).toBe(join(world.store.keys.dir!, TRUST_FILE));
    const batch = await world.store.db.selectFrom("chain_cables").select("cable_id").orderBy("cable_id").execute();
    expect(batch.map((b) => b.cable_id)).toEqual(["08STATE16245", IMPORTED]);
  });

  it("keeps the signing key out of the database, in a file only its owner may read", async () => {
    world = (await archiveWorld(dialect)).world;
    const state = await world.store.db.selectFrom("instance_state").select(["key", "value"]).execute();
    expect(state.filter((r) => /private/i.test(r.key) || r.value.includes("PRIVATE KEY"))).toEqual([]);
    expect(statSync(join(world.store.keys.dir!, KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it("fails a cable rewritten, its hashes recomputed and the chain re-signed with another key: not the pinned key", async () => {
    const built = await archiveWorld(dialect);
    world = built.world;
    await forgeWithOwnKey(world.store, built.plain, attackerKey());
    const verdict = await verifyChain(world.store);
    expect(verdict).toMatchObject(alteredVerdict(null, expect.stringContaining("not the pinned key")));
    expect(verdict).toMatchObject(alteredVerdict(built.plain, expect.stringContaining("signature does not check")));
  });

  it("says it cannot vouch for a consistent chain when no key is pinned, and fails it against the operator's key", async () => {
    const built = await archiveWorld(dialect);
    world = built.world;
    const trustFile = join(world.store.keys.dir!, TRUST_FILE);
    const trust = JSON.parse(readFileSync(trustFile, "utf8")) as { publicKey: string };
    const genuine = (await signingKey(world.store)).publicKey;
    expect(trust.publicKey).toBe(publicKeyText(genuine));
    await forgeWithOwnKey(world.store, built.plain, attackerKey());
    unlinkSync(trustFile);
    expect(await verifyChain(world.store)).toMatchObject({ ok: false, status: "unvouched", problems: [] });
    const pinned = await verifyChain(world.store, { publicKey: { key: genuine, from: "--public-key" } });
    expect(pinned).toMatchObject(alteredVerdict(null, expect.stringContaining("not the pinned key")));
  });

  it("fails when the newest link is deleted, naming the deleted link and its cable, even with the signed head gone too", async () => {
    const built = await archiveWorld(dialect);
    world = built.world;
    await world.store.db.deleteFrom("chain_links").where("seq", "=", 3).execute();
    expect(await verifyChain(world.store)).toMatchObject(
      alteredVerdict(null, "the chain ends at link 2, but its signed head counts 3 links: link 3 was deleted"),
    );
    await world.store.db.deleteFrom("instance_state").where("key", "=", "chain.head").execute();
    const verdict = await verifyChain(world.store);
    expect(verdict).toMatchObject(
      alteredVerdict(
        null,
        expect.stringMatching(/ends at link 2, but .*chain-trust\.json records 3 links: link 3 was deleted/),
      ),
    );
    expect(verdict).toMatchObject(alteredVerdict(built.noforn, expect.stringContaining("in no chain link")));
  });

  it("fails an imported cable whose classification was changed in the cables row, naming the cable and the field", async () => {
    world = (await archiveWorld(dialect)).world;
    await world.store.db
      .updateTable("cables")
      .set({ classification: "UNCLASSIFIED", class_rank: 0 })
      .where("id", "=", IMPORTED)
      .execute();
    expect(await verifyChain(world.store)).toMatchObject(
      alteredVerdict(
        IMPORTED,
        `${IMPORTED}: classification in the cables row is UNCLASSIFIED, the chained cable says CONFIDENTIAL`,
      ),
    );
  });

  it("fails an imported cable whose declassification row was lowered to show it in more due lists, naming it", async () => {
    world = (await archiveWorld(dialect)).world;
    const seq = await seqOf(world.store, IMPORTED);
    await world.store.db.updateTable("cable_declass").set({ class_rank: 0 }).where("seq", "=", seq).execute();
    expect(await verifyChain(world.store)).toMatchObject(
      alteredVerdict(IMPORTED, `${IMPORTED}: class_rank in the cable_declass row is 0, the chained cable says 2`),
    );
  });

  it("fails a released cable whose caveat rows were deleted, naming it", async () => {
    const built = await archiveWorld(dialect);
    world = built.world;
    const seq = await seqOf(world.store, built.noforn);
    await world.store.db.deleteFrom("cable_caveats").where("seq", "=", seq).execute();
    expect(await verifyChain(world.store)).toMatchObject(
      alteredVerdict(
        built.noforn,
        `${built.noforn}: caveats in the cable_caveats rows are (none), the chained cable says NOFORN`,
      ),
    );
  });

  it("fails a cable added behind Cablegram's back until a start chains it, then verifies", async () => {
    world = (await archiveWorld(dialect)).world;
    const cable = {
      ...decodeModel(
        (
          await world.store.db
            .selectFrom("cable_texts")
            .select("model")
            .where("model", "!=", "")
            .executeTakeFirstOrThrow()
        ).model,
      ),
      id: "08STATE99999",
    };
    await writeCableRecords(world.store, [cableRecordOf(cable, null, "test", new Date().toISOString())]);
    expect(await verifyChain(world.store)).toMatchObject(
      alteredVerdict("08STATE99999", expect.stringContaining("in no chain link")),
    );
    expect(await prepareChain(world.store)).toMatchObject({ chained: 1, trustCreated: false });
    expect(await verifyChain(world.store)).toMatchObject({ ok: true, links: 4, cables: 5 });
  });

  it("moves a signing key an older installation kept in the database out into the key file, and still verifies", async () => {
    world = (await archiveWorld(dialect)).world;
    const keyFile = join(world.store.keys.dir!, KEY_FILE);
    const pem = readFileSync(keyFile, "utf8");
    await world.store.db.insertInto("instance_state").values({ key: "chain.ed25519.private", value: pem }).execute();
    unlinkSync(keyFile);
    // A new start: a store of the same archive that has not read the key yet.
    const restarted = { ...world.store, keys: { ...world.store.keys } };
    await signingKey(restarted);
    expect(readFileSync(keyFile, "utf8")).toBe(pem);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const left = await restarted.db
      .selectFrom("instance_state")
      .select("key")
      .where("key", "=", "chain.ed25519.private")
      .execute();
    expect(left).toEqual([]);
    expect(await verifyChain(restarted)).toMatchObject({ ok: true, status: "intact", links: 3 });
  });
});
