// Starts the checkpoint thread: registers tsx (as bin/cablegram.js does), so the TypeScript runs as is.
import { register } from "tsx/esm/api";

register();
await import("./checkpoint-worker.ts");
