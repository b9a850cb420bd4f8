// What a group of releases (group-commit.ts) takes first, so that it never waits for a lock held by a transaction
// that waits for the group. Each engine locks its own way (sqlite/ and postgres/).
/** The release transactions' locking on one engine. */
export type ReleaseGroupLock = {
  /**
   * Takes, at the start of a group's transaction (the one the store is bound to), what every release of the
   * group's `size` would take anyway, in one fixed order.
   * @example opening: (tx, store, size) => store.within(tx).releaseGroups.open(size)
   */
  open(size: number): Promise<void>;
  /**
   * True when a release must lock the draft row it reads (SELECT ... FOR UPDATE) so that what it checks is what it
   * releases; false where write transactions run one at a time anyway.
   */
  locksDraftRow: boolean;
};
