"""Write cleaner/data/radicals.txt: each CJK radical (Kangxi Radicals U+2F00-2FD5, CJK Radicals
Supplement U+2E80-2EF3) with the unified ideograph Unicode names as its equivalent.

Source: Unicode's EquivalentUnifiedIdeograph.txt (the Unicode Character Database; on Debian the
``unicode-data`` package installs it under /usr/share/unicode/). Strokes (U+31C0-31EF) are left
out: a stroke is no character of running text. Run: .venv/bin/python scripts/build_radical_table.py [FILE]
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

SOURCE = Path(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/unicode/EquivalentUnifiedIdeograph.txt")
OUT = Path(__file__).resolve().parent.parent / "cleaner" / "data" / "radicals.txt"
BLOCKS = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF))
_LINE = re.compile(r"^([0-9A-F]{4,6})(?:\.\.([0-9A-F]{4,6}))?\s*;\s*([0-9A-F]{4,6})")


def main() -> None:
    text = SOURCE.read_text(encoding="utf-8")
    version = re.search(r"EquivalentUnifiedIdeograph-([0-9.]+)\.txt", text)
    pairs = []
    for line in text.splitlines():
        m = _LINE.match(line)
        if not m:
            continue
        first = int(m.group(1), 16)
        last = int(m.group(2), 16) if m.group(2) else first
        target = int(m.group(3), 16)
        for code in range(first, last + 1):
            if any(a <= code <= b for a, b in BLOCKS):
                pairs.append((code, target))
    pairs.sort()
    head = (f"# CJK radical -> equivalent unified ideograph, from Unicode's EquivalentUnifiedIdeograph-"
            f"{version.group(1) if version else '?'}.txt\n# (scripts/build_radical_table.py; see cleaner/data/README.md)\n")
    OUT.write_text(head + "".join(f"{chr(a)}\t{chr(b)}\n" for a, b in pairs), encoding="utf-8")
    print(f"{len(pairs)} radicals -> {OUT}")


if __name__ == "__main__":
    main()
