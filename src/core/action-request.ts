// An action request carried by a draft: what the action addressees must do, and by when. Release turns it into tasks.
import { z } from "zod";

/** One action request: `posts` names action addressees (PLAD names or stations); empty means all of them. */
export const ActionRequestSchema = z.object({
  /** What is asked, in one line: `Deliver the demarche and report the response`. */
  what: z.string().trim().min(1),
  /** Action addressees the request is for, by PLAD name (`AMEMBASSY ATHENS`) or station (`ATHENS`); empty = all. */
  posts: z.array(z.string().trim().min(1)).default([]),
  /** Deadline as an ISO 8601 datetime. */
  due: z.iso.datetime({ offset: true }),
});
export type ActionRequest = z.infer<typeof ActionRequestSchema>;
