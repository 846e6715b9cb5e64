#!/usr/bin/env bash
# bench.sh - how fast and how lean medloc's workflow is, against a peer and
# against the floor of what the machine can do (issue 17).
#
# Generates a deterministic corpus of DOCS documents (../shared/scripts/gen-corpus),
# then in one run:
#   - medloc extract of the txt and html documents against translate-toolkit's
#     converters on the same files (txt2po -P, html2po -P; Debian's
#     translate-toolkit 3.8.4 has no Markdown one), and of all documents by
#     medloc's own rules and by a project's SRX file of 53 rules;
#   - the whole workflow on all documents in three locales (es-US, fr-FR,
#     vi-VN): extract, export --pseudo, import, review revise and approve
#     (--all), build, audit verify, status, the QA checks (medloc check);
#     then re-extract after gen-corpus --mutate 1 changed 1% of the
#     sentences, and the import of one file into the full project. Each
#     step beside translate-toolkit's nearest (podebug + po2xliff for the
#     pseudo export, xliff2po for the import, pofilter for revision and the
#     QA checks, po2txt + po2html for the build, pocount for status; none
#     for approval or the audit) and beside its floor
#     (tests/bench/floor.cpp: ICU and SQLite alone, with medloc's durability;
#     build's and audit's floors read the whole log, which both must verify).
#     Per step: wall time, peak memory, segments (x locales) per second and
#     the two ratios; then the project file's size against the text it holds;
#   - the translation memory: tm export, tm import into a project of a
#     revised copy of the corpus (gen-corpus --mutate 5), leveraged export
#     and analyze there.
# /usr/bin/time -v gives wall time and peak memory. Figures are printed,
# never asserted: CI runs a small size so that the benchmark keeps working.
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
# (a command or a function exported below; its peak is the largest process's)
measure() {
    local name="$1"; shift
    /usr/bin/time -v -o "$work/$name.time" bash -c '"$@"' bench "$@" >"$work/$name.out" 2>"$work/$name.err" || {
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

# The workflow on the same project, in three locales, step by step.
locales="es-US fr-FR vi-VN"
"$medloc" --db "$work/w.db" init --targets "${locales// /,}" --owner pat --name "Pat Publisher" \
    --new-password-file "$work/pat.passphrase" >/dev/null
for person in "ana Ana Ruiz translator" "ben Ben Ode reviser" "carla Carla Chen clinical"; do
    set -- $person
    "$medloc" --db "$work/w.db" people add "$1" --name "$2 $3" --roles "$4" \
        --new-password-file "$work/$1.passphrase" $(as pat) >/dev/null
done
cp -r "$work/corpus" "$work/project"
w() { "$medloc" --db "$work/w.db" "$@"; }
each_locale() { local l; for l in $locales; do "$@" "$l" || return 1; done; }
export_pseudo() { w export --locale "$1" --out "$work/xliff" --pseudo; }
import_locale() { w import "$work"/xliff/"$1"/*.xlf --role translator $(as ana); }
revise_locale() { w review revise --locale "$1" --all $(as ben); }
approve_locale() { w review approve --locale "$1" --all $(as carla); }
build_locale() { w build --locale "$1" --out "$work/dist" $(as pat); }
# medloc check exits 3 when it finds an error: a finding, not a failure.
check_locale() { w check --locale "$1" >/dev/null; local rc=$?; [ "$rc" -eq 0 ] || [ "$rc" -eq 3 ]; }
export work medloc locales
export -f as w each_locale export_pseudo import_locale revise_locale approve_locale build_locale check_locale
measure w_extract w extract "$work/project" $(as pat)
measure w_export each_locale export_pseudo
measure w_import each_locale import_locale
measure w_revise each_locale revise_locale
measure w_approve each_locale approve_locale
measure w_build each_locale build_locale
measure w_audit w audit verify
measure w_status w status
measure w_check each_locale check_locale
# 1% of the sentences revised, then extracted again; then one file of one
# locale imported into the whole project.
python3 "$gen" --mutate 1 --from "$work/corpus" --out "$work/mutated" --seed bench >/dev/null 2>&1
cp "$work"/mutated/* "$work/project/"
measure w_reextract w extract "$work/project" $(as pat)
w export --locale es-US --out "$work/again" --pseudo >/dev/null
exported=("$work"/again/es-US/*.xlf)
one_file="${exported[0]}"
measure w_one_import w import "$one_file" --role translator $(as ana)

# translate-toolkit's nearest steps on the txt and html documents (it has no
# Markdown converter), per locale as medloc's.
pot="$work/pot"; mkdir -p "$pot"; cp -r "$work/pot-txt" "$pot/txt"; cp -r "$work/pot-html" "$pot/html"
tt_export() { mkdir -p "$work/tt/$1" && podebug --progress=none --rewrite=unicode -i "$pot" -o "$work/tt/$1/po" && po2xliff --progress=none -i "$work/tt/$1/po" -o "$work/tt/$1/xliff"; }
tt_import() { xliff2po --progress=none -i "$work/tt/$1/xliff" -o "$work/tt/$1/back"; }
tt_revise() { pofilter --progress=none -i "$work/tt/$1/po" -o "$work/tt/$1/filtered"; }
tt_build() { mkdir -p "$work/tt/$1/dist" && po2txt --progress=none -t "$work/by-format/txt" -i "$work/tt/$1/po/txt" -o "$work/tt/$1/dist/txt" &&
    po2html --progress=none -t "$work/by-format/html" -i "$work/tt/$1/po/html" -o "$work/tt/$1/dist/html"; }
export pot
export -f tt_export tt_import tt_revise tt_build
measure tt_export each_locale tt_export
measure tt_import each_locale tt_import
measure tt_revise each_locale tt_revise
measure tt_build each_locale tt_build
measure tt_status pocount --short "$work/tt/es-US/po"

# The floor of each step on the same corpus and locales.
floor="$PWD/build/tests/medloc_floor"
f() { "$floor" "$1" "$work/floor.db" "${@:2}"; }
floor_export() { f export "$1" "$work/floor-export"; }
floor_import() { f import "$1" --per-file; }
floor_revise() { f review "$1" revised; }
floor_approve() { f review "$1" approved; }
floor_build() { f build "$1" "$work/floor-build"; }
floor_write() { f write "$1" "$work/floor-write"; }
export floor
export -f f floor_export floor_import floor_revise floor_approve floor_build floor_write
measure floor_extract f extract "$work/corpus"
for step in export import revise approve build write; do measure "floor_$step" each_locale "floor_$step"; done
measure floor_audit f log

segments_w=$(w status --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["totals"]["segments"])')
n_locales=$(wc -w <<<"$locales")
ratio() { [ -f "$work/$2.time" ] && awk -v a="$(seconds "$1")" -v b="$(seconds "$2")" 'BEGIN{printf "%.1fx", a/(b>0?b:0.01)}' || echo "-"; }
secs() { [ -f "$work/$1.time" ] && printf '%.2f' "$(seconds "$1")" || echo "-"; }
echo
echo "workflow: $docs documents, $segments_w segments, $n_locales locales ($locales)"
printf '%-13s %9s %9s %11s %9s %7s %8s %7s\n' step medloc "peak MiB" "segments/s" "t-toolkit" ratio floor ratio
row() {  # STEP MEDLOC-MEASURE UNITS [TT-MEASURE] [FLOOR-MEASURE]
    printf '%-13s %8ss %9d %11.0f %9s %7s %8s %7s\n' "$1" "$(secs "$2")" $(( $(peak_kib "$2") / 1024 )) \
        "$(awk -v n="$3" -v t="$(seconds "$2")" 'BEGIN{print n/(t>0?t:0.01)}')" \
        "$(secs "${4:-none}")" "$(ratio "$2" "${4:-none}")" "$(secs "${5:-none}")" "$(ratio "$2" "${5:-none}")"
}
all=$((segments_w * n_locales))
row extract w_extract "$segments_w" medloc_none floor_extract
row export w_export "$all" tt_export floor_export
row import w_import "$all" tt_import floor_import
row revise w_revise "$all" tt_revise floor_revise
row approve w_approve "$all" none floor_approve
row build w_build "$all" tt_build floor_build
row audit w_audit "$all" none floor_audit
row status w_status "$all" tt_status
row "QA check" w_check "$all" tt_revise
row re-extract w_reextract "$segments_w" none w_extract
row "1 file import" w_one_import "$(grep -c '<trans-unit\|<segment' "$one_file")"
echo "(translate-toolkit works on the txt and html documents only; extract's peer is in the table above;"
echo " QA check's peer is pofilter, as revise's: translate-toolkit's checks of a locale's translations;"
echo " re-extract's last ratio is to the full extract, after 1% of the sentences changed;"
echo " build's floor reads the whole log, which a build must verify, and the files it wrote back;"
echo " writing the targets alone takes $(secs floor_write) s, and medloc's build $(ratio w_build floor_write) that)"
text_bytes=$(sqlite3 "$work/w.db" \
    "SELECT (SELECT SUM(LENGTH(CAST(x.content AS BLOB))) FROM segment s JOIN text x ON x.id = s.source) +
            (SELECT COALESCE(SUM(LENGTH(CAST(x.content AS BLOB))), 0) FROM translation t JOIN text x ON x.id = t.target)" \
    2>/dev/null || echo 0)
db_bytes=$(stat -c %s "$work/w.db")
printf 'project file: %d MiB for %d MiB of text (sources and targets): %.1fx\n' $((db_bytes / 1048576)) \
    $((text_bytes / 1048576)) "$(awk -v a="$db_bytes" -v b="$text_bytes" 'BEGIN{print a/(b>0?b:1)}')"
echo

# The translation memory: the approved translations as TMX, into a project
# of a revised copy of the corpus, leveraged at export and analyzed.
measure tm_export "$medloc" --db "$work/w.db" tm export --locale es-US --out "$work/memory.tmx"
python3 "$gen" --mutate 5 --from "$work/corpus" --out "$work/revised" --seed bench >/dev/null 2>&1
"$medloc" --db "$work/c.db" init --targets es-US --owner pat --name "Pat Publisher" \
    --new-password-file "$work/pat.passphrase" >/dev/null
"$medloc" --db "$work/c.db" extract "$work/revised" $(as pat) >/dev/null
# At 10,000 documents the memory is larger than the 64 MiB tm import reads
# of one file by default: the limit is raised to the file's size.
tmx_mib=$(( $(stat -c %s "$work/memory.tmx") / 1048576 + 1 ))
measure tm_import "$medloc" --db "$work/c.db" tm import "$work/memory.tmx" --max-size "$tmx_mib" $(as pat)
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
