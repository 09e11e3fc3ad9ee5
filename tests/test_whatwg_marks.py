"""UTF-8 read by a browser's big5 decoder, whose marks may stand for two bytes
(cleaner/repair/whatwg_marks.py, read through cleaner/repair/utf8_marks.py)."""

import pytest
import reference_whatwg_marks as reference
from hypothesis import example, given
from hypothesis import strategies as st
from native_inputs import SETTINGS
from wrong_decoders import MATRIX_DECODERS as DECODERS

from cleaner.repair import utf8_marks, whatwg_marks

TEXT = "北大中国经济研究中心向社会作了经济形势的报告，会议由国家发展研究院院长主持。"
WHATWG = DECODERS["whatwg-big5"]
TEXTS = (TEXT, "据新华社报道，今年全国粮食总产量再创新高，达到六亿八千万吨。", "他说：“我们会继续努力。”")


def _right(got: str, want: str) -> int:
    return sum(a == b for a, b in zip(got, want, strict=False))


def test_each_mark_is_80_or_two_bytes_no_pair_reads():
    """What the reading rests on (the decoder's own parse): a mark inside the run is the byte 80
    alone or a lead 81-fe with a second byte that is no ASCII and makes no pair of the table; only
    before ASCII or the end may a lead stand alone."""
    data = (TEXT + "20").encode()
    _, spans = WHATWG.tokens(data)
    assert spans
    codes = whatwg_marks._codes(whatwg_marks.NAME)
    for start, end in spans:
        if end - start == 1:
            assert data[start] == 0x80 or end == len(data) or data[end] < 0x80
        else:
            lead, trail = data[start], data[start + 1]
            assert 0x81 <= lead <= 0xFE and trail >= 0x80 and (lead << 8 | trail) not in codes


@pytest.mark.parametrize("name", whatwg_marks.NAMES)
def test_each_mark_is_a_shape_its_decoder_describes(name):
    """Every browser decoder's marks, as its simulation consumes them (tests/wrong_decoders.py),
    are shapes its description allows: one byte rejected alone, a lead before ASCII or the end, a
    lead and a byte that is no ASCII making no code, or EUC-JP's three bytes making none."""
    browser = whatwg_marks.BY_NAME[name]
    codes = whatwg_marks._codes(name)
    data = "".join(TEXTS).encode() + "中文字體與編碼測試，北京。".encode("gbk") + "臺灣繁體中文".encode("big5")
    _, spans = DECODERS[name].tokens(data)
    assert spans
    for start, end in spans:
        mark = data[start:end]
        after = data[end] if end < len(data) else None
        if len(mark) == 1:
            assert mark[0] in browser.alone or (mark[0] in browser.leads | browser.three and (after is None or after < 0x80))
        elif len(mark) == 2:
            assert mark[1] >= 0x80 or after is None or mark[0] in browser.three
            assert mark[0] in browser.leads | browser.three and (mark[0] << 8 | mark[1]) not in codes
        else:
            assert mark[0] in browser.three and mark[1] in browser.three_second and mark[2] >= 0x80
            assert (mark[0] << 16 | mark[1] << 8 | mark[2]) not in codes


@pytest.mark.parametrize("name", whatwg_marks.NAMES)
def test_the_true_reading_is_a_walk_of_the_view(name):
    """The path can reach the truth: each UTF-8 character of the text is a walk of the view's
    places whose known bytes and kinds its bytes fit (whether the model's likeliest candidates
    hold it is the model's matter)."""
    browser = whatwg_marks.BY_NAME[name]
    for text in TEXTS:
        shown = DECODERS[name].decode(text.encode())
        view = whatwg_marks.kinds(utf8_marks._view(shown, browser.codec))
        nodes = whatwg_marks.expand(view, browser)
        places = {0}
        for ch in text:
            size = len(ch.encode())
            data = ch.encode()
            places = {end for at in places for part, kinds, end in whatwg_marks.walks(nodes, at, size, browser)
                      if all(b is None or b == data[k] for k, b in enumerate(part))
                      and whatwg_marks.fits(data, part, kinds, browser)}
            assert places, (name, text, ch)
        assert len(nodes) in places


def test_utf8_read_by_the_browser_big5_decoder_is_read_back():
    shown = WHATWG.decode(TEXT.encode())
    fixed = utf8_marks.read(shown, prev="\n", final=True)
    assert fixed is not None
    # The known bytes come back for sure; the marks of two bytes leave the rest to the model.
    assert _right(fixed.text, TEXT) >= 0.6 * len(TEXT) > 3 * _right(shown, TEXT)


