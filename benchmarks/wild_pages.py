"""Write a wild set's damaged pages from its clean sources (``benchmarks/portal_pages/wild39``).

    .venv/bin/python benchmarks/wild_pages.py [--set wild39]

A wild set measures furniture and damage together, as pages are found: each source
``SET/src/NAME.txt`` is a page as scraped, written clean, one line each:

  ``#script hans|hant``       the article's script (the first line)
  ``#title text``             the page's ``<title>`` (optional)
  ``#damage PROCESS SCOPE``   one damage process over a part of the page (none, one or two lines)
  ``A text``                  a line of the article (kept; the first is the headline)
  ``F text``                  page furniture (to go)
  ``A^ text`` / ``F^ text``   the same, inside the ``marked`` scope

SCOPE is ``page`` (every line and the title: the page was misread whole), ``headline`` (the first
article line and the title), ``furniture`` (every F line), or ``marked`` (the ^ lines). PROCESS is
one of PROCESSES, each written here with Python's codecs (no code of the cleaner's is used):

  utf8-as-gbk        UTF-8 bytes read by a GBK decoder (errors replaced, an odd byte swallowed)
  utf8-as-gb18030    the same with GB18030, what browsers use for a page labelled GBK
  utf8-as-cp1252     UTF-8 bytes read as windows-1252 the browsers' way (bytes it leaves
                     undefined kept as C1 characters), then copied out of the browser
  utf8-as-cp1252x2   that, saved as UTF-8 and misread the same way once more
  big5-as-gbk        a Traditional page written in Big5 (cp950) read by a GBK decoder
  gbk-as-big5        a Simplified page written in GBK read by a Big5 (cp950) decoder
  gbk-as-cp1252      a GBK page read as windows-1252 the browsers' way (a quote copied from it)
  big5-as-cp1252     a Big5 (cp950) page read as windows-1252 the same way
  pinyin             a crawler's annotation: some Han characters followed by their pinyin in
                     brackets, ``字(zì)``
  fullwidth          ASCII letters and digits written full width (``１２３４``)
  entities           HTML escaping left in the text: ``&nbsp;`` for spaces, ``&amp;``, ``&copy;``,
                     ``&ldquo;``/``&rdquo;``, ``&middot;``
  entities-twice     that escaping done twice (``&amp;nbsp;``)
  ncr                every non-ASCII character as a numeric reference (``&#20013;``), as old
                     templates wrote what their charset lacks
  nfkc               the text put through NFKC (full-width punctuation made ASCII)

Written for each source: ``SET/NAME.page`` (the damaged page, the input), ``SET/NAME.expected``
(the article lines, clean), ``SET/NAME.title`` (the damaged or clean ``<title>``, if any), and
``SET/manifest.tsv`` (name, script, damage). Deterministic: a page's random choices are seeded by
its name.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "benchmarks" / "portal_pages"


def _browser_cp1252(data: bytes) -> str:
    """windows-1252 as browsers decode it: the five bytes it leaves undefined become C1 characters."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in data)


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _pinyin(line: str, rng: random.Random) -> str:
    from pypinyin import Style, pinyin

    out = []
    for ch in line:
        out.append(ch)
        if _is_han(ch) and rng.random() < 0.08:
            out.append(f"({pinyin(ch, style=Style.TONE)[0][0]})")
    return "".join(out)


_WIDE = {c: chr(c + 0xFEE0) for c in range(0x21, 0x7F) if chr(c).isalnum()}
_ESCAPES = [("&", "&amp;"), (" ", "&nbsp;"), ("©", "&copy;"), ("“", "&ldquo;"), ("”", "&rdquo;"), ("·", "&middot;"),
            ("<", "&lt;"), (">", "&gt;")]


def _entities(line: str) -> str:
    for raw, escaped in _ESCAPES:
        line = line.replace(raw, escaped)
    return line


