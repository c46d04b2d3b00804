#!/usr/bin/env bash
# Quick start 1 of 2: install what is missing, build the page and serve it on
# http://127.0.0.1:8080 (Ctrl-C stops it). Extra arguments go to `trunk serve`.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
setup_build_tools
cd "$ROOT"
say "building and serving on http://127.0.0.1:8080"
exec trunk serve index.html --release "$@"
