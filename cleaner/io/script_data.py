"""The article of a page that carries it only in script data: JSON-LD or an inline JSON state.

Single-page apps and many news sites send an empty shell (``<div id="app"><noscript>请开启
JavaScript…</noscript></div>``, a nav row and ``加载中…``) and the article as data a script renders:
schema.org JSON-LD (``{"@type": "NewsArticle", "articleBody": "…"}``) or a state assignment
(``window.__INITIAL_STATE__ = {"article": {"content": "<p>…</p>"}}``, ``__NEXT_DATA__``,
``__NUXT__``). The visible text of such a page holds no article; this module finds it in the data.

Why it works as it does:

* It is asked only when the visible text is an app shell's: a page showing a run of prose
  (:func:`visible_prose`) keeps it untouched, whatever its scripts carry, and so does one with text
  of its own (:func:`replaces_visible`: every line counts, so verse and dialogue do) or whose lines
  the data's article holds (their line breaks are the page's).
* JSON-LD ``articleBody`` (or ``text`` of an article type, also inside ``@graph`` arrays) is the
  site's own statement of the article and goes first; then the longest article-like string of a
  state (prose of Han characters with sentence punctuation, measured without its tags). A state's
  paragraphs sent as a list of strings (or of objects with one text field) are joined, one a line,
  when no single string is an article.
* Parsing is the ``json`` module's; script data that is a JavaScript object literal rather than
  JSON (unquoted keys, single quotes, Nuxt's ``(function(a,b){return {…}}(…))``) falls back to a
  linear scan of its string literals. The work is bounded: each script is read up to
  ``MAX_SCRIPT`` characters, a few assignments each, and a walk visits at most ``MAX_NODES`` values;
  nesting too deep for the parser is a failed parse, not a crash.
* A string whose UTF-8 was read as Latin-1 or cp1252 before it was serialised
  (``\\u00e5\\u0089\\u008d``) is judged on its reading, but handed on as it is: the cleaner's
  mojibake repairs read it back, recorded as their steps.
"""

from __future__ import annotations

import json
import re
from itertools import islice
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

MAX_SCRIPT = 4_000_000  # characters of one script looked at
MAX_SCRIPTS_CHARS = 16_000_000  # characters of all of a page's scripts looked at
MAX_ASSIGNMENTS = 40  # state assignments tried in one script
MAX_NODES = 100_000  # objects and arrays visited in one parsed script
MIN_ARTICLE_HAN = 50  # Han characters a string needs to be an article
HELD_ARTICLE_HAN = 150  # Han characters of prose in one run of visible lines: the page shows its article
SHELL_HAN = 60  # Han characters of a page's own text (outside links and nav) an app shell stays under
SHELL_LINES = 100  # lines with Han characters outside links and nav: a page with more is no shell

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_SENTENCE_PUNCT = re.compile(r"[。！？；，、：]")
_SENTENCE_END = re.compile(r"[。！？]")
_TAG = re.compile(r"<[^<>]{0,2000}>")
# A line of text, not a label: it ends a sentence or a clause (a line of verse, of dialogue), before
# any closing quotes or brackets. A loader's ``加载中…`` does not.
_TEXT_LINE_END = re.compile(r"(?:[。！？；，]|(?<=[\u3400-\u9fff])[,.!?;])[\s”’」』）)》\"']*$")
# A teaser's cut: ``…`` / ``...`` / ``……`` and a "read on" label after it.
_TEASER_END = re.compile(r"\s*(?:…+|\.{3,})\s*(?:(?:阅读|查看|展开)(?:全文|更多)|更多)?\s*[>》»]*\s*$")
_HTML_BEARING = re.compile(r"<(?:p|br|div|h[1-6]|section|article|blockquote|li|ul|ol|table|img|span|strong|em|b|figure)\b[^<>]{0,2000}>",
                           re.IGNORECASE)
