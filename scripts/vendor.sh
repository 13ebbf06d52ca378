#!/usr/bin/env bash
# Re-creates static/vendor/ from the npm registry. Run by hand when upgrading a library;
# the results are committed, so neither `make run` nor `make test` needs Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
MARKED=18.2.1
DOMPURIFY=3.5.0
JSON_SCHEMA=4.1.6
ESBUILD=0.25
# The studio's editor: CodeMirror 6 and the languages it needs, bundled into one ES module.
CODEMIRROR_PACKAGES=(
  @codemirror/state@6.7.6 @codemirror/view@6.43.15 @codemirror/language@6.13.1
  @codemirror/commands@6.11.1 @codemirror/autocomplete@6.20.4 @codemirror/lint@6.9.8
  @codemirror/search@6.7.2 @codemirror/lang-json@6.0.2 @codemirror/lang-jinja@6.0.1
  @lezer/highlight@1.2.5
)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --silent "marked@$MARKED" "dompurify@$DOMPURIFY" "@cfworker/json-schema@$JSON_SCHEMA" "esbuild@$ESBUILD")
nm="$work/node_modules"
sed 's|//# sourceMappingURL=.*||' "$nm/marked/lib/marked.esm.js" > static/vendor/marked.js
"$nm/.bin/esbuild" "$nm/dompurify/dist/purify.es.mjs" --minify --format=esm --legal-comments=inline --outfile=static/vendor/purify.js
"$nm/.bin/esbuild" "$nm/@cfworker/json-schema/dist/esm/index.js" --bundle --minify --format=esm --legal-comments=inline --outfile=static/vendor/json-schema.js
cp "$nm/marked/LICENSE" static/vendor/licenses/marked.LICENSE
cp "$nm/dompurify/LICENSE" static/vendor/licenses/dompurify.LICENSE
printf "@cfworker/json-schema %s is MIT licensed (package.json), https://github.com/cfworker/cfworker\n" "$JSON_SCHEMA" > static/vendor/licenses/cfworker-json-schema.LICENSE

# CodeMirror: one ES module exporting what static/studio/editor.js uses. lang-jinja's default
# base language is HTML, which widget templates never are: aliasing it to JSON keeps the
# HTML, CSS and JavaScript grammars (about 150 KB) out of the bundle.
(cd "$work" && npm install --silent "${CODEMIRROR_PACKAGES[@]}")
cat > "$work/html-as-json.js" <<'JS'
export { json as html } from "@codemirror/lang-json";
JS
cat > "$work/codemirror-entry.js" <<'JS'
export { Compartment, EditorSelection, EditorState, Prec, StateEffect, StateField } from "@codemirror/state";
export { Decoration, EditorView, ViewPlugin, drawSelection, dropCursor, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers, placeholder } from "@codemirror/view";
export { defaultKeymap, history, historyKeymap, indentWithTab, redo, undo } from "@codemirror/commands";
export { HighlightStyle, bracketMatching, foldGutter, foldKeymap, indentOnInput, indentUnit, syntaxHighlighting, syntaxTree } from "@codemirror/language";
export { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap, snippetCompletion, startCompletion } from "@codemirror/autocomplete";
export { highlightSelectionMatches, search, searchKeymap } from "@codemirror/search";
export { forEachDiagnostic, lintGutter, lintKeymap, setDiagnostics } from "@codemirror/lint";
export { json } from "@codemirror/lang-json";
export { jinja } from "@codemirror/lang-jinja";
export { tags } from "@lezer/highlight";
JS
"$nm/.bin/esbuild" "$work/codemirror-entry.js" --bundle --minify --format=esm --legal-comments=inline \
  --alias:@codemirror/lang-html="$work/html-as-json.js" --outfile=static/vendor/codemirror.js
{
  printf "CodeMirror 6 (static/vendor/codemirror.js) bundles these MIT licensed packages:\n%s\n" "${CODEMIRROR_PACKAGES[*]}"
  printf "and their dependencies @lezer/common, @lezer/lr, @lezer/json, crelt, style-mod, w3c-keyname\nand @marijn/find-cluster-break, by the same author under the same license.\n\n"
  cat "$nm/@codemirror/view/LICENSE"
} > static/vendor/licenses/codemirror.LICENSE
