#!/usr/bin/env bash
# apt-install.sh NAME LOG PACKAGE...: installs Debian packages quietly (with sudo when not root), for the setup
# scripts. On failure it prints the end of LOG and exits 1, naming NAME, the script that asked.
set -euo pipefail
name="$1" log="$2"
shift 2
[ $# -gt 0 ] || exit 0
echo "$name: apt-get install $*"
sudo=""
[ "$(id -u)" = 0 ] || sudo="sudo"
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"; } >"$log" 2>&1; then
  tail -n 30 "$log"
  echo "$name: apt-get failed (full log: $log)" >&2
  exit 1
fi
