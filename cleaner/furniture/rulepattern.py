"""Rule patterns prepared once at load, so pages are never rewritten for matching.

``widen``: a rule written with ASCII signs (``编辑:``) must also match the fullwidth forms pages
use (``编辑：``). NFKC-folding every line of every page to ASCII costs more than the rest of the
furniture stage together (about 20 MB/s), so the pattern is widened instead: each ASCII literal
also accepts its fullwidth form (``:`` becomes ``[:：]``), and an ASCII space also accepts the
ideographic space and NBSP.

``widen`` works on the pattern's text with a small tokenizer that knows escapes, classes (nested,
as ``regex.V1`` allows), group openers and counted repeats; anything it does not know is copied.

``expand`` and ``substitute``: replacement templates filled from the native matcher's groups.

``needed_strings``: strings a page must hold for a rule to match anywhere in it (see there).
"""

from __future__ import annotations

import re._constants as _sre_constants
import re._parser as _sre_parser

import regex

SPACES = " \u3000\u00a0"

# Tokens copied verbatim outside classes.
_ESCAPE = regex.compile(r"\\(?:[pPN]\{[^}]*\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|g<[^>]*>|.)", regex.S)
_GROUP_OPEN = regex.compile(r"\(\?(?:P?<(?![=!])[A-Za-z_]\w*>|P=\w+\)|[:=!>|]|<[=!]|[a-zA-Z-]+[:)]|#[^)]*\))|\(")
_REPEAT = regex.compile(r"\{\d*(?:,\d*)?\}")
_SYNTAX = set(".^$*+?|)")


def _wide(ch: str) -> str:
    """The forms an ASCII literal should also match ('' when it has none)."""
    if ch == " ":
        return SPACES[1:]
    if "!" <= ch <= "~":
        return chr(ord(ch) + 0xFEE0)
    return ""


def _escape_in_class(ch: str) -> str:
    return "\\" + ch if ch in "\\]^-[" else ch


def widen(pattern: str) -> str:
    """``pattern`` with ASCII literals also matching their fullwidth forms.

    >>> widen(r"^(编辑|来源)\\s*:\\s*(?P<editor>[^)\\]]{1,30})$")
    '^(编辑|来源)\\\\s*[:：]\\\\s*(?P<editor>[^)）\\\\]］]{1,30})$'
    """
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            tok = _ESCAPE.match(pattern, i).group()
            lit = tok[1] if len(tok) == 2 and not tok[1].isalnum() else ""
            out.append(f"[{tok}{_escape_in_class(_wide(lit))}]" if lit and _wide(lit) else tok)
            i += len(tok)
        elif ch == "[":
            end, body = _widen_class(pattern, i)
            out.append(body)
            i = end
        elif ch == "(":
            tok = _GROUP_OPEN.match(pattern, i).group()
            out.append(tok)
            i += len(tok)
        elif ch == "{" and (m := _REPEAT.match(pattern, i)):
            out.append(m.group())
            i = m.end()
        elif ch in _SYNTAX or not _wide(ch):
            out.append(ch)
            i += 1
        else:
            out.append(f"[{_escape_in_class(ch)}{_escape_in_class(_wide(ch)) if len(_wide(ch)) == 1 else _wide(ch)}]")
            i += 1
    return "".join(out)


def _widen_class(pattern: str, start: int) -> tuple[int, str]:
    """Widen the class opening at ``start``; returns (index after it, its new text)."""
    out = ["["]
    i = start + 1
    if i < len(pattern) and pattern[i] == "^":
        out.append("^")
        i += 1
    first = True
    while i < len(pattern):
        ch = pattern[i]
        if ch == "]" and not first:
            out.append("]")
            return i + 1, "".join(out)
        first = False
        if ch == "[":  # a nested set (regex.V1)
            i, nested = _widen_class(pattern, i)
            out.append(nested)
            continue
        if ch == "\\":
            tok = _ESCAPE.match(pattern, i).group()
            lit = tok[1] if len(tok) == 2 and not tok[1].isalnum() else ""
            out.append(tok + (_escape_in_class(_wide(lit)) if lit else ""))
            i += len(tok)
            continue
        if pattern[i + 1 : i + 2] == "-" and pattern[i + 2 : i + 3] not in ("]", "", "\\", "["):
            lo, hi = ch, pattern[i + 2]
            out.append(f"{lo}-{hi}")
            if len(_wide(lo)) == 1 and len(_wide(hi)) == 1 and lo != " ":
                out.append(f"{_escape_in_class(_wide(lo))}-{_escape_in_class(_wide(hi))}")
            i += 3
            continue
        # A literal "-" is escaped: next to a widened neighbour it would read as a range.
        out.append(("\\-" if ch == "-" else ch) + "".join(_escape_in_class(w) for w in _wide(ch)))
        i += 1
    raise regex.error("unterminated character set", pattern, start)


