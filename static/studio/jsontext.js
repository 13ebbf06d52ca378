// Reading a JSON text, or a Jinja template of one, around the cursor: which objects and
// arrays enclose it, under which keys, and whether a key, a value or a Jinja expression is
// being typed. Tolerant of half-typed text: it tokenizes, never parses strictly.

const PUNCTUATION = new Set(["{", "}", "[", "]", ":", ","]);
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const WORD = /[A-Za-z_$][\w$]*/y;

function matchAt(pattern, text, index) {
  pattern.lastIndex = index;
  const match = pattern.exec(text);
  return match && match[0].length ? match[0] : null;
}

/** Tokens `{kind, start, end, text}`; `jinja` reads `{{ }}`, `{% %}`, `{# #}` as tokens. */
export function tokenize(text, jinja) {
  const tokens = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    const pair = text.slice(index, index + 2);
    if (jinja && (pair === "{{" || pair === "{%" || pair === "{#")) {
      const closing = { "{{": "}}", "{%": "%}", "{#": "#}" }[pair];
      const found = text.indexOf(closing, index + 2);
      const end = found < 0 ? text.length : found + 2;
      const kind = { "{{": "expression", "{%": "tag", "{#": "comment" }[pair];
      tokens.push({ kind, start: index, end, text: text.slice(index, end), closed: found >= 0 });
      index = end;
      continue;
    }
    if (PUNCTUATION.has(char)) {
      tokens.push({ kind: char, start: index, end: index + 1, text: char });
      index++;
      continue;
    }
    if (char === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"' && text[end] !== "\n") end += text[end] === "\\" ? 2 : 1;
      const closed = text[end] === '"';
      end = Math.min(closed ? end + 1 : end, text.length);
      tokens.push({ kind: "string", start: index, end, text: text.slice(index, end), closed });
      index = end;
      continue;
    }
    const number = matchAt(NUMBER, text, index);
    const word = number ?? matchAt(WORD, text, index);
    const kind = number ? "number" : word ? "word" : "junk";
    const length = word ? word.length : 1;
    tokens.push({ kind, start: index, end: index + length, text: text.slice(index, index + length) });
    index += length;
  }
  return tokens;
}

function stringValue(token) {
  try {
    return JSON.parse(token.closed ? token.text : `${token.text}"`);
  } catch {
    return token.text.slice(1, token.closed ? -1 : undefined);
  }
}

/** The string value of the `"type"` member directly inside the object opening at `tokens[open]`. */
function objectType(tokens, open) {
  let depth = 0;
  for (let i = open + 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === "{" || token.kind === "[") depth++;
    else if (token.kind === "}" || token.kind === "]") {
      if (depth === 0) return null;
      depth--;
    } else if (depth === 0 && token.kind === "string" && stringValue(token) === "type" && tokens[i + 1]?.kind === ":" && tokens[i + 2]?.kind === "string") {
      return stringValue(tokens[i + 2]);
    }
  }
  return null;
}

/**
 * The context at offset `pos`:
 * - `path`: enclosing containers from the root, as steps for catalog.schemaAt: objects
 *   `{kind: "object", typeName, key}` (key: where the next container sits) and `{kind: "array"}`;
 * - `slot`: "key" (a property name is expected or being typed), "value" (after `key:`),
 *   "expression" (inside `{{ }}` or `{% %}`), or null;
 * - `key`: the property whose value is being typed; `keys`: names already in the object;
 * - `token`: the string, word or Jinja token the cursor is in (for the range to replace).
 */
export function contextAt(text, pos, { jinja = false } = {}) {
  const tokens = tokenize(text, jinja);
  const stack = []; // {kind, index (token), key, keys}
  let lastKey = null;
  let afterColon = false;
  let token = null;
  for (let i = 0; i < tokens.length; i++) {
    const current = tokens[i];
    if (current.start >= pos) break;
    if (current.end >= pos && ["string", "word", "number", "expression", "tag"].includes(current.kind)) {
      if (current.end > pos || !current.closed || current.kind === "word" || current.kind === "number") {
        token = current;
        break;
      }
    }
    const top = stack.at(-1);
    switch (current.kind) {
      case "{":
      case "[":
        if (top?.kind === "object") top.key = lastKey;
        stack.push({ kind: current.kind === "{" ? "object" : "array", index: i, key: null, keys: [] });
        lastKey = null;
        afterColon = false;
        break;
      case "}":
      case "]":
        stack.pop();
        afterColon = false;
        break;
      case ":":
        afterColon = true;
        break;
      case ",":
        afterColon = false;
        lastKey = null;
        break;
      case "string":
        if (top?.kind === "object" && !afterColon) {
          lastKey = stringValue(current);
          top.keys.push(lastKey);
        }
        break;
      default:
        break;
    }
  }
  const path = stack.map((entry) =>
    entry.kind === "array" ? { kind: "array" } : { kind: "object", typeName: objectType(tokens, entry.index), key: entry.key ?? undefined },
  );
  const top = stack.at(-1);
  let slot = null;
  if (token && (token.kind === "expression" || token.kind === "tag")) slot = "expression";
  else if (top?.kind === "object") slot = afterColon ? "value" : "key";
  else if (top?.kind === "array") slot = "value";
  if (top?.kind === "object" && path.length) path[path.length - 1].key = undefined;
  return {
    path,
    slot,
    key: slot === "value" && top?.kind === "object" ? lastKey : null,
    keys: top?.kind === "object" ? top.keys.filter((key) => !(token && token.kind === "string" && key === stringValue(token))) : [],
    token,
  };
}
