// Table types for users, sessions, API tokens, sign-in throttling and instance state.

/** A user. List columns hold JSON arrays of strings, so both dialects store them alike. */
export interface UsersTable {
  id: string;
  username: string;
  clearance: string;
  /** JSON array: caveat accesses, e.g. `["NOFORN"]`. */
  accesses: string;
  /** JSON array: named distribution lists. */
  lists: string;
  /** JSON array: roles (`reader`, `drafter`, ... `admin`). */
  roles: string;
  /** Home post station: `STATE`. */
  post: string | null;
  /** JSON array: offices, e.g. `["EUR/SCE"]`. */
  offices: string;
  /** `scrypt$N$r$p$salt$hash`; null when the user cannot sign in with a password (token-only). */
  password_hash: string | null;
  /** Where notifications are mailed when SMTP is configured; null for none (migration 0030). */
  email: string | null;
  created_at: string;
  updated_at: string;
}

/** A browser session. Only the SHA-256 of the cookie value is stored. */
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

/** An API token for scripts. Only the SHA-256 of the secret is stored; the secret is shown once. */
export interface ApiTokensTable {
  id: string;
  user_id: string;
  token_hash: string;
  label: string;
  created_at: string;
  last_used_at: string | null;
}

/** Failed sign-in attempts per key (`user:alice`, `ip:10.0.0.1`), for the lockout after too many. */
export interface SignInFailuresTable {
  key: string;
  failures: number;
  first_at: string;
  locked_until: string | null;
}

/** Facts about this installation, such as when its first start completed. */
export interface InstanceStateTable {
  key: string;
  value: string;
}

export interface UserTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  sign_in_failures: SignInFailuresTable;
  instance_state: InstanceStateTable;
}
