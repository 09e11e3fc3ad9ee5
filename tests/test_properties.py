"""Property tests over the public API (bounded example counts; `make fuzz` runs many more)."""

import difflib
import os

import pytest
from damage import damage_page
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import cleaner

EXAMPLES = int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "60"))
RUN = {"inputs": 0}  # counted for `make fuzz`, which prints it
# `make test` draws the same examples on every machine (a red CI run is a regression, not a new
# random draw meeting a known limit: those are strict xfail tests); `make fuzz` (CLEANER_FUZZ=1)
# explores freshly every time.
FIXED = {} if os.environ.get("CLEANER_FUZZ") else {"derandomize": True, "database": None}


def count() -> None:
    RUN["inputs"] += 1
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], **FIXED)

COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
clean_chinese = st.lists(st.text(alphabet=COMMON, min_size=1, max_size=30), min_size=1, max_size=5).map(
    lambda parts: "\n".join(p + "。" for p in parts)
)


@SETTINGS
@given(st.text(max_size=300))
def test_never_raises_on_any_text(text):
    count()
    out = cleaner.clean(text)
    out.encode("utf-8")  # valid text


@SETTINGS
@given(st.binary(max_size=300))
def test_never_raises_on_any_bytes(data):
    count()
    try:
        out = cleaner.clean_bytes(data)
    except cleaner.NotText:
        return
    out.encode("utf-8")


@SETTINGS
@given(st.text(max_size=200))
def test_idempotent(text):
    count()
    once = cleaner.clean(text)
    assert cleaner.clean(once) == once


@SETTINGS
@given(clean_chinese)
def test_clean_chinese_unchanged(text):
    count()
    assert cleaner.clean(text) == text


CLEANER = cleaner.Cleaner()


@SETTINGS
@given(clean_chinese, st.integers(0, 10_000))
def test_damaged_chinese_keeps_its_han_characters(text, seed):
    """No character is lost or changed except where a recorded finding says a byte was lost."""
    count()
    # Known gap (see README, Limits): on short texts with few annotations, the one-byte `?!`
    # shift is not always undone and not always reported, so it is left out here.
    result = CLEANER.run(damage_page(text, seed, shift=False))
    # Script policy: the naive conversion wrote 著 for 着, and a lone 著 cannot be told apart.
    out, ref = result.text.replace("著", "着"), text.replace("著", "着")
    sm = difflib.SequenceMatcher(None, out, ref, autojunk=False)
    wrong = sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")
    lost = sum(1 for f in result.findings if f.kind.startswith("lost"))
    assert wrong <= lost


@SETTINGS
@given(clean_chinese, st.sampled_from(["utf8-as-gbk", "big5-as-gbk", "utf8-as-cp1252", "html-entities", "fullwidth"]), st.integers(0, 10_000))
def test_double_encoded_text_is_idempotent_and_valid(text, family, seed):
    count()
    import random

    from damage import damage_lines

    out = CLEANER.clean(damage_lines(text, family, random.Random(seed)))
    out.encode("utf-8")
    assert CLEANER.clean(out) == out


# -- The damage matrix: every wrong decoder, errors mode and scope (tests/damage.py) --------------

