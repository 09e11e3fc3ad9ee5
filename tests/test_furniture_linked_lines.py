"""Lines all link text outside the article, on HTML input (cleaner/furniture/linked_lines.py)."""

from cleaner import Cleaner
from cleaner.config import Config
from cleaner.furniture.features import Line, normalise, text_features
from cleaner.furniture.lexicon import load_lexicon
from cleaner.furniture.linked_lines import linked_furniture

PARAGRAPHS = [
    "本报讯 昨日，市教育局发布了今年秋季学期的招生计划，全市新增学位一万二千个，其中小学八千个，初中四千个，"
    "重点缓解城东新区和高铁片区的入学压力。",
    "据介绍，新增学位主要来自六所新建学校和十一所改扩建学校，相关工程将于八月底前全部完工，"
    "确保九月一日按时开学。详见{link}和各区的实施细则。",
    "教育局有关负责人表示，今年将继续实行划片招生、就近入学，严禁任何形式的择校收费，"
    "家长可通过官方网站查询学区划分和报名流程。",
]
OTHERS = ["老城区改造方案公布 涉及三千户", "地铁五号线试运行 首末班时间", "夏季用电高峰来临 电网全力保供"]


def page(*, above: list[str] = (), below: list[str] = (), linked: bool = True, title: str = "城市新闻网",
         headline: str = "") -> bytes:
    """An article page: lists of other stories above and below its body (links, or plain text)."""
    def items(titles):
        return "".join(f'<li><a href="/n/{i}.html">{t}</a></li>' if linked else f"<li>{t}</li>"
                       for i, t in enumerate(titles))
    body = "".join("<p>" + p.format(link='<a href="/notice">市教育局招生公告</a>') + "</p>" for p in PARAGRAPHS)
    top = f'<h1><a href="/self.html">{headline}</a></h1>' if headline else ""
    return (f"<html><head><title>{title}</title></head><body><ul>{items(above)}</ul>{top}{body}"
            f"<ul>{items(below)}</ul></body></html>").encode()


def clean(data: bytes, **config):
    return Cleaner(Config(**config)).run_bytes(data, html=True)


def test_a_list_of_linked_titles_above_the_body_goes():
    result = clean(page(above=OTHERS))
    assert not any(t in result.text for t in OTHERS)
    assert ("remove", "generic/linked") in [(s.action, s.name) for s in result.steps]
    # The same titles as plain text carry no link evidence: this rule leaves them. (A list of three
    # short items outside the article goes by its shape since session 37, html_evidence's chips.)
    plain = clean(page(above=OTHERS, linked=False))
    assert ("remove", "generic/linked") not in [(s.action, s.name) for s in plain.steps]


def test_a_list_of_linked_titles_below_the_body_goes():
    result = clean(page(below=OTHERS))
    assert not any(t in result.text for t in OTHERS)


def test_switched_off_the_linked_lines_stay():
    assert OTHERS[-1] in clean(page(above=OTHERS), link_lines=False).text


def test_a_body_paragraph_holding_a_link_stays():  # a keep
    text = clean(page(above=OTHERS, below=OTHERS)).text
    assert PARAGRAPHS[1].format(link="市教育局招生公告") in text.split("\n")


def test_the_headline_the_title_names_stays_though_it_links_to_itself():  # a keep
    result = clean(page(above=OTHERS, title="全市新增学位一万二千个_城市新闻网", headline="全市新增学位一万二千个"))
    assert result.meta.get("headline") == "全市新增学位一万二千个"
    assert not any(t in result.text for t in OTHERS)


def test_text_input_carries_no_link_evidence():  # a keep
    lines = [*OTHERS, *(p.format(link="市教育局招生公告") for p in PARAGRAPHS)]
    result = Cleaner().run("\n".join(lines))
    assert "generic/linked" not in [s.name for s in result.steps]


def _line(index: int, text: str, headline: float = 0.0) -> Line:
    features = text_features(normalise(text), load_lexicon())
    return Line(index, normalise(text), {**features, "headline": headline})


def _scored(texts):
    return [_line(i, t) for i, t in enumerate(texts)]


def test_a_lone_linked_line_beside_the_body_stays():
    scored = _scored(["新华社", "正文一", "正文二"])
    assert linked_furniture(scored, (1, 2), {0}, set(), set(), -1, None) == []


def test_a_linked_line_beside_other_furniture_goes():
    scored = _scored(["首页 新闻 体育", "相关新闻标题", "正文一", "正文二"])
    assert linked_furniture(scored, (2, 3), {1}, {0}, {0}, -1, None) == [1]


def test_never_inside_the_body_nor_a_line_ending_a_sentence():
    scored = _scored(["其它新闻一", "链接的整段文字。", "正文一", "整段都是链接的一句", "正文二"])
    assert linked_furniture(scored, (2, 4), {0, 1, 3}, set(), set(), -1, None) == []


def test_a_guessed_headline_goes_only_in_a_run_of_links():
    scored = _scored(["首页 新闻 体育", "其它新闻的标题", "正文一"])
    assert linked_furniture(scored, (2, 2), {1}, {0}, {0}, 1, None) == []  # beside furniture only: kept
    scored = _scored(["其它新闻一", "其它新闻的标题", "正文一"])
    assert linked_furniture(scored, (2, 2), {0, 1}, set(), set(), 1, None) == [0, 1]
    named = [_line(0, "其它新闻一"), _line(1, "本文标题", headline=1.0), _line(2, "正文一")]
    assert linked_furniture(named, (2, 2), {0, 1}, set(), set(), 1, None) == []
