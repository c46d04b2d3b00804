#!/usr/bin/env bash
# Quick start 2 of 2: install what is missing and run every test: formatting and lints,
# native tests (analysis, fixtures, command line), component tests in headless Chromium
# (wasm-bindgen-test), and end-to-end tests of the built page in Chromium (Playwright).
# Screenshots of the page land in target/e2e/.
set -euo pipefail
source "$(dirname "$0")/setup.sh"
setup_build_tools
setup_browser_tools
cd "$ROOT"

say "formatting and lints"
cargo fmt --check
cargo clippy --locked --all-targets -- -D warnings
cargo clippy --locked --target wasm32-unknown-unknown --lib --bins --tests -- -D warnings

say "native tests"
cargo test --locked

say "component tests in headless Chromium"
CHROMEDRIVER=/usr/bin/chromedriver cargo test --locked --target wasm32-unknown-unknown --test web

say "release build of the page"
trunk build index.html --release

say "end-to-end tests in Chromium"
node --test tests/e2e/
