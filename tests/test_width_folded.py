"""UTF-8 read as GBK, then width-folded or NFKC'd: the full-width pairs written back (width_folded.py)."""

import unicodedata

import pytest

from cleaner import Cleaner
from cleaner.repair import width_folded

# 计 算 确 码 read as GBK hold the pairs of ＄ ｇ ‘...: a fold makes them ASCII.
TEXT = "他们在计算机科学领域做的是正确的事，那些只会写代码的人也一样。"
WIDTH = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)}


def misread(text: str) -> str:
    return text.encode("utf-8").decode("gbk", errors="replace")


def test_preimages_hold_each_pair_a_fold_maps_onto_a_character():
    assert set(width_folded.preimages()["$"]) == {"＄", "﹩"}
    assert "ｇ" in width_folded.preimages()["g"]


@pytest.mark.parametrize("fold", [lambda t: t.translate(WIDTH), lambda t: unicodedata.normalize("NFKC", t)])
def test_the_pairs_are_written_back_where_utf8_needs_them(fold):
    shown = misread(TEXT)
    folded = fold(shown)
    assert folded != shown
    fixed, count, _ = width_folded.repair(folded)
    assert fixed == shown and count == sum(a != b for a, b in zip(folded, shown))


def test_the_cleaner_reads_width_folded_mojibake_and_a_second_clean_changes_nothing():
    cleaner = Cleaner(to="keep", remove_furniture=False)
    out = cleaner.clean(misread(TEXT).translate(WIDTH))
    assert "计算" in out and "正确" in out and "代码" in out
    assert cleaner.clean(out) == out


@pytest.mark.parametrize("text", [
    "2024年10月，GDP增长5.2%，CPI为101.3（上年=100）。",
    "他在 ÉCOLE 学习 C++ 与 Python 3.12，网址 https://example.com/a?b=1。",
    TEXT,
])
def test_clean_text_is_untouched(text):
    assert width_folded.repair(text) == (text, 0, [])


def test_a_question_mark_is_a_lost_byte_mark_not_a_folded_one():
    # A converting tool's "?" for bytes it could not read sits where UTF-8 needs a continuation
    # byte too; the question-mark stage reads it, not as ？ (a3 bf).
    marked = misread("本公司产品质量可靠，价格合理。").replace("\ufffd", "?")
    assert width_folded.repair(marked) == (marked, 0, [])


from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS, text_inputs  # noqa: E402


import reference_width_folded as reference  # noqa: E402

_LINES = st.lists(st.one_of(text_inputs, st.text(st.characters(categories=["Cs", "Lo", "Ll", "So"]), max_size=12),
                            st.sampled_from([TEXT, "\u4e2d\u6587\U00020000\ufffd"]).map(misread)),
                  min_size=1, max_size=5)


@SETTINGS
@given(lines=_LINES)
def test_the_pages_reading_cut_at_its_breaks_is_each_lines_own(lines):
    # The page is encoded and read at once: the same as each line encoded and read alone (lone
    # surrogates, which GB18030 writes "?", and bytes UTF-8 cannot read at a line's end included).
    text = "\n".join(lines)
    assert reference.read_lines(text) == [
        line.encode("gb18030", errors="replace").decode("utf-8", errors="ignore") for line in text.split("\n")]


@SETTINGS
@given(lines=_LINES)
def test_the_native_lines_reading_chinese_are_the_python_ones(lines):
    # native/src/gb18030_reading.rs against tests/reference_width_folded.py: the page's GB18030
    # bytes read as UTF-8 as Python's decoder reads them (each ill-formed subpart left out).
    text = "\n".join(lines)
    got = width_folded._reading().lines_reading_chinese(text, width_folded.MIN_WIDE, width_folded.MIN_SHARE)
    assert got == reference.lines_reading_chinese(text)


def test_a_misread_line_among_clean_ones_is_the_one_read():
    page = "\n".join([TEXT, misread(TEXT), "abc", ""])
    assert width_folded._reading().lines_reading_chinese(page, width_folded.MIN_WIDE, width_folded.MIN_SHARE) == [1]


def test_the_gb18030_table_holds_each_code_point_s_bytes():
    table = width_folded._gb18030_table()
    for ch in "中a€\u3000\ud800\uffff":
        data = ch.encode("gb18030", errors="replace")
        assert table[5 * ord(ch)] == len(data) and table[5 * ord(ch) + 1 : 5 * ord(ch) + 1 + len(data)] == data