# Tags that make blocks: an HTML string without any keeps its own line breaks as paragraphs.
_BLOCK_TAG = re.compile(r"<(?:p|br|div|h[1-6]|section|article|blockquote|li|tr|figure|pre)\b", re.IGNORECASE)
_ARTICLE_TYPE = re.compile(r"Article|Posting|Report|Review|Story|Blog", re.IGNORECASE)
_LD_JUNK = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")
# `window.__INITIAL_STATE__ = {`, `var data = [`, `self.__next_f = `…: where a state's value starts.
_ASSIGNMENT = re.compile(r"[\w$\]\"']\s*=\s*(?=[\[{])|JSON\.parse\(\s*(?=[\"'])")
_ASSIGNED_NAME = re.compile(r"((?:window\.|self\.|globalThis\.)?[\w$][\w$.]*|\[[\"'][^\"']+[\"']\])\s*=\s*$")
# A JavaScript string literal's body after its opening quote, up to its closing quote or the end of
# its line (unrolled: no backtracking).
_LITERAL_BODY = {q: re.compile(f"[^{q}\\\\\n]*(?:\\\\.[^{q}\\\\\n]*)*", re.DOTALL) for q in "\"'"}
_HIGH = re.compile("[\u0080-\u00ff]")
_QUOTE = re.compile("[\"']")
_KEY_BEFORE = re.compile(r"([\w$]+|\"[^\"\\]{1,60}\"|'[^'\\]{1,60}')\s*:\s*$")
_JS_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]{1,6}\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[0-7]{1,3}|\r\n|.)", re.DOTALL)
_JS_SIMPLE = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "\n": "", "\r\n": "", "\u2028": "", "\u2029": ""}

# Script types that run or hold data (a template, "text/x-template", holds neither).
_DATA_TYPES = ("", "text/javascript", "application/javascript", "application/x-javascript", "text/ecmascript",
               "application/ecmascript", "module", "application/json")
_TITLE_KEYS = ("headline", "title", "articletitle", "article_title")
_DATE_KEYS = ("datepublished", "publishtime", "publish_time", "publishedat", "published_at", "pubdate",
              "pub_date", "publishdate", "publish_date", "datecreated", "createtime", "create_time", "date")
_AUTHOR_KEYS = ("author", "authorname", "author_name", "authors", "writer")
_DATE_LIKE = re.compile(r"^\s*\d{4}[-/.年]\s*\d{1,2}")


@dataclass(frozen=True)
class ScriptArticle:
    """An article found in script data: its text or HTML, where it came from, and its meta."""

    body: str
    is_html: bool
    source: str  # "JSON-LD NewsArticle.articleBody", "window.__INITIAL_STATE__ article.content"
    han: int  # Han characters of its prose (of its reading, for a misread string)
    meta: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Script:
    """One ``<script>`` element: its ``type`` and ``id`` attributes and its text (no ``src``)."""

    type: str
    id: str
    text: str


def han_count(text: str) -> int:
    return len(_HAN.findall(text))


def visible_prose(lines: list[str]) -> list[tuple[int, str]]:
    """The runs of prose lines of a page's visible text, as (Han characters, the run's text).

    A prose line has 15 Han characters or more and ends a sentence (``。！？``) or has two commas;
    a nav row (``首页 | 第A01版：头版 | …``), a loader (``加载中…``) or a ``noscript`` notice has not.
    The runs end with the first that shows an article (:func:`holds_article`): most pages have one.
    """
    runs: list[tuple[int, str]] = []
    han, run = 0, []
    for line in [*lines, ""]:
        count = han_count(line) if len(line) >= 15 else 0
        if count >= 15 and (_SENTENCE_END.search(line) or line.count("，") >= 2):
            han, run = han + count, [*run, line]
            if han >= HELD_ARTICLE_HAN:  # the page shows an article: the rest is not needed
                return [*runs, (han, "\n".join(run))]
            continue
        if run:
            runs.append((han, "\n".join(run)))
        han, run = 0, []
    return runs


def holds_article(runs: list[tuple[int, str]]) -> bool:
    """Whether the visible text shows an article: a run of prose of ``HELD_ARTICLE_HAN`` or more.
    A quick answer for most pages; verse, dialogue and other short lines are judged by
    :func:`replaces_visible`."""
    return any(han >= HELD_ARTICLE_HAN for han, _ in runs)


