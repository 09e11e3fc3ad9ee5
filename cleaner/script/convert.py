"""Script conversion for the reader: OpenCC chains per target script, sentence by sentence."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from functools import lru_cache
from itertools import accumulate

from cleaner import _native, chunks, pagefacts, warm_tables
from cleaner.chardata import HAN_CLASS
from cleaner.script.fold import NAIVE_FORMS, converter, fold, foreign_class, script_class

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
    return convert_all([text], target)[0]


CONVERTED_EDGE = 4  # characters looked at on each side of a kept span (widened_over_converted)


def widened_over_converted(text: str, spans: list[tuple[int, int]], target: str) -> list[tuple[int, int]]:
    """``spans`` (kept from conversion, sorted) each widened to the farthest character within
    CONVERTED_EDGE of it, on each side, that conversion to ``target`` would change (over Han
    only: punctuation, a space or ASCII ends the look, and a span ending on one is not widened
    on that side): a misread stretch's edge is not known to
    the character (娑擄拷娴… was kept from 犲 on), and a character of it converted (擄 as 掳) is
    read otherwise by a later clean. Characters conversion leaves alone need no keeping."""
    def changes(ch: str) -> bool:
        return convert(ch, target) != ch

    out: list[tuple[int, int]] = []
    for k, (lo, hi) in enumerate(spans):
        floor = out[-1][1] if out else 0  # no look into the span before, nor the one after
        ceiling = spans[k + 1][0] if k + 1 < len(spans) else len(text)
        # A span that ends on punctuation or a space ends where the stretch does: no look past it.
        if _ONE_HAN.match(text[lo]):
            reach = range(lo - 1, max(floor, lo - CONVERTED_EDGE) - 1, -1)
            lo = _farthest_changed(text, reach, changes, lo, edge=lambda i: i)
        if _ONE_HAN.match(text[hi - 1]):
            reach = range(hi, min(ceiling, hi + CONVERTED_EDGE))
            hi = _farthest_changed(text, reach, changes, hi, edge=lambda i: i + 1)
        out.append((lo, hi))
    return out


_ONE_HAN = re.compile(f"[{HAN_CLASS}]")
_MARK_RUN = re.compile("\ufffd+")
_TWO_BYTE_TABLES = ("gbk", "cp950")  # the tables the byte repairs read a line's two-byte codes in


@lru_cache(maxsize=1 << 14)
def _writes(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def beside_marks(text: str, target: str, read_again=None) -> list[tuple[int, int]]:
    """Each run of U+FFFD with the characters within CONVERTED_EDGE of it, on each side and on its
    line, that conversion to ``target`` would make writable by a two-byte table that cannot write
    them now (past signs and spaces: a byte repair reads a lost byte's neighbours whatever they
    are). The marks are bytes the repairs could not place; converted, a neighbour a wrong
    decoder's table lacked (来, no Big5 code) became one it holds (來, a8 d3), and a second clean's
    repairs read the marks with it (���　來 -> �⿳繞來). A conversion that only takes a
    character out of a table (熱 -> 热 for Big5) gives no repair more to read: converted as any.

    ``read_again(line)``: would a second clean's repairs read the line converted? Asked of each
    line holding marks (the text's to say, so a second clean decides the same): a clean line with
    one real lost character (这个�问题) reads as nothing converted, and is converted whole."""
    def changes(ch: str) -> bool:
        if _ONE_HAN.match(ch) is None:
            return False
        new = convert(ch, target)
        return new != ch and any(_writes(new, codec) and not _writes(ch, codec) for codec in _TWO_BYTE_TABLES)

    out: list[tuple[int, int]] = []
    asked: dict[int, bool] = {}  # each line's answer, by its start
    for mark in _MARK_RUN.finditer(text):
        lo, hi = mark.span()
        if read_again is not None and not _line_asked(text, lo, hi, asked, lambda line: read_again(convert(line, target))):
            continue
        for i in range(lo - 1, max(0, lo - CONVERTED_EDGE) - 1, -1):
            if text[i] == "\n":
                break
            if changes(text[i]):
                lo = i
        for i in range(hi, min(len(text), hi + CONVERTED_EDGE)):
            if text[i] == "\n":
                break
            if changes(text[i]):
                hi = i + 1
        out.append((lo, hi))
    return out


# What a Japanese or Korean decoder shows of Chinese bytes and Chinese text seldom holds: halfwidth
# katakana, and Hangul (code_pages' hint, less the Korean words korean.words_only keeps).
_DECODER_SIGNS = re.compile("[\uff61-\uff9f]+|[\uac00-\ud7a3]+")


def beside_decoder_signs(text: str, target: str, read_again=None) -> list[tuple[int, int]]:
    """The Han characters within CONVERTED_EDGE of a run of halfwidth katakana or of Hangul that no
    word of Korean makes, that conversion to ``target`` would change, with the run between. Such a
    run is a Japanese or Korean decoder's reading the repairs left unread; converted, its neighbour
    changes what the decoder could have shown (內, which JIS X 0213 lacks, as 内, which it holds),
    so a second clean cuts the stretch otherwise and reads it (Big5 through shift_jis_2004:
    內ｪ糫@｡C stayed, then 内ｪ糫@｡C came back 内金一。).

    ``read_again(line)``: would a clean's byte repairs change the line? Asked of each line holding
    such a run, converted and as it is: only where the converted line alone is read are its
    neighbours kept (Korean beside Traditional text, 韓國서울, is converted as any)."""
    def changes(ch: str) -> bool:
        return convert(ch, target) != ch

    def read_converted_only(line: str) -> bool:
        converted = convert(line, target)
        return converted != line and read_again(converted) and not read_again(line)

    out: list[tuple[int, int]] = []
    asked: dict[int, bool] = {}  # each line's answer, by its start
    for m in _DECODER_SIGNS.finditer(text):
        lo, hi = m.span()
        if read_again is not None and not _line_asked(text, lo, hi, asked, read_converted_only):
            continue
        new_lo = _farthest_changed(text, range(lo - 1, max(0, lo - CONVERTED_EDGE) - 1, -1), changes, lo, edge=lambda i: i)
        new_hi = _farthest_changed(text, range(hi, min(len(text), hi + CONVERTED_EDGE)), changes, hi, edge=lambda i: i + 1)
        if (new_lo, new_hi) != (lo, hi):
            out.append((new_lo, new_hi))
    return out


def _line_asked(text: str, lo: int, hi: int, asked: dict[int, bool], ask) -> bool:
    """``ask(line)`` of the line holding ``text[lo:hi]``, each line asked once (``asked``: the
    answers by the line's start)."""
    start = text.rfind("\n", 0, lo) + 1
    if start not in asked:
        end = text.find("\n", hi)
        asked[start] = ask(text[start : len(text) if end < 0 else end])
    return asked[start]


def _farthest_changed(text: str, reach: range, changes, bound: int, edge) -> int:
    """The span's new bound: past the farthest index of ``reach`` (nearest first) whose character
    conversion changes, looking no further than the first that is no Han."""
    for i in reach:
        if not _ONE_HAN.match(text[i]):
            break
        if changes(text[i]):
            bound = edge(i)
    return bound


def convert_all(texts: list[str], target: str) -> list[str]:
    """``[convert(text, target) for text in texts]``, the sentences of all the texts through
    OpenCC together: a page cut into pieces by the spans kept from conversion (the pipeline's
    ``_Outside``) would otherwise cost one OpenCC call per piece, and a call costs far more than
    the few characters each piece holds."""
    if target == "keep":
        return list(texts)
    foreign = foreign_class(target, naive=target != "zh-hans" and _leftovers_foreign(texts))
    # A Simplified page's 乾清宫, 乾县 and 於梨华 are names: only on a page written in Traditional
    # (it holds Traditional-only characters) are 於, 乾, 瞭 read by t2s (_with_traditional_phrases).
    traditional_page = target == "zh-hans" and _written_in_traditional(texts)
    out = list(texts)
    batch: list[tuple[int, list[tuple[int, int]]]] = []  # (text's index, its foreign sentences)
    size = 0
    for k, text in enumerate(texts):
        if len(text) > chunks.LIMIT:  # bounded working memory on huge pages; cuts fall at sentence ends
            out[k] = "".join(convert_all(list(chunks.pieces(text)), target))
            continue
        found = _foreign_sentences(text, foreign)
        if traditional_page:
            found = _with_traditional_phrases(text, found)
        if found:
            batch.append((k, found))
            size += sum(b - a for a, b in found)
        if size > chunks.LIMIT:  # so is the batch of many small pieces
            _convert_batch(texts, out, batch, target, foreign)
            batch, size = [], 0
    _convert_batch(texts, out, batch, target, foreign)
    if target == "zh-hans":
        out = [correct_ambiguous(new) if len(text) <= chunks.LIMIT else new for text, new in zip(texts, out, strict=True)]
    return out


# A page a naive converter wrote uses its leftovers (于, 后, 并) and never the forms they stand for
# (於, 後, 並); a Traditional author writes those forms and the leftovers in names (范仲淹, 王世杰)
# and words (征服) only. So the leftovers are foreign on a page that holds at least NAIVE_EVIDENCE
# of them, of two characters or more, and more of them than of all their forms together.
NAIVE_EVIDENCE = 3
_NAIVE_PAIRS = re.compile("[" + "".join(NAIVE_FORMS) + "".join(NAIVE_FORMS.values()) + "]")


def _leftovers_foreign(texts: list[str]) -> bool:
    """Are the naive leftovers foreign on this page (its pieces)? On a page with no Traditional-only
    character (Simplified text: 着眼于 is 着眼於), and on a page a naive converter wrote."""
    traditional = script_class("traditional")
    return not any(traditional.search(text) for text in texts) or naive_page(texts)


def naive_page(texts: list[str]) -> bool:
    """Do the pieces of a page read as a naive Simplified -> Traditional converter's output?"""
    seen = Counter(ch for text in texts for ch in _NAIVE_PAIRS.findall(text))
    left = [ch for ch in NAIVE_FORMS if seen[ch]]
    leftovers = sum(seen[ch] for ch in left)
    return leftovers >= NAIVE_EVIDENCE and len(left) >= 2 and leftovers > sum(seen[form] for form in NAIVE_FORMS.values())


def _foreign_sentences(text: str, foreign) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text`` holding a ``foreign`` character, without its
    Japanese and Korean phrases; none in a text that is Japanese or Korean (``_other_language``)."""
    if not foreign.search(text):
        return []
    found = foreign.sentences_holding(text)  # _SENTENCE's sentences, in one native pass
    if found is None:  # a character beyond the BMP: a search per sentence
        found = [(a, b) for a, b in map(re.Match.span, _SENTENCE.finditer(text)) if foreign.holds(text, a, b)]
    if found and _holds_other_script(text):
        if _other_language(text):
            return []
        phrases = _phrases(text)
        found = [(x, y) for a, b in found for x, y in _chinese_parts(a, b, phrases) if foreign.holds(text, x, y)]
    return found


# Japanese and Korean write Han too, and OpenCC would make them Chinese Simplified (東京都は →
# 东京都は, 大韓民國 → 大韩民国). Hiragana (the particles は, を, に) and hangul tell them; katakana
# alone do not: a Chinese sentence spells a Japanese name or loanword so (（バトロードフォース）).
# A text (a page) in which hiragana and hangul are OTHER_TEXT_SHARE of the letters outside its
# quotations is Japanese or Korean, its Han headings and lists too (関連記事). In a Chinese text a
# quoted Japanese phrase (「國際連合の發表によると」: corner brackets holding two hiragana or more,
# or one that is not の, the netspeak 的 of 我們の學校) and a Korean word (the run of Han around
# hangul: 大韓民國의) are left, and the Chinese around them converted. A hiragana name outside
# quotation marks is not a phrase: the Han beside it are Chinese (与新潟县小野铃藏的四女みどり结婚).
_HIRAGANA = "\u3041-\u3096\u309d-\u309f"
_KANA = _HIRAGANA + "\u30a1-\u30fa\u30fc-\u30ff\u31f0-\u31ff\uff66-\uff9d"  # not ・, which Chinese uses
_HANGUL = "\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3"
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々〆"
_OTHER_SCRIPT = re.compile(f"[{_HIRAGANA}{_HANGUL}]")
# Asked of a whole text up to four times in one conversion (the page's script, its foreign
# sentences, its Traditional phrases, its language): answered from one native scan of it
# (cleaner/pagefacts.py), where each was a regex search over the page (some 10 µs each).
_holds_other_script = pagefacts.any_of(_OTHER_SCRIPT)
_LETTER = re.compile(f"[{_HAN}{_KANA}{_HANGUL}]")
_OTHER_PHRASE = re.compile(f"「[^」\n]*[{_HIRAGANA}][^」\n]*」|『[^』\n]*[{_HIRAGANA}][^』\n]*』|《[^》\n]*[{_HIRAGANA}][^》\n]*》"
                           f"|[{_HAN}{_HANGUL}]*[{_HANGUL}][{_HAN}{_HANGUL}]*")
_QUOTED = re.compile(r"「[^」\n]*」|『[^』\n]*』|“[^”\n]*”|《[^》\n]*》")
_HIRAGANA_RUN = re.compile(f"[{_HIRAGANA}]+")
_SENTENCE_END = re.compile("[。！？!?]")
OTHER_TEXT_SHARE = 0.2


def _other_language(text: str) -> bool:
    """Hiragana and hangul are OTHER_TEXT_SHARE of the text's letters or more, quotations left out:
    Japanese or Korean. (Japanese prose is a third to a half hiragana; a Chinese text quoting a
    Japanese phrase, 他笑著說「ありがとうございます」, holds none outside its quotation marks.)"""
    unquoted = _unquoted(text)
    # The text without its quotations holds kana or hangul only if the text does (its scan).
    if not _holds_other_script(text) or unquoted is not text and not _OTHER_SCRIPT.search(unquoted):
        return _LETTER.search(unquoted) is None  # most pages: a share of none, below any but of no letters
    text = unquoted
    classes = _letter_classes()
    others, letters = classes.count(text, 0), classes.count(text, 1)
    if others is None or letters is None:  # a character beyond the BMP: no member of either, counted by the patterns
        others, letters = len(_OTHER_SCRIPT.findall(text)), len(_LETTER.findall(text))
    return others >= OTHER_TEXT_SHARE * letters


@warm_tables.table
@lru_cache(maxsize=1)
def _letter_classes() -> _native.CharSets:
    """_OTHER_SCRIPT's (0) and _LETTER's (1) characters, all in the BMP, as one native table
    counted in one pass each: their ``findall`` made a list of every Han character of the page
    to count them. Built from the members directly: two ``CharClass`` (sets of 50,000
    characters, their largest, then the table) took 20-50 ms of the first page with kana or
    hangul in every process."""
    return _native.CharSets([_members(_HIRAGANA + _HANGUL), _members(_HAN + _KANA + _HANGUL)])


def _members(spec: str) -> str:
    """The characters of a class's body written as here: single characters and ``a-b`` ranges."""
    out, k = [], 0
    while k < len(spec):
        if k + 2 < len(spec) and spec[k + 1] == "-":
            out += map(chr, range(ord(spec[k]), ord(spec[k + 2]) + 1))
            k += 3
        else:
            out.append(spec[k])
            k += 1
    return "".join(out)


def _unquoted(text: str) -> str:
    """``text`` without its quotations (``_QUOTED``). Kept for the last text: the page's script
    and its language both ask it of a page, which is one text but for the spans kept from
    conversion."""
    global _last_unquoted
    if "「" not in text and "『" not in text and "“" not in text and "《" not in text:
        return text
    seen, unquoted = _last_unquoted
    if seen is not text:
        unquoted = _QUOTED.sub("", text)
        _last_unquoted = (text, unquoted)  # held until the next text with quotations (one pair)
    return unquoted


_last_unquoted: tuple[str | None, str] = (None, "")


def _written_in_traditional(texts: list[str]) -> bool:
    """Is the page (its pieces) written in Traditional: more Traditional-only than Simplified-only
    characters, quotations and Japanese or Korean sentences left out? A Simplified page quoting
    《紅樓夢》 or holding a Japanese paragraph (東京國立博物館は) is not."""
    traditional, simplified = script_class("traditional"), script_class("simplified")
    if not any(traditional.search(text) for text in texts):
        return False
    counts = [0, 0]
    for text in texts:
        # Sentence by sentence only where kana or hangul stand: a page without them is counted whole
        # (without its quotations, which hold them only if the text does).
        unquoted = _unquoted(text)
        other = _holds_other_script(text) and (unquoted is text or _OTHER_SCRIPT.search(unquoted) is not None)
        if not other:  # no sentence holds kana or hangul
            counts[0] += traditional.count(unquoted)
            counts[1] += simplified.count(unquoted)
            continue
        for part in (m.group() for m in _SENTENCE.finditer(unquoted)):
            if not _OTHER_SCRIPT.search(part):
                counts[0] += traditional.count(part)
                counts[1] += simplified.count(part)
    return counts[0] > counts[1]


def _with_traditional_phrases(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``found`` (the foreign sentences of ``text``, target zh-hans, on a page written in
    Traditional) and the other sentences in which t2s changes a character both scripts have
    (``both_scripts``): 成立於1958年 and 我瞭解了 are Traditional though 於 and 瞭 are Simplified
    characters too (the surname 於, 瞭望), while 乾坤 and 狼藉, which t2s keeps, leave their sentence
    as written. One t2s call for the page's such sentences; a Japanese or Korean text has none."""
    both = script_class("both")
    if not both.search(text) or _other_language(text):
        return found
    held = both.sentences_holding(text)  # _SENTENCE's sentences, in one native pass
    if held is None:  # a character beyond the BMP: a search per sentence
        held = [(a, b) for a, b in map(re.Match.span, _SENTENCE.finditer(text)) if both.holds(text, a, b)]
    other = _holds_other_script(text)
    overlaps = _overlapping(found)
    spans = [(a, b) for a, b in held if not (other and _OTHER_SCRIPT.search(text, a, b)) and not overlaps(a, b)]
    if not spans:
        return found
    sentences = [text[a:b] for a, b in spans]
    read = _chain("\n".join(sentences), "zh-hans").split("\n")
    if len(read) != len(sentences):
        read = [_chain(sentence, "zh-hans") for sentence in sentences]
    more = [span for span, old, new in zip(spans, sentences, read, strict=True)
            if len(new) != len(old) or any(a != b and both.holds(a, 0, 1) for a, b in zip(old, new, strict=True))]
    return sorted(found + more) if more else found


def _overlapping(spans: list[tuple[int, int]]):
    """A test "does ``[a, b)`` overlap one of ``spans``?" in a bisection: the spans with a start
    before ``b`` are a prefix of them sorted, and one of those overlaps if the furthest end among
    them is past ``a`` (asked of each sentence of a page, a scan of all of them was quadratic)."""
    spans = sorted(spans)
    starts = [x for x, _ in spans]
    furthest = list(accumulate((y for _, y in spans), max))

    def overlaps(a: int, b: int) -> bool:
        k = bisect_left(starts, b)  # spans[:k] start before b
        return k > 0 and furthest[k - 1] > a

    return overlaps


def _phrases(text: str) -> list[tuple[int, int]]:
    """(start, end) of the Japanese and Korean phrases of ``text``, in order."""
    return [m.span() for m in _OTHER_PHRASE.finditer(text) if _foreign_phrase(m.group())]


def _chinese_parts(start: int, end: int, phrases: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentence ``[start, end)`` without its part of the page's Japanese and Korean
    ``phrases`` (in order; found over the whole text, once: a quotation holds sentence ends of
    its own, 「新しい経済対策を来週発表する予定です。」 is cut after its 。, and each sentence keeps out
    its part of it): the stretches between them."""
    parts, at = [], start
    for a, b in phrases[max(bisect_right(phrases, (start,)) - 1, 0):]:
        if a >= end:
            break
        if b <= start:
            continue
        if a > at:
            parts.append((at, a))
        at = max(at, min(b, end))
    if at < end:
        parts.append((at, end))
    return parts


def _foreign_phrase(phrase: str) -> bool:
    """A Japanese or Korean phrase: hangul, or two hiragana, or one that is not の, or a title in
    《》 with の between its Han (《鬼滅の刃》: a Japanese title; the netspeak 的 of 我們の學校 is
    written in running text)."""
    hiragana = [ch for ch in phrase if "\u3041" <= ch <= "\u309f"]
    if len(hiragana) != len(_OTHER_SCRIPT.findall(phrase)):
        return True  # hangul
    if phrase[0] in "「『" and _SENTENCE_END.search(phrase, 0, len(phrase) - 2):
        # A quotation of several sentences (zh-hant quotes with 「」): Japanese prose holds
        # hiragana here and there, its particles; a Chinese quotation with a Japanese word in it
        # (…還學會了說ありがとう。) holds one run.
        return len(_HIRAGANA_RUN.findall(phrase)) >= 2
    return len(hiragana) >= 2 or hiragana != ["の"] or phrase.startswith("《")


def _convert_batch(texts: list[str], out: list[str], batch: list[tuple[int, list[tuple[int, int]]]], target: str, foreign) -> None:
    """``out[k]``: ``texts[k]`` with each of its sentences in ``batch`` through the chain, the
    others as they are. The sentences go through OpenCC together, one a line, in one call per
    configuration (a page has hundreds): no phrase holds a line break and a sentence none, so
    each line converts as the sentence alone would (tests/test_convert.py holds it to that)."""
    if not batch:
        return
    sentences = [texts[k][a:b] for k, found in batch for a, b in found]
    written = _written_traditional(sentences, target)
    inputs = _simplified([s for s, w in zip(sentences, written, strict=True) if w])
    inputs.reverse()
    inputs = [inputs.pop() if w else s for s, w in zip(sentences, written, strict=True)]
    converted = _chain("\n".join(inputs), target).split("\n")
    if len(converted) != len(sentences):  # a conversion made or took a line break: each on its own
        converted = [_chain(line, target) for line in inputs]
    strict, partly = foreign_class(target), foreign_class(target, naive=True)
    converted = [_foreign_only(s, new, partly if strict.search(s) else foreign) if w else new for s, new, w in zip(sentences, converted, written, strict=True)]
    at = 0
    for k, found in batch:
        text, pieces, last = texts[k], [], 0
        for a, b in found:
            pieces += [text[last:a], converted[at]]
            last, at = b, at + 1
        pieces.append(text[last:])
        out[k] = "".join(pieces)


def _written_traditional(sentences: list[str], target: str) -> list[bool]:
    """Which sentences are written in Traditional (hold a Traditional-only character) while the
    target is a Traditional one: their few foreign characters (a Simplified 胆 or a naive
    converter's 后 among 國 and 們) are changed, the rest stays as the author wrote it."""
    if target == "zh-hans":
        return [False] * len(sentences)
    traditional = script_class("traditional")
    return [traditional.search(sentence) is not None for sentence in sentences]


def _simplified(sentences: list[str]) -> list[str]:
    """The sentences read wholly in Simplified, one OpenCC call: the chain then converts each
    foreign character by the phrase it is in (長征 keeps its 征, 以后 becomes 以後), which it cannot
    see in the mixed sentence (長征 is no phrase of the Simplified dictionary: 征 became 徵)."""
    if not sentences:
        return []
    folded = fold("\n".join(sentences)).split("\n")
    return folded if len(folded) == len(sentences) else [fold(sentence) for sentence in sentences]


def _foreign_only(sentence: str, converted: str, foreign) -> str:
    """``sentence`` with only its ``foreign`` characters taken from ``converted`` (the chain's
    reading of it in Simplified): no vocabulary change (保存 -> 儲存) and no variant (群 -> 羣, 台 ->
    臺) in a sentence written in Traditional. A sentence holding a Simplified-only character among
    Traditional ones is a partial conversion: its naive leftovers are foreign too (the caller's
    ``foreign``). Where the chain changed the length, the plain Traditional reading's characters."""
    if len(converted) != len(sentence):
        # A phrase of another length (zh-tw's 内存 -> 記憶體): the plain Traditional reading,
        # character for character, so the sentence keeps its words; else the chain's sentence.
        converted = _chain(fold(sentence), "zh-hant")
        if len(converted) != len(sentence):
            return converted
    return "".join(new if foreign.holds(old, 0, 1) else old for old, new in zip(sentence, converted, strict=True))


def _chain(text: str, target: str) -> str:
    for config in CHAINS[target]:
        text = converter(config).convert(text)
    return text


# A sentence, as CharClass.sentences_holding reads one too (natively).
_SENTENCE = re.compile(r"[^。！？!?\n]+[。！？!?]*")


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
    # Only the few characters around each occurrence are looked at (no list of the whole text:
    # a 100 MB page would make one object per character); earlier changes are seen by later ones.
    changed: dict[int, str] = {}
    for m in _AMBIGUOUS_CHAR.finditer(text):
        i, ch = m.start(), m.group()
        lo, hi = max(0, i - _WINDOW), min(len(text), i + _WINDOW + 1)
        if _reads_as_other("".join(changed.get(j, text[j]) for j in range(lo, hi)), i - lo):
            changed[i] = AMBIGUOUS[ch]
    if not changed:
        return text
    pieces, last = [], 0
    for i in sorted(changed):
        pieces += [text[last:i], changed[i]]
        last = i + 1
    pieces.append(text[last:])
    return "".join(pieces)


_AMBIGUOUS_CHAR = re.compile("[" + "".join(AMBIGUOUS) + "]")

# Words of the ambiguous characters in their own sense that jieba's dictionary lacks while it
# lists the other reading with a stray count (所着 3, 所著 0: 琼瑶所著小说 is "written by"), with
# the count of a word of that kind it has (著有 3 is too low: 编著 104).
OWN_WORDS = {"所著": 104}


@warm_tables.table
@lru_cache(maxsize=1)
def _word_counts() -> dict[str, int]:
    """The counts ``_best_word`` reads: jieba's words of the ambiguous characters, OWN_WORDS over
    them. One dict, read in place: a look-up through two functions a word (32 a window) cost a
    page's 著 about 40 us each, a tenth of a Traditional page's conversion."""
    from cleaner.langmodel import word_counts_with_ambiguous

    return {**word_counts_with_ambiguous(), **OWN_WORDS}


@lru_cache(maxsize=1 << 14)
def _reads_as_other(window: str, i: int) -> bool:
    """Does the ambiguous ``window[i]`` form a likelier word as its other reading? The same few
    words (显著, 著名, 著作) come back page after page: each window is decided once."""
    ch = window[i]
    counts = _word_counts()
    return _best_word(window, i, AMBIGUOUS[ch], counts) > _best_word(window, i, ch, counts)


def _best_word(window: str, i: int, ch: str, counts: dict[str, int]) -> int:
    """Count of the most frequent dictionary word (2+ characters) covering position i as ch."""
    text = window[:i] + ch + window[i + 1 :]  # each word is a slice of it
    get, top = counts.get, min(len(text), i + _WINDOW + 1) + 1
    return max((get(text[start:end], 0) for start in range(max(0, i - _WINDOW), i + 1)
                for end in range(max(i + 1, start + 2), top)), default=0)
