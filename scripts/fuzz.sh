#!/usr/bin/env bash
# fuzz.sh [SECONDS] - build medloc's libFuzzer targets (clang, ASan + UBSan,
# in build-fuzz/) and run each for SECONDS (default 60), one after another:
#   fuzz_xliff      the XLIFF reader (import's parser and its XML policy)
#   fuzz_text       plain text     } through the checks before parsing, the
#   fuzz_markdown   Markdown       } filter, the segmenter and the skeleton,
#   fuzz_html       HTML           } rebuilt with the source and pseudo text
#   fuzz_qa         the clinical checks on a source and target (tab between)
#   fuzz_tbx        the glossary reader
#   fuzz_srx        the segmentation rules reader, and its rules applied
# Seeds: the documents of tests/corpus, and XLIFF 1.2, 2.0 and pseudo
# exports of them made here by the fuzz build's own medloc; the hand-written
# translations of tests/qa/base-pairs.tsv; the TBX files of tests/qa/glossary;
# the SRX files of tests/segmentation. What each target learns is kept in
# build-fuzz/fuzz-corpus/TARGET and grows from run to run; crashes go to
# build-fuzz/fuzz-findings/TARGET/. Prints per target the executions and the
# crashes; exits 1 if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
scripts/setup.sh --fuzz
build="$PWD/build-fuzz"

seeds="$build/fuzz-seeds"
rm -rf "$seeds"
mkdir -p "$seeds"/{xliff,text,markdown,html,qa,tbx,srx}
cp tests/corpus/*.txt "$seeds/text/"
cp tests/corpus/*.md "$seeds/markdown/"
cp tests/corpus/*.html "$seeds/html/"
cp tests/qa/glossary/*.tbx "$seeds/tbx/"
cp tests/segmentation/*.srx "$seeds/srx/"
# One seed per translation: a byte choosing the language, source, tab, target.
awk -F'\t' -v out="$seeds/qa" '$1 != "" && $1 !~ /^#/ { printf "%c%s\t%s", 65 + NR % 5, $2, $3 > (out "/" NR); close(out "/" NR) }' \
    tests/qa/base-pairs.tsv
project="$(mktemp -d)"
trap 'rm -rf "$project"' EXIT
echo "a fuzzing seed passphrase" > "$project/pat.pw"
medloc() { ASAN_OPTIONS=detect_leaks=0 "$build/pipeline/medloc" --db "$project/seed.db" "$@" >/dev/null; }
medloc init --targets es-US,ar --owner pat --name "Pat Seed" --new-password-file "$project/pat.pw"
medloc extract tests/corpus --as pat --password-file "$project/pat.pw"
medloc export --locale es-US --out "$project/x12"
medloc export --locale ar --format xliff-2.0 --out "$project/x20"
medloc export --locale es-US --pseudo --out "$project/pseudo"
n=0
for file in "$project"/{x12,x20,pseudo}/*/*.xlf; do cp "$file" "$seeds/xliff/$((n++)).xlf"; done

status=0
printf '%-15s %12s %8s\n' target executions crashes
for target in xliff text markdown html qa tbx srx; do
    corpus="$build/fuzz-corpus/$target"
    findings="$build/fuzz-findings/$target"
    mkdir -p "$corpus" "$findings"
    log="$build/fuzz-$target.log"
    set +e
    "$build/tests/fuzz/fuzz_$target" "$corpus" "$seeds/$target" -max_total_time="$seconds" -max_len=65536 \
        -timeout=20 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$findings/" >"$log" 2>&1
    code=$?
    set -e
    executions=$(grep -o 'number_of_executed_units: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo 0)
    crashes=$(find "$findings" -type f | wc -l)
    printf '%-15s %12s %8s\n' "$target" "${executions:-0}" "$crashes"
    if [ "$code" -ne 0 ] || [ "$crashes" -gt 0 ]; then
        status=1
        grep -E 'ERROR|SUMMARY|rebuild differs' "$log" | head -5 >&2 || true
        echo "fuzz.sh: $target failed; its log is $log, the input in $findings/" >&2
    fi
done
exit "$status"
