# tt-tmx.py FILE.tmx - read a TMX file with translate-toolkit's own TMX reader
# (the one tmx2po uses) and print its units as JSON: [{"source", "target"}].
# Run with Debian's /usr/bin/python3 (translate-toolkit's interpreter).
import json
import sys
from translate.storage import tmx

store = tmx.tmxfile.parsefile(sys.argv[1])
print(json.dumps([{"source": unit.source, "target": unit.target} for unit in store.units if unit.source],
                 ensure_ascii=False))
