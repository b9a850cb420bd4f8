// The directory: posts, offices and collectives. Everyone signed in reads it; admins change it.
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  addCollective,
  addCollectiveMember,
  addOffice,
  addPost,
  listCollectives,
  listOffices,
  listPosts,
  POST_KINDS,
  removeCollective,
  removeCollectiveMember,
  removeOffice,
  removePost,
  requireCollective,
  requirePost,
  updatePost,
} from "../../services/directory/index.ts";
import {
  CollectiveSchema,
  NewPostBodySchema,
  OfficeSchema,
  PostPatchBodySchema,
  PostSchema,
} from "../../api/directory-schemas.ts";
import { PROBLEMS } from "../../api/problem-schemas.ts";
import { signedIn } from "../plugins/authenticate.ts";
import type { RouteOptions } from "./route-options.ts";

const admin = { role: "admin" } as const;
const tags = ["directory"];

const NameParams = z.object({ name: z.string().min(1) });

/** Directory routes under /api/directory. */
export const directoryRoutes: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const { store } = deps;

  app.get(
    "/api/directory/posts",
    {
      schema: {
        operationId: "listPosts",
        summary: "Posts, optionally of one kind or country",
        tags,
        querystring: z.object({ kind: z.enum(POST_KINDS).optional(), country: z.string().length(2).optional() }),
        response: { 200: z.array(PostSchema), ...PROBLEMS },
      },
    },
    async (request) => listPosts(store, request.query),
  );
  app.get(
    "/api/directory/posts/:name",
    {
      schema: {
        operationId: "getPost",
        summary: "One post, by PLAD or station",
        tags,
        params: NameParams,
        response: { 200: PostSchema, ...PROBLEMS },
      },
    },
    async (request) => requirePost(store, request.params.name),
  );
  app.post(
    "/api/directory/posts",
    {
      config: admin,
      schema: {
        operationId: "createPost",
        summary: "Add a post (admin); fields left out are read from the PLAD",
        tags,
        body: NewPostBodySchema,
        response: { 201: PostSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await addPost(store, signedIn(request).user, request.body)),
  );
  app.patch(
    "/api/directory/posts/:name",
    {
      config: admin,
      schema: {
        operationId: "updatePost",
        summary: "Change a post (admin)",
        tags,
        params: NameParams,
        body: PostPatchBodySchema,
        response: { 200: PostSchema, ...PROBLEMS },
      },
    },
    async (request) => updatePost(store, signedIn(request).user, request.params.name, request.body),
  );
  app.delete(
    "/api/directory/posts/:name",
    {
      config: admin,
      schema: {
        operationId: "deletePost",
        summary: "Remove a post (admin)",
        tags,
        params: NameParams,
        response: { 200: PostSchema, ...PROBLEMS },
      },
    },
    async (request) => removePost(store, signedIn(request).user, request.params.name),
  );

  app.get(
    "/api/directory/offices",
    {
      schema: {
        operationId: "listOffices",
        summary: "Offices, optionally of one post",
        tags,
        querystring: z.object({ post: z.string().optional() }),
        response: { 200: z.array(OfficeSchema), ...PROBLEMS },
      },
    },
    async (request) => listOffices(store, request.query),
  );
  app.post(
    "/api/directory/offices",
    {
      config: admin,
      schema: {
        operationId: "createOffice",
        summary: "Add an office (admin)",
        tags,
        body: z.object({
          code: z.string(),
          name: z.string().nullable().optional(),
          post: z.string().nullable().optional(),
        }),
        response: { 201: OfficeSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await addOffice(store, signedIn(request).user, request.body)),
  );
  // Office codes contain a slash (EUR/SCE): clients percent-encode it, DELETE /api/directory/offices/EUR%2FSCE.
  // Offices are keyed per post: `?post=PANAMA` says whose POL.
  app.delete(
    "/api/directory/offices/:code",
    {
      config: admin,
      schema: {
        operationId: "deleteOffice",
        summary: "Remove an office of a post (admin); encode the slash of the code: EUR%2FSCE",
        tags,
        params: z.object({ code: z.string().min(1) }),
        querystring: z.object({ post: z.string().optional() }),
        response: { 200: OfficeSchema, ...PROBLEMS },
      },
    },
    async (request) => removeOffice(store, signedIn(request).user, request.params.code, request.query.post),
  );

  app.get(
    "/api/directory/collectives",
    {
      schema: {
        operationId: "listCollectives",
        summary: "Collectives with their members (a bloc's collective: its members' posts on asOf, default today)",
        tags,
        querystring: z.object({ asOf: z.iso.date().optional() }),
        response: { 200: z.array(CollectiveSchema), ...PROBLEMS },
      },
    },
    async (request) => listCollectives(store, { asOf: request.query.asOf }),
  );
  app.get(
    "/api/directory/collectives/:name",
    {
      schema: {
        operationId: "getCollective",
        summary: "One collective",
        tags,
        params: NameParams,
        response: { 200: CollectiveSchema, ...PROBLEMS },
      },
    },
    async (request) => requireCollective(store, request.params.name),
  );
  app.post(
    "/api/directory/collectives",
    {
      config: admin,
      schema: {
        operationId: "createCollective",
        summary: "Add a collective (admin)",
        tags,
        body: z.object({
          name: z.string(),
          routingIndicator: z.string().nullable().optional(),
          members: z.array(z.string()).optional(),
        }),
        response: { 201: CollectiveSchema, ...PROBLEMS },
      },
    },
    async (request, reply) => reply.code(201).send(await addCollective(store, signedIn(request).user, request.body)),
  );
  app.delete(
    "/api/directory/collectives/:name",
    {
      config: admin,
      schema: {
        operationId: "deleteCollective",
        summary: "Remove a collective (admin)",
        tags,
        params: NameParams,
        response: { 200: CollectiveSchema, ...PROBLEMS },
      },
    },
    async (request) => removeCollective(store, signedIn(request).user, request.params.name),
  );
  app.post(
    "/api/directory/collectives/:name/members",
    {
      config: admin,
      schema: {
        operationId: "addCollectiveMember",
        summary: "Add a post to a collective (admin)",
        tags,
        params: NameParams,
        body: z.object({ post: z.string().min(1) }),
        response: { 200: CollectiveSchema, ...PROBLEMS },
      },
    },
    async (request) => addCollectiveMember(store, signedIn(request).user, request.params.name, request.body.post),
  );
  app.delete(
    "/api/directory/collectives/:name/members/:post",
    {
      config: admin,
      schema: {
        operationId: "removeCollectiveMember",
        summary: "Take a post out of a collective (admin)",
        tags,
        params: z.object({ name: z.string().min(1), post: z.string().min(1) }),
        response: { 200: CollectiveSchema, ...PROBLEMS },
      },
    },
    async (request) => removeCollectiveMember(store, signedIn(request).user, request.params.name, request.params.post),
  );
};
