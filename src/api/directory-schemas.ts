// The directory as the API takes and shows it: posts, offices and collectives.
import { z } from "zod";
import {
  CollectiveSchema as DirectoryCollectiveSchema,
  OfficeSchema as DirectoryOfficeSchema,
  POST_KINDS,
  PostSchema as DirectoryPostSchema,
} from "../services/directory/directory-schema.ts";

/** A post. */
export const PostSchema = DirectoryPostSchema.meta({ id: "Post" });
/** An office of a post. */
export const OfficeSchema = DirectoryOfficeSchema.meta({ id: "Office" });
/** A named set of posts. */
export const CollectiveSchema = DirectoryCollectiveSchema.meta({ id: "Collective" });

/** A new post: its PLAD, and whatever is not to be read from it. */
export const NewPostBodySchema = z.object({
  name: z.string(),
  station: z.string().nullable().optional(),
  routingIndicator: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  kind: z.enum(POST_KINDS).optional(),
  timeZone: z.string().nullable().optional(),
});

/** The fields of a post that can be changed. */
export const PostPatchBodySchema = NewPostBodySchema.omit({ name: true });