def test_a_digit_after_bytes_a_decoder_dropped_is_no_folded_pair():
    # errors="ignore" drops 。's last bytes before a digit (好。2 is e5 a5 bd e3 80 82 32, shown
    # 濂姐2: 80 and 82 dropped): the digit read as ２ (a3 b2) would complete a rare character,
    # e3 a3 b2 㣲, and swallow the sign and the digit.
    dropped = "这部电影在当年非常受欢迎，票房很好。2013年，他又拍了一部新的电影。".encode().decode("gbk", errors="ignore")
    assert "濂姐2" in dropped
    assert width_folded.repair(dropped) == (dropped, 0, [])


def test_a_digit_that_ends_the_stretch_on_a_page_without_marks_is_no_folded_pair():
    # 年8 is e5 b9 b4 38: GB18030 with errors="ignore" reads e5 b9 as 骞 and drops b4 before the
    # digit. Read as a fold of ⑧ (a2 e0) the digit would give 骞 the bytes of another character
    # and leave 骞⑧, which no later reading takes back: with no mark on the page, a fold is read
    # only where the stretch goes on past it.
    dropped = "这座体育场在2009年8月30日正式启用，可以容纳三万名观众。".encode().decode("gb18030", errors="ignore")
    assert "骞8" in dropped and "\ufffd" not in dropped
    assert "⑧" not in width_folded.repair(dropped)[0]
    # A mark on a line no reading touches (a clean caption) says nothing of the mojibake's decoder.
    assert "⑧" not in width_folded.repair(dropped + "\n图片来源\ufffd网络")[0]


def test_a_characters_readings_are_worked_out_once_a_process(monkeypatch):
    # Each character's own bytes and the pairs it may stand for asked two codecs (most often an
    # exception); a page's damaged lines repeat a few thousand characters.
    width_folded._options.cache_clear()
    asked = []
    real = width_folded._gbk
    monkeypatch.setattr(width_folded, "_gbk", lambda ch: asked.append(ch) or real(ch))
    line = "浠栬锛歕$10 鍙戝睍鏄‖閬撶悊銆傗剝"
    first = width_folded._tokens(line)
    once = len(asked)
    assert width_folded._tokens(line + line) == first + [(a + len(line), b + len(line), o) for a, b, o in first]
    assert len(asked) == once


def test_the_preimages_are_read_back_from_the_tables_cache(monkeypatch, tmp_path):
    # Reading GBK's pairs through NFKC is 25 ms of every process's warm-up: a new process reads
    # the table back, the same table.
    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    width_folded.preimages.cache_clear()
    try:
        first = width_folded.preimages()
        assert list(tmp_path.iterdir())

        def unread():
            raise AssertionError("GBK's pairs were read again")

        monkeypatch.setattr(width_folded, "_read_preimages", unread)
        width_folded.preimages.cache_clear()  # a new process
        again = width_folded.preimages()
        assert again == first and list(again.items()) == list(first.items())
    finally:
        width_folded.preimages.cache_clear()


class _Work:
    """Counts what reading a line costs: items a copy of a reading froze or a settle listed, and
    characters the model scored. A count, not a time: the same on a loaded machine."""

    def __init__(self, monkeypatch):
        self.items = 0
        share, items = width_folded._Chain.share, width_folded._Chain.items
        model = width_folded.langmodel.model()
        work = self

        def counted_share(chain):
            before = chain.frozen
            copy = share(chain)
            if chain.frozen is not before:  # a piece frozen: its items were copied
                work.items += len(chain.frozen[1])
            return copy

        def counted_items(chain):
            out = items(chain)
            work.items += len(out)
            return out

        class Model:
            def __getattr__(self, name):
                return getattr(model, name)

            def score(self, text):
                work.items += len(text)
                return model.score(text)

        monkeypatch.setattr(width_folded._Chain, "share", counted_share)
        monkeypatch.setattr(width_folded._Chain, "items", counted_items)
        monkeypatch.setattr(width_folded.langmodel, "model", lambda: Model())


@pytest.mark.parametrize("piece, read", [
    ("鍒樺叚 ", "鍒樺叚 "),  # every space may be an ideographic one's fold: the beam copies its readings there
    (misread(TEXT).translate(WIDTH) + " ", misread(TEXT) + " "),  # folds to write back all along the line
])
def test_one_long_mojibake_line_costs_work_in_proportion_to_its_length(monkeypatch, piece, read):
    width_folded.repair(piece * 50)  # tables and caches built before counting
    work = _Work(monkeypatch)
    counts = []
    for n in (400, 800, 1600):
        work.items = 0
        fixed, _, _ = width_folded.repair(piece * n)
        counts.append(work.items)
        assert fixed == read * n
    # Doubling the line doubles the work (quadratic, it was 4x: a copy of every reading listed the
    # whole stretch, and each pair written back scored every reading again).
    assert counts[1] <= 2.2 * counts[0] and counts[2] <= 2.2 * counts[1], counts
