"""Read a byte view with unknown and missing bytes in a candidate source encoding.

The byte view of mojibake (``decoders.byte_view``) is the page's bytes, except where the wrong
decoder rejected a byte: ``errors="replace"`` left one U+FFFD (an unknown byte, ``None`` here),
``errors="ignore"`` left nothing. An unknown byte is not free: it is a byte the decoder family
rejects before the byte after it (``decoders._rejects``, tabled natively). A dropped byte is found by the source's
structure: UTF-8 says how many continuation bytes a lead byte needs, so a lead with too few, or a
continuation byte with no lead, shows where bytes went; their values are chosen like unknown
bytes'. A decoder that drops a pair it cannot read whole (glibc's iconv -c: UTF-8 个中 loses
``aa e4``, one character's last byte and the next one's lead) leaves a continuation byte orphaned
after a whole character in a GBK view, which Python's codecs never do; in a stream that shows one,
the reader cuts the character before the orphan, takes the next lead back, and lets a byte go with
the rejected byte before it. A source is read with its codec (GB18030 for gbk, as it holds all
of GBK). Each character then has the candidates its bytes allow (Han, Chinese and fullwidth
punctuation and signs, tone-marked pinyin letters; at most ``MAX_CANDIDATES``, likeliest by the
unigram first); ``holes.choose`` picks among them by the character model.

The reading runs in the native core (native/src/reread.rs), one call per stream; the Python
original is tests/reference_reread.py, which the property tests hold it to.
"""

from __future__ import annotations

from functools import lru_cache

from cleaner import _native
from cleaner.langmodel import model
from cleaner.repair.decoders import native_codes

MAX_CANDIDATES = _native.MAX_CANDIDATES


@lru_cache(maxsize=1)
def _reader() -> _native.Reader:
    """The reader, with its index of every acceptable code by byte, ordered by the model in use
    when it is first asked (kept for the process, as the model's other caches are)."""
    return _native.Reader(native_codes(), model().native)


def read(stream: list, source: str, family: str, ignore: bool = False) -> tuple[list[list], bool]:
    """[character, end offset in the view, candidates] per character ``stream`` reads as in ``source``.

    As far as it reads; the flag says whether it read the whole stream. ``holes.choose`` picks.
    ``ignore``: bytes may have been dropped without a mark (``errors="ignore"``), and are taken back.
    """
    return _reader().read(model().native, stream, source, family, ignore)
