// The story `npm run demo:sites` tells by itself once its nodes listen: headquarters releases seed 08STATE16245's
// NIACT demarche (through the API, as a person would); it arrives at Panama's own node, which alerts its duty
// officer; Panama releases a short reply citing it; the reply arrives back at headquarters. Each step is printed
// with the hops the copies took, and the pages that show them. What was released is kept in story.json under the
// data folder, so a second start follows the same cables instead of releasing again.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { TrackedCopy } from "../src/services/sites/site-traffic.ts";
import { parseTelegram } from "../src/telegram/index.ts";
import { draftOf } from "../test/helpers/draft-body.ts";

/** A node of the story: its address and its admin's password. */
export type StoryNode = { site: string; url: string; password: string };

type Story = { demarche?: string; reply?: string };

/** The duty officer the demo puts on Panama's roster; signs in with Panama's admin password. */
export const PANAMA_DUTY = "duty-panama";

const WAIT_MS = 60_000;

/**
 * Runs the story between `state` and `panama`, printing each step through `say`; resolves once the reply is back
 * at headquarters. Throws with what it was waiting for when a step takes longer than a minute.
 * @example await tellDemarcheStory({ state, panama, dir: "data/sites", seed: "examples/08STATE16245.txt", say: console.log })
 */
export async function tellDemarcheStory(options: {
  state: StoryNode;
  panama: StoryNode;
  dir: string;
  seed: string;
  say: (line: string) => void;
}): Promise<void> {
  const { state, panama, say } = options;
  const file = join(options.dir, "story.json");
  const story: Story = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Story) : {};
  const keep = () => writeFileSync(file, JSON.stringify(story, null, 2));
  const hq = await signedIn(state, "admin");
  const postAdmin = await signedIn(panama, "admin");

  // Panama's duty officer, on its own node's roster: the one its NIACT alert goes to.
  await postAdmin.call(
    "POST",
    "/api/users",
    {
      username: PANAMA_DUTY,
      password: panama.password,
      roles: ["reader", "drafter", "approver", "communicator"],
      clearance: "SECRET",
      post: "PANAMA",
    },
    [409],
  );
  await postAdmin.call("PUT", "/api/duty-officers/PANAMA", { username: PANAMA_DUTY });
  const duty = await signedIn(panama, PANAMA_DUTY);

  say("");
  if (story.demarche) {
    say(`1. ${story.demarche} was released at STATE on an earlier start; following it again.`);
  } else {
    const draft = await hq.call<{ id: string }>(
      "POST",
      "/api/drafts",
      draftOf(parseTelegram(readFileSync(options.seed, "utf8"))),
    );
    const released = await hq.call<{ id: string }>("POST", `/api/drafts/${draft.id}/release`, {});
    story.demarche = released.id;
    keep();
    say(
      `1. STATE released ${released.id}, seed 08STATE16245's demarche: NIACT IMMEDIATE to AMEMBASSY PANAMA (and four`,
    );
    say("   other action posts), IMMEDIATE to nine info addressees, AMEMBASSY PARIS among them.");
  }
  const demarche = story.demarche;

  await until(
    `${demarche} arrives at PANAMA's node`,
    async () => (await duty.status(`/api/cables/${demarche}`)) === 200,
  );
  const alerts = await until(`PANAMA raises its NIACT alert on ${demarche}`, async () => {
    const { items } = await duty.call<{ items: { kind: string; precedence: string; outcome: string }[] }>(
      "GET",
      `/api/alerts?post=PANAMA&cable=${demarche}`,
    );
    return items.length > 0 ? items : null;
  });
  const outcome = alerts[0]!.outcome === "sent" ? "sent to them" : alerts[0]!.outcome.replace(/_/g, " ");
  say(`2. ${demarche} is stored at PANAMA's own node and in its inbox; PANAMA raised its own ${alerts[0]!.precedence}`);
  say(`   alert for its duty officer, ${PANAMA_DUTY} (${outcome}).`);
  const toPanama = await until(`STATE hears ${demarche} reached PANAMA's inbox`, async () => {
    const { items } = await hq.call<{ items: TrackedCopy[] }>("GET", `/api/cables/${demarche}/tracking`);
    const copy = items.find((c) => c.site === "PANAMA");
    return copy?.deliveredAt ? copy : null;
  });
  say(`   STATE's tracking of the copy to PANAMA: ${hops(toPanama)}`);

  if (story.reply) {
    say(`3. PANAMA replied with ${story.reply} on an earlier start.`);
  } else {
    const draft = await duty.call<{ id: string }>("POST", `/api/cables/${demarche}/reply`, {});
    await duty.call("PATCH", `/api/drafts/${draft.id}`, {
      tags: ["UNSC", "PREL", "KV"],
      signers: ["AMBASSADOR"],
      paragraphs: [
        { number: 1, marking: "U", text: "Post delivered reftel demarche to the Foreign Ministry on February 17." },
        { number: 2, marking: "U", text: "Panama will consider the points before the Security Council meets." },
      ],
    });
    const released = await duty.call<{ id: string }>("POST", `/api/drafts/${draft.id}/release`, {});
    story.reply = released.id;
    keep();
    say(`3. PANAMA's duty officer released ${released.id} to SECSTATE WASHDC: REF ${demarche}, its reply.`);
  }
  const reply = story.reply;
  await until(`${reply} arrives back at STATE`, async () => (await hq.status(`/api/cables/${reply}`)) === 200);
  const toState = await until(`PANAMA hears ${reply} reached STATE's inbox`, async () => {
    const { items } = await duty.call<{ items: TrackedCopy[] }>("GET", `/api/cables/${reply}/tracking`);
    const copy = items.find((c) => c.site === "STATE");
    return copy?.deliveredAt ? copy : null;
  });
  say(`4. ${reply} is back at STATE, in SECSTATE WASHDC's inbox. PANAMA's tracking: ${hops(toState)}`);
  say("");
  say(`Each hop, on the pages (sign in as admin at STATE, as ${PANAMA_DUTY} or admin at PANAMA):`);
  say(`  the demarche at STATE, with its tracking per site: ${state.url}/cables/${demarche}`);
  say(`  STATE's communicator page (traffic to the other sites): ${state.url}/sites`);
  say(`  the demarche and its alert at PANAMA:                 ${panama.url}/cables/${demarche}`);
  say(`  the reply at PANAMA, with its tracking to STATE:      ${panama.url}/cables/${reply}`);
}

