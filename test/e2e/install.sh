#!/usr/bin/env bash
# Installs what real-VS-Code runs need, on first use, outside the project's dependencies:
#   - Debian packages: chromium (the browser playwright-core drives), libkrb5-dev (headers for code-server's
#     'kerberos' native module), ripgrep (stands in for @vscode/ripgrep's GitHub download).
#   - code-server 4.100.3 (VS Code 1.100.3, the last release whose engines.node is 20) into .vscode-e2e/cs.
# Idempotent and quick once installed. Not root and packages missing: prints the apt-get line and exits 1.
# Usage: install.sh [--no-browser]
# The workarounds are explained in the research note real-vscode-e2e.md ("Pitfalls checklist").
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
W=${STEPVISOR_VSCODE_DIR:-$ROOT/.vscode-e2e}
CS_VERSION=4.100.3

# --no-browser: only code-server (npm start needs no chromium: you bring your own browser).
browser=1; [ "${1:-}" = --no-browser ] && browser=0
missing=()
[ "$browser" = 0 ] || [ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
command -v rg >/dev/null || missing+=(ripgrep)
# node-gyp builds code-server's native modules from source (no prebuilt downloads offline).
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v python3 >/dev/null || missing+=(python3)
CS="$W/cs/node_modules/.bin/code-server"
# Only chromium matters once code-server is built.
if [ -x "$CS" ]; then
  m=(); for p in "${missing[@]+"${missing[@]}"}"; do [ "$p" = chromium ] && m+=("$p"); done
  missing=("${m[@]+"${m[@]}"}")
fi
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "e2e: installing ${missing[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "e2e: missing Debian packages: ${missing[*]}. Run:" >&2
    echo "  sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
  fi
fi

if [ ! -x "$CS" ] || ! grep -q "\"version\": \"$CS_VERSION\"" "$W/cs/node_modules/code-server/package.json" 2>/dev/null; then
  t0=$(date +%s)
  echo "e2e: installing code-server $CS_VERSION into $W/cs (first use only, about 1-2 minutes)"
  rm -rf "$W/cs"
  mkdir -p "$W/cs" "$W/tmp/vscode-ripgrep-cache-1.15.11"
  # @vscode/ripgrep 1.15.11's postinstall looks in this cache before trying api.github.com (unreachable here).
  tar czf "$W/tmp/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" \
      -C "$(dirname "$(command -v rg)")" rg
  echo '{"name":"stepvisor-vscode-e2e-host","private":true}' > "$W/cs/package.json"
  # nodedir: node-gyp must use the local headers (it cannot download them).
  # unsafe_perm: code-server's postinstall refuses to run as root without it.
  # yes: node-pty's postinstall runs `npx node-gyp` (a user .npmrc may say yes=false).
  # dangerously_allow_all_scripts: the nested `npm install` in lib/vscode needs its install scripts and
  # rejects allow-scripts lists (EALLOWSCRIPTS), so the gate is opened for this one install only.
  nodedir=/usr
  [ -e /usr/include/node/node.h ] || nodedir=$(dirname "$(dirname "$(command -v node)")")
  (cd "$W/cs" && env -u npm_config_allow_scripts TMPDIR="$W/tmp" npm_config_nodedir="$nodedir" \
     npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true \
     npm install --no-audit --no-fund --no-save --loglevel=error "code-server@$CS_VERSION")
  [ -x "$CS" ] || { echo "e2e: code-server install failed" >&2; exit 1; }
  echo "e2e: code-server installed in $(( $(date +%s) - t0 ))s"
fi
