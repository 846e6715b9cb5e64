# tt-fill.py FILE.xlf - translate an XLIFF 1.2 file the way a translate-toolkit
# based tool (Virtaal, Pootle, Weblate) saves it: every unit without inline
# codes gets a target ("ES " + the source in capitals: a translation, not
# the source with words before it) and approved="yes", and the file is
# written back by translate-toolkit itself. Prints how many units it filled.
# Run with Debian's /usr/bin/python3 (translate-toolkit's interpreter).
import sys
from translate.storage import factory

store = factory.getobject(sys.argv[1])
filled = 0
for unit in store.units:
    if any(not isinstance(part, str) and type(part).__name__ != "StringElem" for part in unit.rich_source[0].sub):
        continue  # units with codes are left to the person
    unit.target = "ES " + unit.source.upper()
    unit.markapproved(True)
    filled += 1
store.save()
print(filled)
