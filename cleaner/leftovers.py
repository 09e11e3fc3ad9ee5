"""What a page's source format left in its text: markup tags, literal escapes, invisible characters.

Text scraped from pages and APIs often still holds pieces of the format it came in:

- HTML tags written out (``<p>今天</p><br/>``), or made so by unescaping (``&lt;p&gt;``);
- escapes written out instead of the characters: JSON's ``\\u4e2d\\u6587`` (a string escaped
  twice), and Python's ``\\xe4\\xb8\\xad`` (the repr of bytes written as text);
- characters that show nothing: zero-width spaces, byte-order marks inside the text, soft
  hyphens, word joiners and control characters (NUL and the like).

(``锟斤拷``, the U+FFFD marks of an earlier decoder read as GBK: cleaner/repair/lost_marks.py.)

Each fixer is conservative: a tag only by its HTML name, escapes only in runs that give
non-ASCII text, and only characters no Chinese text needs.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

from cleaner import chardata, pagefacts
from cleaner.repair import byte_runs, percent_escapes, quoted_examples

# Tags that end a block of text (a line break where they stood) and those inside a line.
BLOCK_TAGS = ("p", "br", "div", "li", "ul", "ol", "tr", "td", "th", "table", "tbody", "thead", "h1", "h2", "h3",
              "h4", "h5", "h6", "section", "article", "header", "footer", "blockquote", "hr", "dd", "dt", "dl",
              "figure", "figcaption", "pre", "center", "nav", "aside", "main")
INLINE_TAGS = ("span", "a", "b", "i", "u", "s", "em", "strong", "font", "img", "sup", "sub", "small", "big",
               "label", "abbr", "cite", "code", "del", "ins", "mark", "q", "tt", "var", "wbr", "time")
_TAG = re.compile(
    r"<(/?)(" + "|".join(sorted(BLOCK_TAGS + INLINE_TAGS, key=len, reverse=True)) + r")"
    r"""(?:\s+[a-zA-Z_:][-\w:.]*\s*=\s*(?:"[^"<>]*"|'[^'<>]*'|[^\s"'<>=`]+))*\s*/?>""",
    re.IGNORECASE,
)
# A script or style element and an HTML comment: never article text.
_HIDDEN = re.compile(r"<(script|style)\b[^<>]*>.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.DOTALL)
_BLOCK = frozenset(BLOCK_TAGS)


def strip_markup(text: str) -> str:
    """HTML tags left in text: a block tag becomes a line break, an inline one goes.

    >>> strip_markup("<p>今天天气很好。</p><p>明天<b>下雨</b>。</p>")
    '\\n今天天气很好。\\n\\n明天下雨。\\n'

    Blank lines it makes are the paragraph stage's to fold. Anything that is not a tag of HTML
    by its name, with attributes only as ``name=value`` (``<<三体>>``, ``a<b and c>d``, ``<数据>``),
    is left as it is.
    """
    if "<" not in text:
        return text
    text = _HIDDEN.sub("", text)
    return _TAG.sub(lambda m: ("\n" if m.group(2).lower() in _BLOCK else "") if _markup(m, text) else m.group(), text)


def _markup(tag: re.Match[str], text: str) -> bool:
    """Is ``tag`` (a ``_TAG`` match) markup where it stands? A tag whose name is one letter, bare
    (``<U>``, ``</b>``), is a template's type parameter or a placeholder as often (``模板用法：<T>
    与 <U> 两种``) unless its partner stands in the text too: an open tag's close or a close
    tag's open. Longer names and tags with attributes are HTML's alone."""
    name = tag.group(2)
    if len(name) > 1 or tag.group() != f"<{tag.group(1)}{name}>":
        return True
    partner = rf"<{name}[\s/>]" if tag.group(1) else rf"</{name}\s*>"  # an open tag may hold attributes
    return re.search(partner, text, re.IGNORECASE) is not None


def markup_taken(text: str) -> int:
    """How many pieces ``strip_markup`` takes out of ``text``: script, style and comment blocks,
    then tags. Every place it changes holds one at least, so this bounds its step's count.

    >>> markup_taken("<p>今天<b>下雨</b>。</p><script>\\nx\\n</script><<三体>>")
    5
    """
    if "<" not in text:
        return 0
    hidden = len(_HIDDEN.findall(text))
    shown = _HIDDEN.sub("", text) if hidden else text
    return hidden + sum(1 for m in _TAG.finditer(shown) if _markup(m, shown))


def tags_out_of_lines(text: str) -> str:
    """``text`` with the tags ``strip_markup`` knows taken out and its lines kept (a tag spanning
    lines leaves its line breaks): what the furniture model reads of a page whose markup is kept."""
    return _TAG.sub(lambda m: "\n" * m.group().count("\n") if _markup(m, text) else m.group(), text) if "<" in text else text


# Runs of escapes: \uXXXX (with surrogate pairs; \U0001XXXX for the planes beyond) and \xHH. One
# \uXXXX alone may be quoted on purpose (an article about JSON); two in a row that give non-ASCII
# text are a string escaped twice.
_UNIT = r"\\u[0-9a-fA-F]{4}|\\U00(?:0[0-9a-fA-F]|10)[0-9a-fA-F]{4}"
_U_RUN = re.compile(rf"(?:{_UNIT}){{2,}}")
_X_RUN = re.compile(r"(?:\\x[0-9a-fA-F]{2}){2,}")
# A single escape (not an escaped backslash's \\u), read in a text whose runs were read unless signs
# of code stand on both sides (an article on regular expressions writes [\u4e00-\u9fff] and means it).
_U_ONE = re.compile(rf"(?<!\\)(?:{_UNIT})")
# One \xHH alone (not a byte run) for a character of U+00A0-U+00FF.
_X_ONE = re.compile(r"(?<=\w)(?<!\\x[0-9a-fA-F]{2})\\x[a-fA-F][0-9a-fA-F](?!\\x)")


def decode_escapes(text: str) -> str:
    r"""Literal ``\uXXXX``, ``\U0001XXXX``, ``\xHH`` and ``%HH`` runs written as the characters they
    stand for.

    >>> decode_escapes(r"标题：\u4e2d\u6587网站，正文：b'\xe5\x8f\x91\xe5\xb1\x95'")
    '标题：中文网站，正文：发展'

    A Python literal printed whole (the repr of bytes, ``b'\xe5\x8f\x91'``, or Python 2's of a
    string, ``u'\u3000\u4e2d'``) whose inside is all Chinese text loses its wrapper too where it is a
    record's value (alone on its line, after ``key:``, or a clause long; one prose talks about stays
    whole); its bytes may be a legacy encoding's (``byte_runs.read``). Python's ``\U00020bb7`` for
    a Han character beyond the Basic Plane is read beside Chinese.

    A ``\x`` run is read as UTF-8, whole or not at all; a run that gives only ASCII (``\x41\x42``)
    or is not UTF-8 (``\xde\xad\xbe\xef``) is left as written (a ``%`` run is
    repair/percent_escapes.py's). A text whose ``\u`` runs were read gets its single escapes read
    too:

    >>> decode_escapes(r"\u5f20\u4e09\xb7\u674e\u56db\u4e8e2008\u5e74")
    '张三·李四于2008年'

    Percent runs in an address stay: a URL needs them (``https://zh.wikipedia.org/wiki/%E4%B8%AD``).

    >>> decode_escapes("搜索%E4%B8%AD%E6%96%87，见 https://x.cn/wiki/%E4%B8%AD%E6%96%87")
    '搜索中文，见 https://x.cn/wiki/%E4%B8%AD%E6%96%87'
    """
    if "\\" in text:
        spans: list[tuple[int, int]] = []
        if "'" in text or '"' in text:
            text, spans = _literals(text)
        # A literal prose talks about is kept whole: its inside is the example, not escaped text;
        # so is a run of escapes Chinese prose quotes or code passes (repair/quoted_examples.py).
        spans = _with_examples(text, spans)
        pieces = [text[a:b] for a, b in zip([0] + [end for _, end in spans], [start for start, _ in spans] + [len(text)])]
        kept = [text[a:b] for a, b in spans]
        if "\\U000" in text:
            pieces = [_U_WIDE_ONE.sub(_u_wide_one, piece) for piece in pieces]
        decoded = [_U_RUN.sub(_u_run, piece) for piece in pieces]
        if decoded != pieces and any("\\" in piece for piece in decoded):
            # A text escaped as a whole (Python's unicode_escape, a JSON dump) also holds single
            # escapes between its digits and Latin (\u4e8e14\u4e16 is 于14世), and \xHH for the
            # characters up to U+00FF (\xb7 is ·): read the same way once its runs were.
            decoded = [_X_ONE.sub(_latin_one, _U_ONE.sub(_u_one, piece)) for piece in decoded]
        # Bytes written out as a whole (a repr, a dump) have ASCII or other escapes beside them.
        # Escapes touching characters are bytes a decoder could not read amid what it did read (its
        # mojibake, 浜\x86\xe5\x9cㄥ): repair/escaped_bytes.py reads those runs whole, and a piece
        # read here as UTF-8 (12\xe6\x94\xafSK) would split them.
        if not any(_beside_other_text(m) for piece in decoded for m in _X_RUN.finditer(piece)):
            decoded = [_X_RUN.sub(_bytes_run, piece) for piece in decoded]
        text = "".join(piece + (kept[k] if k < len(kept) else "") for k, piece in enumerate(decoded))
    # Percent-encoding (%E4%B8%AD, GBK's %D6%D0, Big5's %A4%A4) and JavaScript's escape() (%u4E2D).
    return percent_escapes.decode(text)


def _with_examples(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` (kept literals) and the runs of escapes outside them that are examples, in order."""
    examples = [(a, b) for a, b in quoted_examples.spans(text, quoted_examples.ESCAPE_RUN)
                if not any(a < end and start < b for start, end in spans)]
    return sorted(spans + examples) if examples else spans


# A Python literal printed to a log: the repr of bytes (b'\xe4\xb8\xad') or Python 2's of a unicode
# string (u'\u4e2d'), its prefix no Latin word's last letter (Bob's; after Chinese it is one: 结果是b'), its quote
# closed on the line. The pieces of its inside would be read below, and its wrapper left.
_LITERAL = re.compile(r"""(?<![A-Za-z0-9_\\'"])([bBuU])(['"])((?:\\[^\n]|(?!\2)[^\\\n])*)\2""")
# A control character but tab and line feed (which a repr writes as \t and \n inside the literal).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _literals(text: str) -> tuple[str, list[tuple[int, int]]]:
    r"""Each literal whose whole inside is Chinese text (UTF-8 bytes or a legacy encoding's, as
    byte_runs.read judges bytes; \u escapes) written as that text, its wrapper off; else as it is.
    Only one standing apart (a space, a line's edge, a colon before it; a space, a line's end or
    Chinese after it): in a list or a call (['\u4e2d', u'\u6587'], f(b'\xe4')) it is code's.

    A log prints all its bytes in one encoding: once a literal of the page was read as GBK or Big5,
    the short ones (b'\xb2\xbd\xd6\xe8', 步骤, too short for byte_runs to tell alone) are read
    in it too, where they decode strictly to Chinese."""
    every = list(_LITERAL.finditer(text))
    found = [m for m in every if _apart(m)]
    if not every:
        return text, []
    read: dict[int, str] = {}
    codecs_read: list[str] = []
    for k, m in enumerate(found):
        prefix, _, body = m.groups()
        try:
            if prefix in "bB":
                data = codecs.escape_decode(body.encode("ascii"))[0]
                chars = byte_runs.read(data)
                if chars is not None:
                    codecs_read.append(next(c for c in ("utf-8", *byte_runs.LEGACY) if _decodes(data, c) == chars))
            else:
                chars = body.encode("ascii").decode("unicode_escape").encode("utf-16", "surrogatepass").decode("utf-16")
        except (UnicodeError, ValueError):
            continue  # a broken escape or a lone surrogate: no text
        if chars and _chinese(chars):
            read[k] = chars
    legacy = [c for c in codecs_read if c != "utf-8"]
    if legacy and len(legacy) * 2 > len(codecs_read):  # the page's bytes are in a legacy encoding
        page_codec = max(set(legacy), key=legacy.count)
        for k, m in enumerate(found):
            if k not in read and m.group(1) in "bB":
                chars = _decodes(codecs.escape_decode(m.group(3).encode("ascii"))[0], page_codec)
                if chars and not chars.isascii() and _chinese(chars) and not _PRIVATE.search(chars):
                    read[k] = chars
    # Read only a log's or a record's value; one prose talks about (b'\xe4\xb8\xad' 是一个字节串)
    # stays as written, whole, and its span is handed back for the other readers to leave alone.
    # A literal that does not stand apart (a call's argument, a list's item) is code's: kept whole
    # too, not read piece by piece into a wrapper that no longer says what it holds (print(b'中')).
    readings = {found[k].start(): chars for k, chars in read.items()}
    out, spans, at, last = [], [], 0, 0
    for m in every:
        chars = readings.get(m.start())
        if chars is None and not _chinese_inside(m):
            continue
        out.append(text[last:m.start()])
        at += m.start() - last
        if chars is not None and _a_value(m, chars):
            out.append(chars)
            at += len(chars)
        else:
            out.append(m.group())
            spans.append((at, at + len(m.group())))
            at += len(m.group())
        last = m.end()
    return "".join(out) + text[last:], spans


def _chinese_inside(m: re.Match) -> bool:
    """Does a literal left unread still hold escapes of Chinese the other readers would read?"""
    body = m.group(3)
    return bool(_U_RUN.search(body) or _U_ONE.search(body) or _X_RUN.search(body))


def _a_value(m: re.Match, chars: str) -> bool:
    """Is a literal a log's or a record's value, not an example prose talks about: alone on its
    line, a field's value (``body: b'…'``), or text at least a clause long."""
    text = m.string
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    before = text[line_start:m.start()].rstrip()
    after = text[m.end():len(text) if line_end < 0 else line_end].strip()
    if not before and not after and _REPL_PROMPT.match(text, text.rfind("\n", 0, max(0, line_start - 1)) + 1):
        return False  # what an interpreter printed under the line typed at its prompt: an example
    if _field(m) or _LOG_RECORD.match(before):
        return True
    if _ASSIGNED.match(before) or _SPEAKS_OF_BYTES.search(before) or _SPEAKS_OF_BYTES.search(after):
        return False  # 编码后的结果是b'…'，每个汉字占三个字节: the bytes are what the line explains
    if not before and not after or before and before[-1] in ":：":
        return True
    return len(chardata.HAN.findall(chars)) >= _CLAUSE


# A statement assigning the literal (data = b'…', self.buf += b'…'): code's.
_ASSIGNED = re.compile(r"[A-Za-z_][\w.\[\]'\"]*\s*[-+|]?=\Z")
# Words of a line that explains bytes and encodings: a literal on it is its example.
_SPEAKS_OF_BYTES = re.compile(r"编码|字节|转义|十六进制|encod|decod|\bbytes\b|\brepr\b|UTF-?8|GBK|Unicode", re.I)


# An interactive interpreter's prompt (Python's >>> and ..., IPython's In [3]:) at a line's start.
_REPL_PROMPT = re.compile(r"\s*(?:>>>|\.\.\.|In \[\d+\]:)[ \t]")
# A line a logger wrote: it starts with a date, a time or a level (``2024-03-01 10:21:11 INFO``,
# ``[DEBUG]``); a literal on it is the value it logged, not an example.
_LOG_RECORD = re.compile(r"\[?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}:\d{2}"
                         r"|(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|FATAL|CRITICAL)\b)")
# What stands between a record's fields: ASCII's and Chinese separators.
_FIELD_SEPARATORS = ",;|，；、"
# A record's field, ``key=`` right before the literal (``payload=b'…' len=12``, ``商品名称=b'…'``):
# a key is a word (ASCII or Chinese) at the line's start or after a space, a bracket or a separator.
_KEY = re.compile(rf"(?<![^\s\[({_FIELD_SEPARATORS}])[^\W\d][\w.]*=\Z")
# Another field of the same record on the line: ``key=value``, not ``==``.
_OTHER_FIELD = re.compile(rf"(?:^|(?<=[\s\[({_FIELD_SEPARATORS}]))[^\W\d][\w.]*=[^=\s]")


def _field(m: re.Match) -> bool:
    """Is a literal a ``key=value`` field of a record: its key right before it, no bracket left
    open before that on the line (``f(data=b'…')`` is a call's argument, code's), a space, a
    separator or the line's end after it, and the line a record's: a logger's (``_LOG_RECORD``)
    or holding another field. ``expected=b'…'`` alone on its line is an assignment, code's."""
    text = m.string
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    before = text[line_start:m.start()]
    key = _KEY.search(before)
    if not key:
        return False
    if any(before.count(a) > before.count(b) for a, b in ("()", "[]", "{}")):
        return False
    after = text[m.end()] if m.end() < len(text) else "\n"
    if not (after.isspace() or after in _FIELD_SEPARATORS):
        return False
    rest = before[:key.start()] + " " + text[m.end():len(text) if line_end < 0 else line_end]
    return bool(_LOG_RECORD.match(before.lstrip()) or _OTHER_FIELD.search(rest))


# Han characters of a clause: a literal whose text is this long is a record's, not an example.
_CLAUSE = 6


def _apart(m: re.Match) -> bool:
    body = m.group(3)
    text = m.string
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    return "\\" in body and body.isascii() and (
        (before.isspace() or before in ":：" or not before.isascii()) and (after.isspace() or not after.isascii())
        or before == "=" and _field(m))


def _decodes(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _chinese(chars: str) -> bool:
    return bool(chardata.HAN.search(chars) or _CJK_SIGN.search(chars)) and not _CONTROL.search(chars)


_CJK_SIGN = re.compile("[\u3000-\u303f\uff01-\uff5e]")  # 步骤： reads as Han; a heading of signs alone （一）
_PRIVATE = re.compile("[\ue000-\uf8ff\ufffd]")


# Python's eight-digit escape of a Han character beyond the Basic Plane (\U00020bb7 is 𠮷): alone,
# read where Chinese stands beside it; code writes it between quotes or signs.
_U_WIDE_ONE = re.compile(r"(?<!\\)\\U000[23][0-9a-fA-F]{4}")


def _u_wide_one(m: re.Match) -> str:
    char = chr(int(m.group()[2:], 16))
    text = m.string
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    if not chardata.HAN.match(char) or not (chardata.CJK_CHAR.match(before) or chardata.CJK_CHAR.match(after)):
        return m.group()
    return char


def _latin_one(m: re.Match) -> str:
    char = chr(int(m.group()[2:], 16))
    return char if char.isprintable() else m.group()


def _u_run(m: re.Match) -> str:
    try:
        units = m.group().encode("ascii").decode("unicode_escape", errors="strict")
        chars = units.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        return _with_lone_surrogates(m, units)
    if _spaces_only(chars):
        return _indent(m, chars)
    if _readable(chars):
        return chars
    # An indent before a sign (\u3000\u3000\u201c): visible, and no sign of code beside it.
    return chars if not chars.isascii() and all(map(_visible, chars)) and not _beside_code(m) else m.group()


def _with_lone_surrogates(m: re.Match, units: str) -> str:
    r"""A run holding half a surrogate pair: a JSON string cut by a length limit between the two
    halves of an emoji's pair (``…\u3002\ud83d``), or a pair's halves escaped apart. The rest of the
    run is text and is read; each lone half, which stands for no character, is written as U+FFFD
    (a lost character, as a decoder marks one). What is left must be a run itself, two characters
    or more: a lone half beside one escape (``\ud83d\u4e2d``, a character class ``[\ud800-\udbff]``
    in an article on JSON) says nothing of text and stays as written."""
    chars = units.encode("utf-16", "surrogatepass").decode("utf-16", errors="replace")
    rest = chars.replace("\ufffd", "")
    if len(rest) < 2 or "\ufffd" in units or not _readable(rest) or _spaces_only(rest):
        return m.group()
    return chars


def _u_one(m: re.Match) -> str:
    """A single escape in a text whose runs were read: read unless code's signs stand on both
    sides of it ([\u4e00-\u9fff], '\u4e2d'); beside a word, a space or Chinese punctuation
    (\u4e8e14, （\u7565）, /\u3002) it is the text's."""
    text = m.string
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    if before in _CODE_SIGNS and after in _CODE_SIGNS and before and after:
        return m.group()
    return _u_run(m)


def _beside_code(m: re.Match) -> bool:
    text = m.string
    before = text[m.start() - 1] if m.start() else ""
    after = text[m.end()] if m.end() < len(text) else ""
    return bool(before) and before in _CODE_SIGNS or bool(after) and after in _CODE_SIGNS


# Signs that code writes around an escape it means (a character class [\u3000\u00a0], a string
# '\u3000', an escaped escape): spaces escaped beside one of them stay as written.
_CODE_SIGNS = frozenset("[]-'\"(){}|,\\/^$*+?.=")


def _indent(m: re.Match, chars: str) -> str:
    r"""Escaped spaces alone (\u3000\u3000, a paragraph's indent on a line of its own or before
    its text), read unless a sign of code stands beside them."""
    return m.group() if _beside_code(m) else chars


def _visible(ch: str) -> bool:
    """Printable, or one of the characters of text ``str.isprintable`` does not count: the spaces
    beyond ASCII (U+3000, the ideographic space every Chinese news page indents its paragraphs
    with; U+00A0), format characters (a zero-width space, for the invisible-characters stage to
    take) and private-use ones (a page's own icons)."""
    return ch.isprintable() or ch in _WIDE_SPACES or unicodedata.category(ch) in ("Cf", "Co")


def _shows(chars: str) -> bool:
    r"""Is a decoded \u run text: visible, with two printable characters or more (one beside a
    space or a format character is as likely a character class: [\u00a0\u4e00-\u9fa5])?"""
    if chars.isprintable():
        return True
    return all(map(_visible, chars)) and sum(ch.isprintable() for ch in chars) >= 2


def _spaces_only(chars: str) -> bool:
    return all(ch in _WIDE_SPACES for ch in chars)


# The space separators beyond ASCII (Unicode's Zs): each shows as a space.
_WIDE_SPACES = frozenset("\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B))))


# Characters a single-byte decoder shows for bytes of UTF-8 that are not printable: the C1
# controls (Latin-1's 80-9f), no-break space (a0) and soft hyphen (ad). cp1252 or Latin-1 mojibake
# holds them in most sentences (研 is e7 a0 94), and escaped as a whole (a JSON dump) it was kept
# as escapes, a paragraph at a time, for want of being printable.
_SHOWN_BYTES = frozenset(map(chr, [*range(0x80, 0xA1), 0xAD]))


def _readable(chars: str) -> bool:
    """Is a decoded run text: printable beyond ASCII, or single-byte mojibake through and through
    (every character one a single-byte decoder shows for a byte), whose unprintable bytes are
    its own? A run mixing them with other characters is code: [\u00a0\u4e00-\u9fa5] means it."""
    if chars.isascii():
        return False
    if _shows(chars):
        return True
    shown = sum(ch in _SHOWN_BYTES for ch in chars)
    return shown < len(chars) - len(chars.encode("ascii", "ignore")) and all(
        ch < "\u0100" or ch in _CP1252_SIGNS for ch in chars)


# The characters cp1252 shows for bytes 80-9f beyond Latin-1, and its mark for those it leaves undefined.
_CP1252_SIGNS = frozenset(chardata.CP1252_SIGNS + "\ufffd")


def _beside_other_text(m: re.Match) -> bool:
    """Does a character beyond ASCII (not a space) touch the run?"""
    text = m.string
    before = text[m.start() - 1] if m.start() else " "
    after = text[m.end()] if m.end() < len(text) else " "
    return not (before.isascii() or before.isspace()) or not (after.isascii() or after.isspace())


def _bytes_run(m: re.Match) -> str:
    # UTF-8 only: its structure is the evidence. GBK or Big5 would read almost any even run of
    # high bytes (a hash \xde\xad\xbe\xef, a magic number \xca\xfe\xba\xbe) as characters.
    data = bytes(int(m.group()[k + 2 : k + 4], 16) for k in range(0, len(m.group()), 4))
    if data.isascii():
        return m.group()
    try:
        chars = data.decode("utf-8")
    except UnicodeDecodeError:
        return m.group()
    if _spaces_only(chars):
        return _indent(m, chars)
    # UTF-8's structure is the evidence: what it decodes to is the text's, bar control characters.
    return chars if all(map(_visible, chars)) else m.group()


# Characters that show nothing and that no Chinese text needs: zero-width space, soft hyphen,
# word joiner and invisible operators, Mongolian vowel separator, a byte-order mark inside the
# text, and control characters other than tab, line feed and carriage return (NUL, DEL). Not the
# C1 block (80-9f): a single-byte decoder shows bytes as those, and mojibake is read from them.
# Zero-width (non-)joiners stay elsewhere: emoji sequences and other scripts need them. A soft hyphen is
# byte ad (f0 in cp850) as a single-byte decoder shows it: next to other such characters it is
# mojibake the repairs could not read, kept as it is.
# Joiners next to a Chinese character or sign join nothing there (中文\u200d测试).
_CJK = "\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_INVISIBLE = re.compile("[\u200b\u2060-\u2064\u180e\ufeff\x00-\x08\x0e-\x1b\x1f\x7f]"
                        "|(?<![\x80-\xff])\u00ad(?![\x80-\xff])"
                        f"|(?<=[{_CJK}])[\u200c\u200d]|[\u200c\u200d](?=[{_CJK}])")
_ANY_INVISIBLE = re.compile("[\u200b-\u200d\u2060-\u2064\u180e\ufeff\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u00ad]")
_holds_invisible = pagefacts.any_of(_ANY_INVISIBLE)


# Taken out before the repairs read runs (``invisible_format_out``): the format characters of
# _INVISIBLE that no decoder shows for a byte (zero-width space, word joiner and invisible
# operators, Mongolian vowel separator, BOM); joiners beside a character of the two-byte views
# (U+FFFD too; an emoji is astral or below them); and a soft hyphen beside such a character, but
# not after a character cp1252, Latin-1 or cp1250 shows for a byte, or another code page the
# cleaner reads and no two-byte view (``code_pages.shown_high``), nor after a U+FFFD after one
# (cp1250 shows 存, e5 ad 98, as ĺ\xad� and 昭, e6 98 ad, as ć�\xad; cp1006 shows 中 as ﻛﺕ\xad,
# a wide character), nor before one of Latin-1's: byte ad of UTF-8 is a continuation byte, which
# follows its lead or another continuation byte (中 is ä¸\xad). And the C0 controls of _INVISIBLE
# but SUB (1a, which ICU's converters write for a byte they reject: decoder_marks.py): no decoder
# shows a byte above 7f as one, so one inside misread text was put there after the reading (a
# field separator, a stray DEL) and only cut the run (cut, its last character's lost byte was
# guessed and the bytes after it left unread). The UTF-16 repairs, which read NULs and controls as
# bytes, come before.
_WIDE = "\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\uffff"
_FORMAT_OUT = re.compile("[\u200b\u2060-\u2064\u180e\ufeff\x00-\x08\x0e-\x19\x1b\x1f\x7f]"
                         f"|(?<=[{_WIDE}])[\u200c\u200d]|[\u200c\u200d](?=[{_WIDE}])|\u00ad")
_WIDE_CHAR = re.compile(f"[{_WIDE}]")


@lru_cache(maxsize=1)
def _shown_high() -> frozenset[str]:
    """``code_pages.shown_high`` as a set, at first use (``code_pages`` imports ``mojibake``, which
    imports this module; and a look-behind of a class of its 700 characters takes ``re`` 16 ms to
    compile, so the soft hyphen's neighbours are looked up, not matched)."""
    from cleaner.repair import code_pages

    return frozenset(code_pages.shown_high())


def _format_char_out(m: re.Match) -> str:
    """Nothing for a format character ``_FORMAT_OUT`` matched; a soft hyphen kept where it may be
    byte ad (see above)."""
    if m.group() != "\u00ad":
        return ""
    text, at = m.string, m.start()
    before, after = text[at - 1 : at], text[at + 1 : at + 2]
    high = _shown_high()
    if before in high or (before == "\ufffd" and text[at - 2 : at - 1] in high):
        return m.group()  # after a code page's character, or its mark after one: a byte
    if _WIDE_CHAR.match(after) or (_WIDE_CHAR.match(before) and not "\x80" <= after <= "\xff"):
        return ""
    return m.group()


def invisible_format_out(text: str) -> str:
    """Invisible format characters out before the repairs read misread runs, as ``remove_invisible``
    takes them out after: a CMS that put a zero-width space or a soft hyphen every few characters
    (break opportunities) into misread text cut each run into pieces too short to read alone, and
    a second clean, which no longer sees them, read more (review: issue 16, idempotence).

    >>> invisible_format_out("鐮旂┒\u200b鏂瑰悜\u00ad鎸囧 ä¸\u00ad \u200d👍")
    '鐮旂┒鏂瑰悜鎸囧 ä¸\xad \u200d👍'
    """
    if not _holds_invisible(text):
        return text
    return _FORMAT_OUT.sub(_format_char_out, text)


# Separators that break a line where they stand (a form feed between pages): a line break, not
# nothing, or the words on either side would run together.
_SEPARATOR = re.compile("[\x0b\x0c\x1c-\x1e]")


def remove_invisible(text: str) -> str:
    """Characters that show nothing, dropped; separators (form feed, vertical tab) made line breaks.

    >>> remove_invisible("这是\\u200b一个\\ufeff测试\\u00ad文本。\\x0c下一页")
    '这是一个测试文本。\\n下一页'
    """
    if not _holds_invisible(text):
        return text  # the common case: the page's one scan (pagefacts), not the soft hyphen's look-around
    return _INVISIBLE.sub("", _SEPARATOR.sub("\n", text))


def lone_kunjinkao(text: str) -> list[tuple[int, int]]:
    """(start, end) of each 锟斤拷 (or its Big5 twin 嚙踝蕭) left alone (the word itself, or one
    mark of loss): either way it is kept as written, never converted to 錕斤拷 or 啮踝萧."""
    from cleaner.repair.lost_marks import READERS

    return [m.span() for reader in READERS if reader.word in text for m in re.finditer(reader.word, text)]
