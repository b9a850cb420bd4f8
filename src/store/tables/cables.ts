// Table types for the archive of cables: owned by the archive (storage, search, references).
// The archive work fills this in; other areas never write to these tables directly.

export interface CableTables {}
