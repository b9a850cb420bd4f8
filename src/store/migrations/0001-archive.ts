// Migration 0001: the archive of cables (filled in by the archive work).
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(_db: Kysely<unknown>, _dialect: Dialect): Promise<void> {}
