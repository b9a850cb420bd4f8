// What every route plugin is given: the services' dependencies and the few server settings routes need.
import type { Deps } from "../../services/clock.ts";

export type RouteOptions = {
  deps: Deps;
  /** Mark cookies Secure (HTTPS deployments). */
  secureCookies: boolean;
  /** @fastify/rate-limit settings for POST /api/session, per client address. */
  signInLimit: { max: number; timeWindow: number };
  /** The most cables one export of search results may hold. */
  exportMax: number;
  /** How often a live event stream asks again whether its session still stands and sees what it saw. */
  eventsRecheckMs: number;
};
