"""UTF-8 read as cp1252, then NFKC-normalised: the folded bytes written back (folded_bytes.py)."""

import unicodedata

from cleaner.repair import folded_bytes

PAGE = "渡川之战，又称四万十川之战，发生于天正3年（1575年）。是长宗我部元亲统一土佐的关键战役。和臀鳍最后一根软条延长呈丝状。"


def test_every_fold_of_a_cp1252_byte_is_undone_exactly():
    # NFKC folds 16 of cp1252's characters for bytes 80-ff (besides the no-break space), each to
    # a text no other byte folds to: 年 is e5 b9 b4, shown å¹´, folded å1 ́.
    assert len(folded_bytes.folds()) == 16
    misread = PAGE.encode().decode("cp1252", errors="replace")
    broken = unicodedata.normalize("NFKC", misread)
    assert "å1 \u0301" in broken
    fixed, count = folded_bytes.repair(broken)
    assert fixed == misread
    assert count > 10


def test_the_cleaner_reads_a_folded_page_back():
    from cleaner import Cleaner

    misread = PAGE.encode().decode("cp1252", errors="replace")
    c = Cleaner(to="keep", remove_furniture=False)
    assert c.clean(unicodedata.normalize("NFKC", misread)) == c.clean(misread)


def test_latin_text_and_a_lone_misread_name_are_left_alone():
    # José1a reads as UTF-8 (e9 b9 aa is 鹪) once 1 and a are taken for ¹ and ª: only on a line
    # that shows misread UTF-8 elsewhere.
    for text in ("José1a Müller², 3½ kg", "Café 2 à 3 €", "São Paulo 1ª divisão"):
        assert folded_bytes.repair(text) == (text, 0)


def test_a_line_no_nfkc_made_is_left_to_its_own_code_page():
    # GBK read as Mac Roman shows ⁄ (byte da) itself, which NFKC makes of ½, and è ƒ then 25 read
    # as UTF-8 e8 83 b2 once 2 is taken for ²: a line holding what NFKC would fold (ﬂ, the
    # no-break space, µ) was never folded, and the ² broke the page's Mac Roman run.
    text = "機場鐵路由原來的四軌設計更改為雙軌設計，服務人口眾多。1996年6月6日，醉酒灣工程地盤有工作檯從25米高處塌下，導致三名工人死亡。"
    misread = text.encode("gb18030").decode("mac_roman")
    assert "⁄" in misread and "èƒ25" in misread
    assert folded_bytes.repair(misread) == (misread, 0)