def expand(template: str, groups: tuple[str | None, ...], names: dict[str, int], whole: str) -> str:
    """A replacement template (``\\g<name>``, ``\\g<1>``, ``\\1``, ``\\\\``) filled from one match.

    >>> expand(r"[\\g<a>|\\2]", ("x", "y"), {"a": 1}, "xy")
    '[x|y]'
    """
    def group(ref: str) -> str:
        number = int(ref) if ref.isdigit() else names[ref]
        value = whole if number == 0 else groups[number - 1]
        return value or ""

    return _TEMPLATE.sub(lambda m: "\\" if m.group(0) == "\\\\" else group(m.group(1) or m.group(2)), template)


_TEMPLATE = regex.compile(r"\\g<(\w+)>|\\(\d{1,2})|\\\\")


def substitute(pattern, template: str, text: str) -> str:
    """Every match of a native ``pattern`` in ``text`` replaced by ``template`` (as ``re.sub``)."""
    pieces, last = [], 0
    for start, end, groups in pattern.finditer(text):
        pieces += [text[last:start], expand(template, groups, pattern.group_names, text[start:end])]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


_REPEATS = {_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT, _sre_constants.POSSESSIVE_REPEAT}
MAX_NEEDED = 24  # a larger set of strings is no cheaper to look for than running the pattern


def needed_strings(pattern: str) -> frozenset[str] | None:
    """Strings of which every match holds at least one, or None when there is no small such set.

    A page holding none of them cannot match on any line, so the rule is skipped for that page
    after a few substring searches instead of one regex search per line. Longer strings are
    preferred: 编辑 is on few pages, 编 on more, ：on nearly all.

    >>> sorted(needed_strings(r"\\s*[(【](责任编辑|责编|编辑)\\s*:$"))
    ['编辑', '责编']
    """
    try:
        tree = _sre_parser.parse(pattern)
    except Exception:  # noqa: BLE001 - regex-only syntax: no prefilter
        return None
    found = _needed(list(tree))
    if found is None:
        return None
    if tree.state.flags & _sre_constants.SRE_FLAG_IGNORECASE and any(s.lower() != s.upper() for s in found):
        return None  # case variants would be missed by a plain substring search
    # A string holding another needed string adds nothing (责任编辑 holds 编辑).
    return frozenset(x for x in found if not any(y != x and y in x for y in found))


def _needed(items) -> set[str] | None:
    """The cheapest needed set among the items of a sequence (each of them must match)."""
    candidates: list[set[str]] = []
    run = ""
    for op, av in items:
        if op is _sre_constants.LITERAL:
            run += chr(av)
            continue
        if run:
            candidates.append({run})
            run = ""
        here = _needed_one(op, av)
        if here is not None:
            candidates.append(here)
    if run:
        candidates.append({run})
    return min(candidates, key=_cost) if candidates else None


def _cost(strings: set[str]) -> int:
    # A sign (：, -, .) is on nearly every page, a Han character on many, a word on few.
    return sum(1 if len(s) > 1 else 4 if "\u4e00" <= s <= "\u9fff" else 16 for s in strings)


def _needed_one(op, av) -> set[str] | None:
    if op is _sre_constants.IN:
        chars: set[str] = set()
        for kind, value in av:
            if kind is _sre_constants.LITERAL:
                chars.add(chr(value))
            elif kind is _sre_constants.RANGE and value[1] - value[0] < MAX_NEEDED:
                chars.update(map(chr, range(value[0], value[1] + 1)))
            else:
                return None  # negated, categories, big ranges
        return chars if len(chars) <= MAX_NEEDED else None
    if op is _sre_constants.SUBPATTERN:
        return _needed(list(av[-1]))
    if op in _REPEATS:
        return _needed(list(av[2])) if av[0] >= 1 else None
    if op is _sre_constants.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            part = _needed(list(branch))
            if part is None:
                return None
            union |= part
        return union if len(union) <= MAX_NEEDED else None
    return None
