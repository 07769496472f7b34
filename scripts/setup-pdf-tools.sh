#!/usr/bin/env bash
# Installs the PDF-to-text tools that test/parser/pdfExtracts.test.ts runs over the corpus PDFs, from Debian's
# packages: pdftotext (poppler-utils), mutool (mupdf-tools) and pdf2txt (python3-pdfminer). Only the tests need
# them (CI installs them; without them those tests skip); the extension and the CLI read text, not PDFs.
# Idempotent: a tool already on PATH is kept.
set -euo pipefail

need_apt=()
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v mutool >/dev/null 2>&1 || need_apt+=(mupdf-tools)
command -v pdf2txt >/dev/null 2>&1 || need_apt+=(python3-pdfminer)
[ ${#need_apt[@]} -eq 0 ] && exit 0

echo "setup-pdf-tools: apt-get install ${need_apt[*]}"
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
log="$(mktemp)"
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}"; } >"$log" 2>&1; then
  tail -n 30 "$log"
  echo "setup-pdf-tools: apt-get failed (full log: $log)" >&2
  exit 1
fi
rm -f "$log"
