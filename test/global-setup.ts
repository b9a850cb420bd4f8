// Vitest global setup: builds the web app once per run, so the end-to-end tests serve what `npm start` serves.
import { build } from "vite";

export default async function setup(): Promise<void> {
  await build({ configFile: new URL("../web/vite.config.ts", import.meta.url).pathname, logLevel: "warn" });
}
