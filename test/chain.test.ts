// The hash chain of released cables, on SQLite and PostgreSQL: intact chains verify, and a single changed byte of
// any stored cable, a rewritten link or a forged signature is named.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import { join } from "node:path";
import { sql } from "kysely";
import {
  canonicalJson,
  chainPublicKey,
  checkSignature,
  fingerprintOf,
  KEY_FILE,
  publicKeyText,
  readTrust,
  TRUST_FILE,
  verifyChain,
} from "../src/services/chain/index.ts";
import { createDraft, releaseDraft } from "../src/services/workflow/index.ts";
import { alteredVerdict } from "./helpers/chain-verdict.ts";
import { DIALECTS } from "./helpers/test-stores.ts";
import { openWorkflowWorld, seedDraft, type WorkflowWorld } from "./helpers/workflow-world.ts";

describe("canonical JSON", () => {
  it("is the same for the same content whatever the key order, and differs for different content", () => {
    expect(canonicalJson({ b: [1, { d: null, c: "x" }], a: true })).toBe('{"a":true,"b":[1,{"c":"x","d":null}]}');
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
    expect(canonicalJson({ a: "1" })).not.toBe(canonicalJson({ a: 1 }));
  });
});

describe.each(DIALECTS)("%s: the chain of released cables", (dialect) => {
  let world: WorkflowWorld;
  const ids: string[] = [];

  async function modelOf(id: string): Promise<string> {
    const row = await world.store.db
      .selectFrom("cables as c")
      .innerJoin("cable_texts as t", "t.seq", "c.seq")
      .select("t.model")
      .where("c.id", "=", id)
      .executeTakeFirstOrThrow();
    return row.model;
  }
  async function setModel(id: string, model: string): Promise<void> {
    await sql`UPDATE cable_texts SET model = ${model} WHERE seq = (SELECT seq FROM cables WHERE id = ${id})`.execute(
      world.store.db,
    );
  }

  beforeAll(async () => {
    world = await openWorkflowWorld(dialect);
    const { dana, ada } = world.people;
    for (const seed of ["08STATE16245", "09STATE39345", "08STATE16245"] as const) {
      const { id } = await createDraft(world.deps, dana, seedDraft(seed));
      world.clock.advance(60_000);
      ids.push((await releaseDraft(world.deps, ada, id)).id);
    }
  });
  afterAll(() => world?.close());

  it("verifies an intact chain whose every link is signed by the installation key", async () => {
    const verdict = await verifyChain(world.store);
    expect(verdict).toMatchObject({ ok: true, links: 3 });
    const links = await world.store.db.selectFrom("chain_links").selectAll().orderBy("seq").execute();
    expect(links.map((l) => l.cable_id)).toEqual(ids);
    expect(verdict.ok && verdict.head).toBe(links[2]!.link_hash);
    const key = await chainPublicKey(world.store);
    expect(links.every((l) => checkSignature(key!, l.link_hash, l.signature))).toBe(true);
  });

  it("names the cable when any single character of its stored model is changed, and is intact once restored", async () => {
    const target = ids[1]!;
    const original = await modelOf(target);
    // Positions spread over the whole text: structure, keys, numbers and the body.
    const positions = Array.from({ length: 12 }, (_, i) => Math.floor(((i + 0.5) * original.length) / 12));
    for (const at of positions) {
      const flipped = String.fromCharCode(original.charCodeAt(at) ^ 1);
      await setModel(target, original.slice(0, at) + flipped + original.slice(at + 1));
      const verdict = await verifyChain(world.store);
      expect(verdict, `character ${at} (${JSON.stringify(original[at])})`).toMatchObject(alteredVerdict(target));
    }
    await setModel(target, original);
    expect(await verifyChain(world.store)).toMatchObject({ ok: true, links: 3 });
  });

  it("names the cable whose search columns no longer match it, then a rewritten link, then a forged signature", async () => {
    await sql`UPDATE cables SET subject = 'FORGED' WHERE id = ${ids[2]!}`.execute(world.store.db);
    expect(await verifyChain(world.store)).toMatchObject(alteredVerdict(ids[2], expect.stringContaining("subject")));
    await sql`UPDATE cables SET subject = ${await modelSubject(ids[2]!)} WHERE id = ${ids[2]!}`.execute(world.store.db);
    expect((await verifyChain(world.store)).ok).toBe(true);

    const first = await world.store.db
      .selectFrom("chain_links")
      .selectAll()
      .where("seq", "=", 1)
      .executeTakeFirstOrThrow();
    await sql`UPDATE chain_links SET cable_hash = ${"0".repeat(64)} WHERE seq = 1`.execute(world.store.db);
    expect(await verifyChain(world.store)).toMatchObject(alteredVerdict(ids[0]));
    await sql`UPDATE chain_links SET cable_hash = ${first.cable_hash} WHERE seq = 1`.execute(world.store.db);

    const forged = Buffer.from(first.signature, "base64");
    forged[0] = forged[0]! ^ 1;
    await sql`UPDATE chain_links SET signature = ${forged.toString("base64")} WHERE seq = 1`.execute(world.store.db);
    expect(await verifyChain(world.store)).toMatchObject(alteredVerdict(ids[0], expect.stringContaining("signature")));
    await sql`UPDATE chain_links SET signature = ${first.signature} WHERE seq = 1`.execute(world.store.db);
    expect((await verifyChain(world.store)).ok).toBe(true);
  });

  it("keeps the private key out of the database, in a 0600 file of the key folder, and pins it in the trust file", async () => {
    const rows = await world.store.db.selectFrom("instance_state").select(["key", "value"]).execute();
    expect(rows.filter((r) => r.key.includes("private") || r.value.includes("PRIVATE KEY"))).toEqual([]);
    const file = join(world.store.keys.dir!, KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const trust = readTrust(join(world.store.keys.dir!, TRUST_FILE))!;
    const key = (await chainPublicKey(world.store))!;
    expect(trust).toMatchObject({ publicKey: publicKeyText(key), fingerprint: fingerprintOf(key), links: 3 });
  });

  async function modelSubject(id: string): Promise<string> {
    return (JSON.parse(await modelOf(id)) as { subject: string }).subject;
  }
});
