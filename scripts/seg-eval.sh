#!/usr/bin/env bash
# seg-eval.sh - how well medloc's segments agree with sentences cut by hand.
#
# References: the sample's TMX (../shared/corpus/translations/
# amps-children.en-es.tmx, its English sentences) and every
# tests/segmentation/*.ref file: "# locale: TAG" and "# source: PATH" (from
# the checkout, or ../shared/...) in its header, then one reference sentence
# a line, as a reader sees it (URLs and e-mail addresses written out; a line
# break kept inside a segment, as between an address's lines, as " / ").
# For each, a throw-away project with that source locale extracts the
# document and exports it; a reference sentence counts when it is exactly
# one of the segments (placeholders shown as what they hide). Prints the
# share per reference and in total, and every sentence missed.
# Usage: scripts/seg-eval.sh [MEDLOC]   (default: build/pipeline/medloc, built if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
medloc="${1:-$PWD/build/pipeline/medloc}"
if [ ! -x "$medloc" ]; then scripts/setup.sh >/dev/null; fi
work="$(mktemp -d "${TMPDIR:-/tmp}/medloc-seg-eval.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "seg-eval passphrase" > "$work/pat.passphrase"

# segments LOCALE SOURCE OUT: the segments medloc cuts SOURCE into, one a line.
segments() {
    local locale="$1" source="$2" out="$3" project="$work/project"
    rm -rf "$project" && mkdir -p "$project/docs"
    cp "$source" "$project/docs/"
    "$medloc" --db "$project/medloc.db" init --source "$locale" --targets "$( [ "${locale%%-*}" = en ] && echo es-US || echo en-US )" \
        --owner pat --name "Pat Publisher" --new-password-file "$work/pat.passphrase" >/dev/null
    "$medloc" --db "$project/medloc.db" extract "$project/docs" --as pat --password-file "$work/pat.passphrase" >/dev/null
    "$medloc" --db "$project/medloc.db" export --locale "$( [ "${locale%%-*}" = en ] && echo es-US || echo en-US )" \
        --out "$project/out" >/dev/null
    python3 - "$project"/out/*/*.xlf > "$out" <<'EOF'
import sys
import xml.etree.ElementTree as ET
ns = "{urn:oasis:names:tc:xliff:document:1.2}"
def text(node):
    out = node.text or ""
    for child in node:
        if child.tag == ns + "x" and child.get("ctype") == "lb":
            out += " / "  # a line break inside a segment (an address's lines)
        elif child.tag == ns + "x":
            out += child.get("equiv-text", "")
        else:
            out += text(child)
        out += child.tail or ""
    return out
for unit in ET.parse(sys.argv[1]).iter(ns + "trans-unit"):
    print(text(unit.find(ns + "source")))
EOF
}

# compare NAME REFERENCE SEGMENTS: prints the share and the misses; adds to the totals.
found_total=0 reference_total=0
compare() {
    local name="$1" reference="$2" segments="$3" result
    result=$(python3 - "$reference" "$segments" <<'EOF'
import collections, sys
reference = [l.rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.strip() and not l.startswith("#")]
have = collections.Counter(l.rstrip("\n") for l in open(sys.argv[2], encoding="utf-8"))
found, missed = 0, []
for sentence in reference:
    if have[sentence] > 0:
        have[sentence] -= 1
        found += 1
    else:
        missed.append(sentence)
print(found, len(reference))
for sentence in missed:
    print("  missed: " + sentence)
EOF
)
    local counts found total
    counts=$(head -1 <<<"$result")
    found=${counts% *} total=${counts#* }
    found_total=$((found_total + found)) reference_total=$((reference_total + total))
    printf '%-40s %4d of %4d (%5.1f%%)\n' "$name" "$found" "$total" "$(awk -v f="$found" -v t="$total" 'BEGIN{print 100*f/t}')"
    tail -n +2 <<<"$result"
}

# The sample and its TMX.
tmx=../shared/corpus/translations/amps-children.en-es.tmx
python3 - "$tmx" > "$work/amps.ref" <<'EOF'
import sys
import xml.etree.ElementTree as ET
for tu in ET.parse(sys.argv[1]).iter("tu"):
    for tuv in tu.iter("tuv"):
        if tuv.get("{http://www.w3.org/XML/1998/namespace}lang", "").startswith("en"):
            print("".join(tuv.find("seg").itertext()))
EOF
segments en-US ../shared/corpus/amps-children.txt "$work/amps.seg"
compare "amps-children.txt (TMX)" "$work/amps.ref" "$work/amps.seg"

for reference in tests/segmentation/*.ref; do
    locale=$(sed -n 's/^# locale: *//p' "$reference" | head -1)
    source=$(sed -n 's/^# source: *//p' "$reference" | head -1)
    segments "$locale" "$source" "$work/current.seg"
    compare "$(basename "$source") ($locale)" "$reference" "$work/current.seg"
done
printf '%-40s %4d of %4d (%5.1f%%)\n' "total" "$found_total" "$reference_total" \
    "$(awk -v f="$found_total" -v t="$reference_total" 'BEGIN{print 100*f/t}')"
