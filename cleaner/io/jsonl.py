"""One JSON Lines record, read and written back exactly.

A corpus record carries fields the cleaner must not touch: ids like ``"0000"``, big integers,
floats such as ``1e400``, nested objects, key order. Decoding a record into Python objects and
encoding it again changes some of them (``1e400`` becomes ``Infinity``, a 5,000-digit integer
raises, ``1.10`` becomes ``1.1``). So a record is never re-encoded: the top-level object is scanned
for the byte spans of its values, the one value that is cleaned is decoded, and the new value is
spliced into the original line. Every other byte of the line stays as it was.

>>> rec = parse_record('{"id": "0000", "text": "國(guó)務(wù)院", "n": 1e400}')
>>> rec.get("id"), rec.get("text")
('0000', '國(guó)務(wù)院')
>>> rec.rewritten({"text": "国务院"})
'{"id": "0000", "text": "国务院", "n": 1e400}'
>>> rec.rewritten({"text": "国务院", "cleaner": {"steps": []}})
'{"id": "0000", "text": "国务院", "n": 1e400, "cleaner": {"steps": []}}'
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from json.decoder import scanstring

from cleaner.io.html_structure import keyed, role_at

_WS = re.compile(r"[ \t\n\r]*")
_SURROGATE = re.compile("[\ud800-\udfff]")


class BadRecord(ValueError):
    """A line that is not a JSON object; the message says why, in one line."""


def _reject_constant(name: str):
    raise BadRecord(f"{name} is not JSON")


class Number:
    """A JSON number kept as its text: exact at any size, never mistaken for a string."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return f"Number({self.text})"


# NaN and Infinity, which Python would accept, are not JSON.
_VALUES = json.JSONDecoder(parse_int=Number, parse_float=Number, parse_constant=_reject_constant)


@dataclass(frozen=True)
class Record:
    line: str  # the record's text, without its line ending
    spans: dict[str, tuple[int, int]]  # top-level key -> (start, end) of its value in ``line``
    values: dict[str, object]  # top-level key -> decoded value (numbers as their text)

    def get(self, key: str, default=None):
        return self.values.get(key, default)

    def rewritten(self, changes: dict[str, object]) -> str:
        """The line with each key's value replaced (spliced in place) or, for a new key, added last."""
        line = self.line
        for key in sorted((k for k in changes if k in self.spans), key=lambda k: -self.spans[k][0]):
            start, end = self.spans[key]
            line = line[:start] + json.dumps(changes[key], ensure_ascii=False) + line[end:]
        added = [k for k in changes if k not in self.spans]
        if added:
            close = line.rstrip(" \t\r\n").rfind("}")
            head = line[:close].rstrip(" \t\r\n")
            items = ", ".join(json.dumps(k, ensure_ascii=False) + ": " + json.dumps(changes[k], ensure_ascii=False) for k in added)
            line = head + (", " if self.spans else "") + items + line[close:]
        return line


    def find(self, path: tuple[str, ...]) -> tuple[object, tuple[int, int]] | None:
        """The value at ``path`` (keys of nested objects, ``field_path``) and its span in ``line``;
        None when a key is missing or a value on the way is no object.

        >>> parse_record('{"id": 1, "meta": {"text": "正文", "n": 2}}').find(("meta", "text"))
        ('正文', (27, 31))
        """
        record, offset = self, 0
        for depth, key in enumerate(path):
            if key not in record.spans:
                return None
            start, end = record.spans[key]
            if depth == len(path) - 1:
                return record.values[key], (offset + start, offset + end)
            if not isinstance(record.values[key], dict):
                return None
            record, offset = parse_record(record.line[start:end]), offset + start
        return None

    def replaced(self, span: tuple[int, int], value: object) -> Record:
        """The record with the value at ``span`` (from ``find``) replaced, spliced in place."""
        start, end = span
        return parse_record(self.line[:start] + json.dumps(value, ensure_ascii=False) + self.line[end:])

    def without(self, key: str) -> Record:
        """The record with ``key`` (and the comma that parts it from its neighbour) cut from its line."""
        if key not in self.spans:
            return self
        keys = sorted(self.spans, key=lambda k: self.spans[k][0])
        at = keys.index(key)
        start, end = self.spans[key]
        start = self.line.rfind('"', 0, self.line.rfind(":", 0, start))  # the key's closing quote
        start = _key_start(self.line, start)
        if at + 1 < len(keys):  # cut up to the next key
            end = _key_start(self.line, self.line.rfind('"', 0, self.line.rfind(":", 0, self.spans[keys[at + 1]][0])))
        elif at > 0:  # the last key: cut from the end of the value before it
            start = self.spans[keys[at - 1]][1]
        else:  # the only key: the braces stay
            start, end = self.line.index("{") + 1, self.line.rindex("}")
        line = self.line[:start] + self.line[end:]
        return parse_record(line)


