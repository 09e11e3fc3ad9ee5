"""Could a page hold UTF-8 whose bytes a legacy decoder dropped (``utf8_marks``)? A page fact.

``utf8_marks.repair`` reads every run of non-ASCII characters without a U+FFFD that is long
enough, half letters, holds Han and reads as no text (``MAX_DROPPED_SCORE``), in each decoder of
``utf8_marks.CODECS`` whose bytes for the run are nearly all UTF-8's (``_all_utf8``). Its own
test, run by run in Python over every character of every run, cost a clean page 0.5-0.7 ms,
most of the clean page's repair stages together; almost no clean run passes it.

Here one native pass (``CharSets.runs_with``, native/src/charsets.rs) finds the runs that could
pass: the run's shape, and for some decoder every character one it reads from high bytes with
few enough characters none of whose codes is all UTF-8's bytes (each such character holds one
byte that is not, and a run holds ``widest`` bytes a character at most); its last character
may instead be one a Big5 decoder paired with the letter after the run (``RunReader.tail``), as
the repair views it. Only those runs are
scored by the model, and those reading as no text viewed as the repair views them. The test is a necessary condition of ``utf8_marks``' own, never a
different one: a page it says no to is one the repair leaves as it is (tests/test_dropped_runs.py
holds it to that).
"""

from __future__ import annotations

from functools import lru_cache

from cleaner import _native, chardata
from cleaner.chardata import HAN
from cleaner.langmodel import per_char
from cleaner.repair import multi_byte_marks, utf8_marks

# The classes of the table: Han, letters of a script, then two a decoder (writes, clean).
_HAN, _LETTERS, _FIRST_READER = 0, 1, 2


def may_hold(text: str) -> bool:
    """Could ``utf8_marks.repair(text)`` read any run of ``text``? False only where it would
    not: no U+FFFD, and no run it would search for dropped bytes with a decoder that reads it."""
    if utf8_marks.LOST in text:
        return True
    found = runs(text)
    if found is None:  # a character beyond the BMP: the repair's own test
        return True
    return any(not per_char(text[a:b]) > utf8_marks.MAX_DROPPED_SCORE and _read_by_some(text[a:b]) for a, b in found)


# The last text scanned and its runs: the repair asks again of the page ``may_hold`` let through.
_last: tuple[str | None, list[tuple[int, int]] | None] = (None, None)


def runs(text: str) -> list[tuple[int, int]] | None:
    """(start, end) of the runs of ``text`` without a U+FFFD that the native scan lets through:
    every other run without one is one ``utf8_marks.repair`` reads nothing back from (the scan's
    test is run by run, a necessary condition of the repair's). None: a character beyond the BMP
    (every run is the repair's own to test)."""
    global _last
    if _last[0] is not text:
        sets, readers = _table()
        _last = (text, sets.runs_with(text, _HAN, _LETTERS, utf8_marks.MIN_DROPPED_RUN, utf8_marks.MIN_DROPPED_LETTERS, readers))
    return _last[1]


def _read_by_some(run: str) -> bool:
    """Does some decoder's view of ``run`` hold UTF-8's bytes enough: the repair's own first test
    of a reading of dropped bytes (``utf8_marks._readings``), asked of the few runs left here,
    before the costly walk of the gaps that follows it there. Viewed as the repair views it: its
    last character may be a Big5 lead paired with the ASCII letter after it (``_view_and_tail``)."""
    return any((view := utf8_marks._view_and_tail(run, codec, [])[0]) is not None  # noqa: SLF001 - its test
               and utf8_marks._all_utf8(view) for codec in utf8_marks.CODECS)  # noqa: SLF001


@lru_cache(maxsize=1)
def _table() -> tuple[_native.CharSets, list[tuple[int, int, tuple[int, int] | None, int, float]]]:
    """The native table and the readers' arguments, built once a process (the classes are kept
    in the tables cache: reading them from the decoders takes about a second)."""
    from cleaner.tablecache import cached

    sources = [__file__, utf8_marks.__file__, multi_byte_marks.__file__, chardata.__file__]  # HAN is chardata's
    classes, widest, tails = cached("droppedruns", sources, "3", _classes)
    readers = [(_FIRST_READER + 2 * k, _FIRST_READER + 2 * k + 1, None if tail is None else tuple(tail), wide,
                1 - utf8_marks.MIN_UTF8_SHARE) for k, (wide, tail) in enumerate(zip(widest, tails))]
    return _native.CharSets(classes), readers


def _classes() -> tuple[list[str], list[int], list[tuple[int, int] | None]]:
    """The classes' members over the BMP, each decoder's widest code in bytes, and its tail
    classes (``RunReader.tail``), where it reads any character from a lead and an ASCII trail."""
    import unicodedata

    bmp = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000]
    classes = ["".join(HAN.findall("".join(bmp))), "".join(ch for ch in bmp if unicodedata.category(ch) == "Lo")]
    widest, tail_classes = [], []
    for codec in utf8_marks.CODECS:
        dups = utf8_marks._codes(codec)  # noqa: SLF001 - the codes _view chooses among
        writes, clean, tails, clean_tails, wide = [], [], [], [], 1
        for ch in bmp:
            code = utf8_marks._encoded.__wrapped__(ch, codec)  # noqa: SLF001 - not into its cache
            if code is None:
                # A lead and an ASCII trail: the repair views a run's last character so, as its
                # lead alone (``utf8_marks._view_and_tail``); clean where that lead is UTF-8's.
                pair = utf8_marks._encoded_pair.__wrapped__(ch, codec)  # noqa: SLF001
                if pair is not None:
                    tails.append(ch)
                    if pair[0] in utf8_marks.UTF8_BYTES:
                        clean_tails.append(ch)
                continue
            codes = (code, *dups.get(ch, ()))
            writes.append(ch)
            if any(all(b in utf8_marks.UTF8_BYTES for b in c) for c in codes):
                clean.append(ch)
            wide = max(wide, *map(len, codes))
        classes += ["".join(writes), "".join(clean)]
        widest.append(wide)
        tail_classes.append(("".join(tails), "".join(clean_tails)) if tails else None)
    tail_at = []
    for pair in tail_classes:  # after every reader's two: the table has 32 classes at most
        tail_at.append(None if pair is None else (len(classes), len(classes) + 1))
        classes += pair or []
    return classes, widest, tail_at
