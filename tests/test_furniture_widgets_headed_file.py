"""A download box's heading with its one file on the same line (widgets._HEADED_FILE, family
attachment): 附件下载：报名表.docx is the site's box; the notice's own 附件：报名表.doc and
相關附件：得獎名單.pdf (a notice's own file is labelled so, review30a) are not."""

import pytest

from cleaner.furniture.boilerplate import fold_line, remove_furniture
from cleaner.furniture.features import normalise
from cleaner.furniture.portals import form, load_words


def fam(line: str) -> str:
    return form(normalise(fold_line(line)), load_words())


@pytest.mark.parametrize("line", [
    "附件下载: 报名表.docx",
    "下載附件：活動簡章.pdf",
    "相关下载：2026年度预算表.xlsx",
])
def test_a_related_files_heading_with_its_file_is_an_attachment(line):
    assert fam(line) == "attachment"


@pytest.mark.parametrize("line", [
    "附件：1.报名表.doc",  # the notice's own appendix
    "相关文件：请见附件报名表.doc，逾期不受理。",  # a sentence
    "相关附件：得奖名单",  # no file named
    "相關附件：得獎名單.pdf",  # a notice's own file (review30a)
    "相关附件：2026年滨江区义务教育招生实施方案.pdf",
])
def test_the_notices_own_appendix_line_has_no_family(line):
    assert fam(line) == ""


def test_the_line_under_an_article_goes_and_the_article_stays():
    article = ["第十届社区摄影比赛日前揭晓，评审团从四百多件投稿中选出金银铜奖各一名，另有佳作十件。",
               "评审表示，今年的作品更关注街坊日常，老店铺、菜市场和巷口的猫都成了镜头里的主角。",
               "颁奖典礼将于下月在社区活动中心举行，届时所有入选作品也会同场展出，欢迎街坊前来参观。"]
    kept = remove_furniture("\n".join(["社区摄影比赛结果揭晓", *article, "附件下载：得奖名单.pdf"]), ()).text.split("\n")
    assert "附件下载：得奖名单.pdf" not in kept
    assert all(line in kept for line in article)