def replaces_visible(article: ScriptArticle, body: list[str]) -> bool:
    """Whether the data's article should stand for the visible text ``body`` (the page's lines
    outside links, ``nav``, ``header``, ``footer`` and ``aside``).

    Every line is judged, whatever its length, so verse and dialogue count as much as prose. A line
    the article holds (after a teaser's closing ``…``) is the article's; any other is the page's own.
    The page is an app shell, and the article replaces it, when its own text is what a shell shows
    (a loader, a notice, a title): under ``SHELL_HAN`` Han characters, and at most one line of it
    ending a sentence or clause (two make verse or dialogue, three lines of a poem). A page whose
    lines the article holds keeps them (and their line breaks) unless the article is at least
    twice as long: then they are its teaser.
    """
    if article.han < MIN_ARTICLE_HAN:
        return False
    flat = _squeeze(misread_reading(_TAG.sub("", article.body)))
    held = own = own_text_lines = lines = 0
    for line in body:
        han = han_count(line)
        if not han:
            continue
        lines += 1
        if lines > SHELL_LINES:  # many lines: not a shell, and the searches below stay bounded
            return False
        if _squeeze(_TEASER_END.sub("", line)) in flat:
            held += han
        else:
            own += han
            own_text_lines += bool(_TEXT_LINE_END.search(line))
        if own >= SHELL_HAN or own_text_lines >= 2 or 2 * held > article.han:
            return False
    return True


def article_html(article: ScriptArticle) -> str:
    """The article's HTML for the extractor: a string whose only tags are inline (``<b>``, ``<a>``)
    breaks its paragraphs with newlines, which HTML would join; they become ``<br>``."""
    return article.body if _BLOCK_TAG.search(article.body) else article.body.replace("\n", "<br>")


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def find_article(scripts: Iterable[Script]) -> ScriptArticle | None:
    """The article in a page's script data: JSON-LD first, then the best string of a state."""
    budget = MAX_SCRIPTS_CHARS
    linked, states = [], []
    for script in scripts:
        text = script.text[:MAX_SCRIPT][:max(budget, 0)]
        budget -= len(text)
        if not text.strip():
            continue
        kind = script.type.split(";")[0].strip().lower()  # "text/javascript; charset=utf-8"
        if kind == "application/ld+json":
            linked.append(text)
        elif kind in _DATA_TYPES:
            states.append((script, text))
    for text in linked:
        if found := _linked_data_article(text):
            return found
    best = None
    for script, text in states:
        found = _state_article(script, text)
        if found and (best is None or found.han > best.han):
            best = found
    return best


# -- JSON-LD ---------------------------------------------------------------------------------------

def _linked_data_article(text: str) -> ScriptArticle | None:
    data = _loads(_LD_JUNK.sub("", text.strip()).rstrip(";"))
    if data is None:  # not strict JSON: the articleBody string literal, read on its own
        return _literal_article(text, ("articleBody",), "JSON-LD")
    best = None
    for _, node in _walk(data):
        if not isinstance(node, dict):
            continue
        kind = node.get("@type")
        kind = " ".join(k for k in kind if isinstance(k, str)) if isinstance(kind, list) else kind if isinstance(kind, str) else ""
        body = node.get("articleBody")
        key = "articleBody"
        if not isinstance(body, str) and _ARTICLE_TYPE.search(kind) and isinstance(node.get("text"), str):
            body, key = node["text"], "text"
        if not isinstance(body, str):
            continue
        found = _article(body, f"JSON-LD {kind or 'object'}.{key}", _sibling_meta(node))
        if found and (best is None or found.han > best.han):
            best = found
    return best


# -- inline state ----------------------------------------------------------------------------------

