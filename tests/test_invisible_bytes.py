"""UTF-8 read by a single-byte decoder whose invisible characters a later tool deleted
(cleaner/repair/invisible_bytes.py)."""

import random

import pytest
from damage import INVISIBLE_CELLS, damage_cell, naive_s2t, source_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wrong_decoders import C1_CONTROLS, MATRIX_DECODERS

from cleaner import Cleaner, Config
from cleaner.repair import invisible_bytes
from cleaner.repair.invisible_bytes import deleted_bytes, repair

# Made up here (not the measured paragraphs): 学 e5 ad a6, 校 e6 a0 a1, 参 e5 8f 82 lose a byte to
# every cell; 将 e5 b0 86 and 个 e4 b8 aa to Latin-1's.
SENTENCE = "他说，学校将在下个月举办一次大型的科学展览，欢迎市民参观。"
UTF8_CELLS = [(d, e) for s, d, e in INVISIBLE_CELLS if s == "utf-8"]


def _shown(text: str, decoder: str, errors: str) -> str:
    return MATRIX_DECODERS[decoder].decode(text.encode("utf-8"), errors)


def _cleaner(**kw) -> Cleaner:
    return Cleaner.for_config(Config(to="keep", remove_furniture=False, **kw))


@pytest.mark.parametrize(("decoder", "errors"), [("cp1252", "shy-deleted"), ("cp1252", "invisible-deleted"),
                                                 ("whatwg-1252", "invisible-deleted")])
def test_a_page_whose_soft_hyphens_and_controls_were_deleted_reads_back(decoder, errors):
    page = SENTENCE * 3  # the browser's page shows no mark: a short one could be cp1254's ignore
    damaged = _shown(page, decoder, errors)
    assert len(damaged.encode("cp1252", "ignore")) < len(page.encode("utf-8"))  # bytes went
    result = _cleaner().run(damaged)
    assert result.text == page
    assert "repair:invisible-bytes-deleted x1" in [str(s) for s in result.steps]


def test_zhong_whose_soft_hyphen_went_is_read():
    """中 is e4 b8 ad: a soft hyphen cleaner leaves ä¸, which stayed mojibake."""
    text = "中国" * 3 + "的经济运行情况。"
    damaged = _shown(text, "cp1252", "shy-deleted")
    assert "\xad" not in damaged
    assert _cleaner().clean(damaged) == text


@pytest.mark.parametrize("errors", ["c1-deleted", "invisible-deleted"])
def test_through_latin1_what_the_bytes_decide_comes_back_exactly(errors):
    """A third of the bytes go with the C1 controls: characters that kept every byte are read as
    they were (no other code page's reading), the cut ones are the model's choice among the
    characters their bytes allow."""
    damaged = _shown(SENTENCE, "latin-1", errors)
    out = _cleaner().clean(damaged)
    assert len(out) == len(SENTENCE)
    gone = set(map(ord, C1_CONTROLS)) | ({0xA0, 0xAD} if errors == "invisible-deleted" else set())
    for got, want in zip(out, SENTENCE, strict=True):
        code = want.encode("utf-8")
        if not gone.intersection(code):
            assert got == want
        else:
            allowed = {c for c in invisible_bytes._candidates(code[0], tuple(b for b in code[1:] if b not in gone),
                                                              len(code) - 1, tuple(sorted(gone)))}
            assert got in allowed


def test_choices_are_findings_and_without_guessing_marks():
    damaged = _shown(SENTENCE * 3, "whatwg-1252", "invisible-deleted")
    text, count, findings = repair(damaged)
    assert count == 1 and findings
    assert all(f.kind == "lost-byte" and "rank 2:" in f.detail for f in findings)
    assert {f.detail[0] for f in findings} == {"学", "校", "参"}
    unguessed = _cleaner(guess_lost=False).clean(damaged)
    assert unguessed.count("\ufffd") == len(findings) == 12  # 学 twice a sentence
    assert not {"学", "校", "参"} & set(unguessed)
    assert _cleaner(guess_lost=False).clean(unguessed) == unguessed


def test_a_short_page_with_no_mark_may_be_another_code_page_s_drops():
    """cp1254 with errors="ignore" drops 81 8d 8e 8f 90 9d 9e: a short page that shows no a0 or ad
    is left to the code pages (李 e6 9d 8e lost 8e, which no invisible byte is)."""
    text = "李先生说，环境保护措施需要优化。"
    damaged = text.encode("utf-8").decode("cp1254", "ignore")
    assert repair(damaged) == (damaged, 0, [])
    assert _cleaner().clean(damaged) == text


def test_the_deleted_set_is_what_the_page_shows_none_of():
    shy = _shown(SENTENCE * 3, "cp1252", "shy-deleted")
    assert 0xAD in deleted_bytes(shy) and not set(range(0x80, 0xA0)) & set(deleted_bytes(shy))
    c1 = _shown(SENTENCE * 3, "latin-1", "c1-deleted")
    assert set(range(0x80, 0xA0)) <= set(deleted_bytes(c1))
    # cp1252 that dropped only its own undefined bytes (errors="ignore") is the re-read's.
    ignored = _shown(SENTENCE * 3 + "中国" + "标准", "cp1252", "ignore")
    assert repair(ignored) == (ignored, 0, [])


