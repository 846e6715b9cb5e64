#!/usr/bin/env bash
# project.sh MEDLOC DIR - the project the browser tests review, made from
# the corpus with MEDLOC (a medloc binary) in DIR/workspace.db:
#   people: pat (publisher), ana (translator), ben (reviser),
#           carla ("Dr. Carla Chen", clinical), dan (translator and clinical);
#           each one's passphrase is in DIR/ID.passphrase
#   es-US:  every document pseudo-translated by ana, except asthma-action-plan
#           (by dan); in fever-acetaminophen-dosing a dose made ten times
#           smaller (a QA error); in amps-children the first target is
#           hostile markup (<script>, " onmouseover=); ben revised
#           amps-children and asthma-action-plan
#   ar:     nothing translated
set -euo pipefail
medloc="$1"
dir="$2"
corpus="$(cd "$(dirname "$0")/.." && pwd)/corpus"
mkdir -p "$dir"
cd "$dir"
rm -rf workspace.db workspace.db-* pseudo
export MEDLOC_DB="$dir/workspace.db"
for person in pat ana ben carla dan; do
    (umask 077 && echo "browser passphrase of $person" > "$person.passphrase")
done
"$medloc" init --source en-US --targets es-US,ar --owner pat --name "Pat Publisher" --new-password-file pat.passphrase
export MEDLOC_AS=pat MEDLOC_PASSWORD_FILE=pat.passphrase
"$medloc" people add ana --name "Ana Ruiz" --roles translator --new-password-file ana.passphrase
"$medloc" people add ben --name "Ben Ode" --roles reviser --new-password-file ben.passphrase
"$medloc" people add carla --name "Dr. Carla Chen" --roles clinical --new-password-file carla.passphrase
"$medloc" people add dan --name "Dan Dunn" --roles translator,clinical --new-password-file dan.passphrase
"$medloc" extract "$corpus" > /dev/null
"$medloc" export --locale es-US --pseudo --out pseudo > /dev/null
sed -i 's/ţĥ: 160 ṁĝ/ţĥ: 16 ṁĝ/' pseudo/es-US/fever-acetaminophen-dosing.txt.xlf
# The first <target> of amps-children: text that would be markup if a page
# forgot to escape it.
python3 - pseudo/es-US/amps-children.txt.xlf <<'PY'
import re, sys
path = sys.argv[1]
text = open(path, encoding="utf-8").read()
hostile = "&lt;script&gt;alert(1)&lt;/script&gt; \" onmouseover=\"alert(2)"
text = re.sub(r"(<target[^>]*>)(.*?)(</target>)", lambda m: m.group(1) + hostile + m.group(3), text, count=1, flags=re.S)
open(path, "w", encoding="utf-8").write(text)
PY
mkdir -p pseudo/dan
mv pseudo/es-US/asthma-action-plan.txt.xlf pseudo/dan/
"$medloc" import pseudo/es-US/*.xlf --role translator --as ana --password-file ana.passphrase > /dev/null
"$medloc" import pseudo/dan/*.xlf --role translator --as dan --password-file dan.passphrase > /dev/null
"$medloc" review revise --locale es-US --doc amps-children.txt --as ben --password-file ben.passphrase > /dev/null
"$medloc" review revise --locale es-US --doc asthma-action-plan.txt --as ben --password-file ben.passphrase > /dev/null
echo "project.sh: $MEDLOC_DB"