def field_path(field: str) -> tuple[str, ...]:
    r"""The keys ``--field`` names, outermost first: parted by dots (``meta.text`` is the
    ``text`` of the record's ``meta`` object); ``\.`` is a dot inside a key and ``\\`` a backslash.
    ``BadField`` for an empty key (``a..b``, ``.text``).

    >>> field_path("text"), field_path("meta.text"), field_path(r"a\.b.c")
    (('text',), ('meta', 'text'), ('a.b', 'c'))
    """
    keys, key, escaped = [], [], False
    for char in field:
        if escaped:
            key.append(char if char in ".\\" else "\\" + char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ".":
            keys.append("".join(key))
            key = []
        else:
            key.append(char)
    keys.append("".join(key) + ("\\" if escaped else ""))
    if "" in keys:
        raise BadField(f"--field {field}: an empty key (keys are parted by dots; write a dot inside a key as \\.)")
    return tuple(keys)


class BadField(ValueError):
    """A ``--field`` that names no key path; the message is the one line to print."""


def value_at(obj: object, path: tuple[str, ...]) -> object:
    """The value at ``path`` in a decoded JSON object, or None.

    >>> value_at({"meta": {"text": "正文"}}, ("meta", "text")), value_at({"meta": "x"}, ("meta", "text"))
    ('正文', None)
    """
    for key in path:
        if not isinstance(obj, dict) or key not in obj:
            return None
        obj = obj[key]
    return obj


def _key_start(line: str, closing: int) -> int:
    """Where the JSON string key whose closing quote is at ``closing`` opens (escapes skipped)."""
    i = closing - 1
    while i >= 0:
        if line[i] == '"':
            slashes = 0
            while i - 1 - slashes >= 0 and line[i - 1 - slashes] == "\\":
                slashes += 1
            if slashes % 2 == 0:
                return i
        i -= 1
    return 0


# A WARC page's evidence for the furniture model rides in its record under this key
# (``cleaner.engines.records_source``), and is cut from the record before it is written.
HTML_EVIDENCE = "_cleaner_html_evidence"


def html_evidence(record: Record, text: str) -> tuple[frozenset[str], dict[str, str]]:
    """(linked, roles) of a record's ``HTML_EVIDENCE`` (line numbers of ``text``), as
    ``HtmlPage`` holds them (by the lines' text); empty for a record without it or a malformed one."""
    value = record.get(HTML_EVIDENCE)
    if not isinstance(value, dict):
        return frozenset(), {}
    lines = text.split("\n")

    def line(n: object) -> str | None:  # line number n (a Number or a key's text) of the text
        n = n.text if isinstance(n, Number) else n
        return lines[int(n)] if isinstance(n, str) and n.isdigit() and int(n) < len(lines) else None

    linked = value.get("linked") if isinstance(value.get("linked"), list) else []
    roles = value.get("roles") if isinstance(value.get("roles"), dict) else {}
    per_line = [""] * len(lines)
    for n, role in roles.items():
        if isinstance(role, str) and line(n) is not None:
            per_line[int(n)] = role
    return frozenset(t for n in linked if (t := line(n)) is not None), keyed(lines, per_line)


def evidence_value(text: str, linked: frozenset[str], roles: dict) -> dict[str, object]:
    """``HTML_EVIDENCE``'s value for a page's ``text`` and its evidence: line numbers, not lines
    (a text's role at each of its occurrences: ``html_structure.role_at``)."""
    lines = text.split("\n")
    total, seen, by_line = Counter(line.strip() for line in lines), Counter(), {}
    for n, line in enumerate(lines):
        if role := role_at(roles, line.strip(), seen[line.strip()], total[line.strip()]):
            by_line[str(n)] = role
        seen[line.strip()] += 1
    return {"linked": [n for n, line in enumerate(lines) if line in linked], "roles": by_line}


def parse_record(line: str) -> Record:
    """Scan one line holding a JSON object; ``BadRecord`` says why it is not one."""
    i = _WS.match(line, 0).end()
    if line[i : i + 1] != "{":
        raise BadRecord("not a JSON object")
    spans: dict[str, tuple[int, int]] = {}
    values: dict[str, object] = {}
    i = _WS.match(line, i + 1).end()
    try:
        if line[i : i + 1] == "}":
            i += 1
        else:
            while True:
                if line[i : i + 1] != '"':
                    raise BadRecord(f"not valid JSON (expected a key at column {i + 1})")
                key, i = scanstring(line, i + 1, True)
                i = _WS.match(line, i).end()
                if line[i : i + 1] != ":":
                    raise BadRecord(f"not valid JSON (expected ':' at column {i + 1})")
                i = _WS.match(line, i + 1).end()
                value, end = _VALUES.raw_decode(line, i)
                spans[key], values[key] = (i, end), value  # a repeated key: the last wins, as in json.loads
                i = _WS.match(line, end).end()
                if line[i : i + 1] == ",":
                    i = _WS.match(line, i + 1).end()
                    continue
                if line[i : i + 1] == "}":
                    i += 1
                    break
                raise BadRecord(f"not valid JSON (expected ',' or '}}' at column {i + 1})")
    except json.JSONDecodeError as exc:
        raise BadRecord(f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno})") from None
    except RecursionError:
        raise BadRecord("not valid JSON (nested too deeply)") from None
    if _WS.match(line, i).end() != len(line):
        raise BadRecord(f"not valid JSON (extra data at column {i + 1})")
    return Record(line, spans, values)


