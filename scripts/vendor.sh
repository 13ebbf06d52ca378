#!/usr/bin/env bash
# Re-creates static/vendor/ from the npm registry. Run by hand when upgrading a library;
# the results are committed, so neither `make run` nor `make test` needs Node.js.
set -euo pipefail
cd "$(dirname "$0")/.."
MARKED=18.2.1
DOMPURIFY=3.5.0
JSON_SCHEMA=4.1.6
ESBUILD=0.25
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
