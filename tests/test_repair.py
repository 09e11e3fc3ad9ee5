"""Line-level pinyin repair (cleaner/repair/annotations.py) on pages damaged by tests/damage.py."""

import difflib

import pytest
from conftest import FIXTURES
from damage import damage_page, lossy_decode, naive_s2t, nfkc_punct

from cleaner.repair.annotations import repair_pinyin, strip_annotations

CLEAN = sorted((FIXTURES / "clean").glob("*.txt"))


def errors(out: str, ref: str) -> int:
    sm = difflib.SequenceMatcher(None, out, ref, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal")


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: p.stem)
@pytest.mark.parametrize("seed", range(6))
def test_damaged_pages_come_back(path, seed, cleaner_obj):
    clean = path.read_text(encoding="utf-8").strip()
    out = cleaner_obj.clean(damage_page(clean, seed))
    assert errors(out, clean) <= len(clean) * 3 // 1000


def test_damage_in_other_order_is_repaired(cleaner_obj):
    """Annotations applied in a different order than the seeds (reverse code order)."""
    clean = CLEAN[0].read_text(encoding="utf-8").strip()
    trad = naive_s2t(clean)
    data = trad.encode("gbk")
    from pypinyin import Style, pinyin

    chars = sorted({c for c in trad if c != naive_s2t(c) or c in "國業發"}, reverse=True)
    for ch in chars[:40]:
        code = ch.encode("gbk")
        data = data.replace(code, code + b"(" + pinyin(ch, style=Style.TONE)[0][0].encode("gbk") + b")")
    damaged = nfkc_punct(lossy_decode(data))
    assert errors(cleaner_obj.clean(damaged), clean) <= 3


def test_clean_text_has_nothing_to_repair():
    text = "会议指出(2020年),要坚持创新?是的!Apple (iPhone) 发布。"
    assert repair_pinyin(text).text == text


def test_strip_annotations_only_after_matching_character():
    assert strip_annotations("國(guó)家(guó)")[0] == "國家(guó)"


@pytest.mark.parametrize("written", [
    "國（guó）務（wù）院", "國 (guó) 務 (wù) 院", "國[guó]務[wù]院", "國(GUÓ)務(WÙ)院", "國(guo2)務(wu4)院",
    "國（guo2）務 [wù] 院", "國(guo)務(wu)院", "國guó務wù院",
])
def test_annotations_as_people_write_them_go_when_two_or_more_check_out(written):
    assert strip_annotations(written) == ("國務院", 2)


@pytest.mark.parametrize("text", [
    "这里的“长（zhǎng）”读第三声，不读（cháng）。",  # one gloss that explains a reading: kept
    "李 (Li) 和王 (Wang) 见面",  # capitalised without tone: romanised names
    "國（guó）家（guó）",  # the second does not read as written
    "绿(lv4)",  # one alone
    "他说hǎo的",  # a bare syllable alone
    # Lessons: pinyin after Simplified characters is content, however many (the damage annotates
    # Traditional characters).
    "多音字“长”有两个读音：长（zhǎng）大的长，长（cháng）度的长。",
    "“行”读作行（xíng）走，也读作银行（háng）。",
    "汉语拼音：妈mā、麻má、马mǎ、骂mà。",
    "阿[a]和哦[o]是韵母。",
    "门(men)和们(men)读音相同。",
])
def test_glosses_and_names_in_brackets_stay(text):
    assert strip_annotations(text)[0] == text


def test_one_annotation_on_a_character_both_scripts_share_is_a_gloss():
    # 荨 reads qián and is written alike in both scripts; the damage annotates Traditional
    # characters, many to a page.
    assert repair_pinyin("荨(qián)麻是荨麻属植物。").text == "荨(qián)麻是荨麻属植物。"
    assert repair_pinyin("國(guó)").text == "國"  # a Traditional character: the damage
    assert repair_pinyin("荨(qián)麻和國(guó)務(wù)院").text == "荨麻和國務院"  # a damaged page


@pytest.mark.parametrize("text", ["多音字：银行(háng)和行(xíng)走。", "课文生字：春(chūn)天(tiān)来(lái)了，小草(cǎo)发芽了。",
                                  "他的名字叫李(lǐ)明(míng)，是一名老师。"])
def test_many_annotations_all_on_characters_both_scripts_share_are_a_lessons_glosses(text):
    assert repair_pinyin(text).text == text


def test_fullwidth_letters_in_an_annotation_are_stripped_in_one_pass():
    from cleaner import Cleaner

    c = Cleaner()
    text = "他在國（ｇｕó）務（ｗù）院工作了很多年，一直负责文件的起草和审核。"
    assert c.clean(text) == c.clean(c.clean(text)) == "他在国务院工作了很多年，一直负责文件的起草和审核。"


def test_tone_numbers_become_marks():
    from cleaner.repair.annotations import _with_tone_mark

    assert [_with_tone_mark(*x) for x in [("guo", 2), ("lü", 4), ("hao", 3), ("dou", 1), ("gui", 4), ("de", 5)]] == \
        ["guó", "lǜ", "hǎo", "dōu", "guì", "de"]


GUESS_KINDS = ("lost-lead", "lost-trail", "lost-pair", "lost-ascii")
SEEDS_EXPECTED = sorted((FIXTURES / "seeds" / "expected-zh-hans").glob("*.txt"))


def _damaged_seed_pages(seed: int) -> list[str]:
    return [damage_page(p.read_text(encoding="utf-8"), seed) for p in SEEDS_EXPECTED]


@pytest.mark.parametrize("seed", range(2))
def test_every_guess_is_a_finding_at_its_place(seed):
    guesses = ranked = 0
    for damaged in _damaged_seed_pages(seed):
        rep = repair_pinyin(damaged)
        for f in rep.findings:
            if f.kind in GUESS_KINDS and f.detail[:1] not in ("", "\n"):
                guesses += 1
                assert rep.text[f.position] == f.detail[0]
                if "rank 2: " in f.detail:
                    ranked += 1
                    assert f.detail[1:].startswith(" (rank 2: ") and f.detail.endswith(")")
                    float(f.detail.rsplit("margin ", 1)[1][:-1])
    assert guesses, "the damage must make the repair guess"
    assert ranked * 2 >= guesses  # most guesses had a runner-up, and name it


@pytest.mark.parametrize("seed", range(2))
def test_guessing_off_marks_exactly_the_guessed_characters(seed):
    marks = 0
    for damaged in _damaged_seed_pages(seed):
        on, off = repair_pinyin(damaged), repair_pinyin(damaged, guess=False)
        expected = list(on.text)
        for f in on.findings:
            if f.kind in GUESS_KINDS and f.detail[:1]:
                expected[f.position] = "\ufffd"
                marks += 1
        assert off.text == "".join(expected)
    assert marks


def test_pinyin_table_is_pypinyins_own():
    # cleaner/repair/pinyin.py reads the wheel's JSON itself (importing pypinyin loads its phrase
    # table too); it must be the table pypinyin gives, in the same order (chars_reading keeps it).
    from pypinyin.pinyin_dict import pinyin_dict

    from cleaner.repair import pinyin

    assert list(pinyin._table().items()) == list(pinyin_dict.items())
