// The one way the web app talks to the server: JSON in and out, cookies for the session, and every error answer
// (application/problem+json) turned into an ApiError that says what went wrong in words a user can act on.

/** An error answer of the API, with its stable code and, for validation errors, the issues by field. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly problem: Record<string, unknown>;

  constructor(status: number, code: string, message: string, problem: Record<string, unknown>) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.problem = problem;
  }
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * Calls the API and returns its JSON answer (or text, for text/plain answers). `headers` adds request headers,
 * such as the `If-Match` of a change made to a known revision.
 * @example const { user } = await api<Session>("GET", "/api/session")
 */
export async function api<T>(
  method: Method,
  path: string,
  body?: unknown,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json, text/plain;q=0.9",
        // The server refuses state-changing requests that are not JSON (its CSRF defence), even with no body.
        ...(method === "GET" ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      // POST, PUT and PATCH always carry a JSON object, if only `{}` (some routes take optional fields).
      ...(body !== undefined
        ? { body: JSON.stringify(body) }
        : method === "GET" || method === "DELETE"
          ? {}
          : { body: "{}" }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError(0, "NETWORK", "The server cannot be reached. Check your connection and try again.", {});
  }
  const type = response.headers.get("content-type") ?? "";
  if (!response.ok) {
    const problem = type.includes("json") ? ((await response.json()) as Record<string, unknown>) : {};
    const message = typeof problem.detail === "string" ? problem.detail : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, String(problem.code ?? "HTTP_" + response.status), message, problem);
  }
  if (response.status === 204) return undefined as T;
  if (type.includes("json")) return (await response.json()) as T;
  return (await response.text()) as T;
}

/**
 * Builds a query string from the defined values.
 * @example query({ q: "kosovo", cursor: undefined }) // "?q=kosovo"
 */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** A path segment, encoded (office codes hold a slash: `IO/UNP`). */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
