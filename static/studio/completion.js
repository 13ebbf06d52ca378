// Schema-aware completion: component types, props and their values in templates (from the
// published widget schema), data fields inside Jinja expressions and in sample data (from
// the template's data schema), and JSON Schema keywords in the data schema.
import { snippetCompletion } from "../vendor/codemirror.js";
import { allowedValues, objectSchema, propertiesOf, resolve, schemaAt, typeLabel } from "./catalog.js";
import { contextAt } from "./jsontext.js";

const JSON_SCHEMA_TYPES = ["object", "array", "string", "number", "integer", "boolean", "null"];
const KEYWORD_NOTES = {
  $schema: "The dialect: https://json-schema.org/draft/2020-12/schema",
  type: "The JSON type(s) allowed",
  properties: "Schemas of an object's properties",
  required: "Properties an object must have",
  additionalProperties: "false to refuse unknown properties",
  items: "The schema of every array item",
  enum: "The allowed values",
  const: "The one allowed value",
  description: "What the value means",
  title: "A short name",
  default: "The value used when it is missing",
  minimum: "Smallest number allowed",
  maximum: "Largest number allowed",
  minLength: "Shortest string allowed",
  maxLength: "Longest string allowed",
  pattern: "A regular expression strings must match",
  format: "A format such as date-time, email or uri",
  minItems: "Fewest array items allowed",
  maxItems: "Most array items allowed",
  anyOf: "Valid against at least one of these",
  oneOf: "Valid against exactly one of these",
  allOf: "Valid against all of these",
  $defs: "Reusable schemas, for $ref",
  $ref: "Use a schema from $defs: #/$defs/Name",
  examples: "Example values",
};

/** A JSON Schema of JSON Schemas, small enough to guide completion in the Data schema editor. */
export const META_SCHEMA = (() => {
  const properties = Object.fromEntries(Object.entries(KEYWORD_NOTES).map(([name, description]) => [name, { description }]));
  properties.type = { description: KEYWORD_NOTES.type, enum: JSON_SCHEMA_TYPES };
  properties.properties = { description: KEYWORD_NOTES.properties, type: "object", additionalProperties: { $ref: "#/$defs/schema" } };
  properties.$defs = { description: KEYWORD_NOTES.$defs, type: "object", additionalProperties: { $ref: "#/$defs/schema" } };
  properties.items = { description: KEYWORD_NOTES.items, $ref: "#/$defs/schema" };
  properties.additionalProperties = { description: KEYWORD_NOTES.additionalProperties, anyOf: [{ type: "boolean" }, { $ref: "#/$defs/schema" }] };
  properties.$schema = { description: KEYWORD_NOTES.$schema, enum: ["https://json-schema.org/draft/2020-12/schema"] };
  for (const name of ["anyOf", "oneOf", "allOf"]) properties[name] = { description: KEYWORD_NOTES[name], type: "array", items: { $ref: "#/$defs/schema" } };
  return { $defs: { schema: { type: "object", properties } }, $ref: "#/$defs/schema" };
})();

/** The body of a value snippet for a property (`${}` marks where the cursor lands). */
function valueSnippet(schema, root) {
  const resolved = resolve(schema, root) ?? {};
  const values = allowedValues(schema, root);
  if (resolved.type === "boolean") return "${true}";
  if (values.length && values.every((value) => typeof value === "string")) return '"${}"';
  if (resolved.type === "string") return '"${}"';
  if (resolved.type === "array") return "[${}]";
  if (resolved.type === "object" || resolved.properties) return "{${}}";
  return "${}";
}

function keyOptions(ctx, root, followedByColon) {
  const object = schemaAt(root, ctx.path);
  const present = new Set(ctx.keys);
  return propertiesOf(object)
    .filter((prop) => !present.has(prop.name))
    .map((prop) => {
      const label = JSON.stringify(prop.name);
      const base = {
        label,
        detail: typeLabel(prop.schema, root),
        info: prop.description || undefined,
        type: "property",
        boost: prop.required ? 2 : prop.name === "type" ? 3 : 0,
      };
      if (followedByColon) return { ...base, apply: label };
      const escaped = label.replace(/[$\\{}]/g, (char) => `\\${char}`);
      return snippetCompletion(`${escaped}: ${valueSnippet(prop.schema, root)}`, base);
    });
}

function componentSnippet(definition, typeName, root) {
  const parts = [`"type": ${JSON.stringify(typeName)}`];
  for (const prop of propertiesOf(definition)) {
    if (!prop.required || prop.name === "type") continue;
    parts.push(`"${prop.name}": ${valueSnippet(prop.schema, root)}`);
  }
  let body = `{${parts.join(", ")}}`;
  // One cursor stop: the first placeholder, or after the object.
  let seen = false;
  body = body.replace(/\$\{[^}]*\}/g, (stop) => (seen ? stop.replace(/\$\{([^}]*)\}/, "$1") : ((seen = true), stop)));
  return seen ? body : `${body}\${}`;
}

