"""Furniture left and article lost when the real web pages arrive as Markdown dumps, not HTML.

    .venv/bin/python benchmarks/markdown_pages.py [CORPUS] [--split fit|report|all] [--off] [--show N]

Each page of CORPUS (default ``../shared/corpora/webpages``, the pages of benchmarks/furniture.py,
with its fit/report split: tune on fit only) is turned into text by two dump makers of different
tools' styles, written here from the page's HTML:

  html2text   html2text's style: ``[text](url)`` links, ``![](src)`` pictures, ``#`` headings,
              ``  * `` list items, ``**`` bold, blocks apart by a blank line, every line cut at
              78 characters wherever the cut falls (inside a link's address too)
  reader      a reader tool's style (jina reader, turndown): a ``Title:`` / ``URL Source:`` /
              ``Published Time:`` / ``Markdown Content:`` header, setext headings (``===``), ``*   ``
              list items, links with titles ``[text](url "title")``, ``_`` emphasis, no wrapping

Each dump is cleaned as ``cleaner dump.md`` takes a text (``Cleaner.run``, ``to="keep"``) and scored as
benchmarks/furniture.py scores the page's HTML (its row ``html`` here): leftover (output characters
not in the article) and lost (article characters missing), % of article length. ``--off`` cleans
the dumps with the Markdown stage left out (cleaner/markdown.py), the figures before it.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from furniture import DEFAULT_CORPUS, Tally, clean_html, fit_ids, print_tallies, report_ids  # noqa: E402

from cleaner import Cleaner, markdown  # noqa: E402
from cleaner.io.html import decode_html  # noqa: E402

_DROP = re.compile(r"<(script|style|noscript|head)\b.*?</\1\s*>|<!--.*?-->", re.S | re.I)
_BLOCK = re.compile(r"</?(p|div|br|tr|li|h[1-6]|table|ul|ol|dd|dt|section|article|header|footer|nav|form|blockquote|pre|title)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]+>")
WIDTH = 78


def html2text_dump(doc: str) -> str:
    """html2text's style, its lines cut at WIDTH characters wherever the cut falls."""
    d = _DROP.sub("", doc)
    d = re.sub(r"<img[^>]*?src=[\"']?([^\"' >]+)[^>]*>", r"![](\1)", d, flags=re.I)
    d = re.sub(r"<a[^>]*?href=[\"']?([^\"' >]+)[^>]*>(.*?)</a>",
               lambda m: f"[{_TAG.sub('', m.group(2)).strip()}]({m.group(1)})", d, flags=re.S | re.I)
    d = re.sub(r"<h([1-6])[^>]*>", lambda m: "\n" + "#" * int(m.group(1)) + " ", d, flags=re.I)
    d = re.sub(r"<li[^>]*>", "\n  * ", d, flags=re.I)
    d = re.sub(r"</?(strong|b)>", "**", d, flags=re.I)
    d = html.unescape(_TAG.sub("", _BLOCK.sub("\n\n", d)))
    out = []
    for line in d.split("\n"):
        line = re.sub(r"[ \t\u00a0]+", " ", line).strip()
        while len(line) > WIDTH:
            out.append(line[:WIDTH])
            line = line[WIDTH:]
        out.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


_BLOCKS = {"p", "div", "br", "tr", "td", "th", "li", "table", "ul", "ol", "dd", "dt", "dl", "section", "article",
           "header", "footer", "nav", "form", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "center", "hr"}
_SKIP = {"script", "style", "noscript", "head", "iframe"}