def _state_article(script: Script, text: str) -> ScriptArticle | None:
    name = f"#{script.id}" if script.id else "script"
    best = None
    values = []
    if script.type.split(";")[0].strip().lower() == "application/json":
        data = _loads(text)
        if data is not None:
            values.append((name, data))
    else:
        for i, m in enumerate(_ASSIGNMENT.finditer(text)):
            if i >= MAX_ASSIGNMENTS:
                break
            end = m.start() if m.group().startswith("JSON") else m.end()
            where = _ASSIGNED_NAME.search(text, max(0, end - 200), end)
            data = _value_at(text, m.end())
            if data is not None:
                values.append((where.group(1) if where else name, data))
    for label, data in values:
        found = _best_in(data, label)
        if found and (best is None or found.han > best.han):
            best = found
    if best is None:  # a JavaScript literal, not JSON (or beside a JSON value): its strings, one by one
        best = _literal_article(text, None, name)
    return best


def _value_at(text: str, start: int):
    """The JSON value that starts at ``start`` (an object, an array, or ``JSON.parse``'s string)."""
    if text[start] in "\"'":
        literal = next(_string_literals(text, start), None)
        return _loads(_js_string(literal[1])) if literal and literal[0] == start else None
    try:
        return json.JSONDecoder(strict=False).raw_decode(text, start)[0]
    except (ValueError, RecursionError):
        return None


def _best_in(data, label: str) -> ScriptArticle | None:
    """The longest article among the strings of a parsed value; failing one, a list of paragraphs."""
    best = None
    lists = []
    for path, node in _walk(data):
        if isinstance(node, list):
            lists.append((path, node))
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            if isinstance(value, str) and len(value) >= MIN_ARTICLE_HAN:
                found = _article(value, _source(label, path.keys(key)), _sibling_meta(node))
                if found and (best is None or found.han > best.han):
                    best = found
    if best is not None:
        return best
    for path, items in lists:
        joined = _paragraphs(items)
        if joined:
            found = _article(joined, _source(label, path.keys()), {})
            if found and (best is None or found.han > best.han):
                best = found
    return best


def _paragraphs(items: list) -> str:
    """A list's strings (or its objects' one string field shared by most) as lines; "" if none."""
    if len(items) < 2:
        return ""
    if all(isinstance(item, str) for item in items):
        return "\n".join(items) if len(items) >= 2 else ""
    dicts = [item for item in items if isinstance(item, dict)]
    if len(dicts) < 2:
        return ""
    keys: dict[str, int] = {}
    for item in dicts:
        for key, value in item.items():
            if isinstance(value, str):
                keys[key] = keys.get(key, 0) + han_count(value)
    if not keys:
        return ""
    key = max(keys, key=keys.get)
    return "\n".join(item[key] for item in dicts if isinstance(item.get(key), str))


def _source(label: str, path: list) -> str:
    return f"{label} {'.'.join(str(p) for p in path if not isinstance(p, int)) or '(value)'}"


def _literal_article(text: str, keys: tuple[str, ...] | None, label: str) -> ScriptArticle | None:
    """The best article among a script's string literals (only those after one of ``keys``, if
    given): for script data that is not JSON. Linear in the script."""
    best, where = None, 0
    for start, raw in _string_literals(text):
        if len(raw) < MIN_ARTICLE_HAN or keys is not None and _key_before(text, start) not in keys:
            continue
        found = _article(_js_string(raw), label, {})
        if found and (best is None or found.han > best.han):
            best, where = found, start
    if best is None:
        return None
    return ScriptArticle(best.body, best.is_html, f"{label} {_key_before(text, where) or '(string)'}", best.han, best.meta)


def _string_literals(text: str, start: int = 0) -> Iterator[tuple[int, str]]:
    """(where, body) of each closed string literal from ``start``, left to right. An unclosed one
    ends at its line's end and the scan goes on after it, so each character is read once."""
    pos = start
    while m := _QUOTE.search(text, pos):
        quote = m.group()
        body = _LITERAL_BODY[quote].match(text, m.end())
        end = body.end()
        if end < len(text) and text[end] == quote:
            yield m.start(), body.group()
        pos = end + 1


def _key_before(text: str, start: int) -> str:
    key = _KEY_BEFORE.search(text, max(0, start - 80), start)
    return key.group(1).strip("\"'") if key else ""


# -- shared ----------------------------------------------------------------------------------------

