// The routes a Fastify app has registered, read from its own route tree (`printRoutes`), so that a test can walk
// every one of them, the ones added after it was written included.
import type { FastifyInstance } from "fastify";

/** One registered route: a method and its path pattern (`/api/users/:username`). */
export type RegisteredRoute = { method: string; path: string };

const BRANCH = /^((?:│ {3}| {4})*)(?:├── |└── )(.*?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every method and path the app answers, from `app.printRoutes({ commonPrefix: false })`.
 * @example registeredRoutes(app) // [{ method: "GET", path: "/api/users" }, { method: "POST", path: "/api/users" }, ...]
 */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const stack: string[] = [];
  const routes: RegisteredRoute[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = BRANCH.exec(line);
    if (!match) continue;
    const depth = match[1]!.length / 4;
    stack.length = depth;
    stack.push(match[2]!);
    const path = stack.join("").replace(/\/\/+/g, "/");
    for (const method of (match[3] ?? "").split(", ").filter(Boolean)) routes.push({ method, path });
  }
  return routes;
}
