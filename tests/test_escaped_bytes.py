"""Mojibake whose unreadable bytes were written as \\xHH escapes (cleaner/repair/escaped_bytes.py)."""

from pathlib import Path

import pytest

from cleaner import Cleaner
from cleaner.repair.escaped_bytes import PATHS, repair
from cleaner.script import convert

SIMPLIFIED = [
    "《醉迷情人》为陈慧琳首张个人粤语大碟，于2000年发行。",
    "国立台湾史前文化博物馆研究员表示，该遗址出土了大量陶器。",
    "狭叶艾纳香是迟至1999年才发表的新种，属于特稀有植物。",
]
TRADITIONAL = [
    "《醉迷情人》為陳慧琳首張個人粵語大碟，於2000年發行。",
    "國立臺灣史前文化博物館研究員表示，該遺址出土了大量陶器。",
]


# Longer paragraphs too: a decoder that leaves few bytes undefined (cp1251 only 98) escapes none
# in a short sentence.
PARAGRAPHS = [line for path in sorted((Path(__file__).parent.parent / "fixtures" / "clean").glob("*.txt"))
              for line in path.read_text("utf-8").splitlines() if len(line) > 20]


def _escaped_cases():
    paragraphs = PARAGRAPHS + convert.convert_all(PARAGRAPHS, "zh-hant")
    for source, decoder in PATHS:
        found = False
        for text in SIMPLIFIED + TRADITIONAL + paragraphs:
            if found and text in paragraphs:
                break  # the sentences measure the path; a paragraph only where they escape nothing
            try:
                shown = text.encode(source).decode(decoder, errors="backslashreplace")
            except UnicodeEncodeError:
                continue  # a Traditional-only character GBK has, or the other way round
            if "\\x" in shown:
                found = True
                yield pytest.param(shown, text, id=f"{source}-as-{decoder}-{text[:4]}")


@pytest.mark.parametrize(("shown", "text"), list(_escaped_cases()))
def test_a_run_read_with_escaped_bytes_comes_back_exactly(shown, text):
    assert repair(shown) == text


def test_every_path_is_measured():
    assert {f"{s}-as-{d}" for s, d in PATHS} <= {case.id.rsplit("-", 1)[0] for case in _escaped_cases()}


@pytest.mark.parametrize("clean", [
    r"在Python中，'\x41'表示字母A，'\xe4\xb8'是不完整的UTF-8。",
    r"正则表达式\x80-\xff匹配高位字节，常用于识别中文。",
    "没有任何转义的普通中文句子。",
])
def test_escapes_in_clean_text_are_left_alone(clean):
    assert repair(clean) == clean


def test_an_escaped_run_beside_clean_chinese_is_read_alone():
    shown = SIMPLIFIED[0].encode("utf-8").decode("gbk", errors="backslashreplace")
    assert repair("据报道：" + shown) == "据报道：" + SIMPLIFIED[0]


def test_the_pipeline_reads_escaped_mojibake_and_records_the_step():
    shown = SIMPLIFIED[1].encode("utf-8").decode("gbk", errors="backslashreplace")
    result = Cleaner(to="keep").run(shown)
    assert result.text == SIMPLIFIED[1]
    assert any(step.name == "backslash-escaped-bytes" for step in result.steps)
    assert Cleaner(to="keep").clean(result.text) == result.text


def _x(data: bytes) -> str:
    return "".join(f"\\x{b:02x}" if b > 0x7F else chr(b) for b in data)


@pytest.mark.parametrize("source", ["gbk", "cp950"])
def test_escapes_alone_of_a_legacy_page_read_by_the_model(source):
    # Python's repr of GBK or Big5 bytes: no character is left to say which decoder, the model does.
    for text in (SIMPLIFIED if source == "gbk" else TRADITIONAL):
        assert repair(_x(text.encode(source))) == text


