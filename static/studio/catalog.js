// What completion knows about a JSON Schema: the schema that applies at a path of a
// document, the properties of an object there and the values a property takes. Used with
// the published widget schema (components, props, enums) and with a template's data schema.

const MAX_DEPTH = 12;

/** A schema with `$ref`s to `#/$defs/...` of `root` followed. */
export function resolve(schema, root, depth = 0) {
  let current = schema;
  while (current && typeof current === "object" && typeof current.$ref === "string" && depth++ < MAX_DEPTH) {
    const match = /^#\/\$defs\/(.+)$/.exec(current.$ref);
    current = match ? root.$defs?.[decodeURIComponent(match[1])] : undefined;
  }
  return current && typeof current === "object" ? current : null;
}

const branches = (schema) => [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])];

const isObjectSchema = (schema) => schema.type === "object" || "properties" in schema || "allOf" in schema;
const isArraySchema = (schema) => schema.type === "array" || "items" in schema;

/** The branch of a union that fits `kind` ("object" or "array"), resolved. */
function pick(schema, root, kind, depth = 0) {
  const resolved = resolve(schema, root);
  if (!resolved || depth > MAX_DEPTH) return null;
  const fits = kind === "object" ? isObjectSchema : isArraySchema;
  if (fits(resolved)) return resolved;
  for (const branch of branches(resolved)) {
    const found = pick(branch, root, kind, depth + 1);
    if (found) return found;
  }
  return null;
}

/** An object schema narrowed to the `if`/`then` branch whose `type` const is `typeName`. */
export function objectSchema(schema, root, typeName) {
  const resolved = pick(schema, root, "object");
  if (!resolved) return null;
  if (typeName) {
    for (const rule of resolved.allOf ?? []) {
      if (rule.if?.properties?.type?.const === typeName) return pick(rule.then, root, "object") ?? resolved;
    }
  }
  return resolved;
}

/**
 * The schema at `path`: a list of steps from the document's root, each
 * `{kind: "object", typeName, key}` (the object, its `type` if known, and the key leading on)
 * or `{kind: "array"}` (an item of the array). Returns null where the schema says nothing.
 */
export function schemaAt(root, path) {
  let schema = root;
  for (const step of path) {
    if (!schema) return null;
    if (step.kind === "array") {
      const array = pick(schema, root, "array");
      schema = array ? (array.items ?? null) : null;
    } else {
      const object = objectSchema(schema, root, step.typeName);
      if (!object || step.key === undefined) return object;
      schema = object.properties?.[step.key] ?? additional(object);
    }
  }
  return schema;
}

const additional = (object) => (typeof object.additionalProperties === "object" ? object.additionalProperties : null);

/** Every `enum`/`const` value a schema allows (through refs and unions). */
export function allowedValues(schema, root, depth = 0) {
  const resolved = resolve(schema, root);
  if (!resolved || depth > MAX_DEPTH) return [];
  const values = [];
  if (Array.isArray(resolved.enum)) values.push(...resolved.enum);
  if ("const" in resolved) values.push(resolved.const);
  if (resolved.type === "boolean") values.push(true, false);
  for (const branch of branches(resolved)) values.push(...allowedValues(branch, root, depth + 1));
  return [...new Set(values)];
}

/** A short type label for a property schema: `string`, `"sm" | "md"`, `ActionConfig`... */
export function typeLabel(schema, root, depth = 0) {
  if (!schema || depth > 3) return "";
  if (typeof schema.$ref === "string") return schema.$ref.split("/").pop();
  if (Array.isArray(schema.enum)) {
    const shown = schema.enum.slice(0, 4).map((value) => JSON.stringify(value)).join(" | ");
    return schema.enum.length > 4 ? `${shown} | …` : shown;
  }
  if ("const" in schema) return JSON.stringify(schema.const);
  const union = branches(schema);
  if (union.length) return union.map((branch) => typeLabel(branch, root, depth + 1)).join(" | ");
  if (schema.type === "array") return `${typeLabel(schema.items, root, depth + 1) || "value"}[]`;
  return Array.isArray(schema.type) ? schema.type.join(" | ") : (schema.type ?? "");
}

/** The properties of an object schema: `[{name, schema, required, description}]`. */
export function propertiesOf(object) {
  if (!object?.properties) return [];
  const required = new Set(object.required ?? []);
  return Object.entries(object.properties).map(([name, schema]) => ({
    name,
    schema,
    required: required.has(name),
    description: schema.description ?? "",
  }));
}
