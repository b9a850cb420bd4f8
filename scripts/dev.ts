// `npm run dev`: the server (restarted on change by tsx watch) on :8080 and Vite's dev server with hot reload on
// :5173, which proxies /api to it. Open the Vite URL it prints.
import { spawn } from "node:child_process";
import { createServer } from "vite";

const server = spawn("npx", ["tsx", "watch", "src/cli/main.ts", "serve"], { stdio: "inherit", env: process.env });
const vite = await createServer({ configFile: new URL("../web/vite.config.ts", import.meta.url).pathname });
await vite.listen();
vite.printUrls();

const stop = async () => {
  server.kill("SIGTERM");
  await vite.close();
  process.exit(0);
};
process.once("SIGINT", () => void stop());
process.once("SIGTERM", () => void stop());
server.once("exit", (code) => {
  console.error(`the server exited (${code}); stopping`);
  void vite.close().then(() => process.exit(code ?? 1));
});
