"""Paragraphs wrapped at a fixed width, joined back into one line each.

Why: old pages saved as text, mail archives, BBS posts and fixed-length records break every
paragraph into lines of one width (`fold`, an editor's 76 columns, a 64-byte record). The
cleaner reads a line as a unit — the furniture model judges each line — so a sentence cut in two
is two half sentences to it: a first half holding a date was taken for a publication line and
removed. Chinese text has no word spaces to hint at wrapping, but the lines' widths do: a wrapper
fills each line to the same width, in characters, display columns (a Han character is two) or
bytes, and only a paragraph's last line falls short.

The page is taken to be wrapped when at least MIN_FULL lines, and most of its longer lines, end
within SLACK of one width W of at least MIN_WIDTH columns (or characters, or bytes), no line is
longer, and few full lines end a sentence (a poem's or a list's equal lines all do). Then each full
line is joined with the next, unless the next is blank or indented (a new paragraph) or the full
line ends a sentence (its break is harmless). The join is nothing (Chinese has no spaces between
words), or a space between ASCII letters or digits where the line stopped short of the width
(a word wrapper broke at a space there).
"""

from __future__ import annotations

import unicodedata

MIN_FULL = 4
MIN_WIDTH = 30
SLACK = 2
_ENDS = "。！？!?…；;：:”」』）)"
_INDENT = (" ", "\u3000", "\t")


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


MEASURES = (len, _columns, lambda line: len(line.encode("utf-8")), lambda line: len(line.encode("gb18030", errors="replace")))


def wrap_width(lines: list[str]) -> tuple[int, int] | None:
    """(measure index, width) the lines were wrapped at, or None if they were not."""
    candidates = [line for line in lines if line.strip() and "  " not in line.strip()]
    if len(candidates) < MIN_FULL:
        return None
    for index, measure in enumerate(MEASURES):
        sizes = [measure(line) for line in candidates]
        width = max(sizes)
        if width < MIN_WIDTH:
            continue
        full = [line for line, size in zip(candidates, sizes, strict=True) if size >= width - SLACK]
        long = sum(1 for size in sizes if size >= width // 2)
        if len(full) < MIN_FULL or len(full) * 2 < long:
            continue
        if sum(1 for line in full if line.rstrip().endswith(tuple(_ENDS))) * 3 > len(full):
            continue
        return index, width
    return None


def join_hard_wraps(text: str) -> str:
    """``text`` with the lines of each wrapped paragraph joined (see the module's docstring).

    >>> line = "工信部与浙江省人民政府共同打造出了工业互联网平台"
    >>> page = "\\n".join([line] * 5 + ["体系。", "", "下一段。"])
    >>> join_hard_wraps(page) == line * 5 + "体系。\\n\\n下一段。"
    True
    >>> poem = "\\n".join(["床前明月光，疑是地上霜。举头望明月，低头思故乡。"] * 5)
    >>> join_hard_wraps(poem) == poem
    True
    """
    if text.count("\n") < MIN_FULL:
        return text
    lines = text.split("\n")
    found = wrap_width(lines)
    if found is None:
        return text
    measure, width = MEASURES[found[0]], found[1]
    out = [lines[0]]
    for previous, line in zip(lines, lines[1:]):
        full = previous.strip() and measure(previous) >= width - SLACK and "  " not in previous.strip()
        new_paragraph = not line.strip() or line.startswith(_INDENT)
        if full and not new_paragraph and not previous.rstrip().endswith(tuple(_ENDS)):
            joined = out[-1].rstrip()
            # A word wrapper broke at a space before the width (English words); a line cut at
            # the width exactly was cut inside whatever stood there (202|0).
            space = (measure(previous) < width and joined[-1:].isascii() and joined[-1:].isalnum()
                     and line[:1].isascii() and line[:1].isalnum())
            out[-1] = joined + (" " if space else "") + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)
