// Conversion between user rows (JSON list columns) and the User shape.
import type { Selectable } from "kysely";
import type { Classification } from "../../core/index.ts";
import type { UsersTable } from "../../store/tables/users.ts";
import type { Role, User } from "./user-schema.ts";

/** A stored user as services see it, without the password hash. */
export function userFromRow(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    username: row.username,
    clearance: row.clearance as Classification,
    accesses: JSON.parse(row.accesses) as string[],
    lists: JSON.parse(row.lists) as string[],
    roles: JSON.parse(row.roles) as Role[],
    post: row.post,
    offices: JSON.parse(row.offices) as string[],
    hasPassword: row.password_hash !== null,
    email: row.email ?? null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Sorted and deduplicated, so stored lists compare and display alike. */
export function listColumn(values: readonly string[]): string {
  return JSON.stringify([...new Set(values)].sort());
}
