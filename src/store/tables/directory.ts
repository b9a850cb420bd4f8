// Table types for the directory (posts, offices, collectives).

export interface DirectoryTables {}
