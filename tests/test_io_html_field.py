"""A JSON Lines record's field holding HTML, read as the page's file is (cleaner/io/html_field.py)."""

import json

import pytest

pytest.importorskip("resiliparse", reason="resiliparse is a core dependency: pip install -e .")

from cleaner.config import Config  # noqa: E402
from cleaner.engines.jsonl import clean_lines  # noqa: E402
from cleaner.engines.report import Report, WriteBack  # noqa: E402
from cleaner.io.html_field import field_page  # noqa: E402
from cleaner.io.jsonl import HTML_EVIDENCE  # noqa: E402
from cleaner.io.page import load_page  # noqa: E402
from cleaner.pipeline import Cleaner  # noqa: E402
from test_furniture_page_structure import AGENDA as PAGE_BYTES, ROWS  # noqa: E402

# A menu the structure takes (class=nav) and the text alone keeps; an agenda the container keeps.
AGENDA = PAGE_BYTES.decode("utf-8")
STORY = """<!DOCTYPE html><html><head><meta charset="gbk"><title>小李的故事_社会_某某网</title>
<meta name="author" content="惠禾"></head><body>
<div id="nav"><a href="/">首页</a> <a href="/news">新闻</a> <a href="/tech">科技</a></div>
<div class="article"><h1>小李的故事</h1>
<p>小李今年二十八岁，在城里的一家工厂上班，去年冬天她生下了一个男孩，全家人都很高兴。</p>
<p>医生说，产后恢复需要很长时间，她必须好好休息，不能过早地回到工作岗位上去。</p>
<p>小李的丈夫在外地打工，每个月只能回家一次，家里的事情都落在了她母亲的身上。</p>
</div><div class="footer">版权所有 某某网</div></body></html>"""


def _clean(lines: list[str], config: Config = Config(), **kw) -> list[dict]:
    report = Report(WriteBack.WRITE, echo=False)
    out = list(clean_lines([line.encode() + b"\n" for line in lines], config, name="in.jsonl", log=report, **kw))
    assert not report.failed
    return [json.loads(line) for line in out]


def _as_file(html: str) -> str:
    """What ``cleaner page.html`` gives for the page (engines/single.py's path)."""
    page = load_page(html.encode("utf-8"), "page.html")
    return Cleaner.for_config(Config().for_extracted_text()).run(
        page.text, details=False, title=page.meta.get("title"), linked=page.linked, roles=page.roles).text


def test_a_record_of_html_gives_the_text_of_the_page_as_a_file():
    records = _clean([json.dumps({"id": n, "text": html}, ensure_ascii=False) for n, html in enumerate((AGENDA, STORY))])
    assert [r["text"] for r in records] == [_as_file(AGENDA), _as_file(STORY)]
    agenda = records[0]["text"].split("\n")
    assert all(row in agenda for row in ROWS)
    assert "新闻" not in agenda and "科技" not in agenda  # the structure's evidence reached the record


def test_a_declared_field_holding_html_is_read_as_its_page_and_the_others_are_kept():
    line = json.dumps({"url": "https://www.example.com/a.html", "html": STORY, "n": 1}, ensure_ascii=False)
    (record,) = _clean([line], field="html")
    assert record["html"] == _as_file(STORY)
    assert record["url"] == "https://www.example.com/a.html" and record["n"] == 1


def test_the_page_gives_its_meta_and_the_records_title_wins():
    (record,) = _clean([json.dumps({"text": STORY}, ensure_ascii=False)], details=True)
    assert record["cleaner"]["meta"]["title"] == "小李的故事_社会_某某网"
    assert record["cleaner"]["meta"]["author"] == "惠禾"
    assert record["cleaner"]["meta"]["headline"] == "小李的故事"  # the <title> named it, as for a file


def test_a_users_evidence_field_beside_html_is_kept_and_never_read():
    # The evidence is the extractor's, from the field: the user's own field of that name says nothing.
    lying = {"linked": [], "roles": {str(n): "article" for n in range(40)}}
    line = json.dumps({HTML_EVIDENCE: lying, "text": AGENDA}, ensure_ascii=False)
    (record,) = _clean([line])
    assert record[HTML_EVIDENCE] == lying
    assert record["text"] == _as_file(AGENDA)


def test_bytes_kept_as_escapes_are_read_back_before_the_page_is_read():
    # 厂 (e5 8e 82) as a tool that could not decode it kept it: read back, as the text path does.
    escaped = STORY.replace("工厂", "工\udce5\udc8e\udc82")
    (record,) = _clean([json.dumps({"text": escaped})])
    assert record["text"] == _as_file(STORY)


def test_keep_markup_reads_the_field_as_text():
    about = "<html><body><p>这是一段讲网页标签的文字，标签要留下。</p></body></html>"
    assert field_page(about, sniff=False) is None and field_page(about) is not None
    # (no generic model: it takes a line of tags as a trail, `>` its separators)
    (record,) = _clean([json.dumps({"text": about}, ensure_ascii=False)], Config(strip_markup=False, generic_furniture=False))
    assert record["text"] == about


def test_text_that_mentions_a_tag_is_no_page():
    assert field_page("正文里写着 <p> 标签，这是一段讲网页的文字。") is None
    (record,) = _clean([json.dumps({"text": "國(guó)務(wù)院"}, ensure_ascii=False)])
    assert record["text"] == "国务院"
