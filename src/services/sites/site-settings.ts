// How a node learns it is a site: CABLEGRAM_SITE names it; without it the node is the one-node system and never
// touches NATS. A bad value stops the node before it opens the archive, with one line saying how to fix it.
import { isSiteName, parseSitePlan, type SitePlan } from "../../core/sites.ts";
import { CablegramError } from "../errors.ts";
import { numberFromEnv } from "../number-setting.ts";

/** What a site node needs to reach the others. */
export type SiteSettings = {
  plan: SitePlan;
  /** The node's own JetStream domain's server (its leaf node): `nats://127.0.0.1:4222`. */
  natsUrl: string;
  /** The node's credentials on that server; unset when it needs none. */
  user?: string;
  password?: string;
  /** How long a copy taken but not acknowledged waits before JetStream offers it again. */
  ackWaitMs: number;
  /** Real milliseconds between passes over the outbox and the other sites' consumers (a backstop for bells). */
  pollMs: number;
  /** How long releases wait, after the node starts, for the other sites to answer its hello; default 10 s. */
  resyncWaitMs?: number;
};

const DEFAULT_NATS_URL = "nats://127.0.0.1:4222";

/**
 * Reads the site settings, or null when CABLEGRAM_SITE is unset (one node, no NATS). CABLEGRAM_SITES lists the
 * network (`STATE,PANAMA,PARIS:PARIS+MARSEILLE`, headquarters first or named by CABLEGRAM_HQ); CABLEGRAM_NATS_URL,
 * CABLEGRAM_NATS_USER and CABLEGRAM_NATS_PASSWORD reach the node's own NATS server. Throws SETTING_INVALID.
 * @example siteSettingsFromEnv({ CABLEGRAM_SITE: "PANAMA", CABLEGRAM_SITES: "STATE,PANAMA" })!.plan.hq // "STATE"
 */
export function siteSettingsFromEnv(env: NodeJS.ProcessEnv): SiteSettings | null {
  const here = env.CABLEGRAM_SITE?.trim().toUpperCase();
  if (!here) return null;
  if (!isSiteName(here)) {
    throw invalid("CABLEGRAM_SITE", here, "a site name: letters and digits, a letter first, such as PANAMA");
  }
  let plan: SitePlan;
  try {
    plan = parseSitePlan(here, env.CABLEGRAM_SITES?.trim() || `STATE,${here}`, env.CABLEGRAM_HQ?.trim() || undefined);
  } catch (error) {
    throw invalid(
      "CABLEGRAM_SITES",
      env.CABLEGRAM_SITES ?? "",
      `a list such as STATE,PANAMA,PARIS (${String((error as Error).message)})`,
    );
  }
  const ackWait = numberFromEnv(env, {
    variable: "CABLEGRAM_SITE_ACK_WAIT_SECONDS",
    min: 1,
    max: 3600,
    whole: false,
    unit: "seconds",
    kind: "a number of seconds",
    meaning: "the seconds a copy taken from another site waits for its acknowledgement before it is offered again",
    examples: "30, or 2.5",
    unset: "the default of 30 seconds",
  });
  return {
    plan,
    natsUrl: env.CABLEGRAM_NATS_URL?.trim() || DEFAULT_NATS_URL,
    ...(env.CABLEGRAM_NATS_USER ? { user: env.CABLEGRAM_NATS_USER } : {}),
    ...(env.CABLEGRAM_NATS_PASSWORD ? { password: env.CABLEGRAM_NATS_PASSWORD } : {}),
    ackWaitMs: Math.round((ackWait ?? 30) * 1000),
    pollMs: 1000,
  };
}

function invalid(variable: string, value: string, wanted: string): CablegramError {
  return new CablegramError(
    "SETTING_INVALID",
    `${variable} is "${value}" in the environment, which is not ${wanted}; fix it, or unset CABLEGRAM_SITE for one node.`,
    { variable, value },
  );
}