MATRIX_EXAMPLES = int(os.environ.get("CLEANER_MATRIX_EXAMPLES", str(max(1, EXAMPLES // 2))))
MATRIX_SETTINGS = settings(max_examples=MATRIX_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], **FIXED)


def _cells():
    """The cells of the decoders the byte views model (the others are tested cell by cell below)."""
    from damage import matrix_cells

    return [cell for cell in matrix_cells() if not _unmodelled(cell)]


def _unmodelled(cell: tuple[str, str, str]) -> bool:
    """A cell whose damage no byte view models: a Japanese or Korean decoder, two layers of
    GBK, or GB18030's four-byte codes read by Python's gbk (tests/wrong_decoders.py)."""
    from wrong_decoders import UNMODELLED

    return cell[1] in UNMODELLED or cell[0] == "gb18030"


@MATRIX_SETTINGS
@given(clean_chinese, st.sampled_from(_cells()), st.sampled_from(["page", "lines", "title", "spans"]),
       st.sampled_from(["zh-hans", "keep"]), st.integers(0, 10_000))
def test_every_matrix_cell_is_idempotent(text, cell, scope, to, seed):
    """Cleaning the output again changes nothing, whatever decoder misread the page."""
    out, again = _cleaned_twice(text, cell, scope, to, seed)
    out.encode("utf-8")
    assert again == out


# Text with ASCII digits and signs among the Han: a Windows mark takes the byte after its lead,
# which in UTF-8 is such a byte (the repair writes U+FFFD for it).
chinese_with_digits = st.lists(st.text(alphabet=COMMON[:200] + "0123456789 ,.:(", min_size=1, max_size=30),
                               min_size=1, max_size=5).map(lambda parts: "\n".join(p + "。" for p in parts))


@MATRIX_SETTINGS
@given(chinese_with_digits, st.sampled_from(__import__("damage").software_cells()),
       st.sampled_from(["page", "lines", "title", "spans"]), st.sampled_from(["zh-hans", "keep"]), st.integers(0, 10_000))
def test_every_program_marks_cell_is_idempotent(text, cell, scope, to, seed):
    """Cleaning the output again changes nothing, whichever program's marks the misreading holds."""
    out, again = _cleaned_twice(text, cell, scope, to, seed)
    assert again == out


def _cleaned_twice(text: str, cell: tuple[str, str, str], scope: str, to: str, seed: int,
                   guess: bool = True) -> tuple[str, str]:
    """The cleaner's output on ``text`` damaged by ``cell`` in ``scope``, and that output cleaned again."""
    count()
    import random

    from damage import damage_cell, naive_s2t, source_text

    source, decoder, errors = cell
    page = source_text(naive_s2t(text) if source in ("big5", "hkscs") else text, source)
    damaged = damage_cell(page, source, decoder, errors, scope, random.Random(seed))
    c = cleaner.Cleaner.for_config(cleaner.Config(to=to, guess_lost=guess))
    out = c.clean(damaged)
    return out, c.clean(out)


def _unmodelled_cells():
    return [cell for cell in __import__("damage").matrix_cells() if _unmodelled(cell)]


# Words GB18030 writes in four bytes (outside GBK), put into the text of the gb18030 cells: the
# only characters those cells damage.
FOUR_BYTE_WORDS = ["España", "刘䶮", "สวนนงนุช", "Ngô Đình Diệm", "서울", "㐀字", "Gödel", "宫崎骏・小田", "侏㑩纪", "A∼Z", "a•b"]


_UNMODELLED_GIVEN = given(clean_chinese, st.sampled_from(["page", "lines", "title", "spans"]),
                          st.sampled_from(["zh-hans", "keep"]), st.booleans(), st.sampled_from(FOUR_BYTE_WORDS),
                          st.integers(0, 10_000))


def _check_unmodelled_cell(cell, text, scope, to, guess, word, seed):
    if cell[0] == "gb18030":
        at = seed % (len(text) + 1)
        text = text[:at] + word + text[at:]
    out, again = _cleaned_twice(text, cell, scope, to, seed, guess)
    assert again == out


@MATRIX_SETTINGS
@pytest.mark.parametrize("cell", _unmodelled_cells())
@_UNMODELLED_GIVEN
def test_each_unmodelled_cell_is_idempotent(cell, text, scope, to, guess, word, seed):
    """Cleaning the output again changes nothing, for each decoder no byte view models, with
    guessing on and off."""
    _check_unmodelled_cell(cell, text, scope, to, guess, word, seed)


ASCII_CELLS = [cell for cell in _unmodelled_cells() if cell[1] == "ascii"]


@pytest.mark.parametrize("cell", ASCII_CELLS)
def test_a_page_read_as_ascii_keeps_its_marks_and_gains_no_character(cell):
    """A decoder that rejects every byte above 7f leaves marks and the ASCII trail bytes alone:
    nothing there chooses a character, so the cleaner writes none (every mark stays, no character
    beyond ASCII appears)."""
    import random

    from damage import damage_cell, naive_s2t, source_text

    assert {c[0] for c in ASCII_CELLS} == {"utf-8", "gbk", "big5"}
    source, decoder, errors = cell
    c = cleaner.Cleaner.for_config(cleaner.Config(to="keep", remove_furniture=False))
    for text in _fixture_paragraphs()[:8]:
        page = source_text(naive_s2t(text) if source == "big5" else text, source)
        damaged = damage_cell(page, source, decoder, errors, "page", random.Random(0))
        out = c.clean(damaged)
        assert out.count("\ufffd") == damaged.count("\ufffd")
        assert {ch for ch in out if ch > "\x7f"} <= {"\ufffd"}, out


def _code_page_cells():
    return __import__("damage").code_page_cells()


@MATRIX_SETTINGS
@given(clean_chinese, st.sampled_from(_code_page_cells()), st.sampled_from(["page", "lines", "title", "spans"]),
       st.sampled_from(["zh-hans", "keep"]), st.booleans(), st.integers(0, 10_000))
def test_every_single_byte_code_page_cell_is_idempotent(text, cell, scope, to, guess, seed):
    """Cleaning the output again changes nothing, whichever of Python's single-byte code pages
    misread the page (code_pages.py reads them back, their marks from their undefined bytes)."""
    out, again = _cleaned_twice(text, cell, scope, to, seed, guess)
    assert again == out


def test_every_single_byte_code_page_cell_leaves_clean_lines_alone():
    """The damaged lines come back or stay; the lines no decoder touched are never changed, on
    every code-page cell (a fixture page, some lines damaged)."""
    import random

    from damage import damage_cell, naive_s2t, source_text

    page = "\n".join(max(p.split("\n"), key=len)[:100] for p in _fixture_paragraphs()[:6])
    c = cleaner.Cleaner.for_config(cleaner.Config(to="keep", remove_furniture=False))
    checked = 0
    for k, (source, decoder, errors) in enumerate(_code_page_cells()):
        text = source_text(naive_s2t(page) if source == "big5" else page, source)
        clean = c.clean(text).split("\n")
        damaged = damage_cell(text, source, decoder, errors, "lines", random.Random(k))
        out = c.clean(damaged).split("\n")
        kept = [i for i, (a, b) in enumerate(zip(text.split("\n"), damaged.split("\n"), strict=True)) if a == b]
        if len(out) == len(clean) == len(text.split("\n")):  # line for line (no line joined or dropped)
            assert [out[i] for i in kept] == [clean[i] for i in kept], (source, decoder, errors)
            checked += bool(kept)
    assert checked > len(_code_page_cells()) // 2


def _fixture_paragraphs() -> list[str]:
    from pathlib import Path

    folder = Path(__file__).resolve().parent.parent / "fixtures" / "clean"
    return [path.read_text("utf-8") for path in sorted(folder.glob("*.txt"))]


@pytest.mark.parametrize("cell", _unmodelled_cells())
def test_each_unmodelled_cell_is_idempotent_on_real_pages(cell):
    """The same on the clean fixtures' pages (running text: longer stretches than the drawn
    examples), misread whole and in some lines, converted and kept."""
    changed = []
    for k, text in enumerate(_fixture_paragraphs()):
        if cell[0] == "gb18030":
            text = text.replace("，", "，" + FOUR_BYTE_WORDS[k % len(FOUR_BYTE_WORDS)], 2)
        for scope in ("page", "lines"):
            for to in ("zh-hans", "keep"):
                out, again = _cleaned_twice(text, cell, scope, to, k)
                if again != out:
                    changed.append((k, scope, to))
    assert not changed


def _question_cells():
    """Every cell whose decoder marks what it cannot read, with "?" for the mark (iconv, PHP,
    MySQL, Java encoders): errors mode ``question`` of tests/wrong_decoders.py."""
    from wrong_decoders import DECODERS

    return sorted({(source, decoder, "question") for source, decoder, _ in _cells() if DECODERS[decoder].marks and not DECODERS[decoder].lossless})


@MATRIX_SETTINGS
@given(clean_chinese, st.sampled_from(_question_cells()), st.sampled_from(["page", "lines", "title", "spans"]),
       st.sampled_from(["zh-hans", "keep"]), st.integers(0, 10_000))
def test_every_question_mark_cell_is_idempotent(text, cell, scope, to, seed):
    """Cleaning again changes nothing when the decoder wrote "?" for what it could not read: a
    mark left unplaced stays a "?" (made ？ it would join the mojibake beside it)."""
    out, again = _cleaned_twice(text, cell, scope, to, seed)
    assert again == out


@MATRIX_SETTINGS
@given(clean_chinese, st.sampled_from(_cells()), st.sampled_from(["page", "lines", "title", "spans"]), st.integers(0, 10_000))
def test_every_matrix_cell_is_idempotent_without_guessing(text, cell, scope, seed):
    """With --no-guess the U+FFFD written for a guessed character is not re-read by a second clean."""
    count()
    import random

    from damage import damage_cell, naive_s2t, source_text

    source, decoder, errors = cell
    page = source_text(naive_s2t(text) if source in ("big5", "hkscs") else text, source)
    damaged = damage_cell(page, source, decoder, errors, scope, random.Random(seed))
    c = cleaner.Cleaner.for_config(cleaner.Config(to="keep", guess_lost=False))
    out = c.clean(damaged)
    assert c.clean(out) == out


# -- JSON Lines: records of any shape, and lines of any bytes (cleaner/engines/jsonl.py) ----------

JSONL_EXAMPLES = int(os.environ.get("CLEANER_JSONL_EXAMPLES", str(EXAMPLES)))
JSONL_SETTINGS = settings(max_examples=JSONL_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], **FIXED)
# Values whose text a decode-and-encode round trip would change: big integers, exponents, -0.0.
numbers = st.one_of(st.integers(-(10**40), 10**40), st.floats(allow_nan=False, allow_infinity=False),
                    st.sampled_from(["1e400", "-0.0", "1.10", "12345678901234567890123456789", "0E-7"]))
scalars = st.one_of(st.none(), st.booleans(), numbers, st.text(max_size=20))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=5), inner, max_size=4)),
                      max_leaves=12)


