"""Regenerate cleaner/data/{simplified,traditional}_only.txt from OpenCC's own dictionaries.

    .venv/bin/python scripts/build_script_tables.py

Provenance: OpenCC (Apache-2.0), STCharacters and TSCharacters as shipped in the `opencc` wheel
(read with its `opencc_dict` tool). A character is *Simplified-only* when STCharacters maps it
and does not list it among its own Traditional forms (国 -> 國, but 台 -> 臺 檯 颱 台 is also
Traditional); *Traditional-only* likewise from TSCharacters (國 -> 国, but 乾 -> 干 乾 is also
Simplified). The regional standards count as Traditional too: OpenCC's Traditional is the
old printed form (羣, 祕, 牀, 峯), while Taiwan writes 群, 秘, 床, 峰 (TWVariants), so those are no Simplified-only characters: a Traditional text written with them is left as it
is. (Hong Kong's 温, 户, 税 are not counted: they are the Simplified forms too, and tell a
Simplified text.)
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

import opencc

CLIB = Path(opencc.__file__).parent / "clib"
OUT = Path(__file__).resolve().parent.parent / "cleaner" / "data"


def read_dictionary(name: str) -> dict[str, list[str]]:
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / f"{name}.txt"
        env = {**os.environ, "LD_LIBRARY_PATH": str(CLIB / "lib64")}
        subprocess.run(
            [CLIB / "bin" / "opencc_dict", "-i", CLIB / "share" / "opencc" / f"{name}.ocd2", "-o", target, "-f", "ocd2", "-t", "text"],
            check=True,
            env=env,
        )
        table = {}
        for line in target.read_text(encoding="utf-8").splitlines():
            key, values = line.split("\t")
            table[key] = values.split(" ")
        return table


def only(table: dict[str, list[str]], variants: tuple[dict[str, list[str]], ...] = ()) -> str:
    """The single characters ``table`` maps that are none of their own forms, nor a regional
    region's first variant (``variants``) of the first of them (Taiwan writes 麼 as 麼 first, 么
    only second: 么 stays Simplified-only)."""

    def forms(values: list[str]) -> set[str]:
        return set(values).union(*(table.get(values[0], ())[:1] for table in variants))

    return "".join(sorted(k for k, v in table.items() if len(k) == 1 and k not in forms(v)))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    regional = (read_dictionary("TWVariants"),)
    for name, filename, variants in (("STCharacters", "simplified_only.txt", regional), ("TSCharacters", "traditional_only.txt", ())):
        chars = only(read_dictionary(name), variants)
        (OUT / filename).write_text(chars + "\n", encoding="utf-8")
        print(f"{filename}: {len(chars)} characters")
    chars = in_both_scripts(read_dictionary("TSCharacters"), read_dictionary("TSPhrases"))
    (OUT / "both_scripts.txt").write_text(chars + "\n", encoding="utf-8")
    print(f"both_scripts.txt: {len(chars)} characters")


def in_both_scripts(characters: dict[str, list[str]], phrases: dict[str, list[str]]) -> str:
    """The characters that are Simplified too (one of their own forms) but that t2s changes alone
    (於 -> 于, 乾 -> 干) or in a phrase (瞭解 -> 了解, 藉口 -> 借口): in a Simplified sentence they stand
    for themselves only in a few words (乾坤, 瞭望, 狼藉), which t2s keeps, so whether such a sentence is
    Traditional is t2s's reading of it, not the character's."""
    both = {k for k, v in characters.items() if len(k) == 1 and len(v) >= 2 and k in v}
    changed = {k for k in both if characters[k][0] != k}
    for key, values in phrases.items():
        if len(values[0]) == len(key):
            changed.update(a for a, b in zip(key, values[0], strict=True) if a in both and a != b)
    return "".join(sorted(changed))


if __name__ == "__main__":
    main()
