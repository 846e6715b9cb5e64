#!/usr/bin/env bash
# run-sample.sh - install what is missing, build, and run medloc's whole
# workflow on the sample corpus (tests/corpus, copied from ../shared/corpus)
# in a fresh project under build/sample/:
#   init by the owner (Pat, publisher), who registers three more people
#   (Ana, translator; Ben, reviser; Dr. Chen, clinical), extract, export XLIFF
#   for translators, a pseudo-translation into Arabic imported by Ana,
#   revision by Ben and clinical approval by Dr. Chen (each signing with their
#   own passphrase, from a file here as a script must), status, the Arabic
#   bundle released by Pat (shown), the audit of every signature and of the
#   published bundle, the life of one segment, and the clinical checks
#   finding a deliberate dose error in a Spanish pseudo-translation.
#
# With --serve it then starts the review workspace (medloc serve) on the
# sample project, with more Spanish to review (every document
# pseudo-translated by Ana, the AMPS article revised by Ben), and prints its
# address and the people to sign in as; Ctrl-C stops it. MEDLOC_PORT sets
# the port (default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
serve=0
for arg in "$@"; do
    case "$arg" in
        --serve) serve=1 ;;
        *) echo "run-sample.sh: unknown option $arg (--serve starts the workspace after)" >&2; exit 1 ;;
    esac
done
scripts/setup.sh
medloc="$PWD/build/pipeline/medloc"
work="$PWD/build/sample"
rm -rf "$work"
mkdir -p "$work"
cd "$work"
export MEDLOC_DB="$work/sample.db"
# Each person's passphrase, in a file only its owner may read (a person at a
# terminal types it instead).
umask 077
for person in pat ana ben carla; do echo "sample passphrase of $person" > "$person.passphrase"; done
umask 022
set -x
"$medloc" init --source en-US --targets es-US,ar,ja,zh-Hans --review-months 36 \
    --owner pat --name "Pat Publisher" --new-password-file pat.passphrase
export MEDLOC_AS=pat MEDLOC_PASSWORD_FILE=pat.passphrase
"$medloc" people add ana --name "Ana Ruiz" --roles translator --new-password-file ana.passphrase
"$medloc" people add ben --name "Ben Ode" --roles reviser --new-password-file ben.passphrase
"$medloc" people add carla --name "Dr. Carla Chen" --roles clinical --new-password-file carla.passphrase
"$medloc" people list
"$medloc" extract ../../tests/corpus
"$medloc" export --locale es-US --format xliff-1.2 --out xliff
"$medloc" export --locale ar --pseudo --out pseudo
"$medloc" import pseudo/ar/*.xlf --role translator --as ana --password-file ana.passphrase
"$medloc" review revise --locale ar --all --as ben --password-file ben.passphrase
"$medloc" review approve --locale ar --all --as carla --password-file carla.passphrase --comment "Dosing and warnings checked"
"$medloc" status --locale ar
"$medloc" build --locale ar --out dist   # by pat (MEDLOC_AS), the publisher
ls -l dist/ar
cat dist/ar/manifest.json
head -n 12 dist/ar/iron-deficiency-anemia.html
"$medloc" audit verify --bundle dist/ar
"$medloc" history --segment "$(sqlite3 "$MEDLOC_DB" "SELECT s.id FROM segment s JOIN text p ON p.id = s.plain WHERE p.content LIKE 'The usual dose is 10%' LIMIT 1")" --locale ar
# The clinical checks before anyone signs: a Spanish pseudo-translation of the
# fever article with one deliberate dose error (the syrup's 160 mg/5 mL made
# 16 mg/5 mL). The import counts it, medloc check lists it (exit 3 while it
# is open), and revision is refused until it is corrected or a clinician who
# did not write it waives it.
"$medloc" export --locale es-US --pseudo --out pseudo
sed -i 's/ţĥ: 160 ṁĝ/ţĥ: 16 ṁĝ/' pseudo/es-US/fever-acetaminophen-dosing.txt.xlf
"$medloc" import pseudo/es-US/fever-acetaminophen-dosing.txt.xlf --role translator --as ana --password-file ana.passphrase
"$medloc" check --locale es-US --doc fever-acetaminophen-dosing.txt || echo "medloc check: exit $? (an open QA error)"
"$medloc" review revise --locale es-US --doc fever-acetaminophen-dosing.txt --as ben --password-file ben.passphrase ||
    echo "medloc review revise: exit $? (refused)"

set +x
if [ "$serve" = 1 ]; then
    "$medloc" export --locale es-US --pseudo --pending --out pending >/dev/null
    rm -f pending/es-US/fever-acetaminophen-dosing.txt.xlf
    "$medloc" import pending/es-US/*.xlf --role translator --as ana --password-file ana.passphrase >/dev/null
    "$medloc" review revise --locale es-US --doc amps-children.txt --as ben --password-file ben.passphrase >/dev/null
    port="${MEDLOC_PORT:-8080}"
    echo
    echo "The review workspace of the sample project: http://127.0.0.1:$port/"
    echo "Sign in as (id, passphrase):"
    echo "  carla  \"$(cat carla.passphrase)\"  Dr. Carla Chen, clinical: approve, reject, waive, sign off documents"
    echo "  ben    \"$(cat ben.passphrase)\"    Ben Ode, reviser: revise, reject"
    echo "  pat    \"$(cat pat.passphrase)\"    Pat Publisher, publisher: the dashboard"
    echo "  ana    \"$(cat ana.passphrase)\"    Ana Ruiz, translator (her own work cannot be approved by her)"
    echo "Try es-US: amps-children.txt (revised, to approve) and fever-acetaminophen-dosing.txt (a dose error)."
    exec "$medloc" serve --port "$port"
fi
