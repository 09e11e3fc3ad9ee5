"""Every Python decoder that reads most bytes, from UTF-8, GBK and Big5: errors per 1,000, worst first.

    .venv/bin/python benchmarks/codec_sweep.py [--paragraphs N] [--skip K] [--cell SRC:DECODER:MODE ...]
                                               [--only single|multi|chain] [--part K/N] [--twice] [--markdown]

A sweep, wider and shallower than ``benchmarks/decoders.py``'s matrix: it finds the wrong
decoders the repair still misses (issue 16: "decoders your simulator may not model"). Its
decoders are Python's own codecs, enumerated, not the matrix's list:

- every single-byte code page of ``encodings`` (a 256-character ``decoding_table``) that keeps
  ASCII, and Latin-1 (the EBCDIC pages move ASCII itself: no tool shows a Chinese page through
  them with its ASCII readable, and they are left out);
- the multi-byte ones: the Japanese (``euc_jp``, ``euc_jis_2004``, ``euc_jisx0213``,
  ``shift_jis``, ``shift_jis_2004``, ``shift_jisx0213``, ``cp932``), Korean (``euc_kr``,
  ``cp949``, ``johab``) and Chinese (``gb2312``, ``gbk``, ``gb18030``, ``big5``, ``cp950``,
  ``big5hkscs``, ``hz``) decoders, the ISO-2022 ones (which read no byte above 7f), UTF-8 (for a
  GBK or Big5 page), UTF-16 and UTF-32 without a byte-order mark;

each with ``errors="replace"`` and ``"ignore"`` (``ignore`` only where the decoder rejects some
byte), from UTF-8, GBK (written by ``gb18030``) and Big5 (``big5hkscs``, Traditional text only),
a source's own family skipped. Then a few chains real tools make (``CHAINS``): a page read by one
decoder, the result saved in another encoding, read again.

Each cell reads ``--paragraphs`` measured paragraphs a script (``wiki_split.measure_paragraphs``,
pages of five, a line at a time as the matrix reads them), page scope, cleaned with ``--to
keep`` and furniture removal off; the reference is the same cleaner's output on the undamaged
page. "bytes": the share of the source's bytes the decoder marked (``replace``) or dropped
(``ignore``), counted by the decoder's own error handler: what the bytes allow, cheaply (0 %:
lossless, the repair has every byte). ``--twice``: also the pages a second clean changes.
``--part K/N``: every N-th cell from the K-th (to spread a run over processes).
"""

from __future__ import annotations

import argparse
import codecs
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from damage import SOURCES  # noqa: E402
from decoders import line_errors, pages  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.repair.code_pages import ascii_code_pages  # noqa: E402

MULTI_BYTE = ("euc_jp", "euc_jis_2004", "euc_jisx0213", "shift_jis", "shift_jis_2004", "shift_jisx0213", "cp932",
              "euc_kr", "cp949", "johab", "gb2312", "gbk", "gb18030", "big5", "cp950", "big5hkscs", "hz",
              "iso2022_jp", "iso2022_jp_1", "iso2022_jp_2", "iso2022_jp_2004", "iso2022_jp_3", "iso2022_jp_ext",
              "iso2022_kr", "utf_8", "utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be")
# A source's own family: its decoders read it right (or differ only in characters the page seldom holds).
OWN = {"utf-8": ("utf_8",), "gbk": ("gbk", "gb18030"), "big5": ("big5", "cp950", "big5hkscs")}
MODES = ("replace", "ignore")

_lost = [0]  # bytes the last reading marked or dropped


def _counted(mark: str):
    def handler(exc: UnicodeDecodeError) -> tuple[str, int]:
        _lost[0] += exc.end - exc.start
        return mark, exc.end

    return handler


# Python's replace and ignore, counting the bytes each rejection covers (the same text comes out).
codecs.register_error("sweep-replace", _counted("\ufffd"))
codecs.register_error("sweep-ignore", _counted(""))


def read(data: bytes, codec: str, mode: str) -> str:
    return data.decode(codec, f"sweep-{mode}")


def single_byte() -> tuple[str, ...]:
    return ("latin_1", *ascii_code_pages())


def decoders(only: str | None) -> tuple[str, ...]:
    if only == "single":
        return single_byte()
    if only == "multi":
        return MULTI_BYTE
    return single_byte() + MULTI_BYTE


def rejects_some(codec: str) -> bool:
    """Does ``codec`` reject any byte string (so ``ignore`` differs from ``replace``)?"""
    try:
        bytes(range(256)).decode(codec)
    except UnicodeDecodeError:
        return True
    return codec in MULTI_BYTE  # a pair or a unit it rejects, though no single byte


def cells(only: str | None) -> list[tuple[str, str, str]]:
    out = []
    if only != "chain":
        for source in ("utf-8", "gbk", "big5"):
            for codec in decoders(only):
                if codec in OWN[source]:
                    continue
                out += [(source, codec, mode) for mode in MODES if mode == "replace" or rejects_some(codec)]
    if only in (None, "chain"):
        out += [(chain.split(">")[0], chain, "replace") for chain in CHAINS]
    return out


# --- chains: a page read, saved in another encoding, read again ---------------------------------


def _layers(*steps: tuple[str, str]) -> Callable[[bytes, str], str]:
    """A chain of (decoder, encoding it saves in) steps; the last step's encoding is unused."""

    def run(data: bytes, mode: str) -> str:
        text = ""
        for k, (decoder, saved_as) in enumerate(steps):
            text = read(data, decoder, mode)
            if k + 1 < len(steps):
                data = text.encode(saved_as, errors="replace")
        return text

    return run


