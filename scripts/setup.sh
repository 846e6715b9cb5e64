#!/usr/bin/env bash
# setup.sh - install what medloc needs to build and test (Debian 12, as root),
# then configure and build it in build/.
#
# Usage: scripts/setup.sh [--with-peers] [--with-browser] [--sanitize | --fuzz]
#   --with-peers  also install the third-party XLIFF consumers and tools the
#                 tests and the benchmark run against: translate-toolkit,
#                 OmegaT, xmllint (validate-xliff), and the npm package xliff
#                 (into $MEDLOC_PEERS, default ~/.cache/medloc/peers, outside
#                 the checkout; needs node and npm, from Debian if missing).
#   --with-browser  also install what the browser tests of the workspace
#                 need: Debian's chromium, node and npm, and the npm package
#                 playwright-core (into $MEDLOC_BROWSER, default
#                 ~/.cache/medloc/browser; it drives the system chromium and
#                 downloads no browser); the build then runs those tests.
#   --sanitize    build with AddressSanitizer and UBSan (into build-asan/).
#   --fuzz        build the libFuzzer targets with clang, ASan and UBSan
#                 (into build-fuzz/; scripts/fuzz.sh runs them).
# Installs only Debian packages, and only those that are missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config
          libicu-dev libpugixml-dev libsqlite3-dev catch2
          libmd4c-dev libgumbo-dev libcli11-dev nlohmann-json3-dev libssl-dev libsodium-dev sqlite3
          libcpp-httplib-dev)
build_dir=build
build_type=RelWithDebInfo
sanitize=OFF
fuzz=OFF
with_peers=0
with_browser=0
for arg in "$@"; do
    case "$arg" in
        --with-peers)
            with_peers=1
            packages+=(translate-toolkit omegat libxml2-utils time python3)
            command -v node >/dev/null 2>&1 || packages+=(nodejs)
            command -v npm >/dev/null 2>&1 || packages+=(npm)
            ;;
        --with-browser)
            with_browser=1
            packages+=(chromium sqlite3)
            command -v node >/dev/null 2>&1 || packages+=(nodejs)
            command -v npm >/dev/null 2>&1 || packages+=(npm)
            ;;
        --sanitize) sanitize=ON; build_dir=build-asan; build_type=Debug ;;
        --fuzz) fuzz=ON; build_dir=build-fuzz; packages+=(clang libclang-rt-14-dev) ;;
        *) echo "setup.sh: unknown option $arg" >&2; exit 1 ;;
    esac
done

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup.sh: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$with_peers" = 1 ]; then
    peers="${MEDLOC_PEERS:-$HOME/.cache/medloc/peers}"
    if [ ! -f "$peers/node_modules/xliff/package.json" ]; then
        echo "setup.sh: installing the npm package xliff@6.4.0 into $peers"
        npm install --silent --no-audit --no-fund --prefix "$peers" xliff@6.4.0 >/dev/null
    fi
fi

browser_options=()
if [ "$with_browser" = 1 ]; then
    browser="${MEDLOC_BROWSER:-$HOME/.cache/medloc/browser}"
    if [ ! -f "$browser/node_modules/playwright-core/package.json" ]; then
        echo "setup.sh: installing the npm package playwright-core@1.65.1 into $browser"
        PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent --no-audit --no-fund --prefix "$browser" \
            playwright-core@1.65.1 >/dev/null
    fi
    browser_options=(-DMEDLOC_BROWSER_TESTS=ON "-DMEDLOC_BROWSER_MODULES=$browser/node_modules")
fi

if [ "$fuzz" = ON ]; then
    CC=clang CXX=clang++ cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DMEDLOC_FUZZ=ON \
        -DBUILD_TESTING=OFF >/dev/null
else
    cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE="$build_type" -DMEDLOC_SANITIZE="$sanitize" \
        "${browser_options[@]}" >/dev/null
fi
cmake --build "$build_dir" -j "$(nproc)"
