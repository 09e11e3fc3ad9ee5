"""Reading a byte view with unknown and dropped bytes (cleaner/repair/reread.py)."""

from cleaner.repair import holes
from cleaner.repair.decoders import BIG5_FAMILY, GBK_FAMILY, byte_view
from cleaner.repair.reread import read


def _text(stream, source, family, ignore=False):
    items, complete = read(stream, source, family, ignore)
    return "".join(ch for ch, _, _ in holes.choose(items, "", True)), complete


def test_known_bytes_read_exactly():
    stream = list("发展".encode("utf-8"))
    assert _text(stream, "utf-8", GBK_FAMILY) == ("发展", True)


def test_an_unknown_byte_is_chosen_by_the_model():
    # 发展经济 read as GBK: 发's last byte made a pair GBK rejects, and became one U+FFFD.
    text = "他说发展经济".encode("utf-8").decode("gbk", errors="replace")
    stream, _ = byte_view(text, GBK_FAMILY)
    assert None in stream
    assert _text(stream, "utf-8", GBK_FAMILY)[0] == "他说发展经济"


def test_a_dropped_byte_is_taken_back():
    # The same with errors="ignore": the rejected bytes went without a mark.
    text = "工业互联网发展".encode("utf-8").decode("gbk", errors="ignore")
    stream, _ = byte_view(text, GBK_FAMILY)
    assert len(stream) < len("工业互联网发展".encode("utf-8"))
    assert _text(stream, "utf-8", GBK_FAMILY, ignore=False)[1] is False  # without taking bytes back: stuck
    assert _text(stream, "utf-8", GBK_FAMILY, ignore=True)[0] == "工业互联网发展"


def test_gbk_source_in_a_big5_view():
    text = "发展经济".encode("gbk").decode("big5", errors="replace")
    stream, _ = byte_view(text, BIG5_FAMILY)
    assert _text(stream, "gbk", BIG5_FAMILY)[0] == "发展经济"