/** A copy's hops in one line. */
function hops(copy: TrackedCopy): string {
  const time = (iso: string | null) => (iso ? iso.slice(11, 23) + "Z" : "—");
  return [
    `queued ${time(copy.queuedAt)}`,
    `in transit ${time(copy.sentAt)}`,
    `stored ${time(copy.storedAt)}`,
    `in the inbox ${time(copy.deliveredAt)}`,
  ].join(", ");
}

type Client = {
  call<T = unknown>(method: string, path: string, body?: unknown, tolerated?: number[]): Promise<T>;
  status(path: string): Promise<number>;
};

async function signedIn(node: StoryNode, username: string): Promise<Client> {
  const session = await fetch(`${node.url}/api/session`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: node.password }),
  });
  if (!session.ok) throw new Error(`cannot sign in as ${username} at ${node.site}: ${await session.text()}`);
  const cookie = (session.headers.get("set-cookie") ?? "").split(";")[0]!;
  const request = (method: string, path: string, body?: unknown) =>
    fetch(node.url + path, {
      method,
      headers: { cookie, ...(method === "GET" ? {} : { "content-type": "application/json" }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  return {
    async call<T>(method: string, path: string, body?: unknown, tolerated: number[] = []): Promise<T> {
      const response = await request(method, path, body);
      if (!response.ok && !tolerated.includes(response.status)) {
        throw new Error(`${method} ${path} at ${node.site}: ${response.status} ${await response.text()}`);
      }
      return (response.headers.get("content-type") ?? "").includes("json")
        ? ((await response.json()) as T)
        : (undefined as T);
    },
    async status(path: string) {
      const response = await request("GET", path);
      await response.arrayBuffer();
      return response.status;
    },
  };
}

/** Polls `check` until it answers something truthy; throws naming `what` after a minute. */
async function until<T>(what: string, check: () => Promise<T | null | false>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting a minute until ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
