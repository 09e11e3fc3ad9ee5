"""UTF-8 read by a decoder that marks a third of it (cleaner/repair/utf8_marks.py)."""

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from native_inputs import SETTINGS

from cleaner.repair import mojibake, utf8_marks, whatwg_marks
from cleaner.repair.multi_byte_marks import MAX_CANDIDATES, rejected_before

TEXT = "北大中国经济研究中心向社会作了经济形势的报告，会议由国家发展研究院院长主持。"


def _right(got: str, want: str) -> int:
    return sum(a == b for a, b in zip(got, want, strict=False))


@pytest.mark.parametrize("codec", utf8_marks.CODECS)
def test_each_mark_is_one_rejected_byte(codec):
    """What the reading rests on: the decoder writes one U+FFFD per byte it rejects, and every
    character it does read gives its bytes back exactly."""
    data = TEXT.encode()
    shown = data.decode(codec, "replace")
    view = utf8_marks._view(shown, codec)
    assert view is not None and len(view) == len(data)
    for k, b in enumerate(view):
        if b is None:
            following = data[k + 1] if k + 1 < len(data) else None
            assert data[k] in rejected_before(codec, following)
        else:
            assert b == data[k]


@pytest.mark.parametrize("codec", utf8_marks.CODECS)
def test_utf8_read_by_a_marking_decoder_is_read_back(codec):
    shown = TEXT.encode().decode(codec, "replace")
    fixed = utf8_marks.read(shown, prev="\n", final=True)
    assert fixed is not None
    # Most characters come back (the bytes leave a third of them to the model), and far more
    # than the misreading's own.
    assert _right(fixed.text, TEXT) >= 0.6 * len(TEXT) > 3 * _right(shown, TEXT)


def test_a_guess_is_a_finding_and_without_guessing_a_mark():
    shown = TEXT.encode().decode("euc_kr", "replace")
    guessed = utf8_marks.read(shown)
    assert guessed is not None and guessed.findings
    assert all(f.kind == mojibake.GUESS_KIND for f in guessed.findings)
    assert all(guessed.text[f.position] == f.detail[0] for f in guessed.findings)
    marked = utf8_marks.read(shown, guess=False)
    assert marked is not None
    assert {k for k, ch in enumerate(marked.text) if ch == "\ufffd"} >= {f.position for f in guessed.findings}


def test_a_page_without_marks_or_with_few_is_not_read():
    assert utf8_marks.repair(TEXT) == []
    # A mark now and then in clean text (a page's own lost byte) is no decoder's reading.
    assert utf8_marks.repair("北大中国经济研究中心向社会�作了经济形势的报告�，会议由国家发展研究院院长主持。") == []


def test_a_page_read_by_euc_kr_is_repaired_and_idempotent():
    import cleaner

    c = cleaner.Cleaner(to="keep")
    shown = TEXT.encode().decode("euc_kr", "replace")
    out = c.clean(shown)
    assert _right(out, TEXT) >= 0.6 * len(TEXT)
    assert c.clean(out) == out



def test_euc_three_byte_codes_are_kept_on_disk(tmp_path, monkeypatch):
    # 8,800 decodes a code page in every process, made once and read back.
    from cleaner.repair import utf8_marks

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    utf8_marks._codes.cache_clear()
    try:
        built = utf8_marks._codes("euc_jp")
        assert any(p.name.startswith("threebytecodes-euc_jp-") for p in tmp_path.iterdir())
        utf8_marks._codes.cache_clear()
        monkeypatch.setattr(utf8_marks, "_build_codes", lambda codec: pytest.fail("built again"))
        assert utf8_marks._codes("euc_jp") == built
        assert any(len(code) == 3 for codes in built.values() for code in codes)  # 8f e6 b5 beside fb db
    finally:
        utf8_marks._codes.cache_clear()


# --- errors="ignore": the rejected bytes dropped without a mark ----------------------------------

TRADITIONAL = "北大中國經濟研究中心向社會作了經濟形勢的報告，會議由國家發展研究院院長主持。"


def _matched(got: str, want: str) -> int:
    """Characters of ``want`` that ``got`` holds in order (a dropped character shifts the rest)."""
    import difflib

    return sum(b.size for b in difflib.SequenceMatcher(None, got, want, autojunk=False).get_matching_blocks())


@pytest.mark.parametrize("codec", utf8_marks.CODECS)
def test_a_dropping_decoder_keeps_each_character_s_bytes_together(codec):
    """What the reading rests on: with ``ignore`` each character the decoder read came from bytes
    that stood together, so the dropped ones fall between the characters of the view."""
    from wrong_decoders import MATRIX_DECODERS

    data = TEXT.encode()
    shown = data.decode(codec, "ignore")
    starts: list[int] = []
    view = utf8_marks._view(shown, codec, starts)
    _, spans = MATRIX_DECODERS[codec].tokens(data)
    dropped = {k for a, e in spans for k in range(a, e)}
    assert dropped and view is not None and bytes(view) == bytes(b for k, b in enumerate(data) if k not in dropped)
    # A gap in the view's bytes (a byte dropped) is only ever where a character begins.
    kept_at = [k for k in range(len(data)) if k not in dropped]
    assert all(kept_at[s] - kept_at[s - 1] == 1 for s in range(1, len(view)) if s not in starts)


