// Every route the app registers, with its method, URL and operation id: what a test walks to hold each operation to
// a stable, unique id, since Fastify itself lists its routes only as text.
import type { FastifyInstance } from "fastify";

/** One registered route. `hidden` routes (the OpenAPI document, the docs UI, the web app) are not operations. */
export type RouteEntry = { method: string; url: string; operationId: string | undefined; hidden: boolean };

declare module "fastify" {
  interface FastifyInstance {
    /** The routes registered since `installRouteTable`, one entry a method. */
    routeTable: readonly RouteEntry[];
  }
}

/**
 * Records every route registered after it on `app.routeTable`. Call it before registering any route.
 * @example installRouteTable(app); app.get("/api/x", { schema: { operationId: "getX" } }, h); app.routeTable[0].operationId // "getX"
 */
export function installRouteTable(app: FastifyInstance): void {
  const table: RouteEntry[] = [];
  app.decorate("routeTable", table);
  app.addHook("onRoute", (route) => {
    const schema = route.schema as { operationId?: string; hide?: boolean } | undefined;
    for (const method of [route.method].flat()) {
      table.push({ method, url: route.url, operationId: schema?.operationId, hidden: schema?.hide === true });
    }
  });
}
