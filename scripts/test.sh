#!/usr/bin/env bash
# test.sh - install what is missing, build, and run every test (ctest).
# This is the README's test command and what .ci/run calls. It also runs
# scripts/bench.sh on 20 documents, so that the benchmark keeps working.
#   --sanitize   also build and run the tests under AddressSanitizer + UBSan,
#                and run each fuzz target for a minute (scripts/fuzz.sh;
#                MEDLOC_FUZZ_SECONDS sets another time)
# The browser tests leave their screenshots in build/screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-peers --with-browser
# Where setup.sh put the npm xliff package (../shared/scripts/peer-npm-xliff.js).
export XLIFF_NPM_PREFIX="${MEDLOC_PEERS:-$HOME/.cache/medloc/peers}"
ctest --test-dir build --output-on-failure -j "$(nproc)"
# The benchmark at a small size, so that it keeps working (its figures are
# printed, never asserted).
scripts/bench.sh 20
if [ "${1:-}" = "--sanitize" ]; then
    scripts/setup.sh --sanitize --with-browser
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
        ctest --test-dir build-asan --output-on-failure -j "$(nproc)"
    scripts/fuzz.sh "${MEDLOC_FUZZ_SECONDS:-60}"
fi