def has_surrogates(text: str) -> bool:
    """Lone UTF-16 surrogates (``"\\ud800"`` in JSON): valid JSON, but no UTF-8 text holds them."""
    return _SURROGATE.search(text) is not None


def split_ending(raw: bytes) -> tuple[bytes, bytes]:
    """A line and its ending (``\\n``, ``\\r\\n``, a lone ``\\r`` or none), so a rewritten line keeps it."""
    if raw.endswith(b"\r\n"):
        return raw[:-2], b"\r\n"
    if raw.endswith((b"\n", b"\r")):
        return raw[:-1], raw[-1:]
    return raw, b""


JSON_LINES_SAMPLE = 50  # lines of a page looked at: enough to tell, and a page of any size costs the same


def looks_like_json_lines(text: str) -> bool:
    """Whether a page's lines are nearly all JSON objects: JSON Lines given as a page (``cat
    dump.jsonl | cleaner``), which is cleaned as one page, its records' syntax and all. Of the
    first ``JSON_LINES_SAMPLE`` lines that are not blank, at least two, and nine in ten, must be.

    >>> looks_like_json_lines('{"text": "a"}\\n{"text": "b"}\\n'), looks_like_json_lines('{"text": "a"}\\n正文')
    (True, False)
    """
    if not text.lstrip().startswith("{"):  # the usual page: nothing parsed
        return False
    lines = []
    for line in text.splitlines():
        if line.strip():
            lines.append(line)
            if len(lines) == JSON_LINES_SAMPLE:
                break
    objects = sum(1 for line in lines if _is_object(line))
    return objects >= 2 and objects >= 0.9 * len(lines)


def _is_object(line: str) -> bool:
    if not line.lstrip().startswith("{"):
        return False
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, RecursionError):
        return False
