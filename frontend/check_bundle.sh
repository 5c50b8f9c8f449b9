#!/bin/sh
# Rebuilds the frontend from a clean `npm ci` and fails when the result differs
# from the committed tbviz_plugin/static/index.js (CI calls this).
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
npm run build
if ! git diff --quiet --exit-code -- ../tbviz_plugin/static; then
  git diff --stat -- ../tbviz_plugin/static
  echo "tbviz_plugin/static/index.js differs from a fresh build of frontend/." >&2
  echo "Run 'cd frontend && npm ci && npm run build' and commit tbviz_plugin/static/index.js." >&2
  exit 1
fi
if [ -n "$(git ls-files --others --exclude-standard -- ../tbviz_plugin/static)" ]; then
  echo "The build wrote files under tbviz_plugin/static/ that are not committed:" >&2
  git ls-files --others --exclude-standard -- ../tbviz_plugin/static >&2
  exit 1
fi
echo "tbviz_plugin/static/index.js matches a fresh build."
