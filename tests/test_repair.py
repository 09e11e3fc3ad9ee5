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