CLEAN_LATIN = [
    "Die Donau\xaddampf\xadschiff\xadfahrts\xadgesellschaft hat ihren Sitz in Wien.",
    "Les élé\xadphants d’Afrique vivent en troupeaux ; Ça dépend de l’été.",
    "Zoë Müller aus Köln: „Ärger über Straßen“ — 12\xa0km, 30\xa0°C, «très bien».",
    "Ã© is what é becomes: a line about mojibake itself, with Ã¤Ã¶Ã¼ and a soft\xadhyphen.",
]


@pytest.mark.parametrize("line", CLEAN_LATIN)
def test_latin_text_with_real_soft_hyphens_is_untouched(line):
    assert repair(line) == (line, 0, [])
    # Beside a Chinese page whose soft hyphens were deleted: that page reads back, the line stays.
    damaged = _shown(SENTENCE, "cp1252", "shy-deleted") + "\n" + line
    text, count, _ = repair(damaged)
    assert text.endswith("\n" + line) and count == 1


SETTINGS = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow])
COMMON = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自"
clean_chinese = st.lists(st.text(alphabet=COMMON, min_size=1, max_size=30), min_size=1, max_size=5).map(
    lambda parts: "\n".join(p + "。" for p in parts))


@SETTINGS
@given(clean_chinese, st.sampled_from(INVISIBLE_CELLS), st.sampled_from(["page", "lines", "title", "spans"]),
       st.sampled_from(["zh-hans", "keep"]), st.booleans(), st.integers(0, 10_000))
def test_every_invisible_deletion_cell_is_idempotent(text, cell, scope, to, guess, seed):
    """Cleaning the output again changes nothing, on every cell of the family, guessing on and off."""
    source, decoder, errors = cell
    page = source_text(naive_s2t(text) if source == "big5" else text, source)
    damaged = damage_cell(page, source, decoder, errors, scope, random.Random(seed))
    c = Cleaner.for_config(Config(to=to, guess_lost=guess))
    out = c.clean(damaged)
    assert c.clean(out) == out


# Traditional text in GBK: its characters outside GB2312 hold leads and trails 80-9f (國 87 f8,
# 會 95 fe, 說 86 6b), which Latin-1 shows as C1 controls.
TRADITIONAL = "中國國務院新聞辦公室今天舉行發布會，介紹經濟運行情況。記者從會上獲悉，前三季度國內生產總值同比增長。"


def test_gbk_through_latin1_without_its_c1_controls_is_read_in_step():
    """The in-step reading drops the page's deleted set (the C1 controls), not cp1252's five
    undefined bytes: every character that kept its bytes comes back, in order, and no Latin-1 is
    left (經 8d 8f lost both bytes: nothing shows it was there)."""
    data = (TRADITIONAL * 2).encode("gbk")
    damaged = data.decode("latin-1").translate(dict.fromkeys(map(ord, C1_CONTROLS)))
    assert invisible_bytes.single_byte_drops(damaged)[:32] == tuple(range(0x80, 0xA0))
    out = _cleaner().clean(damaged)
    kept = [ch for ch in TRADITIONAL * 2 if not set(ch.encode("gbk")) & set(range(0x80, 0xA0))]
    assert not any("\x80" <= ch <= "\xff" for ch in out)  # no Latin-1 left
    rest = iter(out)
    assert all(ch in rest for ch in kept)  # in order (a character both of whose bytes went is lost whole)


def test_a_page_that_shows_its_c1_bytes_keeps_the_decoders_own_drops():
    page = (TRADITIONAL * 2).encode("gbk")
    assert invisible_bytes.single_byte_drops(page.decode("latin-1")) is None  # controls shown
    assert invisible_bytes.single_byte_drops(page.decode("cp1252", "ignore")) is None  # signs shown
    # A Simplified page seldom writes a byte 80-9f: none shown, and no run cut short either.
    simplified = ("中国国务院新闻办公室今天举行发布会，介绍经济运行情况。" * 4).encode("gbk").decode("latin-1")
    assert invisible_bytes.single_byte_drops(simplified) is None


def test_a_page_read_by_cp1254_with_its_own_bytes_dropped_is_no_page_whose_no_break_spaces_went():
    # cp1254's ignore drops 8e and 9e (后 is e5 90 8e): a page that shows no a0 by chance (one
    # continuation byte in 119) had those gaps filled as a0, 后 read 名 (review31c).
    text = ("鲤鱼门天后庙，又称鲤鱼门天后宫，是香港一所天后庙，位于九龙油塘鲤鱼门，现被列为香港三级历史建筑。"
            "鲤鱼门天后庙建于清朝乾隆十八年，由郑连昌兴建，庙宇位于鲤鱼门海旁，面向维多利亚港东面的入口。")
    shown = text.encode("utf-8").decode("cp1254", "ignore")
    assert "\xa0" not in shown
    assert invisible_bytes.repair(shown)[1] == 0
