// Migration 0002: directory, users, sessions, API tokens and the audit log (filled in by that work).
import type { Kysely } from "kysely";
import type { Dialect } from "../open-store.ts";

export async function up(_db: Kysely<unknown>, _dialect: Dialect): Promise<void> {}
