#!/usr/bin/env bash
# bench.sh - how fast and how lean `medloc extract` is, against a peer.
#
# Generates a deterministic corpus of 1000 documents (../shared/scripts/gen-corpus),
# then in one run times:
#   - medloc extract of the txt and html documents, and of all 1000 documents,
#     by medloc's own rules and by a project's SRX file of 53 rules;
#   - translate-toolkit's converters on the same txt and html files
#     (txt2po -P, html2po -P; Debian's translate-toolkit 3.8.4 has no Markdown one),
# with /usr/bin/time -v for wall time and peak memory, and prints the ratios.
# Then the rest of the workflow on all 1000 documents, where no peer does the
# same job, as plain figures: export --pseudo, import, review revise and
# approve (--all), build, audit verify. Then the translation memory: tm
# export of the project's approved translations, tm import of that TMX into a
# new project holding a revised copy of the corpus (gen-corpus --mutate 5),
# export with leverage and analyze there. Then the floor of each step
# (tests/bench/floor.cpp: ICU and SQLite alone) and medloc's ratio to it,
# and the project file's size against the source text it holds.
# Usage: scripts/bench.sh [DOCS]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
docs="${1:-1000}"
scripts/setup.sh --with-peers >/dev/null
medloc="$PWD/build/pipeline/medloc"
gen="$PWD/../shared/scripts/gen-corpus"
work="$(mktemp -d "${TMPDIR:-/tmp}/medloc-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT

