// Live updates as server-sent events: each subscriber gets only events on cables it may read, on drafts it may
// open, and on the traffic between sites if it may watch that traffic. A stream lasts for hours, so it asks again
// every few seconds who it serves: once the session ends (sign-out, expiry) or the user's access changes, it ends,
// and the browser reconnects as whoever it now is.
import type { ServerResponse } from "node:http";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { LIVE_EVENT_MEANINGS, LIVE_EVENT_TYPES } from "../../core/live-events.ts";
import { postName } from "../../services/alerts/alert-views.ts";
import type { BusEvent } from "../../services/events/event-bus.ts";
import { homePlad } from "../../services/workflow/draft-access.ts";
import { readerOf } from "../../services/users/reader-of.ts";
import { askerOf, signedIn } from "../plugins/authenticate.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import type { RouteOptions } from "./route-options.ts";

/** The event types as the API description lists them, one line each with what it means. */
const EVENT_TYPE_LIST = LIVE_EVENT_TYPES.map((type) => `- \`${type}\`: ${LIVE_EVENT_MEANINGS[type]}`).join("\n");

// Proxies drop a silent connection; a comment line every so often keeps it open.
const HEARTBEAT_MS = 25_000;

/**
 * One event in the text/event-stream format: its type as the SSE event name, the rest as JSON data.
 * @example sseFrame(7, { type: "delivery.delivered", cableId: "08STATE16245", data: {} }) // "id: 7\nevent: delivery.delivered\ndata: {...}\n\n"
 */
export function sseFrame(id: number, event: BusEvent): string {
  const { type, cableId, post, office, data } = event;
  return `id: ${id}\nevent: ${type}\ndata: ${JSON.stringify({ type, cableId, post, office, data })}\n\n`;
}

/** GET /api/events. */
export const eventRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps, eventsRecheckMs }) => {
  const open = new Set<ServerResponse>();
  // End the streams before the server waits for its connections to close.
  app.addHook("preClose", async () => {
    for (const stream of open) stream.end();
  });

  app.get(
    "/api/events",
    {
      schema: {
        operationId: "streamEvents",
        summary:
          "Live events (text/event-stream): deliveries, acknowledgements, alerts, escalations, drafts, releases, " +
          "traffic between sites",
        description:
          "Each event's `event:` field is its type and `data:` is JSON (`type`, `cableId`, `post`, `office`, `data`). " +
          "The stream ends when its session does (sign-out, expiry) or its user's access changes, checked every 10 s " +
          "by default: reconnect, and fetch again what you show, since what happened meanwhile was not sent. " +
          "Events about a cable reach only users who may read it, events about a draft only users who may open it. " +
          "`post` (PLAD or station) and `office` narrow the stream to one inbox. The types:\n\n" +
          EVENT_TYPE_LIST,
        tags: ["events"],
        querystring: z.object({
          post: z.string().min(1).max(120).optional(),
          office: z.string().min(1).max(42).optional(),
        }),
        response: { 200: z.string().describe("text/event-stream"), ...PROBLEMS },
      },
    },
    async (request, reply) => {
      const { user, reader } = signedIn(request);
      const viewer = { user, home: await homePlad(deps.store, user) };
      const post = request.query.post ? await postName(deps, request.query.post) : null;
      const office = request.query.office?.trim().toUpperCase() ?? null;
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      // A stream ended by the server is asked for again soon (the default wait is 3 s).
      raw.write(": connected\nretry: 1000\n\n");
      let sequence = 0;
      // Nothing is written once the stream has ended: a write after the end is an error event on the response.
      const send = (text: string) => {
        if (!raw.writableEnded && !raw.destroyed) raw.write(text);
      };
      const unsubscribe = app.messaging.bus.subscribe(
        reader,
        (event) => send(sseFrame(++sequence, event)),
        { post, office },
        viewer,
      );
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      heartbeat.unref();
      // Who the stream serves, as the access rule and the draft rules see them: a change to either ends it.
      const seen = JSON.stringify([reader, viewer.home]);
      const stillServes = async () => {
        const { user: now } = await askerOf(deps, request);
        return now !== null && JSON.stringify([readerOf(now), await homePlad(deps.store, now)]) === seen;
      };
      const recheck = setInterval(() => {
        stillServes()
          .catch(() => false)
          .then((serves) => {
            if (serves) return;
            stop();
            raw.end();
          })
          .catch(() => undefined);
      }, eventsRecheckMs);
      recheck.unref();
      open.add(raw);
      const stop = () => {
        clearInterval(recheck);
        clearInterval(heartbeat);
        unsubscribe();
        open.delete(raw);
      };
      raw.on("close", stop);
    },
  );
};