function valueOptions(ctx, root, { before, after }) {
  if (ctx.key === null) {
    // An array item: whole components where the array holds them, with the commas that
    // separate it from its neighbours.
    const item = schemaAt(root, ctx.path);
    const types = allowedValues(resolve(item, root)?.properties?.type, root);
    const lead = /[}\]"\w]\s*$/.test(before) ? ", " : "";
    const trail = /^\s*[{["\w]/.test(after) ? "," : "";
    return types.map((typeName) => {
      const definition = objectSchema(item, root, typeName);
      return snippetCompletion(`${lead}${componentSnippet(definition, typeName, root)}${trail}`, {
        label: typeName,
        detail: "component",
        info: definition?.description,
        type: "class",
      });
    });
  }
  const path = ctx.path.map((step, index) =>
    index === ctx.path.length - 1 ? { ...step, key: ctx.key, typeName: ctx.key === "type" ? undefined : step.typeName } : step,
  );
  return allowedValues(schemaAt(root, path), root).map((value, index) => {
    const definition = ctx.key === "type" && typeof value === "string" ? objectSchema(root, root, value) : null;
    return {
      label: JSON.stringify(value),
      boost: Math.max(99 - index, -99), // the schema's order (sm, md, lg...), not the alphabet's
      type: ctx.key === "type" ? "class" : typeof value === "string" ? "enum" : "constant",
      info: definition?.description,
    };
  });
}

/** Completion for a JSON document described by `getSchema()` (jinja: a widget template). */
export function jsonCompletion(getSchema, { jinja = false, getDataSchema = null } = {}) {
  return (context) => {
    const text = context.state.doc.toString();
    const ctx = contextAt(text, context.pos, { jinja });
    if (ctx.slot === "expression") return jinja && getDataSchema ? expressionOptions(text, context, ctx, getDataSchema()) : null;
    const root = getSchema();
    if (!root || !ctx.slot) return null;
    const token = ctx.token && ["string", "word", "number"].includes(ctx.token.kind) ? ctx.token : null;
    if (!token && !context.explicit) return null;
    const from = token ? token.start : context.pos;
    // Replace the rest of the word being edited (and its closing quote), not what follows it.
    const rest = token ? /^[\w$.-]*"?/.exec(text.slice(context.pos))[0] : "";
    const to = context.pos + (token?.kind === "string" ? rest.length : rest.replace(/"$/, "").length);
    if (ctx.slot === "key") {
      const followedByColon = /^\s*:/.test(text.slice(to));
      const options = keyOptions(ctx, root, followedByColon);
      return options.length ? { from, to, options, validFor: /^"?[\w$-]*"?$/ } : null;
    }
    const options = valueOptions(ctx, root, { before: text.slice(0, from), after: text.slice(to) });
    if (!options.length) return null;
    return { from, to, options, validFor: token?.kind === "string" ? /^"[^"]*"?$/ : /^\w*$/ };
  };
}

// --- data fields inside Jinja --------------------------------------------------------------

const LOOP_VARIABLE = /\{%-?\s*for\s+(\w+)(?:\s*,\s*(\w+))?\s+in\s+([\w.]+)/g;
const LOOP_PROPS = { index: "1-based iteration", index0: "0-based iteration", first: "true on the first item", last: "true on the last item", length: "number of items", revindex: "iterations left (1-based)" };

function loopBindings(text, pos) {
  const bindings = new Map();
  for (const match of text.slice(0, pos).matchAll(LOOP_VARIABLE)) {
    const [, first, second, iterable] = match;
    bindings.set(second ?? first, { path: iterable.split("."), item: !second });
  }
  return bindings;
}

/** The data schema at a dotted path of data (`order.items` → its schema). */
function dataSchemaAt(root, names, bindings, depth = 0) {
  if (!names.length || depth > 8) return root;
  const [first, ...rest] = names;
  const binding = bindings.get(first);
  let schema;
  if (binding) {
    const iterable = dataSchemaAt(root, binding.path, new Map(), depth + 1);
    schema = binding.item ? resolve(iterable, root)?.items ?? null : null;
  } else {
    schema = objectSchema(root, root)?.properties?.[first] ?? null;
  }
  for (const name of rest) schema = schema ? objectSchema(schema, root)?.properties?.[name] ?? null : null;
  return schema;
}

function expressionOptions(text, context, ctx, dataSchema) {
  const inside = text.slice(ctx.token.start, context.pos);
  const match = /([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\.)?([A-Za-z_]\w*)?$/.exec(inside);
  const typed = match?.[2] ?? "";
  if (!match || (!typed && !match[1] && !context.explicit)) return null;
  if (/\|\s*\w*$/.test(inside)) return null; // a filter: Jinja's own completion knows them
  const from = context.pos - typed.length;
  const bindings = loopBindings(text, context.pos);
  const base = match[1] ? match[1].slice(0, -1).split(".") : [];
  if (base[0] === "loop" && base.length === 1) {
    return { from, options: Object.entries(LOOP_PROPS).map(([label, info]) => ({ label, info, type: "property" })), validFor: /^\w*$/ };
  }
  if (!dataSchema) return null;
  const options = [];
  if (!base.length) {
    for (const [name, binding] of bindings) options.push({ label: name, detail: `loop over ${binding.path.join(".")}`, type: "variable", boost: 2 });
  }
  const schema = base.length ? dataSchemaAt(dataSchema, base, bindings) : dataSchema;
  for (const prop of propertiesOf(objectSchema(schema, dataSchema))) {
    options.push({ label: prop.name, detail: typeLabel(prop.schema, dataSchema), info: prop.description || undefined, type: base.length ? "property" : "variable", boost: 1 });
  }
  return options.length ? { from, options, validFor: /^\w*$/ } : null;
}