python3 "$gen" --docs "$docs" --seed bench --out "$work/corpus" 2>/dev/null
mkdir -p "$work/by-format/txt" "$work/by-format/html" "$work/by-format/md"
for f in "$work"/corpus/*; do cp "$f" "$work/by-format/${f##*.}/"; done

# measure NAME COMMAND...: wall seconds and peak KiB into $work/NAME.time
measure() {
    local name="$1"; shift
    /usr/bin/time -v -o "$work/$name.time" "$@" >"$work/$name.out" 2>"$work/$name.err" || {
        echo "bench.sh: $name failed:" >&2
        tail -n 5 "$work/$name.err" >&2
        exit 1
    }
}
seconds() { awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$work/$1.time"; }
peak_kib() { awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$1.time"; }

# The people of the bench, each signing from a passphrase file.
for person in pat ana ben carla; do echo "bench passphrase of $person" > "$work/$person.passphrase"; done
as() { echo --as "$1" --password-file "$work/$1.passphrase"; }
for db in a b; do
    "$medloc" --db "$work/$db.db" init --targets es-US --owner pat --name "Pat Publisher" \
        --new-password-file "$work/pat.passphrase" >/dev/null
done
for person in "ana Ana Ruiz translator" "ben Ben Ode reviser" "carla Carla Chen clinical"; do
    set -- $person
    "$medloc" --db "$work/b.db" people add "$1" --name "$2 $3" --roles "$4" \
        --new-password-file "$work/$1.passphrase" $(as pat) >/dev/null
done
measure medloc_txt_html "$medloc" --db "$work/a.db" extract "$work/by-format/txt" "$work/by-format/html" $(as pat)
measure medloc_all "$medloc" --db "$work/b.db" extract "$work/corpus" $(as pat)
# The same documents cut by a project's SRX file of 53 rules (each rule
# runs over every paragraph), against medloc's own rules above.
"$medloc" --db "$work/s.db" init --targets es-US --owner pat --name "Pat Publisher" \
    --new-password-file "$work/pat.passphrase" --segmentation tests/segmentation/leaflet-rules.srx >/dev/null
measure medloc_srx "$medloc" --db "$work/s.db" extract "$work/corpus" $(as pat)
measure txt2po txt2po -P --progress=none -i "$work/by-format/txt" -o "$work/pot-txt"
measure html2po html2po -P --progress=none -i "$work/by-format/html" -o "$work/pot-html"

segments_txt_html=$(tail -1 "$work/medloc_txt_html.out" | awk '{print $3}')
segments_all=$("$medloc" --db "$work/b.db" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["totals"]["segments"])')
t_m=$(seconds medloc_txt_html); t_all=$(seconds medloc_all)
t_tt=$(awk -v a="$(seconds txt2po)" -v b="$(seconds html2po)" 'BEGIN{print a+b}')
m_tt=$(( $(peak_kib txt2po) > $(peak_kib html2po) ? $(peak_kib txt2po) : $(peak_kib html2po) ))

echo "corpus: $docs documents ($(ls "$work/by-format/txt" | wc -l) txt, $(ls "$work/by-format/md" | wc -l) md, $(ls "$work/by-format/html" | wc -l) html), $(du -sh "$work/corpus" | cut -f1)"
printf 'medloc extract, all:        %6.2f s  %8d segments  %8.0f segments/s  peak %6d KiB\n' \
    "$t_all" "$segments_all" "$(awk -v n="$segments_all" -v t="$t_all" 'BEGIN{print n/(t>0?t:0.01)}')" "$(peak_kib medloc_all)"
printf 'medloc extract, txt+html:   %6.2f s  %8d segments  %8.0f segments/s  peak %6d KiB\n' \
    "$t_m" "$segments_txt_html" "$(awk -v n="$segments_txt_html" -v t="$t_m" 'BEGIN{print n/(t>0?t:0.01)}')" "$(peak_kib medloc_txt_html)"
printf 'medloc extract, all, SRX:   %6.2f s  (53 rules of tests/segmentation/leaflet-rules.srx; %.2fx medloc'"'"'s own rules)  peak %6d KiB\n' \
    "$(seconds medloc_srx)" "$(awk -v a="$(seconds medloc_srx)" -v b="$t_all" 'BEGIN{print a/(b>0?b:0.01)}')" "$(peak_kib medloc_srx)"
printf 'translate-toolkit, txt+html:%6.2f s  (txt2po %.2f s, html2po %.2f s)          peak %6d KiB\n' \
    "$t_tt" "$(seconds txt2po)" "$(seconds html2po)" "$m_tt"
printf 'ratio time  medloc/translate-toolkit (txt+html): %.2f\n' "$(awk -v a="$t_m" -v b="$t_tt" 'BEGIN{print a/(b>0?b:0.01)}')"
printf 'ratio peak memory medloc/translate-toolkit:      %.2f\n' "$(awk -v a="$(peak_kib medloc_txt_html)" -v b="$m_tt" 'BEGIN{print a/b}')"

# The rest of the workflow on the same project, one step at a time.
"$medloc" --db "$work/b.db" export --locale es-US --out "$work/xliff" --pseudo >/dev/null
measure export "$medloc" --db "$work/b.db" export --locale es-US --out "$work/xliff-again" --pseudo
measure import "$medloc" --db "$work/b.db" import "$work"/xliff/es-US/*.xlf --role translator $(as ana)
measure revise "$medloc" --db "$work/b.db" review revise --locale es-US --all $(as ben)
measure approve "$medloc" --db "$work/b.db" review approve --locale es-US --all $(as carla)
measure build "$medloc" --db "$work/b.db" build --locale es-US --out "$work/dist" $(as pat)
measure audit "$medloc" --db "$work/b.db" audit verify
for step in export import revise approve build audit; do
    printf 'medloc %-8s (all documents): %6.2f s  peak %6d KiB\n' "$step" "$(seconds "$step")" "$(peak_kib "$step")"
done

# The floor of each step: ICU's sentence breaks and SQLite's reads and
# writes alone, with medloc's durability (tests/bench/floor.cpp), on the same
# corpus; each medloc step's ratio to it is what issue 17 brings down.
floor="$PWD/build/tests/medloc_floor"
measure floor_extract "$floor" extract "$work/floor.db" "$work/corpus"
measure floor_export "$floor" export "$work/floor.db" "$work/floor-export"
measure floor_import "$floor" import "$work/floor.db" --per-file
measure floor_revise "$floor" review "$work/floor.db" revised
measure floor_approve "$floor" review "$work/floor.db" approved
measure floor_build "$floor" build "$work/floor.db" "$work/floor-build"
echo
printf '%-9s %9s %9s %9s   (floor: %s)\n' step medloc floor ratio "ICU + SQLite alone, tests/bench/floor.cpp"
for step in extract export import revise approve build; do
    mine=$([ "$step" = extract ] && echo medloc_all || echo "$step")
    printf '%-9s %8.2fs %8.2fs %8.1fx\n' "$step" "$(seconds "$mine")" "$(seconds "floor_$step")" \
        "$(awk -v a="$(seconds "$mine")" -v b="$(seconds "floor_$step")" 'BEGIN{print a/(b>0?b:0.01)}')"
done
printf 'project file: %s for %s of source text\n' "$(du -h "$work/b.db" | cut -f1)" "$(du -sh "$work/corpus" | cut -f1)"
echo

# The translation memory: the approved translations as TMX, into a project
# of a revised copy of the corpus, leveraged at export and analyzed.
measure tm_export "$medloc" --db "$work/b.db" tm export --locale es-US --out "$work/memory.tmx"
python3 "$gen" --mutate 5 --from "$work/corpus" --out "$work/revised" --seed bench >/dev/null 2>&1
"$medloc" --db "$work/c.db" init --targets es-US --owner pat --name "Pat Publisher" \
    --new-password-file "$work/pat.passphrase" >/dev/null
"$medloc" --db "$work/c.db" extract "$work/revised" $(as pat) >/dev/null
measure tm_import "$medloc" --db "$work/c.db" tm import "$work/memory.tmx" $(as pat)
measure leverage "$medloc" --db "$work/c.db" export --locale es-US --out "$work/leveraged"
measure analyze "$medloc" --db "$work/c.db" analyze --locale es-US
units=$(grep -c '<tu ' "$work/memory.tmx")
segments_c=$("$medloc" --db "$work/c.db" status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["totals"]["segments"])')
rate() { awk -v n="$1" -v t="$(seconds "$2")" 'BEGIN{printf "%8.0f", n/(t>0?t:0.01)}'; }
printf 'medloc tm export  (%d units):     %6.2f s  %s units/s     peak %6d KiB\n' "$units" "$(seconds tm_export)" "$(rate "$units" tm_export)" "$(peak_kib tm_export)"
printf 'medloc tm import  (%d units):     %6.2f s  %s units/s     peak %6d KiB\n' "$units" "$(seconds tm_import)" "$(rate "$units" tm_import)" "$(peak_kib tm_import)"
printf 'medloc export, leveraged (%d segments): %6.2f s  %s segments/s  peak %6d KiB\n' "$segments_c" "$(seconds leverage)" "$(rate "$segments_c" leverage)" "$(peak_kib leverage)"
printf 'medloc analyze    (%d segments):  %6.2f s  %s segments/s  peak %6d KiB\n' "$segments_c" "$(seconds analyze)" "$(rate "$segments_c" analyze)" "$(peak_kib analyze)"
tail -n 1 "$work/leverage.out"
cat "$work/analyze.out"
