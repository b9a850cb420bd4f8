// The OpenAPI document's component schemas less those no operation reaches. The zod registry yields each named schema
// twice, as it is read (`PostInput`) and as it is written (`Post`); most are only ever one of the two, and a
// generated client or a linter should see only what the API uses.
const SCHEMA_REF = "#/components/schemas/";

/** The component schemas `value` refers to. Component names are `[A-Za-z0-9._-]+`, so no pointer escapes. */
function schemaRefsIn(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) {
    for (const item of value) schemaRefsIn(item, found);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key === "$ref" && typeof item === "string" && item.startsWith(SCHEMA_REF)) {
        found.push(item.slice(SCHEMA_REF.length));
      } else {
        schemaRefsIn(item, found);
      }
    }
  }
  return found;
}

/**
 * Drops the component schemas that nothing outside them refers to, directly or through other schemas.
 * @example withoutUnusedSchemas({ paths: {}, components: { schemas: { Unused: {} } } }).components.schemas // {}
 */
export function withoutUnusedSchemas<D extends object>(document: D): D {
  const { components } = document as { components?: { schemas?: Record<string, unknown> } };
  const schemas = components?.schemas;
  if (!schemas) return document;
  const used = new Set<string>();
  const pending = schemaRefsIn({ ...document, components: { ...components, schemas: {} } });
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (used.has(name)) continue;
    used.add(name);
    schemaRefsIn(schemas[name], pending);
  }
  const kept = Object.fromEntries(Object.entries(schemas).filter(([name]) => used.has(name)));
  return { ...document, components: { ...components, schemas: kept } } as D;
}