@pytest.mark.parametrize("codec", ["big5", "cp950", "big5hkscs", "euc_kr", "gb2312"])
def test_utf8_read_by_a_dropping_decoder_is_read_back(codec):
    shown = TEXT.encode().decode(codec, "ignore")
    assert "\ufffd" not in shown
    spans = utf8_marks.repair(shown)
    assert len(spans) == 1 and spans[0][:2] == (0, len(shown))
    fixed = spans[0][2].text
    # Half the bytes are gone: most characters come back, far more than the misreading holds.
    assert _matched(fixed, TEXT) >= 0.6 * len(TEXT) > 3 * _matched(shown, TEXT)
    # Clean text has bytes no UTF-8 Chinese is made of, in either script: not read.
    assert utf8_marks.repair(TEXT) == [] and utf8_marks.repair(TRADITIONAL) == []


def test_a_page_read_by_big5_with_ignore_is_repaired_and_idempotent():
    import cleaner

    c = cleaner.Cleaner(to="keep")
    shown = TEXT.encode().decode("big5", "ignore")
    out = c.clean(shown)
    assert _matched(out, TEXT) >= 0.6 * len(TEXT)
    assert c.clean(out) == out


def test_a_run_of_signs_is_no_dropped_reading():
    # A review's rating: its GB2312 bytes (a1 ef, a1 ee) are UTF-8's, and it reads as no text,
    # but no decoder makes signs alone of UTF-8 Chinese.
    for text in ("★★★★★ 5分", "★★☆☆☆ 2分", "●●●●○"):
        assert utf8_marks.repair(text) == []


@pytest.mark.parametrize("text", ["ありがとうございますおはようございますこんにちは", "안녕하세요감사합니다반갑습니다"])
def test_a_run_of_kana_or_hangul_alone_is_not_searched_for_dropped_bytes(monkeypatch, text):
    # Clean Japanese or Korean reads as no text to the model, and EUC's kana and hangul rows are
    # UTF-8's bytes; but no decoder makes kana or hangul of UTF-8 Chinese without Han beside it.
    calls = []
    real = utf8_marks._dropped_path
    monkeypatch.setattr(utf8_marks, "_dropped_path", lambda *a: calls.append(a) or real(*a))
    assert utf8_marks.repair(text) == []
    assert calls == []


@pytest.mark.parametrize("codec", ["big5", "big5hkscs", "gb2312"])
def test_two_characters_that_lost_bytes_at_one_gap_are_not_read_as_one(codec):
    """讲述了古代 through these decoders with ``ignore`` keeps too few bytes of 了古 for the
    cheapest cut, which puts back as few as UTF-8 needs, to read two characters there (it read 交
    or 䏤, one character); read both ways on a window, the two read likelier."""
    sentence = "这是一个关于中国历史的故事，讲述了古代的皇帝和他的大臣。"
    spans = utf8_marks.repair(sentence.encode().decode(codec, "ignore"))
    assert spans and "讲述了古代" in spans[0][2].text


WIDE_TEXT = "区域经济问题研究院的艺术影院在政府支持下开始建设，预计明年完成。"


def test_a_character_with_no_continuation_byte_known_keeps_the_wide_list():
    """府 (e5 ba 9c) through big5 keeps its lead alone (ba rejected before 9c, 9c rejected): over
    1,800 characters fit, and 府 is the 105th likeliest by the unigram, beyond the 48 a character
    with a known continuation byte keeps. It is a candidate, and 政府 comes back."""
    data = WIDE_TEXT.encode()
    shown = data.decode("big5", "replace")
    view = utf8_marks._view(shown, "big5")
    at = data.index("府".encode())
    part = tuple(view[at : at + 3])
    assert part == (0xE5, None, None)
    candidates = utf8_marks._fitting_cached(part, 3, view[at + 3], "big5")
    assert len(candidates) == utf8_marks.WIDE > MAX_CANDIDATES
    assert "府" in candidates
    fixed = utf8_marks.read(shown, prev="\n", final=True)
    assert fixed is not None and "政府" in fixed.text


def test_a_short_run_of_marks_is_read_on_a_page_whose_decoder_is_known():
    """中国 through big5 keeps 4 bytes of 6 and 年 one mark: too few to cut alone, and they
    stayed misread. On a page where a longer run was read by big5, they are read by big5 too."""
    for short in ("中国", "年"):
        shown = short.encode().decode("big5", "replace")
        assert utf8_marks.repair(shown) == []
        page = WIDE_TEXT.encode().decode("big5", "replace") + "\n" + shown + "3\n"
        at = page.index(shown)
        assert [fixed.text for start, _, fixed in utf8_marks.repair(page) if start == at] == [short]
    assert utf8_marks.repair(WIDE_TEXT + "\n中国\ufffd3\n") == []  # clean text with a mark: nothing read
    # A short run takes no letter back: 以 (a trail 40-7e) before B is no lead paired with it
    # (review29b: A��以B came back A来HB).
    page = WIDE_TEXT.encode().decode("big5", "replace") + "\nA\ufffd\ufffd以B\n第3\ufffd\ufffd以\n"
    first_clean = page.index("A\ufffd")
    assert not [fixed.text for start, _, fixed in utf8_marks.repair(page) if start >= first_clean]


