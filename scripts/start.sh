#!/usr/bin/env bash
# `npm start`: real VS Code (code-server 4.100.3) in your browser with Stepvisor loaded and the example
# workspace open, on 127.0.0.1 only. First run installs code-server into .vscode-e2e/ (1-2 minutes) and, as
# root, the Debian packages it needs. PORT=NNNN picks the port (default 8080, or the next free one).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || { echo "start: run 'npm ci' first" >&2; exit 1; }
exec node scripts/start.mjs "$@"
