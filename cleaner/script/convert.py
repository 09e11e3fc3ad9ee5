"""Script conversion for the reader: OpenCC chains per target script, sentence by sentence."""

from __future__ import annotations

import regex

from cleaner import chunks
from cleaner.script.fold import converter, foreign_class

# Target -> OpenCC configuration chain. zh-hans uses t2s, then the 著/着 correction below: tw2s
# also turns 著眼 into 着眼 but is not idempotent (it turns a correct Simplified 显著 into 显着).
CHAINS: dict[str, tuple[str, ...]] = {
    "zh-hans": ("t2s.json",),
    "zh-hant": ("s2t.json",),
    "zh-tw": ("s2twp.json",),
    "zh-hk": ("s2hk.json",),
    "keep": (),
}


def convert(text: str, target: str) -> str:
    """Convert ``text`` to the target script, sentence by sentence.

    A sentence with no character foreign to the target stays as its author wrote it: a round
    trip through the other script would lose distinctions (臺/台, 週/周, 裏/裡, 説/說). Only
    sentences holding a foreign character go through the OpenCC chain, whole, so that phrase
    conversions (软件 -> 軟體) still see their words.
    """
    if target == "keep":
        return text
    if len(text) > chunks.LIMIT:  # bounded working memory on huge pages; cuts fall at sentence ends
        return "".join(convert(piece, target) for piece in chunks.pieces(text))
    foreign = foreign_class(target)
    if foreign.search(text):
        text = _convert_sentences(text, target, foreign)
    if target == "zh-hans":
        text = correct_ambiguous(text)
    return text


def _convert_sentences(text: str, target: str, foreign) -> str:
    """Each sentence of ``text`` holding a ``foreign`` character through the chain, the others
    as they are. The sentences go through OpenCC together, one a line, in one call per
    configuration (a page has hundreds): no phrase holds a line break and a sentence none, so
    each line converts as the sentence alone would (tests/test_convert.py holds it to that)."""
    found = [m.span() for m in _SENTENCE.finditer(text) if foreign.search(m.group(0))]
    if not found:
        return text
    converted = _chain("\n".join(text[a:b] for a, b in found), target).split("\n")
    if len(converted) != len(found):  # a conversion made or took a line break: each on its own
        converted = [_chain(text[a:b], target) for a, b in found]
    pieces, last = [], 0
    for (a, b), new in zip(found, converted, strict=True):
        pieces += [text[last:a], new]
        last = b
    pieces.append(text[last:])
    return "".join(pieces)


def _chain(text: str, target: str) -> str:
    for config in CHAINS[target]:
        text = converter(config).convert(text)
    return text


_SENTENCE = regex.compile(r"[^。！？!?\n]+[。！？!?]*")


# Characters a naive character-by-character S->T wrote for another Simplified character, and
# that are themselves valid Simplified: 着 became 著, so 著 must be read back by the word it is in.
AMBIGUOUS = {"著": "着"}
_WINDOW = 3  # longest word considered on either side


def correct_ambiguous(text: str) -> str:
    """Read 著 as 着 where the word it forms with 着 is likelier (jieba word frequencies).

    >>> correct_ambiguous("要著眼于保持稳定,著力解决问题,显著增强,著名作家")
    '要着眼于保持稳定,着力解决问题,显著增强,著名作家'
    """
    if not any(ch in text for ch in AMBIGUOUS):
        return text
    from cleaner.langmodel import word_frequency

    # Only the few characters around each occurrence are looked at (no list of the whole text:
    # a 100 MB page would make one object per character); earlier changes are seen by later ones.
    changed: dict[int, str] = {}
    for m in _AMBIGUOUS_CHAR.finditer(text):
        i, ch = m.start(), m.group()
        lo, hi = max(0, i - _WINDOW), min(len(text), i + _WINDOW + 1)
        window = [changed.get(j, text[j]) for j in range(lo, hi)]
        alt = AMBIGUOUS[ch]
        if _best_word(window, i - lo, alt, word_frequency) > _best_word(window, i - lo, ch, word_frequency):
            changed[i] = alt
    if not changed:
        return text
    pieces, last = [], 0
    for i in sorted(changed):
        pieces += [text[last:i], changed[i]]
        last = i + 1
    pieces.append(text[last:])
    return "".join(pieces)


_AMBIGUOUS_CHAR = regex.compile("[" + "".join(AMBIGUOUS) + "]")


def _best_word(chars: list[str], i: int, ch: str, freq) -> int:
    """Frequency of the most frequent dictionary word (2+ characters) covering position i as ch."""
    best = 0
    for start in range(max(0, i - _WINDOW), i + 1):
        for end in range(i + 1, min(len(chars), i + _WINDOW + 1) + 1):
            if end - start < 2:
                continue
            word = "".join(chars[start:i]) + ch + "".join(chars[i + 1 : end])
            best = max(best, freq(word))
    return best