@pytest.mark.parametrize("escaped", [
    r"\xde\xad\xbe\xef", r"魔数 \xca\xfe\xba\xbe 开头",
    r"哈希：\x9f\x86\xd0\x81\x88\x4c\x7d\x65\x9a\x2f\xea\xa0\xc5\x5a\xd0\x15\xa3\xbf\x4f\x1b",
    r"\xb7\xa2\xd5\xb9",  # two characters (发展) hold too little to tell
])
def test_escapes_alone_that_read_as_no_text_stay(escaped):
    assert repair(escaped) == escaped


@pytest.mark.parametrize("decoder", ["shift_jis", "cp932", "euc_jp", "euc_jis_2004", "cp949", "euc_kr", "johab", "cp1257"])
def test_a_paragraph_read_by_a_japanese_korean_or_baltic_decoder_comes_back_whole(decoder):
    paragraph = PARAGRAPHS[0]
    result = Cleaner(to="keep").run(paragraph.encode("utf-8").decode(decoder, errors="backslashreplace"))
    assert result.text == paragraph
    assert any(step.name == "backslash-escaped-bytes" for step in result.steps)


# Bytes smuggled through a str by errors="surrogateescape" (U+DC80-U+DCFF), written out with
# backslashreplace: \udce5\udc89\udc8d is 前 in UTF-8.
def _surrogate_escaped(data: bytes, read_as: str = "ascii") -> str:
    return data.decode(read_as, errors="surrogateescape").encode("ascii", "backslashreplace").decode("ascii")


@pytest.mark.parametrize("source", ["utf-8", "gbk", "big5"])
def test_surrogate_escapes_are_read_back_as_the_bytes_they_hold(source):
    text = TRADITIONAL[1] if source == "big5" else SIMPLIFIED[0]
    shown = _surrogate_escaped(text.encode(source))
    assert "\\udc" in shown
    assert repair(shown) == text


def test_a_trail_byte_5c_written_as_a_backslash_is_part_of_the_run():
    text = "許功蓋先生在臺北市政府工作，負責相關業務。"
    data = text.encode("big5")
    assert b"\\" in data
    assert repair(_surrogate_escaped(data)) == text


def _surrogate_escaped_cases():
    """Each path's first sentence (or paragraph) whose decoder left a byte unread, read with
    surrogateescape and written with backslashreplace: \\udcHH escapes between the characters the
    decoder did read (open(f, encoding="gbk", errors="surrogateescape") on a UTF-8 file, printed)."""
    paragraphs = PARAGRAPHS + convert.convert_all(PARAGRAPHS, "zh-hant")
    for source, decoder in PATHS:
        for text in SIMPLIFIED + TRADITIONAL + paragraphs:
            try:
                shown = text.encode(source).decode(decoder, "surrogateescape").encode("utf-8", "backslashreplace").decode("utf-8")
            except UnicodeEncodeError:
                continue
            if "\\udc" in shown:
                yield pytest.param(shown, text, id=f"{source}-as-{decoder}-{text[:4]}")
                break


@pytest.mark.parametrize(("shown", "text"), list(_surrogate_escaped_cases()))
def test_surrogate_escapes_between_misread_characters_are_the_bytes_they_name(shown, text):
    assert repair(shown) == text


def test_surrogate_escapes_beside_text_the_decoder_did_read():
    # GBK bytes read as UTF-8 with surrogateescape: a few pairs happen to be UTF-8, written as such
    text = SIMPLIFIED[2]
    shown = text.encode("gbk").decode("utf-8", "surrogateescape").encode("utf-8", "backslashreplace").decode("utf-8")
    assert repair(shown) == text


@pytest.mark.parametrize("clean", [
    r"路径C:\udce5不存在。",  # one byte alone is no character
    r"代理对\udc80\udc81不是字符，Python会拒绝。",  # two continuation bytes: no UTF-8, too short for GBK
    r"示例：\udce9\udc9d 是截断的序列。",  # 非 cut short
])
def test_surrogate_escapes_that_are_no_text_stay(clean):
    assert repair(clean) == clean


