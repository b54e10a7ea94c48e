"""Source of ``engram/ingest/confusables.json``: Unicode confusables that look like an ASCII
letter or digit, from the Unicode Consortium's confusables.txt as packaged by
``confusable-homoglyphs`` 3.3.1 (MIT; the data is under the Unicode licence).

Only characters that NFKC leaves alone are kept (NFKC already folds fullwidth and
mathematical letters), and only single-character ASCII prototypes, letters preferred over
digits. UTS #39 skeletons write the I/l class as ``l``; capital look-alikes (Cyrillic ``І``,
Greek ``Ι``) map to ``I`` instead, since the guard reads the text, it does not compare
skeletons. Rebuild with ``pip download confusable-homoglyphs==3.3.1 --no-deps`` and
``python tests/reliability/data/confusables_src.py path/to/confusables.json``. Engram does
not depend on the package at run time: the derived table is ~9 KB.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path


def build(source: dict[str, list[dict[str, str]]]) -> dict[str, str]:
    table: dict[str, str] = {}
    for char, glyphs in sorted(source.items()):
        if len(char) != 1 or char.isascii() or unicodedata.normalize("NFKC", char) != char:
            continue
        targets = [g["c"] for g in glyphs if len(g["c"]) == 1 and g["c"].isascii()
                   and g["c"].isalnum()]
        letters = [t for t in targets if t.isalpha()]
        if letters or targets:
            target = (letters or targets)[0]
            # the skeleton writes the I/l class as "l"; a capital look-alike reads as "I"
            if target == "l" and "CAPITAL" in unicodedata.name(char, ""):
                target = "I"
            table[char] = target
    return table


if __name__ == "__main__":
    data = json.loads(Path(sys.argv[1]).read_text())
    out = Path(__file__).resolve().parents[3] / "engram" / "ingest" / "confusables.json"
    out.write_text(json.dumps(build(data), ensure_ascii=False, sort_keys=True) + "\n")
    print(out)
