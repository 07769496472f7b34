#!/usr/bin/env bash
# Installs Neovim from Debian's packages for test/e2e/neovim.test.ts, which runs the language server under Neovim's
# own LSP client with the configuration docs/neovim.md gives. Only that test needs it (CI installs it; without it
# the test skips). Idempotent: an nvim already on PATH is kept.
set -euo pipefail

need_apt=()
command -v nvim >/dev/null 2>&1 || need_apt+=(neovim)
bash "$(dirname "$0")/apt-install.sh" setup-neovim "${TMPDIR:-/tmp}/imr-setup-neovim.log" ${need_apt[@]+"${need_apt[@]}"}