# name (source>decoder>...): what it models. Each reads with the cell's mode at every layer.
CHAINS: dict[str, Callable[[bytes, str], str]] = {
    # A page shown by a Western tool, saved as UTF-8 (a CMS's database, a copy), shown so again.
    "utf-8>cp1252>cp1252": _layers(("cp1252", "utf-8"), ("cp1252", "")),
    "utf-8>latin_1>latin_1": _layers(("latin_1", "utf-8"), ("latin_1", "")),  # MySQL's latin1 column twice
    "gbk>cp1252>cp1252": _layers(("cp1252", "utf-8"), ("cp1252", "")),
    "big5>cp1252>cp1252": _layers(("cp1252", "utf-8"), ("cp1252", "")),
    # A GBK page stored as Latin-1 (a database column), exported as UTF-8, read by a Chinese tool as GBK.
    "gbk>latin_1>gbk": _layers(("latin_1", "utf-8"), ("gbk", "")),
    "big5>latin_1>gbk": _layers(("latin_1", "utf-8"), ("gbk", "")),
    # Mojibake of the other family: UTF-8 read as GBK, saved as UTF-8, shown by a Western tool; and the reverse.
    "utf-8>gbk>cp1252": _layers(("gbk", "utf-8"), ("cp1252", "")),
    "utf-8>cp1252>gbk": _layers(("cp1252", "utf-8"), ("gbk", "")),
    # UTF-8 shown as cp1252 and saved by a Chinese Windows tool in its "ANSI" (GBK: "?" for what GBK
    # lacks), then read back as GBK (right) or as UTF-8 (a second wrong decoder).
    "utf-8>cp1252>ansi-gbk": _layers(("cp1252", "gbk"), ("gbk", "")),
    "utf-8>cp1252>ansi-gbk>utf-8": _layers(("cp1252", "gbk"), ("utf_8", "")),
    # A Cyrillic or Central European system's reading, saved as UTF-8, shown by a Western tool.
    "utf-8>cp1251>cp1252": _layers(("cp1251", "utf-8"), ("cp1252", "")),
    "gbk>cp1251>cp1252": _layers(("cp1251", "utf-8"), ("cp1252", "")),
    # A Japanese tool's reading, saved as UTF-8, read as GBK.
    "gbk>cp932>gbk": _layers(("cp932", "utf-8"), ("gbk", "")),
}


def damage(line: str, source: str, decoder: str, mode: str) -> str:
    data = line.encode(SOURCES[source], errors="replace")
    if decoder in CHAINS:
        return CHAINS[decoder](data, mode)
    return read(data, decoder, mode)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--paragraphs", type=int, default=5, help="measured paragraphs a script (default 5: one page)")
    ap.add_argument("--skip", type=int, default=0, metavar="K", help="start after the first K paragraphs a script")
    ap.add_argument("--split", choices=("measure", "build"), default="measure")
    ap.add_argument("--cell", nargs="*", default=None, help="source:decoder:mode cells (default: all)")
    ap.add_argument("--only", choices=("single", "multi", "chain"), default=None)
    ap.add_argument("--part", default="1/1", metavar="K/N", help="every N-th cell from the K-th")
    ap.add_argument("--twice", action="store_true", help="also count pages a second clean changes")
    ap.add_argument("--markdown", action="store_true", help="the sorted table as Markdown")
    args = ap.parse_args()
    k, n = map(int, args.part.split("/"))
    todo = cells(args.only)
    if args.cell:
        todo = [c for c in todo if ":".join(c) in args.cell]
    todo = todo[k - 1 :: n]
    cleaner = Cleaner(to="keep", remove_furniture=False)
    refs: dict[str, list[tuple[str, str]]] = {}
    rows = []
    start = time.process_time()
    for source, decoder, mode in todo:
        if source not in refs:
            refs[source] = [(p, cleaner.clean(p)) for p in pages(source, args.paragraphs, args.split, args.skip)]
        err = chars = total = lost = unstable = 0
        for page, ref in refs[source]:
            _lost[0] = 0
            damaged = "\n".join(damage(line, source, decoder, mode) for line in page.split("\n"))
            lost += _lost[0]
            total += len(page.encode(SOURCES[source], errors="replace"))
            out = cleaner.clean(damaged)
            err += sum(max(len(a), len(b)) for a, b, _ in line_errors(out, ref))
            chars += len(ref)
            if args.twice and cleaner.clean(out) != out:
                unstable += 1
        share = 100 * lost / max(total, 1)
        rate = 1000 * err / max(chars, 1)
        row = (source, decoder, mode, share, rate, unstable)
        rows.append(row)
        print(f"{source:6s} {decoder:28s} {mode:7s} {share:6.1f}% {rate:8.1f}" + (f" {unstable}" if args.twice else ""), flush=True)
    print(f"{len(rows)} cells, {time.process_time() - start:.0f} s CPU")
    rows.sort(key=lambda r: (-r[4], r[0], r[1], r[2]))
    print("\nworst first: source, decoder, mode, bytes marked (replace) or dropped (ignore), errors per 1,000")
    if args.markdown:
        print("| source | decoder | mode | bytes | errors per 1,000 |" + (" 2nd clean changes |" if args.twice else ""))
        print("|---|---|---|---|---|" + ("---|" if args.twice else ""))
    for source, decoder, mode, share, rate, unstable in rows:
        twice = (f" {unstable} |" if args.markdown else f" {unstable:3d}") if args.twice else ""
        bytes_ = "lossless" if not share else f"{share:.1f} %"
        if args.markdown:
            print(f"| {source} | {decoder} | {mode} | {bytes_} | {rate:.1f} |{twice}")
        else:
            print(f"{source:6s} {decoder:28s} {mode:7s} {bytes_:>9s} {rate:8.1f}{twice}")


if __name__ == "__main__":
    main()
