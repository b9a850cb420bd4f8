// Starts the search index's writer thread: registers tsx (as bin/cablegram.js does), so the TypeScript runs as is.
import { register } from "tsx/esm/api";

register();
await import("./search-index-worker.ts");
