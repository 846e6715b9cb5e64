#!/usr/bin/env bash
# run-sample.sh - install what is missing, build, and run medloc's whole
# workflow on the sample corpus (tests/corpus, copied from ../shared/corpus)
# in a fresh project under build/sample/:
#   init, extract, export XLIFF for translators, a pseudo-translation into
#   Arabic imported as a translator's, revision and clinical approval by two
#   more people, status, the Arabic bundle (shown), the audit and the life of
#   one segment.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
medloc="$PWD/build/pipeline/medloc"
work="$PWD/build/sample"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
export MEDLOC_DB="$work/sample.db"
set -x
"$medloc" init --source en-US --targets es-US,ar,ja,zh-Hans --review-months 36
"$medloc" extract ../../tests/corpus
"$medloc" export --locale es-US --format xliff-1.2 --out xliff
"$medloc" export --locale ar --pseudo --out pseudo
"$medloc" import pseudo/ar/*.xlf --as "Ana Ruiz" --role translator
"$medloc" review revise --locale ar --all --as "Ben Ode" --role reviser
"$medloc" review approve --locale ar --all --as "Dr. Carla Chen" --role clinical --comment "Dosing and warnings checked"
"$medloc" status --locale ar
"$medloc" build --locale ar --out dist
ls -l dist/ar
cat dist/ar/manifest.json
head -n 12 dist/ar/iron-deficiency-anemia.html
"$medloc" audit verify
"$medloc" history --segment "$(sqlite3 "$MEDLOC_DB" "SELECT id FROM segment WHERE plain LIKE 'The usual dose is 10%' LIMIT 1")" --locale ar
