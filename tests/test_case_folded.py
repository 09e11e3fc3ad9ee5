"""UTF-8 read as cp1252, then lowercased or uppercased: the folded bytes chosen back (case_folded.py)."""

import pytest

from cleaner import Cleaner
from cleaner.repair import case_folded

# Characters with a byte lower() or upper() moves onto another's: 务 (e5 8a a1, 8a is Š),
# ， (ef bc 8c, 8c is Œ), 域 (e5 9f 9f, 9f is Ÿ), 资 (e8 b5 84, b5 is µ).
TEXT = "城市规划部门与财务处联合发布了新的投资领域规定，要求各单位在年底前完成自查。"


def misread(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


def test_preimages_are_the_bytes_the_fold_maps_onto_a_character():
    assert case_folded.preimages("lower")["š"] == (0x8A, 0x9A)
    assert case_folded.preimages("lower")["ÿ"] == (0x9F, 0xFF)
    assert case_folded.preimages("upper")["Ä"] == (0xC4, 0xE4)
    assert case_folded.preimages("upper")["Μ"] == (0xB5,)
    assert "Š" in case_folded.unfoldable("lower") and "š" in case_folded.unfoldable("upper")


@pytest.mark.parametrize("fold", ["lower", "upper"])
def test_a_folded_line_is_written_back_as_the_decoder_showed_it(fold):
    shown = misread(TEXT)
    folded = getattr(shown, fold)()
    assert folded != shown
    fixed, count, _ = case_folded.repair(folded)
    assert fixed == shown and count > 0


@pytest.mark.parametrize("fold", ["lower", "upper"])
def test_the_cleaner_reads_folded_mojibake_and_a_second_clean_changes_nothing(fold):
    cleaner = Cleaner(to="keep", remove_furniture=False)
    page = "\n".join([getattr(misread(TEXT), fold)(), "北京大学的 José 与 ÉCOLE 的 straße 合作。"])
    out = cleaner.clean(page)
    assert out.split("\n")[0] == TEXT
    assert cleaner.clean(out) == out


def test_lowercased_mojibake_is_not_read_as_the_fold_left_it():
    # 务 lowercased reads as 嚡 (e5 9a a1) and ， as ＜ (ef bc 9c): valid, and wrong.
    out = Cleaner(to="keep", remove_furniture=False).clean(misread(TEXT).lower())
    assert "嚡" not in out and "＜" not in out and "务" in out


@pytest.mark.parametrize("text", [
    "José visited the ÉCOLE in straße 北京大学，认识了 Ödön。",
    "À LA CARTE 菜单：CAFÉ、CRÈME BRÛLÉE。",
    TEXT,
    misread(TEXT),  # mojibake no fold touched: the readers' own
])
def test_text_no_fold_made_is_untouched(text):
    assert case_folded.repair(text)[:2] == (text, 0)


def shown_by_a_browser(text: str) -> str:
    """UTF-8 read as a browser reads cp1252: its undefined bytes as C1 controls."""
    return "".join(case_folded._shown(b) for b in text.encode("utf-8"))


def test_misread_text_no_fold_made_keeps_its_bytes_though_the_model_prefers_others():
    # 飞 (e9 a3 9e) shows ž, which lower() also makes of Ž (8e): 风 (e9 a3 8e) reads better
    # beside 常, but nothing on the line says it was lowercased (9d is a C1 control, not a fold).
    line = shown_by_a_browser(" 飞常男女 非常艳遇\t 新浪分类 无限商机")
    assert case_folded.repair(line)[:2] == (line, 0)


def test_a_short_line_lowercased_with_its_page_is_read_with_it():
    heading = "投资效益高"  # 投 e6 8a 95, 益 e7 9b 8a: two folded bytes, too few alone
    page = misread("\n".join([heading, TEXT, TEXT])).lower()
    alone = case_folded.repair(misread(heading).lower())
    assert alone[:2] == (misread(heading).lower(), 0)
    assert {f.kind for f in alone[2]} == {case_folded.UNSURE_KIND}  # left as it reads, with a finding
    out = Cleaner(to="keep", remove_furniture=False).clean(page)
    assert out.split("\n")[0] == heading


def test_a_page_without_enough_shapes_of_a_fold_is_not_read_line_by_line(monkeypatch):
    # A line shows a fold only with MIN_CELLS shapes of it, none across a line break: a page with
    # fewer in all (nearly every clean page, accents and all) is answered by one search a fold.
    asked = []
    unfolded = case_folded._unfolded_line
    monkeypatch.setattr(case_folded, "_unfolded_line", lambda line, *a: asked.append(line) or unfolded(line, *a))
    page = "\n".join(["José visited the ÉCOLE in straße 北京大学，认识了 Ödön。", TEXT, "À LA CARTE 菜单：CAFÉ。"])
    assert case_folded.repair(page)[:2] == (page, 0) and asked == []
    folded = "\n".join([TEXT, misread(TEXT).lower()])
    assert case_folded.repair(folded)[0] == "\n".join([TEXT, misread(TEXT)]) and asked


# title() and capitalize() mix the cases letter by letter (upper after a non-letter, lower after
# a letter): each shown character may stand for either case's byte (a headline's template).
HEADLINES = ["国家统计局发布上半年经济数据", "教育部关于做好高校毕业生就业工作的通知", "城市规划部门与财务处联合发布新规定"]


@pytest.mark.parametrize("fold", [str.title, str.capitalize])
@pytest.mark.parametrize("headline", HEADLINES)
def test_a_headline_title_cased_or_capitalized_after_the_misreading_reads_back(fold, headline):
    folded = fold(shown_by_a_browser(headline))
    assert folded != shown_by_a_browser(headline)
    cleaner = Cleaner(to="keep")
    out = cleaner.clean(folded)
    assert out == headline and cleaner.clean(out) == out


@pytest.mark.parametrize("text", [
    "José Visited The École In Straße 北京大学，认识了 Ödön。",
    "Ça Va? Éé… À La Carte 菜单：Café、Crème Brûlée。",
    shown_by_a_browser(TEXT),  # misread text no fold touched: it reads as it stands
])
def test_text_no_mixed_fold_made_is_untouched(text):
    assert case_folded.repair(text)[:2] == (text, 0)


def test_gbk_shown_as_cp1252_is_no_mixed_fold():
    # GBK's pairs are all Latin-1 letters as cp1252 shows them: letting each be either case, a few
    # read as UTF-8 by chance; a title-cased line reads nearly whole (MIXED_COVER).
    text = ("这次培训的主要内容包括安全生产、质量管理和客户服务三个方面，每位员工都必须参加考核。培训时间定在下个月的第一周，"
            "地点在公司总部的二号会议室。请各部门负责人在本周五之前把参加人员的名单报到人力资源部，逾期将视为自动放弃。"
            "如有疑问，请联系培训组的王老师或者李老师，电话号码见公司内部通讯录。")
    shown = "".join(case_folded._shown(b) for b in text.encode("gbk"))
    assert case_folded.repair(shown)[:2] == (shown, 0)
