// How a bulk import fits the engine: how many batches it writes at once, what it changes while it runs, and the
// upkeep it leaves for after. Each engine tunes its own way (sqlite/ and postgres/).
/** One engine's settings and upkeep for a bulk import. */
export type BulkImportTuning = {
  /** Batches written at once while the next is parsed. */
  writers: number;
  /**
   * Checkpoints the archive less often while a search-index writer thread works beside the import, until the
   * returned function is called, which restores the setting.
   * @example const restore = store.bulkImport.checkpointLessOften(); try { ... } finally { restore() }
   */
  checkpointLessOften(): () => void;
  /** Upkeep after a large import, so that the searches after it are planned well: what it does, said, and the doing. */
  afterImport: { step: string; run(): Promise<void> } | null;
};
