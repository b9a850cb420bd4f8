// Conversion between directory rows (snake_case columns) and the directory's API shapes.
import type { Selectable } from "kysely";
import type { OfficesTable, PostsTable } from "../../store/tables/directory.ts";
import type { Office, Post, PostKind } from "./directory-schema.ts";

/** A stored post as the API shows it. */
export function postFromRow(row: Selectable<PostsTable>): Post {
  return {
    name: row.name,
    station: row.station,
    routingIndicator: row.routing_indicator,
    country: row.country,
    kind: row.kind as PostKind,
    timeZone: row.time_zone,
  };
}

/** The row a post is stored as. */
export function postToRow(post: Post): Selectable<PostsTable> {
  return {
    name: post.name,
    station: post.station,
    routing_indicator: post.routingIndicator,
    country: post.country,
    kind: post.kind,
    time_zone: post.timeZone,
  };
}

/** A stored office as the API shows it. */
export function officeFromRow(row: Selectable<OfficesTable>): Office {
  return { code: row.code, name: row.name, post: row.post };
}