@pytest.mark.parametrize("codec", ["big5", "cp950", "big5hkscs"])
def test_a_run_whose_last_byte_a_big5_decoder_paired_with_a_letter_is_read(codec):
    """转会到OK through Big5: 到's last byte (b0) and O read as one character (記), which no
    view of UTF-8 held, so the whole run was left. Its lead is the run's last byte; O is given
    back after the reading."""
    text = "莱昂德罗转会到OK俱乐部，这是一个非常重要的转会消息。"
    shown = text.encode().decode(codec, "replace")
    run = shown[: shown.index("K")]
    assert run.endswith("記") and "O" not in run
    readings = utf8_marks._readings(run, dropped=False)
    assert readings
    best = min(readings, key=lambda r: r[0])
    assert best[3][-1][0] == "O"
    fixed = utf8_marks.read(run, prev="\n")
    assert fixed is not None and fixed.text.endswith("O")


def test_the_page_decoder_is_judged_on_the_runs_both_kinds_read():
    """The browser's marks are two bytes each, so its readings parse runs Python's cannot; one
    long run only the browser's parsed counted each of its 300 characters against Python and
    outweighed every run both read, where Python left far fewer bytes over: the page was read
    as a browser's (UTF-8 through big5hkscs, a page of the measure split 992 -> 2,617 errors)."""
    browser, python = utf8_marks.whatwg_marks.NAME, "big5hkscs"

    def reading(codec: str, left: int) -> tuple:
        return ((left, 0.0), codec, [], [])

    shared = [("\ufffd" * 20, [reading(browser, 7), reading(python, 1)]) for _ in range(5)]
    long_run = ("\ufffd" * 300, [reading(browser, 10)])
    assert not utf8_marks._browser_page([*shared, long_run])
    # Where the runs both read tell the kinds apart the other way, the browser's it is; and where
    # they do not, the runs only one reads still decide.
    assert utf8_marks._browser_page([("\ufffd" * 20, [reading(browser, 0), reading(python, 6)]), long_run])
    assert utf8_marks._browser_page([("\ufffd" * 20, [reading(browser, 0), reading(python, 0)]), long_run])


# Bytes of every UTF-8 role and none (ASCII, c0, f5-ff), and the marks' places of a view.
_BYTES = st.sampled_from([0x41, 0x7E, 0x80, 0x8F, 0xA1, 0xBF, 0xC0, 0xC2, 0xDF, 0xE4, 0xEF, 0xF0, 0xF4, 0xF5, 0xFE])


def _any_character(part, kinds, end):
    """A fit that takes every part the walks give whose bytes may be UTF-8's: the loosest cut."""
    return utf8_marks._read_part(part, kinds, end, lambda *_: ("字",))


def _left(items):
    return None if items is None else sum(1 for item in items if item[2] == [utf8_marks.LOST])


@SETTINGS
@given(st.lists(st.one_of(_BYTES, st.just(None)), min_size=1, max_size=24), st.sampled_from(whatwg_marks.NAMES))
@example([0xF0, None, 0x80, 0x80], "whatwg-euc-jp")  # a mark's byte jumps its later places inside a character
@example([0xE4, 0x41, 0xB8, 0xAD, 0xE4, 0x80], utf8_marks.CODECS[0])
def test_fewest_left_is_no_more_than_any_cut_leaves(marked, reader):
    """``fewest_left`` is a bound below the left items of every cut ``_cheapest`` makes (a
    browser's marks, a place each of their bytes; a Python decoder's, one byte each), and so
    asked first it changes no answer."""
    if reader in whatwg_marks.BY_NAME:
        browser = whatwg_marks.BY_NAME[reader]
        places = whatwg_marks.expand(whatwg_marks.kinds(marked), browser)

        def walks(i, length):
            return whatwg_marks.walks(places, i, length, browser)
    else:
        places = marked

        def walks(i, length):
            return [(tuple(places[i : i + length]), (), i + length)] if i + length <= len(places) else []
    known = sum(1 for b in places if isinstance(b, int) and b >= 0)
    saved = utf8_marks.MAX_LEFT
    try:
        utf8_marks.MAX_LEFT = float("inf")  # every cut's left items counted, none refused
        full = _left(utf8_marks._cheapest(len(places), known, walks, _any_character, min_known=0))
    finally:
        utf8_marks.MAX_LEFT = saved
    bound = utf8_marks.fewest_left(places)
    assert full is None or bound <= full, (places, bound, full)
    both = [utf8_marks._cheapest(len(places), known, walks, _any_character, min_known=0, places=p) for p in (None, places)]
    assert both[0] == both[1]
