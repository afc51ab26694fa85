#!/usr/bin/env bash
# Browser tests: builds the example guide and uses it in Debian's Chromium,
# driven by playwright-core, as a visitor would; and serves it with Debian's
# nginx and the server block hui writes. CI runs this after the Rust
# checks (.ci/run); it needs Rust, Node 20 and apt-get (as root or via sudo).
#
#   bash tests/browser/run.sh                      # everything
#   bash tests/browser/run.sh --test-name-pattern=WeChat
#
# Arguments go to `node --test`. Environment:
#   HUI_SITE       test this built site instead of building the example
#   HUI_BIN        the hui binary the tests build their own sites with
#   CHROMIUM_PATH  the Chromium to drive (default: Debian's /usr/bin/chromium)
set -euo pipefail
cd "$(dirname "$0")/../.."

# Chromium from Debian, not playwright's own download: that download is not
# available everywhere, and Debian's build is what the team's machines run.
# nginx runs the server block hui writes (nginx.test.mjs); the tests start
# their own, so the service the package may start is stopped again.
packages=()
[ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ] || packages+=(chromium)
[ -n "${NGINX_PATH:-}" ] || [ -x /usr/sbin/nginx ] || packages+=(nginx)
# zbarimg reads back the QR code of the share posters (fairs.test.mjs).
command -v zbarimg >/dev/null || packages+=(zbar-tools)
# pdfinfo, pdftotext and pdftoppm read back what Chromium prints (print.test.mjs).
command -v pdftotext >/dev/null || packages+=(poppler-utils)
# vobject (Python) reads the officials' vCard file as address books do
# (fairs.test.mjs): from pip when it is there, else from Debian.
if ! python3 -c 'import vobject' 2>/dev/null; then
  python3 -m pip install --quiet --user vobject 2>/dev/null ||
    python3 -m pip install --quiet --user --break-system-packages vobject 2>/dev/null ||
    packages+=(python3-vobject)
fi
if [ ${#packages[@]} -gt 0 ]; then
  echo "run.sh: installing ${packages[*]} with apt-get"
  sudo=
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  # Recommends (a sandbox helper, upower, printing tools) are not needed to
  # run headless; the fonts fontconfig depends on come anyway.
  $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
  if [[ " ${packages[*]} " == *" nginx "* ]]; then
    $sudo service nginx stop >/dev/null 2>&1 || $sudo pkill -x nginx || true
  fi
fi

# Exactly the locked playwright-core; it must not fetch a browser of its own.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error

# The tests build small sites of their own with the binary, so build it even
# when HUI_SITE is given.
if [ -z "${HUI_BIN:-}" ]; then
  cargo build --release --locked --quiet
  export HUI_BIN="${CARGO_TARGET_DIR:-target}/release/hui"
fi

if [ -z "${HUI_SITE:-}" ]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  # A fresh folder rather than public/, so a developer's public/ is left alone.
  cargo run --release --locked --quiet -- build --output "$tmp/site" --quiet
  export HUI_SITE="$tmp/site"
fi

# The spec reporter names each test by what the visitor sees; a test that
# hangs (a browser that never answers) fails after a minute instead of
# holding up CI.
node --test --test-reporter=spec --test-timeout=60000 "$@" tests/browser/*.test.mjs