class _Reader(HTMLParser):
    """A turndown-like converter: blocks apart by a blank line, inline syntax as turndown writes it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.line: list[str] = []
        self.skip = 0
        self.links: list[tuple[str, str, int]] = []  # (href, title, where the link's text starts)
        self.heading = 0
        self.item = False
        self.title: list[str] = []
        self.in_title = False
        self.date = ""

    def flush(self) -> None:
        text = re.sub(r"[ \t\r\n\u00a0]+", " ", "".join(self.line)).strip()
        self.line = []
        if not text or text in ("**", "_"):
            return
        if self.heading:
            text = text + "\n" + ("=" if self.heading == 1 else "-") * max(3, len(text)) if self.heading <= 2 \
                else "#" * self.heading + " " + text
        elif self.item:
            text = "*   " + text
        self.blocks.append(text)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self.in_title = True
        if tag == "meta" and (a.get("property") or a.get("name") or "").lower() in ("article:published_time", "pubdate", "publishdate"):
            self.date = self.date or (a.get("content") or "")
        if tag == "body":
            self.skip = 0  # a <head> never closed (old pages) ends here
        if tag in _SKIP:
            self.skip += 1
            return
        if self.skip:
            return
        if tag in _BLOCKS:
            self.flush()
            self.heading = int(tag[1]) if re.fullmatch(r"h[1-6]", tag) else 0
            self.item = tag == "li"
        if tag == "a" and a.get("href"):
            self.links.append((a["href"].strip(), (a.get("title") or "").strip(), len(self.line)))
            self.line.append("[")
        elif tag == "img" and a.get("src"):
            self.line.append(f"![{(a.get('alt') or '').strip()}]({a['src'].strip()})")
        elif tag in ("strong", "b"):
            self.line.append("**")
        elif tag in ("em", "i"):
            self.line.append("_")

    def handle_endtag(self, tag):
        if tag == "title":
            self.in_title = False
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if self.skip:
            return
        if tag == "a" and self.links:
            href, title, _ = self.links.pop()
            self.line.append(f"]({href} \"{title}\")" if title else f"]({href})")
        elif tag in ("strong", "b", "em", "i"):
            mark = "**" if tag in ("strong", "b") else "_"
            if self.line and self.line[-1] == mark:
                self.line.pop()  # an empty emphasis (an icon's <i></i>) writes nothing
            else:
                self.line.append(mark)
        elif tag in _BLOCKS:
            self.flush()
            self.heading, self.item = 0, False

    def handle_data(self, data):
        if self.in_title:
            self.title.append(data)
        elif not self.skip:
            self.line.append(data)


_INNER_TABLE = re.compile(r"<table\b[^>]*>((?:(?!<table\b).)*?)</table\s*>", re.S | re.I)
_ROW = re.compile(r"<tr\b[^>]*>(.*?)(?=<tr\b|</tbody|</table|$)", re.S | re.I)
_CELL = re.compile(r"<t[dh]\b[^>]*>", re.I)
_INNER_BLOCK = re.compile(r"</?(?:p|div|br|ul|ol|li|h[1-6])\b[^>]*>", re.I)


def _gfm_tables(doc: str) -> str:
    """Tables holding no table, of two rows and two cells a row at least (data, not layout), as
    turndown's GFM plugin writes them: a row a line, ``| a | b |``, a rule under the first."""
    def table(m: re.Match) -> str:
        rows = [[_INNER_BLOCK.sub(" ", c).replace("|", "\\|") for c in _CELL.split(r.group(1))[1:]]
                for r in _ROW.finditer(m.group(1))]
        if len(rows) < 2 or min(len(r) for r in rows) < 2:
            return m.group()
        lines = ["<p>| " + " | ".join(re.sub(r"</t[dh]\s*>|</tr\s*>", "", c) for c in r) + " |</p>" for r in rows]
        lines.insert(1, "<p>| " + " | ".join("---" for _ in rows[0]) + " |</p>")
        return "".join(lines)
    return _INNER_TABLE.sub(table, doc)


def reader_dump(doc: str, page_id: str) -> str:
    """A jina-reader-like dump: its header, then turndown's Markdown, unwrapped."""
    parser = _Reader()
    parser.feed(_gfm_tables(doc))
    parser.close()
    parser.flush()
    title = " ".join("".join(parser.title).split())
    head = [f"Title: {title}", "", f"URL Source: https://example.com/{page_id}.html", ""]
    if parser.date:
        head += [f"Published Time: {parser.date}", ""]
    return "\n".join(head + ["Markdown Content:"] + ["\n\n".join(parser.blocks)]) + "\n"


MAKERS = {"html2text": lambda doc, page_id: html2text_dump(doc), "reader": reader_dump}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--split", choices=("fit", "report", "all"), default="all")
    ap.add_argument("--off", action="store_true", help="without the Markdown stage (the figures before it)")
    ap.add_argument("--show", type=int, default=0, help="list the N worst pages of each row")
    ap.add_argument("--dump", type=Path, help="write each dump and its cleaned text to this folder")
    args = ap.parse_args()
    if not (args.corpus / "original").is_dir():
        sys.exit(f"markdown_pages.py: {args.corpus}/original not found (see ../shared/corpora/README.md)")
    if args.off:
        markdown.strip_markdown = lambda text: text
        markdown.reader_header = lambda text: {}
    cleaner = Cleaner(to="keep")
    tallies = []
    for split in ("fit", "report"):
        if args.split not in (split, "all"):
            continue
        rows = {name: Tally(f"{split} {name}") for name in ("html", *MAKERS)}
        for page_id in (fit_ids() if split == "fit" else report_ids()):
            article = (args.corpus / "cleaned" / f"{page_id}.txt").read_text(encoding="utf-8")
            path = args.corpus / "original" / f"{page_id}.html"
            rows["html"].add(page_id, clean_html(cleaner, path), article)
            doc = decode_html(path.read_bytes())
            for name, make in MAKERS.items():
                dump = make(doc, page_id)
                out = cleaner.run(dump, details=False).text
                rows[name].add(page_id, out, article)
                if args.dump:
                    args.dump.mkdir(parents=True, exist_ok=True)
                    (args.dump / f"{page_id[:8]}.{name}.md").write_text(dump, encoding="utf-8")
                    (args.dump / f"{page_id[:8]}.{name}.out").write_text(out, encoding="utf-8")
        tallies += rows.values()
    print_tallies(tallies, args.show)


if __name__ == "__main__":
    main()