PROCESSES = {
    "utf8-as-gbk": lambda s, rng: s.encode("utf-8").decode("gbk", errors="replace"),
    "utf8-as-gb18030": lambda s, rng: s.encode("utf-8").decode("gb18030", errors="replace"),
    "utf8-as-cp1252": lambda s, rng: _browser_cp1252(s.encode("utf-8")),
    "utf8-as-cp1252x2": lambda s, rng: _browser_cp1252(_browser_cp1252(s.encode("utf-8")).encode("utf-8")),
    "big5-as-gbk": lambda s, rng: s.encode("cp950").decode("gbk", errors="replace"),
    "gbk-as-big5": lambda s, rng: s.encode("gbk").decode("cp950", errors="replace"),
    "gbk-as-cp1252": lambda s, rng: _browser_cp1252(s.encode("gbk")),
    "big5-as-cp1252": lambda s, rng: _browser_cp1252(s.encode("cp950")),
    "pinyin": _pinyin,
    "fullwidth": lambda s, rng: s.translate(_WIDE),
    "entities": lambda s, rng: _entities(s),
    "entities-twice": lambda s, rng: _entities(_entities(s)),
    "ncr": lambda s, rng: "".join(ch if ord(ch) < 128 else f"&#{ord(ch)};" for ch in s),
    "nfkc": lambda s, rng: unicodedata.normalize("NFKC", s),
}
SCOPES = ("page", "headline", "furniture", "marked")


def build(path: Path) -> tuple[str, str, str | None, str, list[str]]:
    """(damaged page, clean article, damaged title or None, script, damage) of one source."""
    lines = path.read_text(encoding="utf-8").splitlines()
    script = lines[0].split()[1]
    title, damage, body = None, [], []
    for line in lines[1:]:
        if line.startswith("#title "):
            title = line.removeprefix("#title ").strip()
        elif line.startswith("#damage "):
            process, scope = line.split()[1:3]
            if process not in PROCESSES or scope not in SCOPES:
                raise ValueError(f"{path.name}: unknown damage {line!r}")
            damage.append((process, scope))
        elif line.strip():
            tag, _, text = line.partition(" ")
            if tag not in ("A", "F", "A^", "F^"):
                raise ValueError(f"{path.name}: unknown line {line!r}")
            body.append((tag, text))
    article = "\n".join(text for tag, text in body if tag.startswith("A"))
    rng = random.Random(int(hashlib.sha256(path.stem.encode()).hexdigest(), 16))
    headline = next(i for i, (tag, _) in enumerate(body) if tag.startswith("A"))
    texts = [text for _, text in body]
    for process, scope in damage:
        apply = PROCESSES[process]
        if scope == "page":
            texts = apply("\n".join(texts), rng).split("\n")
        else:
            chosen = {"headline": lambda i, tag: i == headline,
                      "furniture": lambda i, tag: tag.startswith("F"),
                      "marked": lambda i, tag: tag.endswith("^")}[scope]
            texts = [apply(t, rng) if chosen(i, tag) else t for i, ((tag, _), t) in enumerate(zip(body, texts))]
        if title is not None and scope in ("page", "headline"):
            title = apply(title, rng)
    return "\n".join(texts), article, title, script, [f"{p}@{s}" for p, s in damage]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="wild39")
    args = ap.parse_args()
    folder = PAGES / args.set
    rows = ["name\tscript\tdamage"]
    for path in sorted((folder / "src").glob("*.txt")):
        page, article, title, script, damage = build(path)
        (folder / f"{path.stem}.page").write_text(page + "\n", encoding="utf-8")
        (folder / f"{path.stem}.expected").write_text(article + "\n", encoding="utf-8")
        if title is not None:
            (folder / f"{path.stem}.title").write_text(title + "\n", encoding="utf-8")
        rows.append(f"{path.stem}\t{script}\t{'; '.join(damage) or 'clean'}")
    (folder / "manifest.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"{len(rows) - 1} pages written to {folder}")


if __name__ == "__main__":
    main()
