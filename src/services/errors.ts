// Service error codes in one table, as Fastify does: each with its HTTP status and message.

/** Every service error: its HTTP status and a message for users (with a fix hint where one helps). */
export const ERRORS = {
  CABLE_NOT_FOUND: { status: 404, message: "No cable with that id (it may not exist, or you may not read it)." },
  BAD_QUERY: { status: 400, message: "The search query could not be read; see SEARCH_HELP for the syntax." },
  BAD_CURSOR: { status: 400, message: "The pagination cursor is not valid for this query; start again without it." },
  EXPORT_TOO_LARGE: {
    status: 422,
    message: "More cables match than an export may hold; narrow the query, or ask an administrator to raise the limit.",
  },
  BAD_CABLE: { status: 400, message: "The cable cannot be archived; give it a canonical id first." },
  INVALID_INPUT: { status: 400, message: "The input is not valid; see the details for which field and why." },
  UNAUTHENTICATED: { status: 401, message: "Sign in first: POST /api/session, or send Authorization: Bearer <token>." },
  BAD_CREDENTIALS: { status: 401, message: "Wrong username or password." },
  FORBIDDEN: { status: 403, message: "Your roles do not allow this; ask an administrator." },
  ROUTE_NOT_FOUND: { status: 404, message: "No such route; the API is described at /api/docs." },
  USER_NOT_FOUND: { status: 404, message: "No user with that name." },
  POST_NOT_FOUND: { status: 404, message: "No post with that name or station in the directory." },
  OFFICE_NOT_FOUND: { status: 404, message: "No office with that code in the directory." },
  COLLECTIVE_NOT_FOUND: {
    status: 404,
    message: "No collective with that name in the directory.",
  },
  DELIVERY_NOT_FOUND: { status: 404, message: "No delivery with that id that you may read; see GET /api/inbox." },
  TASK_NOT_FOUND: { status: 404, message: "No task with that id; GET /api/cables/:id/actions lists a cable's tasks." },
  SITE_COPY_NOT_FOUND: {
    status: 404,
    message: "No copy to another site with that id; GET /api/sites/traffic lists them.",
  },
  SITE_COPY_SETTLED: {
    status: 409,
    message:
      "The copy has gone too far for that: only a copy not yet stored at its destination can be re-sent, only a queued one cancelled.",
  },
  ALERT_NOT_FOUND: { status: 404, message: "No alert with that id; GET /api/alerts lists open alerts." },
  DRAFT_NOT_FOUND: { status: 404, message: "No draft with that id that you may see; GET /api/queue lists yours." },
  CLEARANCE_NOT_FOUND: { status: 404, message: "No such clearance on that draft; GET /api/drafts/:id lists them." },
  CLEARANCE_BY_DRAFTER: {
    status: 403,
    message: "A clearance must come from someone other than the drafter; ask another person or an office.",
  },
  SUGGESTION_NOT_FOUND: {
    status: 404,
    message: "No suggestion with that id that you may read; GET /api/campaigns/:id/suggestions lists them.",
  },
  SUGGESTION_DECIDED: {
    status: 409,
    message: "The suggestion was confirmed or dismissed already; record a new position to change it.",
  },
  SUGGESTION_IN_DRAFT: {
    status: 409,
    message:
      "The suggestion comes from a draft not yet released; use the draft's position report, or wait for release.",
  },
  DRAFT_NOT_EDITABLE: { status: 409, message: "The draft was released or discarded; draft a correction instead." },
  DRAFT_CHANGED: {
    status: 412,
    message: "The draft was saved by someone else since you read it; reload it and make your change again.",
  },
  NOT_READY_FOR_APPROVAL: {
    status: 409,
    message: "The draft cannot be submitted for approval yet; fix the errors its checks list, then submit it.",
  },
  NOT_READY_FOR_RELEASE: {
    status: 409,
    message: "The draft cannot be released yet; fix its errors and obtain its required clearances.",
  },
  WEBHOOK_NOT_ALLOWED: {
    status: 400,
    message: "The webhook points to a loopback or private address; use a public one, or allow it in the settings.",
  },
  UNKNOWN_ADDRESSEE: { status: 400, message: "An addressee is not in the directory; check the name or add the post." },
  CHAIN_KEY_MISSING: {
    status: 500,
    message: "The chain signing key file is missing; restore it from the installation's backup.",
  },
  CHAIN_KEY_INVALID: { status: 500, message: "The chain key given is not an Ed25519 key in PEM or base64 DER." },
  CHAIN_KEY_MISMATCH: {
    status: 500,
    message: "The chain signing key is not the one the archive's chain was signed with; restore the archive's own.",
  },
  CHAIN_TRUST_INVALID: { status: 400, message: "The chain trust file cannot be read; restore it from your copy." },
  SAVED_SEARCH_NOT_FOUND: {
    status: 404,
    message: "You have no saved search with that id; GET /api/saved-searches lists yours.",
  },
  SAVED_SEARCH_NAME_TAKEN: {
    status: 409,
    message: "You have a saved search of that name already; choose another name or remove the old one.",
  },
  SAVED_SEARCHES_FULL: {
    status: 409,
    message: "You have saved as many searches as a user may keep; remove one you no longer need.",
  },
  CAMPAIGN_NOT_FOUND: {
    status: 404,
    message: "No campaign with that id; GET /api/campaigns (`cablegram campaign list`).",
  },
  QUESTION_NOT_FOUND: {
    status: 404,
    message: "The campaign has no question with that id; GET /api/campaigns/:id lists its questions.",
  },
  BLOC_NOT_FOUND: {
    status: 404,
    message: "No bloc with that code; GET /api/blocs (`cablegram bloc list`) lists them.",
  },
  POSITION_EVENT_NOT_FOUND: {
    status: 404,
    message: "No position event with that id in the campaign that you may see; GET /api/campaigns/:id lists them.",
  },
  COUNTRY_UNKNOWN: {
    status: 400,
    message: "The country is not known; give an ISO alpha-2 code (FR, XK), a TAGS code (tag:KV) or an English name.",
  },
  POSITION_NOT_ON_SCALE: {
    status: 400,
    message: "The position is not on the question's scale; use one of the codes GET /api/campaigns/:id lists.",
  },
  POSITION_BELOW_SOURCE: {
    status: 400,
    message:
      "A position is marked at least as its source cables are; raise its classification or add their caveats, or leave both out.",
  },
  REVIEW_INVALID: {
    status: 400,
    message: "The declassification decision cannot be recorded; the details say which portion and why.",
  },
  ALREADY_REVIEWED: {
    status: 409,
    message: "The cable is in the reading room already; its released version or withdrawal card never changes.",
  },
  NOT_IN_READING_ROOM: {
    status: 404,
    message: "No released version or withdrawal card with that id; GET /api/reading-room lists what is released.",
  },
  USER_EXISTS: { status: 409, message: "A user with that name exists already; choose another name." },
  DIRECTORY_CONFLICT: { status: 409, message: "The directory has that entry already; change it instead." },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: "Send the body as JSON with Content-Type: application/json." },
  RATE_LIMITED: { status: 429, message: "Too many attempts; wait and try again later." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "The request body is too large." },
  BAD_URL: {
    status: 400,
    message: "The URL cannot be read: percent-encode each path segment (encodeURIComponent) and keep it short.",
  },
  BAD_REQUEST: { status: 400, message: "The request is not valid HTTP/1.1; check the client or proxy sending it." },
  REQUEST_TIMEOUT: { status: 408, message: "The request took too long to arrive; send it again." },
  HEADERS_TOO_LARGE: {
    status: 431,
    message: "The request headers are too large; send fewer or smaller headers (clear stale cookies for this site).",
  },
  SETTING_INVALID: {
    status: 500,
    message: "A setting in the environment is not valid; the message names it and what to give instead.",
  },
  INTERNAL_ERROR: { status: 500, message: "Internal Server Error" },
} as const;

export type ErrorCode = keyof typeof ERRORS;

/**
 * A service error with a stable code, the HTTP status the server answers with, and details such as a position.
 * The server maps it to a response; users never see a stack trace.
 * @example throw new CablegramError("BAD_QUERY", "unclosed quote", { position: 4 })
 */
export class CablegramError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string = ERRORS[code].message, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "CablegramError";
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
  }
}

/**
 * Type guard for service errors, for the server's single error handler and the CLI.
 * @example isCablegramError(new CablegramError("CABLE_NOT_FOUND")) // true
 */
export function isCablegramError(error: unknown): error is CablegramError {
  return error instanceof CablegramError;
}

/**
 * The message of an unknown thrown value, for a problem's detail; never a stack trace.
 * @example errorMessage(new Error("EACCES")) // "EACCES"
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
