// A benchmark's scratch space: a temporary folder and the PostgreSQL schemas it creates, removed together when the
// benchmark ends or is interrupted (Ctrl-C), so that no run leaves gigabytes behind.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dropSchema } from "./postgres-schema.ts";

export type ScratchSpace = {
  /** The temporary folder. */
  dir: string;
  /** Records a schema to drop at clean-up and answers its name. */
  schema(name: string): string;
  /** The schema recorded last. */
  lastSchema(): string;
  /** Removes the folder and drops every schema recorded. */
  cleanUp(): Promise<void>;
};

/**
 * Makes the scratch space of the benchmark `name`, cleaned up on SIGINT too.
 * @example const scratch = scratchSpace("archive", PG_URL); join(scratch.dir, "archive.db") // "/tmp/cablegram-bench-archive-x1/archive.db"
 */
export function scratchSpace(name: string, pgUrl: string): ScratchSpace {
  const dir = mkdtempSync(join(tmpdir(), `cablegram-bench-${name}-`));
  const schemas: string[] = [];
  const space: ScratchSpace = {
    dir,
    schema(schemaName) {
      schemas.push(schemaName);
      return schemaName;
    },
    lastSchema() {
      const last = schemas.at(-1);
      if (last === undefined) throw new Error(`bench:${name}: no PostgreSQL schema was made`);
      return last;
    },
    async cleanUp() {
      rmSync(dir, { recursive: true, force: true });
      for (const schema of schemas.splice(0)) await dropSchema(pgUrl, schema);
    },
  };
  process.once("SIGINT", () => void space.cleanUp().finally(() => process.exit(130)));
  return space;
}
