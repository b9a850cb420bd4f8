// When a cable is derived again its schedule row takes the new review date, but what a review decided stands: a
// cable in the reading room stays off the due list, and an extension keeps its date (migration 0033).

/** The due_on of an upserted cable_declass row (`excluded` the new values), as SQL both engines read. */
export const REDERIVED_DUE_ON = `CASE WHEN EXISTS (SELECT 1 FROM reading_room r WHERE r.seq = cable_declass.seq) THEN NULL
  ELSE coalesce(cable_declass.extended_to, excluded.review_on) END`;
