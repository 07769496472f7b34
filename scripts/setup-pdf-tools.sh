#!/usr/bin/env bash
# Installs the PDF-to-text tools that test/parser/pdfExtracts.test.ts runs over the corpus PDFs, from Debian's
# packages: pdftotext and pdftoppm (poppler-utils), mutool (mupdf-tools) and pdf2txt (python3-pdfminer); and tesseract
# (tesseract-ocr, with its English data), which test/parser/ocrPdfs.test.ts OCRs two of them with. Only the tests need
# them (CI installs them; without them those tests skip); the extension and the CLI read text, not PDFs.
# Idempotent: a tool already on PATH is kept.
set -euo pipefail

need_apt=()
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v mutool >/dev/null 2>&1 || need_apt+=(mupdf-tools)
command -v pdf2txt >/dev/null 2>&1 || need_apt+=(python3-pdfminer)
command -v pdftoppm >/dev/null 2>&1 || need_apt+=(poppler-utils)
command -v tesseract >/dev/null 2>&1 || need_apt+=(tesseract-ocr)
bash "$(dirname "$0")/apt-install.sh" setup-pdf-tools "${TMPDIR:-/tmp}/imr-setup-pdf-tools.log" ${need_apt[@]+"${need_apt[@]}"}
