// Gatekeeping for untrusted widget JSON: cheap size/depth/node limits first (iterative, so a
// hostile document cannot blow the stack), then JSON Schema validation, with the validator's
// output condensed to the errors a person can act on, each with its JSON pointer.
import { Validator } from "../vendor/json-schema.js";

// Keywords that only say "something below failed"; their children carry the real reason.
const AGGREGATE = new Set([
  "$ref", "$dynamicRef", "properties", "patternProperties", "items", "prefixItems", "allOf",
  "anyOf", "oneOf", "if", "then", "else", "dependentSchemas", "unevaluatedItems", "false",
]);

const error = (pointer, message) => ({ pointer, message });

const childPointer = (pointer, key) => `${pointer}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;

/**
 * Check limits without recursion (the same definitions as the server's): maxDepth counts
 * nested objects and arrays, except that a `children` array adds no level; maxNodes counts
 * the root and every value of a `children` array or object; maxBytes is the UTF-8 length of
 * the compact JSON. Returns the first limit crossed as {pointer, message}, or null.
 */
function checkLimits(widget, { maxBytes, maxDepth, maxNodes }) {
  if (typeof widget !== "object" || widget === null || Array.isArray(widget)) {
    return error("", "A widget must be a JSON object.");
  }
  const tooDeep = (pointer) => error(pointer, `Nested deeper than ${maxDepth} levels.`);
  const tooMany = (pointer) => error(pointer, `More than ${maxNodes} components in one widget.`);
  const tooLarge = (pointer) => error(pointer, `Larger than ${maxBytes} bytes of JSON.`);
  let nodes = 0;
  // A lower bound of the JSON size: every value, key and string character is at least a byte.
  let bytes = 0;
  const stack = [[widget, "", 0, true]]; // [value, pointer, depth, counts as a component]
  while (stack.length) {
    const [value, pointer, parentDepth, isNode] = stack.pop();
    if (isNode && ++nodes > maxNodes) return tooMany(pointer);
    bytes += typeof value === "string" ? value.length + 2 : 1;
    if (bytes > maxBytes) return tooLarge(typeof value === "string" ? pointer : "");
    if (typeof value !== "object" || value === null) continue;
    const depth = parentDepth + 1;
    if (depth > maxDepth) return tooDeep(pointer);
    const keys = Object.keys(value);
    bytes += keys.length;
    if (bytes > maxBytes) return tooLarge("");
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const item = value[key];
      const at = childPointer(pointer, key);
      if (Array.isArray(value)) {
        stack.push([item, at, depth, false]);
        continue;
      }
      bytes += key.length + 3;
      if (key === "children" && Array.isArray(item)) {
        if (nodes + item.length > maxNodes) return tooMany(childPointer(at, maxNodes - nodes));
        bytes += item.length + 1;
        for (let j = item.length - 1; j >= 0; j--) stack.push([item[j], childPointer(at, j), depth, true]);
      } else {
        const isChild = key === "children" && typeof item === "object" && item !== null;
        stack.push([item, at, depth, isChild]);
      }
    }
  }
  // Bounded now, so serialising is safe and gives the exact size.
  const size = new TextEncoder().encode(JSON.stringify(widget)).length;
  return size > maxBytes ? tooLarge("") : null;
}

const toPointer = (location) => decodeURI(location.replace(/^#/, ""));
const segments = (location) => location.replace(/^#\/?/, "").split("/");

const isWithin = (location, prefix) => location === prefix || location.startsWith(`${prefix}/`);

/**
 * Errors inside a oneOf/anyOf branch whose `type` did not match are noise: that branch was
 * about another component. Drop them when some branch of the same union matched the type, and
 * turn a union where none matched into one "unknown type" error. A union is identified by its
 * keyword path and the instance it applied to (the same schema applies to every child).
 */
function pruneUnionBranches(units) {
  const unionSites = new Map();
  for (const unit of units) {
    if (unit.keyword !== "oneOf" && unit.keyword !== "anyOf") continue;
    const path = segments(unit.keywordLocation).join("/");
    unionSites.set(path, [...(unionSites.get(path) ?? []), unit.instanceLocation]);
  }
  const branchesOf = (unit) => {
    const parts = segments(unit.keywordLocation);
    const found = [];
    parts.forEach((part, i) => {
      if ((part !== "oneOf" && part !== "anyOf") || !/^\d+$/.test(parts[i + 1] ?? "")) return;
      const path = parts.slice(0, i + 1).join("/");
      const site = (unionSites.get(path) ?? [])
        .filter((location) => isWithin(unit.instanceLocation, location))
        .sort((a, b) => b.length - a.length)[0];
      if (site !== undefined) found.push({ union: `${path}@${site}`, branch: `${path}/${parts[i + 1]}@${site}`, site });
    });
    return found;
  };

  const mismatched = new Set();
  const expected = new Map();
  const branches = new Map();
  for (const unit of units) {
    const found = branchesOf(unit);
    for (const { union, branch } of found) {
      branches.set(union, (branches.get(union) ?? new Set()).add(branch));
    }
    const innermost = found.at(-1);
    const isTypeMismatch =
      (unit.keyword === "const" || unit.keyword === "enum") && innermost && unit.instanceLocation === `${innermost.site}/type`;
    if (!isTypeMismatch) continue;
    mismatched.add(innermost.branch);
    const name = /"([^"]+)"/.exec(unit.error)?.[1];
    if (name) expected.set(innermost.union, [...(expected.get(innermost.union) ?? []), name]);
  }

  const kept = [];
  const reported = new Set();
  for (const unit of units) {
    const noisy = branchesOf(unit).find(({ branch }) => mismatched.has(branch));
    if (!noisy) {
      kept.push(unit);
      continue;
    }
    const allMismatched = [...branches.get(noisy.union)].every((b) => mismatched.has(b));
    if (allMismatched && !reported.has(noisy.union)) {
      reported.add(noisy.union);
      const names = [...new Set(expected.get(noisy.union))].join(", ");
      kept.push({ keyword: "type", instanceLocation: `${noisy.site}/type`, error: `Unknown type; expected one of: ${names}.` });
    }
  }
  return kept;
}

function readable(unit) {
  const pointer = toPointer(unit.instanceLocation);
  const extra = /^Property "(.+)" does not match (additional|unevaluated) properties/.exec(unit.error);
  if (extra) return error(childPointer(pointer, extra[1]), `Unknown property "${extra[1]}".`);
  const choices = /^Instance does not match any of \[(.*)\]\.$/.exec(unit.error);
  if (choices) return error(pointer, `Expected one of ${choices[1].replace(/,/g, ", ")}.`);
  const type = /^Instance type "(\w+)" is invalid\. Expected (.+)\.$/.exec(unit.error);
  if (type) return error(pointer, `Expected ${type[2].replace(/"/g, "")}, not ${type[1]}.`);
  if (unit.error === "String does not match pattern.") return error(pointer, "Not an accepted value for this property.");
  return error(pointer, unit.error);
}

/** Turn the validator's verbose output into a short list of {pointer, message}. */
function summarise(units) {
  const leaves = pruneUnionBranches(units).filter((u) => !AGGREGATE.has(u.keyword));
  const chosen = leaves.length ? leaves : units;
  const seen = new Set();
  const errors = [];
  for (const unit of chosen) {
    const item = readable(unit);
    const id = `${item.pointer}\n${item.message}`;
    if (!seen.has(id)) {
      seen.add(id);
      errors.push(item);
    }
  }
  return errors;
}

/**
 * A checker for one schema: `check(widget)` → `{ok: true}` or `{ok: false, errors}`.
 * The short-circuiting validator answers valid documents fast; the full one explains failures.
 */
export function createChecker(schema, limits) {
  let fast;
  let full;
  return function check(widget) {
    const limitError = checkLimits(widget, limits);
    if (limitError) return { ok: false, errors: [limitError] };
    fast ??= new Validator(schema, "2020-12", true);
    if (fast.validate(widget).valid) return { ok: true, errors: [] };
    full ??= new Validator(schema, "2020-12", false);
    return { ok: false, errors: summarise(full.validate(widget).errors) };
  };
}
