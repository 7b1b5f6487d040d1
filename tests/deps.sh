#!/usr/bin/env bash
# Installs what the build and the tests need on Debian 12, when missing:
# the compiler, CMake and the six libraries; python3; wget, which makes the
# web archives of the input tests; the real stores the
# feed tests load into (rapper and networkx from Debian, kuzu and oxigraph
# from npm, pinned by tests/feeds/package-lock.json); clang for the fuzz
# pass; valgrind for memcheck; Dask (python3-distributed: the dask CLI and
# its scheduler and workers) for the runner in contrib/dask; chromium,
# driven headless by puppeteer-core (from npm, pinned by
# tests/html/package-lock.json) for the HTML map's tests.
# Usage: bash tests/deps.sh
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs=(build-essential cmake pkg-config libgraphviz-dev graphviz libcjson-dev libpcre2-dev libxml2-dev
      zlib1g-dev python3 wget raptor2-utils python3-networkx clang valgrind python3-distributed chromium)
command -v node >/dev/null && command -v npm >/dev/null || pkgs+=(nodejs npm)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
[ -d tests/feeds/node_modules ] || (cd tests/feeds && npm ci --no-audit --no-fund --loglevel=error)
[ -d tests/html/node_modules ] || (cd tests/html && npm ci --no-audit --no-fund --loglevel=error)
