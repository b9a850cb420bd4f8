// Table types for the directory (posts, offices, collectives).

/** A post: embassy, consulate, mission, headquarters, agency or military command, keyed by its PLAD. */
export interface PostsTable {
  /** Plain-language address, upper case, WASHDC normalised: `AMEMBASSY PARIS`. */
  name: string;
  /** Short station name as cables are numbered (`PARIS`, `STATE`); null for agencies that number no State traffic. */
  station: string | null;
  routing_indicator: string | null;
  /** FIPS 10-4 country code (`FR`), as State writes it in TAGS. */
  country: string | null;
  kind: string;
  /** IANA time zone of the post's city: `Europe/Paris`. */
  time_zone: string | null;
}

/** An office inside a post or headquarters: `EUR/SCE`, `IO/UNP`. */
export interface OfficesTable {
  code: string;
  name: string | null;
  /** The post it belongs to (its PLAD); null when unknown. */
  post: string | null;
}

/** A named set of posts: `EUROPEAN POLITICAL COLLECTIVE`. */
export interface CollectivesTable {
  name: string;
  routing_indicator: string | null;
}

export interface CollectiveMembersTable {
  collective: string;
  /** The member post's PLAD. */
  post: string;
}

/** One row: a number every write to the directory's tables moves on (migration 0037's triggers). */
export interface DirectoryVersionTable {
  id: number;
  /** bigint on PostgreSQL: the driver may answer it as a string. */
  version: number | string;
}

export interface DirectoryTables {
  directory_version: DirectoryVersionTable;
  posts: PostsTable;
  offices: OfficesTable;
  collectives: CollectivesTable;
  collective_members: CollectiveMembersTable;
}
