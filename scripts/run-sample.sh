#!/usr/bin/env bash
# run-sample.sh - install what is missing, build, and run medloc's main job on
# the sample corpus (tests/corpus, copied from ../shared/corpus) in a fresh
# project under build/sample/: init, extract, status.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
medloc="$PWD/build/pipeline/medloc"
work="$PWD/build/sample"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
set -x
"$medloc" --db sample.db init --source en-US --targets es-US,ar,ja,zh-Hans --review-months 36
"$medloc" --db sample.db extract ../../tests/corpus
"$medloc" --db sample.db status
