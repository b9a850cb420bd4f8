// Reads one JSON value that must be an object: the shape of every JSON Lines line the importer accepts.

/**
 * Parses text that must hold a JSON object; a string explaining why when it does not.
 * @example parseJsonObject('{"id": "08STATE16245"}') // { id: "08STATE16245" }
 * @example parseJsonObject("[1]") // "expected a JSON object, got an array"
 */
export function parseJsonObject(text: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  return `expected a JSON object, got ${Array.isArray(value) ? "an array" : value === null ? "null" : typeof value}`;
}
