// Starts a parse worker thread: registers tsx (as bin/cablegram.js does), so the TypeScript worker runs as is.
import { register } from "tsx/esm/api";

register();
await import("./parse-worker.ts");
