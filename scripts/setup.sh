# Installs what report-lens needs, skipping whatever is already there at the right
# version. Sourced by scripts/serve.sh and scripts/test.sh; not meant to be run alone.
# Everything comes from package registries (crates.io, npm, Debian): Trunk never
# downloads tools itself (Trunk.toml sets offline = true).

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS="$ROOT/.tools"
export PATH="$HOME/.cargo/bin:$TOOLS/node_modules/.bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# The wasm-bindgen version Cargo.lock pins; wasm-bindgen-cli must match it exactly.
locked_wasm_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_build_tools() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (about 10 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi

  local wb
  wb=$(locked_wasm_bindgen)
  if ! grep -q "wasm_bindgen = \"$wb\"" "$ROOT/Trunk.toml"; then
    say "Trunk.toml's [tools] wasm_bindgen must be \"$wb\", the version in Cargo.lock" >&2
    return 1
  fi
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    say "installing wasm-bindgen-cli $wb (about 4 minutes)"
    # Without --locked: one of its locked dependency versions is not on crates.io.
    cargo install wasm-bindgen-cli --version "$wb"
  fi

  if [ "$(wasm-opt --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ]; then
    say "installing wasm-opt (binaryen $BINARYEN_VERSION from npm) into .tools/"
    npm install --prefix "$TOOLS" --no-audit --no-fund "binaryen@$BINARYEN_VERSION"
  fi

  # Trunk runs cargo offline, so every crate must be downloaded first.
  cargo fetch --locked
}

setup_browser_tools() {
  # Chinese fonts, so that the screenshots the tests save can be read by a person.
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
    || ! fc-list 2>/dev/null | grep -q "Noto Serif CJK"; then
    say "installing Debian's chromium, chromium-driver and fonts-noto-cjk"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver fonts-noto-cjk
  fi
  if [ ! -d "$ROOT/tests/e2e/node_modules/playwright-core" ]; then
    say "installing the end-to-end test driver (playwright-core, no browser download)"
    npm ci --prefix "$ROOT/tests/e2e" --no-audit --no-fund
  fi
}
