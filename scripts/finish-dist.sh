#!/usr/bin/env bash
# Trunk's post_build hook (see Trunk.toml): makes the staged build safe to cache.
#
# 1. Trunk names each worker's files after its binary (ingest-worker.js), the same in every
#    build, so a page from a new deployment could meet a worker cached from an old one.
#    This puts a hash of each worker's code into its file names
#    (ingest-worker-0123456789abcdef_loader.js) and writes the loader's new name into the
#    page's <meta name="report-lens:worker:NAME">, where src/ui/worker.rs looks it up.
# 2. Does the same for the JavaScript API (report-lens-api-0123456789abcdef.js and its
#    _bg.wasm), and writes report-lens-api.js, the name other pages import, as a module
#    that re-exports the hashed one: a page never meets the API's code of one deployment
#    with the wasm of another.
# 3. Puts a hash of each module that draws views for the page (src/bin/views.rs,
#    src/bin/comparison-view.rs) into its file names and writes its new name into
#    <meta name="report-lens:module:NAME">, where the page (index.html,
#    <report-lens-view> and <report-lens-comparison>) looks it up.
# 4. Writes sw.js, the service worker (web/sw.js), headed by the list of every file of the
#    build and a version that is a hash of them all: any change to any file makes a new
#    service worker, which the page offers to switch to (src/ui/update.rs).
set -euo pipefail
cd "$TRUNK_STAGING_DIR"

for loader in *_loader.js; do
  worker=${loader%_loader.js}
  hashed="$worker-$(cat "$worker.js" "${worker}_bg.wasm" | sha256sum | cut -c1-16)"
  mv "$worker.js" "$hashed.js"
  mv "${worker}_bg.wasm" "${hashed}_bg.wasm"
  sed "s|\./$worker\([._]\)|./$hashed\1|g" "$loader" > "${hashed}_loader.js"
  rm "$loader"
  grep -q "name=\"report-lens:worker:$worker\" content=\"$loader\"" index.html || {
    echo "finish-dist.sh: index.html has no <meta name=\"report-lens:worker:$worker\" content=\"$loader\">" >&2
    exit 1
  }
  sed -i "s|name=\"report-lens:worker:$worker\" content=\"$loader\"|name=\"report-lens:worker:$worker\" content=\"${hashed}_loader.js\"|" index.html
done

api=report-lens-api
hashed="$api-$(cat "$api.js" "${api}_bg.wasm" | sha256sum | cut -c1-16)"
sed "s|${api}_bg\.wasm|${hashed}_bg.wasm|g" "$api.js" > "$hashed.js"
mv "${api}_bg.wasm" "${hashed}_bg.wasm"
grep -q "${hashed}_bg.wasm" "$hashed.js" || {
  echo "finish-dist.sh: $api.js does not name ${api}_bg.wasm" >&2
  exit 1
}
{
  echo "// report-lens's JavaScript API under its lasting name: the module of this build is"
  echo "// $hashed.js, named by a hash of its code (scripts/finish-dist.sh)."
  echo "export * from './$hashed.js';"
  echo "export { default } from './$hashed.js';"
} > "$api.js"

for view in views comparison-view; do
  hashed="$view-$(cat "$view.js" "${view}_bg.wasm" | sha256sum | cut -c1-16)"
  sed "s|${view}_bg\.wasm|${hashed}_bg.wasm|g" "$view.js" > "$hashed.js"
  mv "${view}_bg.wasm" "${hashed}_bg.wasm"
  rm "$view.js"
  grep -q "${hashed}_bg.wasm" "$hashed.js" || {
    echo "finish-dist.sh: $view.js does not name ${view}_bg.wasm" >&2
    exit 1
  }
  grep -q "name=\"report-lens:module:$view\" content=\"$view.js\"" index.html || {
    echo "finish-dist.sh: index.html has no <meta name=\"report-lens:module:$view\" content=\"$view.js\">" >&2
    exit 1
  }
  sed -i "s|name=\"report-lens:module:$view\" content=\"$view.js\"|name=\"report-lens:module:$view\" content=\"$hashed.js\"|" index.html
done

files=$(find . -type f ! -name sw.js -printf '%P\n' | LC_ALL=C sort)
version=$(sha256sum $files | sha256sum | cut -c1-16)
{
  echo "// Written by scripts/finish-dist.sh from web/sw.js."
  echo "const VERSION = '$version';"
  echo "const FILES = ["
  echo "  './',"
  printf "  './%s',\n" $files
  echo "];"
  cat "$TRUNK_SOURCE_DIR/web/sw.js"
} > sw.js
