// Formatting editor texts: JSON is pretty-printed; a template is re-indented by its JSON
// brackets, changing only the whitespace that starts a line (never what it renders).
import { tokenize } from "./jsontext.js";

const INDENT = "  ";

/** `{text}` pretty-printed, or `{error}` when it is not JSON. */
export function formatJson(text) {
  try {
    return { text: `${JSON.stringify(JSON.parse(text), null, 2)}\n` };
  } catch (error) {
    return { error: `Not JSON, so not formatted: ${error.message}` };
  }
}

export function reindentTemplate(text) {
  const tokens = tokenize(text, true);
  const lines = text.split("\n");
  const result = [];
  let offset = 0;
  let next = 0;
  let depth = 0;
  for (const line of lines) {
    while (next < tokens.length && tokens[next].end <= offset) {
      const kind = tokens[next].kind;
      if (kind === "{" || kind === "[") depth++;
      else if (kind === "}" || kind === "]") depth = Math.max(depth - 1, 0);
      next++;
    }
    // A line that continues a multi-line Jinja tag or expression keeps its own indentation.
    const continues = next < tokens.length && tokens[next].start < offset;
    const content = line.trim();
    if (continues) result.push(line.trimEnd());
    else if (!content) result.push("");
    else result.push(INDENT.repeat(Math.max(depth - (/^[}\]]/.test(content) ? 1 : 0), 0)) + content);
    offset += line.length + 1;
  }
  return result.join("\n");
}