def test_the_pipeline_reads_surrogate_escapes_once():
    shown = _surrogate_escaped("\n".join(SIMPLIFIED).encode("utf-8"))
    result = Cleaner(to="keep").run(shown)
    assert result.text == Cleaner(to="keep").clean("\n".join(SIMPLIFIED))
    assert any(step.name == "backslash-escaped-bytes" for step in result.steps)
    assert Cleaner(to="keep").clean(result.text) == result.text


def test_the_table_of_characters_a_decoder_reads_from_several_codes_is_kept_on_disk(tmp_path, monkeypatch):
    # 32,000 decodes a decoder, in every process that reads escapes, made once and read back.
    from cleaner.repair import escaped_bytes

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path))
    escaped_bytes._other_codes.cache_clear()
    try:
        built = escaped_bytes._other_codes("big5")
        assert [p.name.split("-")[:2] for p in tmp_path.iterdir()] == [["othercodes", "big5"]]
        escaped_bytes._other_codes.cache_clear()
        monkeypatch.setattr(escaped_bytes, "_build_other_codes", lambda decoder: pytest.fail("built again"))
        assert escaped_bytes._other_codes("big5") == built
        assert len(built["十"]) == 1 and built["十"][0] != "十".encode("big5")  # Big5's two 十
    finally:
        escaped_bytes._other_codes.cache_clear()


def test_a_surrogate_run_too_short_alone_is_read_in_the_encoding_of_the_pages_other_runs():
    def logged(name: str, encoding: str) -> str:
        return "".join(f"\\udc{b:02x}" if b >= 0x80 else chr(b) for b in name.encode(encoding))

    for encoding, names in (("gbk", ("会议纪要汇编", "表")), ("big5", ("會議紀要彙編", "表"))):
        page = (f"WARNING:root:skip '{logged(names[0] + '.txt', encoding)}': not found\n"
                f"WARNING:root:skip '{logged(names[1] + '200.txt', encoding)}': not found")
        assert repair(page).split("\n") == [f"WARNING:root:skip '{names[0]}.txt': not found",
                                            f"WARNING:root:skip '{names[1]}200.txt': not found"]
    # Alone, one character's two bytes say nothing of their encoding: left as written.
    alone = f"skip '{logged('表200.txt', 'gbk')}'"
    assert repair(alone) == alone


@pytest.mark.parametrize("make", [
    lambda n: "\\" * n + "\\x" + "e4" * n,  # one escape before a long hex string, after backslashes
    lambda n: ("浜\\x86" + "a" * 20 + " ") * n,  # many short runs, each with an escape
    lambda n: "浜" + "\\x80\\xff" * n,  # one long run no source reads, failing at every byte
])
def test_the_work_grows_with_the_text_not_its_square(monkeypatch, make):
    """Bytes decoded and characters scored, counted (not timed): doubling the text doubles them."""
    import codecs

    from cleaner.repair import escaped_bytes

    repair(make(50))  # tables built before counting
    work = [0]

    class Codecs:
        @staticmethod
        def decode(data, encoding):
            try:
                out = codecs.decode(data, encoding)
            except UnicodeDecodeError as exc:  # a decoder reads up to the first bad byte
                work[0] += exc.end
                raise
            work[0] += len(data)
            return out

    def per_char(text):
        work[0] += len(text)
        return escaped_bytes.langmodel_per_char(text)

    monkeypatch.setattr(escaped_bytes, "langmodel_per_char", escaped_bytes.per_char, raising=False)
    monkeypatch.setattr(escaped_bytes, "codecs", Codecs)
    monkeypatch.setattr(escaped_bytes, "per_char", per_char)
    counts = []
    for n in (1000, 2000, 4000):
        work[0] = 0
        repair(make(n))
        counts.append(work[0])
    assert counts[1] <= 2.2 * counts[0] and counts[2] <= 2.2 * counts[1], counts
