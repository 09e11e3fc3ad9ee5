"""The native portal forms (native/src/portal_forms.rs, through ``portals.form`` and
``portals._forms``) against their Python original (tests/reference_portal_forms.py): the same
family for every line.

Lines: random text (any character Python's Unicode assigns, no line break: ``form`` reads a
line), text made of the characters the patterns look at (digits, spaces of every kind,
separators, brackets, colons, both widths), furniture-like lines built from the portal word lists
and the patterns' own words, every line of the fixtures and of the portal page templates the
furniture is tuned on (the held-out sets are not read). Each is checked as it is and folded and
NFKC-normalised (what ``portal_lines`` asks about).
"""

import os
import tomllib
import unicodedata

import reference_portal_forms as reference
from conftest import FIXTURES
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cleaner._native import portal_pattern
from cleaner.furniture import portals
from cleaner.furniture.boilerplate import fold_line
from cleaner.furniture.features import normalise
from cleaner.furniture.lexicon import DATA
from cleaner.furniture.portals import _forms, form, load_words

WORDS = load_words()
SETTINGS = settings(max_examples=int(os.environ.get("CLEANER_PROPERTY_EXAMPLES", "60")) * 5, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])

_LISTS = tomllib.loads((DATA / "lexicon.toml").read_text(encoding="utf-8"))["portals"]
PORTAL_WORDS = sorted({w for group in _LISTS.values() if isinstance(group, list) for w in group if "\n" not in w})
# What the patterns look at: digits of several scripts, every kind of space Python's \s knows
# (U+001C..U+001F too), separators, brackets, colons, stops, counters' units, Han beside them.
_FOCUS = ("0123456789٣０ \t\x1c\x1f\u3000\u00a0\u200b" "|/>»›→·-—*丨▲▼#※" "【】[]()（）「」“”\"《》〔〕" ":：.。!！?？,，、;~"
          "万千kKwWAaLvV+" "年月日时分秒楼次前天版期条" "阅读浏览点击人气播放留言评论回复转载本文由于记者编辑图摄作者看板标题时间"
          "ab_é")
FOCUSED = st.text(alphabet=_FOCUS, max_size=60)
_ASSIGNED = st.characters(codec="utf-8").filter(lambda c: unicodedata.category(c) != "Cn" and c not in "\n\r")
ANY = st.text(alphabet=_ASSIGNED, max_size=60)
# The patterns' own words and shapes, to be put together into lines that nearly match.
_PIECES = ["2023-08-11", "16:06", "08/11", "3月5日", "12:34:56", "3 天前", "1楼", "#3", "发表于", "客户端", "只看楼主",
           "阅读", "浏览 1.2万", "阅读(1,234)", "次", "次数", "点击:35", "留言(3)", "人气(1,245)", "[回复]", "【回复】",
           "Posted by", "Mon", "Jan 5, 2024 at", "pm", "本帖由", "发表", "(已被阅读 12 次)", "张三:", "说得好,", "时长:", "03:21",
           "分钟", "约5分钟阅读", "原标题:", "记者 ", "王小明", "通讯员", "/", "报道", "综合报导", "新华社", "12日电", "供稿",
           "《人民日报》", "第 4 版", "(编辑:李明)", "20240101", "图片来源:", "网络", "摄影", "本文链接:", "转载请注明出处",
           "(ID:abc_1)", "trackback", "引用通告", "本文授权", "转自", "本文禁止转载", "不得不", "不得", "本文为原创",
           "本文来自", "公众号", "版 权 所 有", "I P 属 地", "IP属地:", "北京", "Lv.8", "投资有风险,入市需谨慎", "本词条由",
           "审核", "作者 ", "看板 ", "标题 ", "Re:", "※ 发信站", "推 ", "大 中 小", "字号:", "A- A+", "(中时新闻网)",
           "中时新闻网 > 生活", "索引号:", "分类:", " ", "  ", ":", "。", ",", "?", "(", ")", "5", "▼", "\u200b"]
FURNITURE = st.lists(st.sampled_from(PORTAL_WORDS + _PIECES), max_size=8).map("".join)


def _template_lines() -> list[str]:
    """Every line of the fixtures' pages and of the portal page templates the furniture is tuned
    on (``benchmarks/portal_pages``; the held-out sets, ``unseen*``, are not read)."""
    lines = set()
    for path in sorted(FIXTURES.rglob("*")):
        if path.is_file() and path.suffix in (".txt", ".html", ".htm", ".expected"):
            lines.update(x for x in path.read_text("utf-8", errors="replace").splitlines() if x.strip())
    pages = FIXTURES.parent / "benchmarks" / "portal_pages"
    for folder in sorted(pages.iterdir()) if pages.is_dir() else []:
        if folder.is_dir() and not folder.name.startswith("unseen"):
            for path in sorted(folder.glob("*.txt")):
                lines.update(x for x in path.read_text("utf-8", errors="replace").splitlines() if x.strip())
    return sorted(lines)


def _agree(line: str) -> None:
    for text in dict.fromkeys((line, normalise(line), normalise(fold_line(line)))):
        assert form(text, WORDS) == reference.form(text, WORDS), text


@SETTINGS
@given(line=st.one_of(FOCUSED, ANY, FURNITURE))
@example(line="阅读12次数据 2023-08-11")  # the view counter's look-ahead: a shorter number before Han
@example(line="本文不得不转载")  # the reprint terms' look-ahead: 不得 but not 不得不
@example(line="甲 2023-08-11 16:06 阅读 12 次 乙")
def test_native_forms_agree_with_python_on_random_lines(line):
    _agree(line)


def test_native_forms_agree_with_python_on_every_fixture_and_template_line():
    lines = _template_lines()
    assert len(lines) > 1000
    families = set()
    for line in lines:
        _agree(line)
        families.add(form(normalise(fold_line(line)), WORDS))
    assert len(families) > 10  # the lines are furniture of many families, not only ""


@SETTINGS
@given(lines=st.lists(st.one_of(FOCUSED, FURNITURE), max_size=8))
def test_a_page_s_forms_are_one_call_with_each_line_s_form(lines):
    portals._FORMS.clear()
    assert _forms(lines, WORDS) == [reference.form(t, WORDS) for t in lines]
    assert _forms(lines, WORDS) == [reference.form(t, WORDS) for t in lines]  # remembered


def test_the_widgets_are_asked_between_the_forms_before_and_after_them():
    # An advert's label (a widget) on a line holding a byline's words: the widget is asked first;
    # a font-size row is taken before the widgets are asked.
    assert WORDS.forms.of(["大 中 小"]) == [("actions", False, "")]
    assert WORDS.forms.of(["记者 王小明 报道"]) == [("", True, "byline")]
    assert WORDS.forms.of(["甲" * 151]) == [("", False, "")]
    assert form("记者 王小明 报道", WORDS) == "byline"


def test_python_classes_are_read_as_python_reads_them():
    assert portal_pattern(r"\s\S\w") == r"[\s\x1C-\x1F][^\s\x1C-\x1F][\p{L}\p{N}_]"
    assert form("\x1c".join(["甲乙", "记者", "王小明", "报道"]), WORDS) == reference.form("\x1c".join(["甲乙", "记者", "王小明", "报道"]), WORDS)


def test_a_pattern_with_a_look_around_is_refused():
    for pattern in (r"a(?!b)", r"(?<=a)b", r"(?<!a)b", r"a(?=b)", r"\bword"):
        try:
            portal_pattern(pattern)
        except ValueError:
            continue
        raise AssertionError(pattern)
