"""An HTML page's structure weighing the line model's decisions (cleaner/furniture/page_structure.py)."""

import pytest

pytest.importorskip("resiliparse", reason="resiliparse is a core dependency: pip install -e .")

from cleaner import Cleaner  # noqa: E402
from cleaner.furniture import page_structure  # noqa: E402
from cleaner.furniture.features import Line  # noqa: E402
from cleaner.furniture.generic import Decision  # noqa: E402

ROWS = ["5月11日上午", "8:30-9:00 代表签到", "9:00-9:20 开幕式", "9:20-10:00 主旨报告", "10:00-10:20 茶歇",
        "10:20-11:30 分论坛一：人工智能", "5月11日下午", "14:00-15:00 分论坛二：新材料", "16:00-17:00 闭幕式"]
AGENDA = f"""<html><head><meta charset="utf-8"><title>2024年全国科技创新大会议程_新闻中心_某某网</title></head><body>
<div class="header"><ul class="nav"><li><a href="/">首页</a></li><li><a href="/news">新闻</a></li>
<li><a href="/tech">科技</a></li><li><a href="/about">关于我们</a></li></ul></div>
<div class="main"><div class="article"><h1>2024年全国科技创新大会议程</h1>
<div class="content">{"".join(f"<p>{row}</p>" for row in ROWS)}</div></div>
<div class="sidebar"><h3>热门文章</h3><p>本站是国内领先的科技资讯平台，每天为读者提供最新最全的科技新闻和深度报道，欢迎关注。</p></div></div>
<div class="footer"><p>版权所有 © 2024 某某网</p></div></body></html>""".encode()

CAPTION = "这次生育对小李的身体影响很大 本报记者 惠禾 摄"
CAPTIONED = f"""<html><head><meta charset="utf-8"><title>小李的故事</title></head><body>
<div id="nav"><a href="/">首页</a> <a href="/news">新闻</a></div>
<div class="article"><h1>小李的故事</h1>
<p>小李今年二十八岁，在城里的一家工厂上班，去年冬天她生下了一个男孩，全家人都很高兴。</p>
<p>{CAPTION}</p>
<p>医生说，产后恢复需要很长时间，她必须好好休息，不能过早地回到工作岗位上去。</p>
<p>小李的丈夫在外地打工，每个月只能回家一次，家里的事情都落在了她母亲的身上。</p>
</div></body></html>""".encode()


def test_a_menus_links_go_and_an_agendas_rows_stay():
    result = Cleaner().run_bytes(AGENDA)
    lines = result.text.split("\n")
    assert all(row in lines for row in ROWS)
    for item in ("首页", "新闻", "科技", "关于我们"):
        assert item not in lines
    assert any(f.detail == "generic/in-class-nav: 新闻" for f in result.findings)  # named for its region


def test_without_the_structure_the_menu_stays():
    # What the evidence adds: read as text (no roles), the model keeps the menu's middle items.
    lines = Cleaner().run_bytes(AGENDA, roles={}).text.split("\n")
    assert "新闻" in lines and "科技" in lines


def test_a_caption_in_the_container_goes_as_a_second_clean_would_take_it():
    # The container kept it from the caption family, but the output read again as text (the second
    # clean of `cleaner page.html -o out.txt; cleaner out.txt`) loses it: so it goes the first time.
    result = Cleaner().run_bytes(CAPTIONED)
    assert CAPTION not in result.text.split("\n")
    assert any(f.kind == "removed-line" and f.detail == f"generic/caption: {CAPTION}" for f in result.findings)
    assert not any(f.kind == "kept-line" for f in result.findings)
    assert Cleaner().run(result.text).text == result.text


class _Read:
    """A furniture stage's result on text: removed-line findings at each removed line's start."""

    def __init__(self, removes: dict[str, str]):
        self.removes, self.seen = removes, None

    def __call__(self, text):
        from itertools import accumulate

        from cleaner.model import Finding

        self.seen = text
        lines = text.split("\n")
        starts = accumulate((len(line) + 1 for line in lines), initial=0)
        return type("Removal", (), {"findings": [Finding("removed-line", start, f"{self.removes[line]}: {line}")
                                                  for start, line in zip(starts, lines) if line in self.removes]})()


def test_read_again_takes_only_the_protected_lines_a_text_reading_removes():
    lines = ["菜单", "第一段正文。", "图为某地 记者某某 摄", "短行", "第二段正文。", "页脚"]
    read = _Read({"图为某地 记者某某 摄": "generic/caption", "页脚": "generic/tail-sweep", "改写后": "generic/x"})
    again = page_structure.read_again(lines, {0: "generic/nav"}, {4: "改写后"}, {2, 3, 4}, read)
    # The output as the second clean reads it: without what went, with what a rule rewrote.
    assert read.seen == "第一段正文。\n图为某地 记者某某 摄\n短行\n改写后\n页脚"
    # The protected caption goes with its family; the protected short line the reading keeps stays;
    # the footer was not protected (its fate is the first reading's, not this one's).
    assert again == {2: "generic/caption", 4: "generic/x"}
    assert page_structure.read_again(lines, {}, {}, set(), read) == {}


