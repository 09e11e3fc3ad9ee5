"""A broadcast's credit to its sponsor, said of itself (portals._SPONSOR, family site-foot):
本节目由某某冠名播出 under a programme's page is the broadcaster's line, as 本网站由…主办 is the site's."""

import pytest

from cleaner.furniture.boilerplate import fold_line, remove_furniture
from cleaner.furniture.features import normalise
from cleaner.furniture.portals import form, load_words


def fam(line: str) -> str:
    return form(normalise(fold_line(line)), load_words())


@pytest.mark.parametrize("line", [
    "本节目由江城眼镜城特约播出",
    "本期直播由某某银行冠名播出",
    "本節目由某某電器獨家冠名播出",  # Traditional, folded
    "本期节目由某某乳业联合赞助",
    "本栏目由某某文旅特约呈现",
])
def test_a_programmes_sponsor_credit_is_the_sites(line):
    assert fam(line) == "site-foot"


@pytest.mark.parametrize("line", [
    "该节目由某某集团冠名播出，收视率一路走高。",  # an article reports a sponsor
    "这档节目由一家银行冠名",  # not said of itself
    "本节目由于时间关系，冠名环节取消",  # 由于 and a clause: a sentence
    "本期由我们的老朋友王老师主讲",  # no sponsor
])
def test_a_sponsor_an_article_reports_has_no_family(line):
    assert fam(line) == ""


def test_the_credit_under_a_programmes_page_goes_and_the_article_stays():
    article = ["今晚的节目里，我们请来了三位老街坊，聊一聊菜市场搬迁之后大家买菜的新路线和新习惯。",
               "张阿姨说，新市场离家远了两站路，但摊位整齐了，价格也透明，她现在每周只去两次，一次买足。",
               "李师傅则觉得，老市场的烟火气再也找不回来，他更怀念早上六点就热闹起来的那条小街。"]
    kept = remove_furniture("\n".join(["城事夜话：菜市场搬家以后", *article, "本节目由江城眼镜城特约播出"]), ()).text.split("\n")
    assert "本节目由江城眼镜城特约播出" not in kept
    assert all(line in kept for line in article)


@pytest.mark.parametrize("line", ["本节目由长城葡萄酒独家冠名播出。", "本期由市文化馆联合赞助"])
def test_a_sponsor_sentence_or_an_issues_own_line_has_no_family(line):
    # review30a: a press article's sentence between its paragraphs; a magazine issue's own line.
    assert fam(line) == ""
