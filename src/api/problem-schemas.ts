// The error answer every route may give: RFC 9457 problem details with the stable code of the error table.
import { z } from "zod";

/** An error answer (RFC 9457 problem details), with extension members such as `issues` or `retryAfter`. */
export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    instance: z.string(),
  })
  .meta({ id: "Problem" });

/** The client-error answers every route may give, for the OpenAPI document. */
export const PROBLEMS = { "4xx": ProblemSchema } as const;
