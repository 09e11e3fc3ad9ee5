"""Lines of program code inside an article: the width fixers leave their ASCII signs alone.

Tech articles quote code (``print("你好, 世界")``, ``if (x > 0) { y = f(a, b); }``); turning its
commas and parentheses fullwidth because a Chinese string sits next to them breaks the code. A
line is taken for code when it starts, after its indentation, with an ASCII identifier (or a
``#include``-style directive or a comment), ends like a statement or a block (``;``, ``{``, ``}``,
``)``, or ``:`` after a keyword such as ``def``/``if``; a trailing ``#``/``//`` comment allowed) and
begins with a keyword or holds a call ``name(`` or an assignment ``name =`` (ASCII names), and
holds Chinese only inside string literals and comments. Chinese prose does not: ``iPhone的价格是
(5000元)`` has no ASCII call, and ``NBA(美国职业篮球联赛)今天宣布`` has Chinese outside any string.
Markdown marks code itself: the lines of a fenced block (between two ```` ``` ```` or ``~~~`` lines)
are code lines, and an inline span between backticks on one line (`` `git commit -m "修复, 测试"` ``)
keeps its signs too (``except_code``). So does code inside a line of prose with no backticks, found
by its shape: a call with a string among its arguments (``Python中print("第一行\\n第二行")会输出``), a
JSON object, a shell command or SQL statement on a line with Chinese between ASCII quotes
(``运行命令 echo "你好, 世界!" | iconv -f utf-8 -t gbk 可以``), a conditional expression with
ASCII operands (``x = cond ? a : b; 在``), a query's bound parameter after a comparison
(``WHERE id = ?; 然后``); ``你好,世界`` has no such shape.
Code may name things in Chinese (Python 3, JavaScript, SQL take any letters): a definition
(``def 计算(x):``, with its block) and a SQL statement in capitals with its clauses (``SELECT 姓名,
年龄`` / ``FROM 用户``) are code while no fullwidth sign stands outside their strings and comments.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import wraps
from itertools import accumulate

# A line that starts like code: indentation, then an ASCII identifier, a directive or a comment.
_STARTS = re.compile(r"^[ \t]*(?:[A-Za-z_$@\"\]}]|#[a-z]|//|/\*)[^\n]*$", re.MULTILINE)
_KEYWORD = re.compile(r"[ \t]*(?:def|class|function|func|fn|public|private|protected|static|void|int|return|if|for|"
                      r"while|else|elif|switch|case|var|let|const|import|from|package|#[a-z]+|"
                      # SQL's statements, written in capitals (INSERT INTO t VALUES ('李四', '深圳');)
                      r"SELECT|INSERT|UPDATE|DELETE|CREATE|ALTER|DROP|WITH)\b")
# ASCII only: a Chinese word before "(" is prose (是(5000元)).
_CALL_OR_ASSIGN = re.compile(r"[A-Za-z_$][A-Za-z0-9_$.]*\(|[A-Za-z0-9_$\])][ \t]*(?:[-+*/%|&^]|<<|>>)?=(?!=)")
_ENDS = re.compile(r"(?:[;{}()]|:)[ \t]*(?:(?:#|//)[^\n]*)?$")
# What a code line holds at least one of (a brace or semicolon, a call's "name(", a "):", a "#"
# directive opening a line), asked one hint at a time (``_hinted``): each search then starts at
# its sign (memchr's speed), where one regex of the four alternatives, one of them anchored at a
# line's start, tried every character of the page (15 us a page, asked three times a page).
_NAME_PAREN = re.compile(r"\((?<=[A-Za-z0-9_]\()")
_BLOCK_COLON = re.compile(r"\)[ \t]*:")
_DIRECTIVE = r"[ \t]*#[a-z]"


def _hinted(text: str) -> bool:
    """Does ``text`` hold a hint of code: ``[;{}]``, ``name(``, ``):`` or a line opening with a
    ``#directive`` (the test a code line's shape needs before its lines are read)?"""
    return (";" in text or "{" in text or "}" in text
            or "(" in text and _NAME_PAREN.search(text) is not None
            or ")" in text and _BLOCK_COLON.search(text) is not None
            or "#" in text and _at_a_line_start(_DIRECTIVE_AT, text))