def _article(body: str, source: str, meta: dict[str, str]) -> ScriptArticle | None:
    """``body`` as an article if it is one: prose of ``MIN_ARTICLE_HAN`` Han characters or more with
    sentence punctuation (judged on the reading of a misread string); None otherwise."""
    is_html = bool(_HTML_BEARING.search(body))
    prose = _TAG.sub("\n", body) if is_html else body
    reading = misread_reading(prose)
    han = han_count(reading)
    if han < MIN_ARTICLE_HAN or not _SENTENCE_PUNCT.search(reading):
        return None
    return ScriptArticle(body, is_html, source, han, meta)


def misread_reading(text: str) -> str:
    """``text`` read back as UTF-8 when it is UTF-8 shown as Latin-1/cp1252 (only for judging it),
    else ``text``.

    >>> misread_reading("\\u00e5\\u0089\\u008d\\u00e8\\u00a8\\u0080")
    '前言'
    """
    if not _HIGH.search(text) or len(_HIGH.findall(text)) * 4 < len(text):
        return text
    from cleaner.io.html import _byte

    data = bytearray()
    for ch in text:
        if ch < "\u0080":
            data.append(ord(ch))
            continue
        b = _byte(ch)
        if b is None or b < 0:
            return text
        data.append(b)
    return data.decode("utf-8", errors="replace")


def _sibling_meta(node: dict) -> dict[str, str]:
    """Title, date and author from the keys beside the article (JSON-LD's or a state's)."""
    lowered = {str(k).lower(): v for k, v in node.items()}
    meta = {}
    title = next((lowered[k] for k in _TITLE_KEYS if isinstance(lowered.get(k), str) and lowered[k].strip()), None)
    if title:
        meta["title"] = title.strip()
    date = next((lowered[k] for k in _DATE_KEYS if isinstance(lowered.get(k), str) and _DATE_LIKE.match(lowered[k])), None)
    if date:
        meta["date"] = date.strip()
    author = next((_names(lowered[k]) for k in _AUTHOR_KEYS if _names(lowered.get(k))), "")
    if author:
        meta["author"] = author
    return meta


def _names(value) -> str:
    """An author as text: a string, an object's ``name``, or a list of these joined."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return ", ".join(n for n in (_names(v) for v in value[:20]) if n)
    return ""


def _loads(text: str):
    try:
        return json.loads(text, strict=False)
    except (ValueError, RecursionError):
        return None


def _walk(data) -> Iterator[tuple[list, object]]:
    """Every dict and list in ``data`` with its path of keys, at most ``MAX_NODES`` of them."""
    stack: list[tuple[tuple | None, object]] = [(None, data)]  # path as (parent path, key) links
    left = MAX_NODES - 1  # nodes that may still be put on the stack
    while stack:
        link, node = stack.pop()
        yield _Path(link), node
        if left <= 0:
            continue
        items = node.items() if isinstance(node, dict) else enumerate(node)
        children = [((link, k), v) for k, v in islice(items, left) if isinstance(v, (dict, list))]
        left -= len(children)
        stack.extend(children)


class _Path:
    """A node's path of keys, spelt out only when asked for (most nodes' never are)."""

    __slots__ = ("link",)

    def __init__(self, link) -> None:
        self.link = link

    def keys(self, last=None) -> list:
        out, link = ([] if last is None else [last]), self.link
        while link is not None:
            link, key = link
            out.append(key)
        return out[::-1]


def _js_string(raw: str) -> str:
    """A JavaScript string literal's body, its escapes read (``\\uXXXX`` pairs make one character)."""
    def one(m: re.Match) -> str:
        esc = m.group(1)
        if esc[0] == "u" and len(esc) > 1:
            code = int(esc[2:-1] if esc[1] == "{" else esc[1:], 16)
            return chr(code) if code <= 0x10FFFF else ""
        if esc[0] == "x" and len(esc) == 3:
            return chr(int(esc[1:], 16))
        if esc[0] in "01234567":
            return chr(int(esc, 8)) if esc != "0" else "\0"
        return _JS_SIMPLE.get(esc, esc)

    text = _JS_ESCAPE.sub(one, raw) if "\\" in raw else raw
    # \uD83D\uDE00 as two escapes: join the surrogate pair into its character
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace") if re.search("[\ud800-\udfff]", text) else text