def _encode(value) -> str:
    """JSON text with numbers written as given (strings in ``numbers`` stand for their literal)."""
    import json

    if isinstance(value, dict):
        return "{" + ", ".join(json.dumps(k, ensure_ascii=False) + ": " + _encode(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_encode(v) for v in value) + "]"
    if isinstance(value, str) and value in ("1e400", "-0.0", "1.10", "12345678901234567890123456789", "0E-7"):
        return value
    return json.dumps(value, ensure_ascii=False)


def _jsonl(lines):
    from cleaner.config import Config
    from cleaner.engines.jsonl import clean_lines
    from cleaner.engines.report import Report

    report = Report(echo=False)
    return list(clean_lines(lines, Config(), name="fuzz", log=report)), report


@JSONL_SETTINGS
@given(st.dictionaries(st.text(max_size=6).filter(lambda k: k != "text"), values, max_size=5), st.text(max_size=60))
def test_jsonl_keeps_every_other_field_exactly(fields, text):
    count()
    import json

    from cleaner.io.jsonl import parse_record

    line = _encode({**fields, "text": text})
    out, report = _jsonl([line.encode("utf-8", "surrogatepass") + b"\n"])
    assert len(out) == 1
    if report.failed:  # only a text holding lone surrogates may be refused
        assert out[0] == line.encode("utf-8", "surrogatepass") + b"\n"
        return
    new = parse_record(out[0].decode("utf-8").rstrip("\n"))
    old = parse_record(line)
    assert list(new.spans) == list(old.spans)
    for key in old.spans:
        if key != "text":
            assert new.line[slice(*new.spans[key])] == old.line[slice(*old.spans[key])]
    json.loads(out[0])  # valid JSON


@JSONL_SETTINGS
@given(st.lists(st.binary(max_size=80), max_size=6))
def test_jsonl_any_bytes_never_raise_and_nothing_is_lost(chunks):
    count()
    lines = [c.replace(b"\n", b" ") + b"\n" for c in chunks]
    out, report = _jsonl(lines)
    assert len(out) == len(lines)  # every line comes out, blank ones too (output line N is input line N)
    records = sum(1 for i, line in enumerate(lines) if (line[3:] if i == 0 and line.startswith(b"\xef\xbb\xbf") else line).strip())
    assert report.cleaned + report.unchanged + len(report.failed) == records


# -- Around and after the misdecoding: what real pages add to it (tests/damage.py, issue 16) ------


def _after_families() -> list[str]:
    """Every family of ``damage.after_cells`` (as "source>decoder step") and ``damage.AROUND``."""
    from damage import AROUND, after_cells

    return [f"{s}>{d} {step}" for s, d, _, step in after_cells()] + list(AROUND)


def _after_damage(family: str, text: str, seed: int) -> tuple[str, str]:
    """``text`` put through ``family`` in its source's repertoire: (damaged, what a repair reaches)."""
    import random

    from damage import AROUND, around_source, damage_after, naive_s2t, source_text

    rng = random.Random(seed)
    if family in AROUND:
        source = around_source(family)
        page = source_text(naive_s2t(text) if source == "big5" else text, source)
        return AROUND[family](page, rng)
    cell, step = family.split(" ")
    source, decoder = cell.split(">")
    page = source_text(naive_s2t(text) if source == "big5" else text, source)
    return damage_after(page, source, decoder, "replace", step, rng)


@MATRIX_SETTINGS
@given(clean_chinese, st.sampled_from(_after_families()),
       st.sampled_from(["zh-hans", "keep"]), st.booleans(), st.integers(0, 10_000))
def test_every_family_around_a_misdecoding_is_idempotent(text, family, to, guess, seed):
    """Cleaning the output again changes nothing, whatever happened to the mojibake after it was
    made (escaped, normalised, collapsed, wrapped, cut, lowercased, misread again, mixed)."""
    count()
    damaged, _ = _after_damage(family, text, seed)
    c = cleaner.Cleaner.for_config(cleaner.Config(to=to, guess_lost=guess))
    out = c.clean(damaged)
    assert c.clean(out) == out


def _fixture_pages() -> list[str]:
    return [max(p.split("\n"), key=len) for p in _fixture_paragraphs()]


@pytest.mark.parametrize("family", _after_families())
def test_every_family_around_a_misdecoding_is_idempotent_on_real_pages(family):
    """The same on the clean fixtures' pages, with guessing on and off."""
    changed = []
    for k, text in enumerate(_fixture_pages()):
        damaged, _ = _after_damage(family, text, k)
        for guess in (True, False):
            c = cleaner.Cleaner.for_config(cleaner.Config(to="keep", guess_lost=guess))
            out = c.clean(damaged)
            if c.clean(out) != out:
                changed.append((k, guess))
    assert not changed


def _cells_and_hong_kong():
    from damage import hkscs_cells

    return _cells() + hkscs_cells()


def _fixture_sentences() -> list[str]:
    """The clean fixtures' sentences (running text: the drawn characters of ``clean_chinese`` seldom
    make what a reading or a conversion weighs)."""
    return [s + "。" for page in _fixture_paragraphs() for line in page.split("\n") for s in line.split("。") if len(s) > 8]


# UTF-8 read by a Big5 decoder loses a byte in three: a line the first clean's one-byte edits
# refused as a whole (it held 军, which no Big5 decoder writes: ``one_byte._read_by``) is taken by
# the second once conversion to Traditional made it 軍, far from the marks it then reads. Known.
_GATE_FLIPPED = {("utf-8", "big5", "replace"), ("utf-8", "cp950", "replace"), ("utf-8", "whatwg-big5", "replace")}


@pytest.mark.parametrize("cell", [pytest.param(c, marks=pytest.mark.xfail(strict=True, reason="a line gate conversion flips"))
                                  if c in _GATE_FLIPPED else c for c in _cells_and_hong_kong()])
def test_every_matrix_cell_with_another_script_s_phrase_is_idempotent_converted(cell):
    """Cleaning the output again changes nothing where a pass sees what the other did not: a
    Japanese or Korean phrase read back with the page (what of it is kept from conversion is the
    text's to say, not the repair's), and the marks of bytes no repair placed beside characters
    conversion changes (a second clean's repairs read them with the converted neighbour). On the
    fixtures' sentences, each of the phrases, into each script, from pages in each (Hong Kong's
    among them), misread whole and in some lines."""
    from damage import OTHER_SCRIPT_PHRASES, hong_kong_paragraph, with_other_script

    from cleaner.script.convert import convert

    sentences = _fixture_sentences()
    changed = []
    for k in range(2 * len(OTHER_SCRIPT_PHRASES)):
        text = "".join(sentences[(3 * k + j) % len(sentences)] for j in range(2))
        if k % 2 or cell[0] in ("big5", "hkscs"):
            text = convert(text, "zh-hant")
        if cell[0] == "hkscs":
            text = hong_kong_paragraph(text, k)
        to = ("zh-hans", "zh-hant", "zh-tw")[k % 3]
        out, again = _cleaned_twice(with_other_script(text, k), cell, ("page", "lines")[k % 2], to, k)
        if again != out:
            changed.append((k, to, out))
    assert not changed