def _for_last_text(find: Callable[[str], list[tuple[int, int]]]) -> Callable[[str], list[tuple[int, int]]]:
    """``find`` answering again for the text it was last asked about (as a copy) without a new
    search: the width fixers and the paragraphs stage each ask the spans of a page most of them
    leave as it is, and each search reads the whole page (four a page cost 60-90 us)."""
    last: list = [None]  # (text, its spans), swapped whole: threads sharing it see one pair

    @wraps(find)
    def spans(text: str) -> list[tuple[int, int]]:
        held = last[0]
        if held is not None and (held[0] is text or held[0] == text):
            return list(held[1])
        found = find(text)
        last[0] = (text, found)  # held until the next text: one page
        return list(found)

    return spans


@_for_last_text
def code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every code line of ``text``, and of the indented lines of its blocks.

    A statement need not end in a sign (Python's ``return x + 1``): a line indented deeper than
    the code line above it, with no Chinese outside strings and comments, is in that line's block.

    >>> t = '示例:\\nprint("你好, 世界")\\n结果为"你好, 世界".'
    >>> [t[a:b] for a, b in code_spans(t)]
    ['print("你好, 世界")']
    >>> t = 'def f(x):\\n    return x + 1\\n  他说，这是函数。'
    >>> [t[a:b] for a, b in code_spans(t)]
    ['def f(x):', '    return x + 1']
    """
    fenced = _fenced_lines(text) if "```" in text or "~~~" in text else []
    # Most pages of Chinese hold no hint (their brackets are fullwidth) and no shell line: both
    # asked from their signs, found at memchr's speed (``_hinted``, ``_at_a_line_start``).
    if (not _hinted(text) and not _at_a_line_start(_SHELL_AT, text) and not any(word in text for word in _SQL_TEXT)
            and not (":" in text and (_PARENT.search(text) or "[" in text and _SECTION.search(text)))):
        return fenced
    spans = [m.span() for m in _STARTS.finditer(text) if _is_code(m.group())]
    spans = _with_blocks(text, spans) if spans else spans
    if ":" in text and (_PARENT.search(text) or "[" in text and _SECTION.search(text)) and (yaml := _yaml_blocks(text)):
        spans = sorted(set(spans) | set(yaml))
        spans = [span for k, span in enumerate(spans) if not k or span[0] >= spans[k - 1][1]]
    if any(word in text for word in _SQL_TEXT) and (sql := _sql_statements(text)):
        spans = sorted(set(spans) | set(sql))
        spans = [span for k, span in enumerate(spans) if not k or span[0] >= spans[k - 1][1]]
    if fenced:  # a line both ways is one span
        spans = sorted(set(spans) | set(fenced))
        spans = [span for k, span in enumerate(spans) if not k or span[0] >= spans[k - 1][1]]
    return spans


# A Markdown fence: a line of three to five backticks or tildes, an info string after it
# (```python). A longer run of tildes is a decorative rule between paragraphs, not a fence.
_FENCE = re.compile(r"^[ \t]*(`{3,5}|~{3,5})(?![`~])[^`~\n]*$", re.MULTILINE)


def _fenced_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line of a closed fenced block, its two fences included.

    An unclosed fence takes nothing: a stray ``` must not make the rest of a page code.

    >>> t = '示例:\\n```bash\\nls -l, pwd\\n```\\n结束,好的。'
    >>> [t[a:b] for a, b in _fenced_lines(t)]
    ['```bash', 'ls -l, pwd', '```']
    """
    out: list[tuple[int, int]] = []
    opening = None
    for fence in _FENCE.finditer(text):
        marker = fence.group(1)
        if opening is None:
            opening = fence
        elif marker[0] == opening.group(1)[0] and len(marker) >= len(opening.group(1)):
            end = fence.end()
            pos = opening.start()
            while pos <= end:  # each line of the block, as code_spans gives lines
                stop = text.find("\n", pos)
                stop = len(text) if stop < 0 or stop > end else stop
                out.append((pos, stop))
                pos = stop + 1
            opening = None
    return out


# Code inside a line of prose: Markdown inline code, backticks around one line's worth of code (a
# sentence's full stop inside means two stray backticks around prose); a Markdown link or image
# (![图片](a.png): its "!" is no exclamation). Code without such marks: ``_evidence_spans``.
_INLINE = re.compile(r"`[^`\n。]{1,200}`|!?\[[^\]\n]{0,200}\]\([^()\s]{1,500}\)")


@_for_last_text
def inline_code_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every inline code span (backticks included).

    >>> t = '使用 `git commit -m "修复, 测试"` 提交,好的。'
    >>> [t[a:b] for a, b in inline_code_spans(t)]
    ['`git commit -m "修复, 测试"`']
    """
    marked = [m.span() for m in _INLINE.finditer(text)] if "`" in text or "](" in text else []
    found = _evidence_spans(text)
    if not found:
        return marked
    spans: list[tuple[int, int]] = []
    for span in sorted(marked + found):  # one span where two overlap (a call between backticks)
        if spans and span[0] < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], span[1]))
        else:
            spans.append(span)
    return spans


def code_lines(lines: list[str]) -> set[int]:
    """Indices of the ``lines`` that are code (``code_spans`` of the lines joined by line breaks).

    >>> sorted(code_lines(["示例：", "def f(x):", "    return x + 1", "结果。"]))
    [1, 2]
    """
    spans = code_spans("\n".join(lines))
    if not spans:
        return set()
    starts = dict(zip(accumulate((len(line) + 1 for line in lines), initial=0), range(len(lines))))
    return {starts[a] for a, _ in spans if a in starts}


def _with_blocks(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``spans`` and the lines indented under one of them (see ``code_spans``)."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and out[-1][1] >= start:
            continue  # already taken into the block above
        out.append((start, end))
        indent = _indent(text[start:end])
        # Under a definition that names in Chinese, the block's names are Chinese too (结果 = x ** 2).
        named = _HAN.search(_QUOTED.sub("", text[start:end])) is not None
        pos = end
        while pos < len(text):  # the lines after it, while they are indented deeper
            stop = text.find("\n", pos + 1)
            stop = len(text) if stop < 0 else stop
            line = text[pos + 1:stop]
            if not line.strip() or _indent(line) <= indent:
                break
            if _HAN.search(bare := _QUOTED.sub("", line)) and (not named or any(c in _FULLWIDTH_STOPS for c in bare)):
                break
            out.append((pos + 1, stop))
            pos = stop
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" \t"))


# String literals and trailing comments: Chinese may stand there in code, nowhere else.
_QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*'|(?:#|//)[^\n]*$")
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


# A shell command line (after an optional "$ " prompt): a command's name and its arguments, which
# end in no sign (echo "你好, 世界! 今天是星期一.").
_COMMANDS = (r"echo|printf|export|cd|ls|cat|grep|sed|awk|sudo|apt|apt-get|yum|brew|pip|pip3|conda|npm|yarn|git|curl|"
             r"wget|python|python3|node|java|go|cargo|docker|kubectl|make|mkdir|rm|cp|mv|chmod|chown|ssh|scp|tar|"
             r"unzip|touch|find|kill|systemctl|service")
_SHELL = re.compile(r"[ \t]*(?:\$ )?(?:" + _COMMANDS + r")(?: [^\n]*)?$")


# A pattern anchored at a line's start, as two: at the text's start (``match``), and after a line
# break, whose literal "\n" a search skips to at memchr's speed (``^`` in MULTILINE mode is tried at
# every character). Each holds ``$`` as MULTILINE reads it: the end of its line.
_SHELL_AT = (re.compile(_SHELL.pattern, re.MULTILINE), re.compile("\n" + _SHELL.pattern, re.MULTILINE))
_DIRECTIVE_AT = (re.compile(_DIRECTIVE), re.compile("\n" + _DIRECTIVE))


def _at_a_line_start(pattern: tuple[re.Pattern, re.Pattern], text: str) -> bool:
    """Does a line of ``text`` start with a match of ``pattern`` (a pair of ``_SHELL_AT``'s kind)?"""
    first, after_break = pattern
    return first.match(text) is not None or after_break.search(text) is not None


# A member of a JSON object on its own line ("名称": "测试",), and a line of closing brackets: a
# dump's lines, whose Chinese stands inside strings only.
_JSON_MEMBER = re.compile(r'[ \t]*"(?:[^"\\\n]|\\.)*"[ \t]*:[ \t]*(?:"(?:[^"\\\n]|\\.)*"|-?\d[\d.eE+-]*|true|false|null|[\[{])[ \t]*,?[ \t]*'
                          r'|[ \t]*[\]}]+[ \t]*,?[ \t]*')


def _is_code(line: str) -> bool:
    if line[:1] in ' \t"]}' and _JSON_MEMBER.fullmatch(line):
        return True
    if _HAN.search(bare := _QUOTED.sub("", line)):
        # Chinese outside strings and comments: prose (NBA(美国职业篮球联赛)今天宣布), unless it
        # names what code defines or queries (def 计算(x):, SELECT 姓名, 年龄 FROM 用户).
        return _names_in_chinese(line, bare)
    if _SHELL.match(line):
        return True
    end = _ENDS.search(line)
    if not end or end.group().lstrip().startswith("("):
        return False  # an opening parenthesis ends no statement
    keyword = _KEYWORD.match(line)
    if end.group().lstrip()[0] == ":" and not keyword:
        return False  # 如下: ends prose as often as code
    return bool(keyword) or bool(_CALL_OR_ASSIGN.search(line))


# Code whose names are Chinese (Python 3, JavaScript, Go and SQL take any letters): a definition,
# its keyword and a name before the signs of a signature (def 计算(x):, class 用户:, function 求和(a,
# b) {); a SQL statement in capitals holding its second keyword (SELECT 姓名, 年龄 FROM 用户), or a
# clause of one (FROM 员工表, WHERE 年龄 > 30;). Prose beside them writes fullwidth signs (，。：),
# which a line of code holds only inside its strings and comments.
_DEFINITION = re.compile(r"[ \t]*(?:async[ \t]+)?(?:def|class|function|func|fn)[ \t]+[^\W\d][\w$]*[ \t]*[(:{<]")
_SQL_STATEMENT = re.compile(r"[ \t]*(?:SELECT|INSERT[ \t]+INTO|UPDATE|DELETE[ \t]+FROM|CREATE[ \t]+(?:TABLE|VIEW|INDEX))[ \t]")
_SQL_CLAUSE = re.compile(r"[ \t]*(?:FROM|WHERE|AND|OR|GROUP[ \t]+BY|ORDER[ \t]+BY|HAVING|LIMIT|VALUES|SET|"
                         r"(?:LEFT[ \t]+|RIGHT[ \t]+|INNER[ \t]+)?JOIN|ON|UNION)[ \t]")
_SQL_TEXT = ("SELECT", "INSERT", "UPDATE", "DELETE", "CREATE")  # the cheap test a page passes first


def _names_in_chinese(line: str, bare: str) -> bool:
    """Is ``line`` code whose names are Chinese (see above)? ``bare``: the line without its strings
    and comments."""
    if any(c in _FULLWIDTH_STOPS for c in bare):
        return False
    if _DEFINITION.match(line):
        return bool(_ENDS.search(line))
    if _SQL_STATEMENT.match(line):
        if _COMMA_BEFORE_CLAUSE.search(line):
            return False
        return bool(_SQL_SECOND.search(line)) or line.rstrip().endswith((",", ";"))
    return False


_SQL_AT = re.compile(r"^" + _SQL_STATEMENT.pattern + r"[^\n]*$", re.MULTILINE)


def _sql_statements(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of each SQL statement whose names are Chinese: a statement line
    (SELECT 姓名, 年龄) with its second keyword on it or on the clause lines that go on it (FROM 用户 /
    WHERE 年龄 > 18;), up to the line that ends it with ``;`` or the first line of no clause."""
    out: list[tuple[int, int]] = []
    for m in _SQL_AT.finditer(text):
        if out and m.start() < out[-1][1] or _prose_signs(m.group()):
            continue
        lines = [m.span()]
        pos = m.end()
        while pos < len(text) and not text[lines[-1][0]:lines[-1][1]].rstrip().endswith(";"):
            stop = text.find("\n", pos + 1)
            stop = len(text) if stop < 0 else stop
            line = text[pos + 1:stop]
            if not _SQL_CLAUSE.match(line) or _prose_signs(line):
                break
            lines.append((pos + 1, stop))
            pos = stop
        if _COMMA_BEFORE_CLAUSE.search(text, m.start(), lines[-1][1]):
            continue  # SQL takes no comma before a clause (a syntax error): prose naming the clauses
        if _SQL_SECOND.search(text, m.start(), lines[-1][1]) and (len(lines) > 1 or _names_in_chinese(m.group(), m.group())):
            out += lines
    return out


# A comma right before a clause's keyword: SELECT 后面跟列名,FROM 后面跟表名 lists a statement's
# parts in a sentence (its commas the sentence's, made fullwidth); no statement holds one.
_COMMA_BEFORE_CLAUSE = re.compile(r",[ \t]*(?:FROM|WHERE|GROUP[ \t]+BY|ORDER[ \t]+BY|HAVING|LIMIT|VALUES|SET)\b")


# A YAML mapping's line: a key, any letters, then ":" and a value or nothing (a parent key); in
# its block also list items and comments. A page's field rows (来源: 新华社 / 作者: 张三) are such lines too:
# a block is YAML only where a parent key has its children indented under it (服务: / ··端口: 8080).
_PARENT = re.compile(r":[ \t]*\n[ \t]+\S")  # the cheap test a page passes first
_YAML_KEY = re.compile(r"[ \t]*(?:- )?[^\W\d][\w.-]{0,40}:(?:[ \t]+[^\n]*)?")  # a key is a name: no space, no bracket
YAML_MIN = 3  # lines of a mapping block at least
# An INI file's section header ([数据库], [server]) on a line of its own: a flat block of key lines
# under it is a configuration file's, though no key is nested (地址: 127.0.0.1 / 端口: 3306).
_SECTION = re.compile(r"^[ \t]*\[[^\W\d][\w.-]{0,40}\][ \t]*$", re.MULTILINE)
_INI_KEY = re.compile(r"[ \t]*[^\W\d][\w.-]{0,40}[ \t]*=[^\n]*")  # key = value, INI's own form
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]")


def _yaml_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of the lines of each YAML mapping block (see ``_YAML_KEY``): a run of key
    lines, list items and comments, no fullwidth sign outside their strings, with a parent key
    and a deeper line under it."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n") + [""]:
        span = (pos, pos + len(line))
        pos += len(line) + 1
        keyed = (_YAML_KEY.fullmatch(line) and not _second_key(line) or line.lstrip().startswith(("- ", "#")) and run
                 or _SECTION.fullmatch(line) or run and _INI_KEY.fullmatch(line))
        if keyed and line.strip() and not _prose_signs(line):
            run.append(span)
            continue
        if len(run) >= YAML_MIN and (_nested(text, run) or _ini_section(text, run)):
            out += run
        run = []
    return out


def _ini_section(text: str, run: list[tuple[int, int]]) -> bool:
    """Is ``run`` an INI file's section: a header ([数据库]) first, then key lines whose values hold
    no Chinese outside their strings? A page's field rows under a bracketed line ([图片] / 来源:
    新华社) have Chinese values; a configuration's are addresses, numbers and names."""
    (a, b), rest = run[0], run[1:]
    if not _SECTION.fullmatch(text[a:b]) or not any(not _SECTION.fullmatch(text[c:d]) for c, d in rest):
        return False
    values = [_QUOTED.sub("", re.split("[:=]", text[c:d], maxsplit=1)[1]) for c, d in rest
              if not _SECTION.fullmatch(text[c:d]) and re.search("[:=]", text[c:d])]
    return all(not _HAN.search(value) for value in values)


def _second_key(line: str) -> bool:
    """Does a key line's plain value hold ``: `` (or end with ``:``)? YAML allows no mapping there;
    prose's field rows written with ASCII signs do (时间: 2023年,地点: 北京)."""
    value = _QUOTED.sub("", line.split(":", 1)[1]).rstrip()
    return ": " in value or value.endswith(":")


def _nested(text: str, run: list[tuple[int, int]]) -> bool:
    """Does a key of ``run`` end its line (a parent) with the next line indented deeper?"""
    for (a, b), (c, d) in zip(run, run[1:]):
        line, below = text[a:b], text[c:d]
        if line.rstrip().endswith(":") and _indent(below) > _indent(line):
            return True
    return False


def _prose_signs(line: str) -> bool:
    """Does ``line`` hold a fullwidth sign outside its strings and comments (prose's, not code's)?"""
    return any(c in _FULLWIDTH_STOPS for c in _QUOTED.sub("", line))


# Code inside a line of prose without backticks, found by its shape (``_evidence_spans``): a call, an
# ASCII name and its arguments balanced on the line with a string literal among them
# (print("第一行\n第二行")会输出, df.groupby("城市").agg({"销量": "sum"})); a JSON object or array
# ({"名称": "值", "数量": 3}); a shell command or a SQL statement at the start of a clause, up to the
# prose after it (运行命令 echo "你好, 世界!" | iconv -f utf-8 -t gbk 可以转换编码). Chinese stands only
# inside their strings (and a command's paths): 创新(体验)中心, NBA(美国职业篮球联赛) and
# {张三, 李四} hold it bare, and stay prose.
# A keyword's condition counts as a call (if (a == "是") { b = 1; }).
_CALL = re.compile(r"(?<![A-Za-z0-9_$.])(?:(?:if|elif|while|for|switch) ?|[A-Za-z_$][A-Za-z0-9_$]*(?:\.[A-Za-z_$][A-Za-z0-9_$]*)*!?)\(")
_OBJECT = re.compile(r"[{\[](?=[ \t]*[{\"'])")
_CLOSE = {"(": ")", "[": "]", "{": "}"}
_SCAN_MAX = 500  # characters: a call or an object longer than this on one line is not quoted code
_SCAN_BUDGET = 4  # characters scanned for brackets, a character of the page (nested calls scan theirs again)
_SQL = r"SELECT|INSERT|UPDATE|DELETE"
_SQL_SECOND = re.compile(r"\b(?:FROM|INTO|SET|VALUES|WHERE)\b")
# A command word (or a SQL statement's, in capitals) at the start of a line or after a space, a
# colon or a comma (执行 git …, 运行：pip …).
_COMMAND = re.compile(r"(?<![^\s：:，,；;])(?:\$ )?(?:(?P<sql>" + _SQL + r")|(?:" + _COMMANDS + r"))(?= )")
# What the fixers would change in a command is in its strings, Chinese between ASCII quotes (echo
# "你好, 世界!"): a command is looked for only on a line that holds one, as a regex of alternatives
# tried at each character of every page would cost more than all the width fixers.
_HAN_QUOTED = re.compile(r"[\"'][^\"'\n]{0,200}?[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
_FULLWIDTH_STOPS = frozenset("，。；：！？、（）【】《》“”‘’")


def _balanced(text: str, start: int, budget: list[int]) -> tuple[int, bool] | None:
    """(end, holds a string) of the bracket opened at ``start``, closed on its line with Chinese
    only inside string literals; None if it is not, or if the page's ``budget`` of characters to
    scan is spent (f(f(f(… would scan _SCAN_MAX characters from each bracket: seconds a page)."""
    if budget[0] <= 0:
        return None
    found = _scan(text, start)
    budget[0] -= (found[0] if found else min(len(text), start + _SCAN_MAX)) - start
    return found


def _scan(text: str, start: int) -> tuple[int, bool] | None:
    """``_balanced``, unbounded by the page's budget."""
    stack = [_CLOSE[text[start]]]
    quoted = False
    i, stop = start + 1, min(len(text), start + _SCAN_MAX)
    while i < stop:
        c = text[i]
        if c in "\"'":
            j = i + 1
            while j < stop and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            if j >= stop or text[j] != c:
                return None  # an unclosed quote: an apostrophe of prose, or a line cut
            quoted, i = True, j + 1
            continue
        if c in _CLOSE:
            stack.append(_CLOSE[c])
        elif c in ")]}":
            if c != stack.pop():
                return None
            if not stack:
                return i + 1, quoted
        elif c == "\n" or _HAN.match(c) or c in _FULLWIDTH_STOPS:
            return None  # Chinese outside a string: prose in brackets (创新(体验)中心)
        i += 1
    return None


_NAME_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.")


def _calls(text: str) -> Iterator[re.Match]:
    """``_CALL`` at each ``(`` of ``text``: a page has few, and a search for the name before one
    would try the regex at every character (a third of this module's time on a page)."""
    paren = text.find("(")
    while paren >= 0:
        start = paren - 1 if paren and text[paren - 1] in "! " else paren
        while start and text[start - 1] in _NAME_CHARS:
            start -= 1
        while start < paren:  # the name starts at a letter, after the digits or dots walked over
            m = _CALL.match(text, start)
            if m and m.end() == paren + 1:
                yield m
                break
            start += 1
        paren = text.find("(", paren + 1)


def _call_end(text: str, m: re.Match, budget: list[int]) -> int | None:
    """The end of the call ``m`` opens, with the calls chained on it and a statement's ``;``."""
    end, quoted = m.end() - 1, False
    while True:
        found = _balanced(text, end, budget)
        if found is None:
            return None
        end, quoted = found[0], quoted or found[1]
        chained = _CHAINED.match(text, end)
        if not chained:
            break
        end = chained.end() - 1
    if not quoted:
        return None  # prose writes f(x, y) and NO(SOF); too, and a string is what the fixers would touch
    return end + 1 if text.startswith(";", end) else end  # a statement's (printf("结果: %d", x);)


_CHAINED = re.compile(r"\.[A-Za-z_$][A-Za-z0-9_$]*\(|\[")


def _object_end(text: str, m: re.Match, budget: list[int]) -> int | None:
    found = _balanced(text, m.start(), budget)
    if found is None or not found[1]:
        return None
    inside = _QUOTED.sub("", text[m.start():found[0]])
    return found[0] if ":" in inside or "," in inside else None


def _command_end(text: str, m: re.Match) -> int | None:
    """The end of the command ``m`` starts: its arguments, up to the prose after them.

    An argument is a run of ASCII without spaces, a quoted string or a path (/data/日志); the
    command ends at the first word of Chinese, a fullwidth sign, or a comma before Chinese.

    >>> t = '运行命令 echo "你好, 世界!" | iconv -f utf-8 -t gbk > out.txt 可以转换编码。'
    >>> [t[a:b] for a, b in inline_code_spans(t)]
    ['echo "你好, 世界!" | iconv -f utf-8 -t gbk > out.txt']
    """
    end, pos, args, n = m.end(), m.end(), 0, len(text)
    while True:
        while pos < n and text[pos] in " \t":
            pos += 1
        if pos >= n or text[pos] == "\n" or _HAN.match(text[pos]) or text[pos] in _FULLWIDTH_STOPS:
            break
        token_start, path = pos, False
        while pos < n and text[pos] not in " \t\n":
            c = text[pos]
            if c in "\"'":
                close = text.find(c, pos + 1)
                line_end = text.find("\n", pos + 1)
                if close < 0 or 0 <= line_end < close:
                    return _command_result(text, m, end, args)
                pos = close + 1
                continue
            if c in _FULLWIDTH_STOPS or (_HAN.match(c) and not path):
                break
            if c == "," and _NEXT_IS_HAN.match(text, pos + 1):
                break  # the sentence's comma (a ; ends a statement: echo "你好"; 会输出)
            path = path or c in "/\\"
            pos += 1
        if pos == token_start:
            break
        end, args = pos, args + 1
        if pos < n and text[pos] not in " \t\n":
            break  # the token ended at prose glued to it
    return _command_result(text, m, end, args)


_NEXT_IS_HAN = re.compile(r"[ \t]*[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")


def _command_result(text: str, m: re.Match, end: int, args: int) -> int | None:
    if m.group("sql"):
        return end if _SQL_SECOND.search(text, m.end(), end) else None
    # One argument is a word of prose as often as a command's (我用 cat 和 dog): a flag, a path,
    # a string or a second argument makes it a command.
    if args >= 2 or (args == 1 and _CODE_SIGN.search(text, m.end(), end)):
        return end
    return None


_CODE_SIGN = re.compile(r"[-/.=\"'|<>:@$~*]")
# A conditional expression quoted in prose (``x = cond ? a : b; 在 JavaScript 中``): an ASCII
# operand, "?", an operand, ":", an operand, and the statement's ";" if it has one. Its signs are
# the code's, whatever Chinese follows. A question's "?" has a sentence after it, not ``a : b``.
# Found from each "?" (a literal search), the condition read back from it.
_OPERAND = r"-?[A-Za-z0-9_$.'\"\[\]()]+"
_CONDITIONAL_TAIL = re.compile(rf"\?[ \t]*{_OPERAND}[ \t]*:[ \t]*{_OPERAND}(?:[ \t]*;)?")
_CONDITION_MAX = 80  # characters of the condition read back (its start only bounds the span)
_CONDITION_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$.'\"[]()")


def _conditional_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each ``condition ? a : b`` (``;`` included) with ASCII operands."""
    found: list[tuple[int, int]] = []
    at = text.find("?")
    while at >= 0:
        tail = _CONDITIONAL_TAIL.match(text, at)
        start = at
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        condition = start
        while condition > max(0, start - _CONDITION_MAX) and text[condition - 1] in _CONDITION_CHARS:
            condition -= 1
        if tail is not None and condition < start:
            found.append((condition, tail.end()))
            at = tail.end() - 1
        at = text.find("?", at + 1)
    return found


# A bound parameter of a query quoted in prose (``WHERE id = ?; 然后绑定参数``, ``age >= ?``,
# ``name LIKE ?``): an ASCII operand, a comparison, "?" and the statement's ";" if it has one. A
# question's "?" ends a sentence, never an ASCII comparison; a quiz's ``1+1=?`` keeps its ASCII "?",
# which is no damage.
# Found from each comparison before a "?" (operators are rare in prose), the operand read back from
# it: a search opening with the operand's characters would be tried at every letter of a page.
_PLACEHOLDER = re.compile(r"(?:<>|!=|<=|>=|=|<|>|\b(?:LIKE|like)\b)[ \t]*\?(?:[ \t]*;)?")
_PLACEHOLDER_OPERAND = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.)]`")


def _placeholder_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each ``operand <comparison> ?`` (``;`` included)."""
    found = []
    for m in _PLACEHOLDER.finditer(text):
        start = m.start()
        while start > 0 and text[start - 1] in " \t":
            start -= 1
        operand = start
        while operand > max(0, start - _CONDITION_MAX) and text[operand - 1] in _PLACEHOLDER_OPERAND:
            operand -= 1
        if operand < start:
            found.append((operand, m.end()))
    return found


def _evidence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the calls, objects and commands inside ``text``'s lines (see above)."""
    found: list[tuple[int, int]] = []
    budget = [_SCAN_BUDGET * len(text)]
    if "?" in text and ":" in text:
        found += _conditional_spans(text)
    if "?" in text:
        found += _placeholder_spans(text)
    if "(" in text and ('"' in text or "'" in text):
        found += _spans(text, _calls(text), lambda text, m: _call_end(text, m, budget))
    if ("{" in text or "[" in text) and ('"' in text or "'" in text):
        found += _spans(text, _OBJECT.finditer(text), lambda text, m: _object_end(text, m, budget))
    if '"' in text or "'" in text:
        line_end = -1
        for quoted in _HAN_QUOTED.finditer(text):
            if quoted.start() < line_end:
                continue  # its line is searched
            line_start = text.rfind("\n", 0, quoted.start()) + 1
            line_end = text.find("\n", quoted.end())
            line_end = len(text) if line_end < 0 else line_end
            found += _spans(text, _COMMAND.finditer(text, line_start, line_end), _command_end)
    return found


def _spans(text: str, matches: Iterator[re.Match], end_of: Callable[[str, re.Match], int | None]) -> list[tuple[int, int]]:
    """(start, end_of) of each match that starts after the span before it and has an end."""
    out: list[tuple[int, int]] = []
    for m in matches:
        if out and m.start() < out[-1][1]:
            continue  # inside the span before it
        end = end_of(text, m)
        if end is not None:
            out.append((m.start(), end))
    return out


def except_code(fixer: Callable[[str], str]) -> Callable[[str], str]:
    """``fixer`` applied to ``text`` outside its code lines and inline code spans."""

    def fix(text: str) -> str:
        spans = code_spans(text)
        if inline := inline_code_spans(text):  # only those outside code lines (a line holds them)
            spans = sorted(spans + [span for span in inline if not any(a <= span[0] < b for a, b in spans)])
        if not spans:
            return fixer(text)
        out, last = [], 0
        for a, b in spans:
            out += [fixer(text[last:a]) if a > last else "", text[a:b]]
            last = b
        out.append(fixer(text[last:]) if last < len(text) else "")
        return "".join(out)

    return fix