NEWS = """<html><head><meta charset="utf-8"><title>今日要闻_某某网</title></head><body>
<div class="article"><h1>今日要闻</h1><h2>国内</h2>
<p>今年夏粮再获丰收，全国夏粮总产量比上年增加了二十多亿斤，各地正在抓紧收购和储存新粮。</p>
<h2>国际</h2>
<p>多国代表在日内瓦举行会谈，就气候变化和能源转型等议题交换了意见，会议将持续三天时间。</p>
<h2>体育</h2>
<p>全国游泳锦标赛昨天开幕，来自各省市的四百多名运动员参加比赛，比赛将持续一个星期左右。</p>
</div><ul class="nav"><li><a href="/">首页</a></li><li><a href="/gn">国内</a></li><li><a href="/gj">国际</a></li>
<li><a href="/ty">体育</a></li><li><a href="/about">关于我们</a></li></ul></body></html>""".encode()


def test_a_menu_item_whose_text_is_an_article_subheading_is_judged_by_its_own_place():
    # Keyed by text alone, the menu's 国际 under the article took the subheading's role (article),
    # and the container kept it from the model's decision (after_barrier+tail).
    result = Cleaner().run_bytes(NEWS)
    lines = result.text.split("\n")
    assert [lines.count(item) for item in ("国内", "国际", "体育", "首页")] == [1, 1, 1, 0]
    assert lines[-1].startswith("全国游泳锦标赛")
    assert not any(f.kind == "kept-line" for f in result.findings)


def test_roles_at_reads_a_texts_occurrences_in_order():
    roles = {"国内": ("region:class=nav", "article"), "正文。": "article"}
    lines = ["国内", "", "正文。", "国内", "正文。"]
    assert page_structure.roles_at(lines, [0, 2, 3, 4], roles) == {0: "region:class=nav", 2: "article", 3: "article", 4: "article"}
    # One occurrence left (the other joined or repaired away): which one is not known, the shared role.
    assert page_structure.roles_at(lines, [2, 3], roles) == {2: "article", 3: "article"}


def test_text_input_is_judged_as_before():
    text = CAPTIONED.decode()
    assert Cleaner().run(text).text == Cleaner().run(text, roles={}).text


def _line(index, text, **features):
    from cleaner.furniture.features import FEATURES

    return Line(index, text, {name: float(features.get(name, 0.0)) for name in FEATURES})


def _make(line, s, why):
    return Decision(line.index, line.text, s, why)


def test_weigh_undoes_weak_decisions_on_the_article_only():
    lines = [_line(i, text) for i, text in enumerate(["短行甲", "短行乙", "来源：某报", "短行丙"])]
    decisions = [Decision(0, "短行甲", 0.5, ("head",)), Decision(1, "短行乙", 0.0, ("between",)),
                 Decision(2, "来源：某报", 0.0, ("source",)), Decision(3, "短行丙", 0.5, ("head",))]
    roles = {0: "article", 1: "article", 2: "article", 3: "outside"}
    out, kept = page_structure.weigh(decisions, lines, roles, 0.0, lambda line: 0.5, set(), _make)
    assert kept == [0, 1]  # a score and a family of position; the source line's form is stronger
    assert [d.index for d in out] == [2, 3]


def test_weigh_leaves_what_the_model_is_near_certain_of():
    lines = [_line(0, "短行甲")]
    decisions = [Decision(0, "短行甲", 9.0, ("head",))]
    out, kept = page_structure.weigh(decisions, lines, {0: "article"}, 0.0,
                                     lambda line: page_structure.CERTAIN + 1.0, set(), _make)
    assert out == decisions and kept == []


def test_weigh_takes_links_of_named_regions_only():
    texts = ["首页", "新闻", "韩国男歌手", "不是链接", "本站是国内领先的科技资讯平台，每天为读者提供最新最全的科技新闻。", "保留"]
    lines = [_line(i, text) for i, text in enumerate(texts)]
    lines[4].prose = True  # as features.is_prose reads it on a page
    roles = {0: "region:class=nav", 1: "region:aside", 2: "region:links", 3: "region:class=nav",
             4: "region:class=nav", 5: "region:class=nav"}
    out, _ = page_structure.weigh([], lines, roles, 0.0, lambda line: -1.0, {5}, _make, linked={0, 1, 2, 4, 5})
    # Not: an unnamed list's link (tags, categories), a line that is no link, prose, a line kept.
    assert [(d.index, d.reasons) for d in out] == [(0, ("in-class-nav",)), (1, ("in-aside",))]
    far, _ = page_structure.weigh([], lines, roles, 0.0, lambda line: -page_structure.REGION_LEAN - 1, set(), _make,
                                  linked={0})
    assert far == []  # the model is sure it is no furniture


def test_weigh_never_undoes_the_headlines_own_decision():
    # The headline the title names goes to meta by a decision of the family "headline", which is
    # also a feature's name: read as a weak reason, the container kept it in the text.
    lines = [_line(0, "标题")]
    decisions = [Decision(0, "标题", 0.0, ("headline",))]
    out, kept = page_structure.weigh(decisions, lines, {0: "article"}, 0.0, lambda line: 0.0, set(), _make)
    assert out == decisions and kept == []
