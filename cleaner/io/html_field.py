"""A string that holds an HTML page (a record's field, an adapter's document): read as the page's file is.

``Cleaner.run`` asks ``field_page`` of every string it is given (not of text extracted from a
page), and cleans a page through ``Cleaner.run_page``, as ``run_bytes`` does a page's bytes.

A crawl dumped as JSON Lines often keeps each page's HTML in a field (``{"url": …, "html": "<!DOCTYPE
html>…"}``, or ``text`` itself). Cleaned as text, its tags went in the markup stage and no structure
or link evidence reached the furniture model, so the record came out otherwise than the same page
as a file (``cleaner page.html``). Here a field is HTML when its content looks like it (the sniff of
an HTML file's bytes: ``looks_like_html``), unless the user keeps markup (``--keep-markup``: the
text is about HTML); its visible text, ``<title>``, ``<meta>``, script-data article, link and
structure evidence are then the extractor's, as for a file. The value is already text (a JSON
string), so it is not decoded again: a page's ``<meta charset>`` says nothing of it; bytes a tool
could not decode and kept as escapes (``\udce9``) are read back first, as the text path reads them.

The evidence is the extractor's own, made here from the field: a record's field named
``_cleaner_html_evidence`` is the user's, never read (``cleaner.io.jsonl.HTML_EVIDENCE``).
"""

from __future__ import annotations

from cleaner.io.html import HtmlPage, extract, looks_like_html
from cleaner.io.jsonl import has_surrogates
from cleaner.io.page import SNIFF
from cleaner.smuggled_bytes import read_back


def field_page(value: str, *, sniff: bool = True) -> HtmlPage | None:
    """The page a field's ``value`` holds when it looks like HTML (and ``sniff``), else None.

    >>> field_page("<html><head><title>标题</title></head><body><p>正文。</p></body></html>").text
    '正文。'
    >>> field_page("正文 <注意> 不是网页") is None
    True
    >>> field_page("## 使用说明<br>第一步，打开<span>设置</span>页面。<br>第二步，点击<b>保存</b>。") is None
    True
    """
    # A field is a page only if it opens with markup: a Markdown or text field with inline tags
    # (## 说明<br>第一步…) read as HTML lost its line breaks (review29a).
    if not sniff or not value.lstrip("\ufeff \t\r\n").startswith("<") \
            or not looks_like_html(value[:SNIFF].encode("utf-8", "surrogatepass")):
        return None
    found = []
    if has_surrogates(value):  # readable ones (the caller refuses others): pairs joined, escaped bytes decoded
        value, _, found = read_back(value)
    page = extract(value)
    page.findings[:0] = found
    return page