def test_a_mark_before_ascii_may_be_two_bytes():
    # 城 (e5 9f 8e) before "20": e5 is read with the byte before it, and 9f 8e is one mark.
    text = "距武隆县城"
    shown = WHATWG.decode((text + "20").encode())[:-2]
    view = whatwg_marks.kinds(utf8_marks._view(shown, whatwg_marks.CODEC))
    path = utf8_marks._whatwg_path(view)
    assert path is not None and len(path) == len(text)
    assert "城" in path[-1][2]
    assert all(item[2] != ["\ufffd"] for item in path)


def test_a_page_read_by_a_browser_as_big5_is_repaired_and_idempotent():
    import cleaner

    c = cleaner.Cleaner(to="keep")
    shown = WHATWG.decode(TEXT.encode())
    out = c.clean(shown)
    assert _right(out, TEXT) >= 0.6 * len(TEXT)
    assert c.clean(out) == out


@pytest.mark.parametrize("name", whatwg_marks.NAMES[1:])
def test_a_page_read_by_a_browser_japanese_or_korean_decoder_is_repaired_and_idempotent(name):
    """UTF-8 through a browser's Shift_JIS (a mark on one character in ten: each a pair of bytes,
    which ``code_pages``' byte-a-mark view could not parse), EUC-KR or EUC-JP comes back, and a
    second clean changes nothing."""
    import cleaner

    c = cleaner.Cleaner(to="keep")
    shown = DECODERS[name].decode(TEXT.encode())
    out = c.clean(shown)
    assert _right(out, TEXT) >= 0.6 * len(TEXT)
    assert c.clean(out) == out


def _walked_parts(name: str) -> set[tuple[tuple[int | None, ...], tuple[str, ...]]]:
    """Every (bytes, kinds) a path asks ``fitting`` of, over the views of the texts through ``name``."""
    browser = whatwg_marks.BY_NAME[name]
    asked = set()
    for text in TEXTS:
        shown = DECODERS[name].decode(text.encode())
        nodes = whatwg_marks.expand(whatwg_marks.kinds(utf8_marks._view(shown, browser.codec)), browser)
        for at in range(len(nodes)):
            for length in (2, 3, 4):
                asked.update((part, kinds) for part, kinds, _ in whatwg_marks.walks(nodes, at, length, browser))
    return asked


@pytest.mark.parametrize("name", whatwg_marks.NAMES)
def test_the_search_of_packed_bytes_fits_as_the_loop_did(name):
    # Each part a path of the decoder's view asks: the search (a byte class a place, the codes
    # asked of its matches) gives the characters the loop over them gave, in its order.
    asked = _walked_parts(name)
    assert len(asked) > 20
    for part, kinds in asked:
        assert whatwg_marks.fitting.__wrapped__(part, kinds, name) == reference.fitting(part, kinds, name), (part, kinds)


_HIGH_BYTES = st.sampled_from([0x80, 0x81, 0x8E, 0x8F, 0x9F, 0xA0, 0xA1, 0xB8, 0xBF, 0xC2, 0xDF, 0xE4, 0xE5, 0xE9, 0xEF, 0xF0, 0xFE])
_KINDS = st.sampled_from(["", whatwg_marks.ONE, whatwg_marks.ALONE, whatwg_marks.FIRST, whatwg_marks.SECOND,
                          whatwg_marks.THREE_1, whatwg_marks.THREE_2, whatwg_marks.THREE_3])


@SETTINGS
@given(st.integers(2, 4).flatmap(lambda n: st.tuples(st.lists(st.one_of(st.none(), _HIGH_BYTES), min_size=n, max_size=n),
                                                     st.lists(_KINDS, min_size=n, max_size=n))),
       st.sampled_from(whatwg_marks.NAMES))
@example(([0xE4, None, None], [whatwg_marks.ONE, whatwg_marks.FIRST, whatwg_marks.SECOND]), whatwg_marks.NAME)
def test_the_search_of_packed_bytes_is_the_loop_on_any_part(shape, name):
    # Any known bytes and any kinds, those no path makes too (a known byte's kind, a lone SECOND).
    part, kinds = tuple(shape[0]), tuple(shape[1])
    assert whatwg_marks.fitting.__wrapped__(part, kinds, name) == reference.fitting(part, kinds, name)
