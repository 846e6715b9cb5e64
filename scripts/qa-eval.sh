#!/usr/bin/env bash
# qa-eval.sh - the clinical checks measured, not hoped.
#
# Runs the checks (pipeline/qa) over
#   - the corpus's real translations (tests/translations: the Spanish TMX of
#     amps-children, the Arabic and Japanese asthma action plan): every error
#     there is a false positive;
#   - hand-written correct translations in es, de, fr, ar and ja
#     (tests/qa/base-pairs.tsv): no error expected either;
#   - the same translations with one injected error each: a digit changed, the
#     decimal mark swapped, a unit dropped or converted, a negation lost, a
#     range dropped, a right-to-left override inserted;
# and prints the false errors (and warnings), and the share of injected
# errors caught by the check meant for each, per kind, per check and per
# language. Then, as a peer, translate-toolkit's `numbers` check (pofilter)
# on the same pairs, for the injected number errors and the real translations.
# Usage: scripts/qa-eval.sh [--show]   (--show lists each false error and miss)
# Exit 0 when there is no false error and every injected error is caught.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --with-peers >/dev/null
cmake --build build --target medloc_qa_eval -j"$(nproc)" >/dev/null
status=0
build/tests/medloc_qa_eval tests "$@" || status=$?

# The peer: translate-toolkit's numbers check, on the pairs medloc_qa_eval
# writes out (kind, source, target; kind "correct" or "real" for no error).
pairs="$(mktemp "${TMPDIR:-/tmp}/medloc-qa-pairs.XXXXXX")"
trap 'rm -f "$pairs"' EXIT
build/tests/medloc_qa_eval tests --pairs >"$pairs"
# Debian's python, where python3-translate is (not one earlier on PATH).
/usr/bin/python3 - "$pairs" <<'PY'
import sys
from collections import Counter
from translate.filters import checks
checker = checks.StandardChecker()
total, flagged = Counter(), Counter()
for line in open(sys.argv[1], encoding="utf-8"):
    kind, source, target = line.rstrip("\n").split("\t")
    if kind not in ("real", "correct", "digit", "decimal", "range"):
        continue
    total[kind] += 1
    try:
        checker.numbers(source, target)
    except checks.FilterFailure:
        flagged[kind] += 1
print("Peer: translate-toolkit's numbers check (pofilter), same pairs")
for kind in ("real", "correct"):
    print(f"  false errors on the {kind} translations: {flagged[kind]} of {total[kind]}")
caught = sum(flagged[k] for k in ("digit", "decimal", "range"))
injected = sum(total[k] for k in ("digit", "decimal", "range"))
print(f"  injected number errors caught: {caught} of {injected}"
      f"  (digit {flagged['digit']}/{total['digit']}, decimal {flagged['decimal']}/{total['decimal']},"
      f" range {flagged['range']}/{total['range']})")
PY
exit "$status"
