// Table types for users, sessions and API tokens.

export interface UserTables {}
