"""UTF-8 read by a browser's big5 decoder, whose marks may stand for two bytes
(cleaner/repair/whatwg_marks.py, read through cleaner/repair/utf8_marks.py)."""

from wrong_decoders import DECODERS

from cleaner.repair import utf8_marks, whatwg_marks

TEXT = "北大中国经济研究中心向社会作了经济形势的报告，会议由国家发展研究院院长主持。"
WHATWG = DECODERS["whatwg-big5"]


def _right(got: str, want: str) -> int:
    return sum(a == b for a, b in zip(got, want, strict=False))


def test_each_mark_is_80_or_two_bytes_no_pair_reads():
    """What the reading rests on (the decoder's own parse): a mark inside the run is the byte 80
    alone or a lead 81-fe with a second byte that is no ASCII and makes no pair of the table; only
    before ASCII or the end may a lead stand alone."""
    data = (TEXT + "20").encode()
    _, spans = WHATWG.tokens(data)
    assert spans
    pairs = whatwg_marks._pairs()
    for start, end in spans:
        if end - start == 1:
            assert data[start] == 0x80 or end == len(data) or data[end] < 0x80
        else:
            lead, trail = data[start], data[start + 1]
            assert 0x81 <= lead <= 0xFE and trail >= 0x80 and (lead << 8 | trail) not in pairs


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
