"""Load and validate rule files (``rules/*.toml``) into frozen Site objects.

A rule file is data: one ``[site]`` table and ``[[rule]]`` entries. Patterns are matched against a
script-neutral *fold* of each line (Traditional folded to Simplified) and are widened at load so
ASCII signs also match their fullwidth forms (``:`` matches ``：``; see rulepattern.py): a rule
written once in Simplified with ASCII signs matches pages in either script and either width.
Rules see one line at a time; ``\\A`` and ``\\Z`` are refused (use ``^`` and ``$``).

Patterns are compiled by the native core (the Rust ``regex`` crate), which matches in time linear
in the line, whatever the pattern: no rule can hang a run. The price is two features a
backtracking engine has: look-around and back-references are refused at load, with the rule's
``file:line``. A compiled pattern may take at most ``SIZE_LIMIT`` bytes (4 MiB; a bounded repeat
of a Unicode class such as ``[\\w.]{1,60}`` is the usual way to get near it).
Unknown keys, bad regexes, unknown actions and duplicate ids are errors naming file and line.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

import regex

from cleaner._native import Pattern
from cleaner.furniture.related_words import alternation, load_related
from cleaner.furniture.rulepattern import needed_strings, widen

# Built-in rules live at the top of the repository (rules/); an installed wheel carries a copy in
# <prefix>/share/cleaner/rules.
_REPO_RULES = Path(__file__).resolve().parents[2] / "rules"
BUILTIN_DIR = _REPO_RULES if _REPO_RULES.is_dir() else Path(sys.prefix) / "share" / "cleaner" / "rules"
ACTIONS = ("drop-line", "drop-block", "truncate-after", "replace")
ZONES = ("any", "top", "bottom", "edge", "lower")
SITE_KEYS = {"id", "name", "hosts", "signatures", "extends"}
RULE_KEYS = {"id", "action", "pattern", "reason", "zone", "max_chars", "until", "lines", "replacement", "examples", "keeps",
             "resume_prose"}
META_GROUPS = ("title", "date", "author", "source", "editor")


# Keys only some actions read; any other key is read by every action.
ACTION_KEYS = {"replacement": ("replace",), "until": ("drop-block",), "lines": ("drop-block",),
               "resume_prose": ("truncate-after",)}
# Ordinary article lines of several kinds (prose, a number, English, a quotation): a pattern that
# matches every one of them, or the empty line, matches any line of any page, so its rule would
# empty or cut every page of its site (`truncate-after '.*'`). Such a rule is refused.
ANY_LINE_PROBES = ("今年的工作重点已经确定。", "全市共接待游客2.5万人次", "The meeting ended at noon.", "“我们会继续努力。”他说。", "一")


class RuleError(ValueError):
    """A rule file is invalid; the message names the file (and line when known)."""


@dataclass(frozen=True)
class Rule:
    id: str
    action: str
    pattern: Pattern  # native: linear time; search gives (start, end, groups)
    reason: str
    zone: str = "any"  # where the line must stand: anywhere, near the top, near the bottom, either edge
    max_chars: int = 0  # a furniture line is short; 0 means no limit
    until: Pattern | None = None  # drop-block: last line of the block
    lines: int = 0  # drop-block: number of lines after the match (when no `until`)
    # truncate-after: characters of article prose that, standing right after the box the heading
    # opens, show the heading was a box inside the article: then only heading and box go (0: always cut)
    resume_prose: int = 0
    replacement: str = ""
    examples: tuple[str, ...] = ()  # lines this rule must remove (fixtures, checked by tests)
    keeps: tuple[str, ...] = ()  # lines it must leave alone
    source: str = ""  # file:line it came from
    needs: frozenset[str] | None = None  # a page holding none of these strings cannot match (None: no such set)


@dataclass(frozen=True)
class Site:
    id: str
    name: str
    hosts: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    extends: tuple[str, ...] = ()
    rules: tuple[Rule, ...] = ()
    path: str = ""

@dataclass
class RuleSet:
    sites: dict[str, Site] = field(default_factory=dict)
    _rules: dict[str | None, tuple[Rule, ...]] = field(default_factory=dict, repr=False)
    _signatures: regex.Pattern | None = field(default=None, repr=False)

    def rules_for(self, site_id: str | None) -> tuple[Rule, ...]:
        """The site's rules followed by those of every file it extends (generic last)."""
        if site_id not in self._rules:
            order: list[str] = []

            def visit(sid: str) -> None:
                if sid in order or sid not in self.sites:
                    return
                order.append(sid)
                for parent in self.sites[sid].extends:
                    visit(parent)

            visit(site_id or "_common")
            if "_common" not in order:
                visit("_common")
            self._rules[site_id] = tuple(r for sid in order for r in self.sites[sid].rules)
        return self._rules[site_id]

    def signature_pattern(self) -> regex.Pattern:
        """Every site's signatures in one pattern (longest first), also matching fullwidth ASCII."""
        if self._signatures is None:
            signatures = sorted({s for site in self.sites.values() for s in site.signatures}, key=lambda s: (-len(s), s))
            alternatives = [widen(regex.escape(s, literal_spaces=True)) for s in signatures]
            self._signatures = regex.compile("|".join(alternatives) or "(?!)")
        return self._signatures


def _line_of(text: str, needle: str) -> int:
    idx = text.find(needle)
    return text.count("\n", 0, idx) + 1 if idx >= 0 else 0


_HEADER = re.compile(r"\s*\[")  # a line that opens a table ([site], [[rule]])
_RULE_HEADER = re.compile(r"\s*\[\[\s*rule\s*\]\]")
_SITE_HEADER = re.compile(r"\s*\[\s*site\s*\]")


class _Table:
    """Where the keys of one table of a rule file are, for errors that cite the key at fault
    (tomllib gives no positions): its lines run from its header to the next table's."""

    def __init__(self, path, lines: list[str], header: int) -> None:
        self.path, self.lines, self.header = path, lines, header  # header: 0-based line index, or -1
        self.end = next((i for i in range(header + 1, len(lines)) if _HEADER.match(lines[i])), len(lines))

    def line(self, key: str) -> int:
        """The 1-based line of ``key = ...`` in this table (its header's when it is not found)."""
        spelled = re.compile(rf"""\s*(?:{re.escape(key)}|"{re.escape(key)}"|'{re.escape(key)}')\s*=""")
        for i in range(self.header + 1, self.end):
            if spelled.match(self.lines[i]):
                return i + 1
        return self.header + 1

    def at(self, key: str) -> str:
        return f"{self.path}:{self.line(key)}"


def _tables(path, raw: str) -> tuple[_Table, list[_Table]]:
    """The [site] table and each [[rule]] table, in the order tomllib lists them."""
    lines = raw.splitlines()
    site = next((i for i, line in enumerate(lines) if _SITE_HEADER.match(line)), -1)
    return _Table(path, lines, site), [_Table(path, lines, i) for i, line in enumerate(lines) if _RULE_HEADER.match(line)]


def shown(value: str) -> str:
    """A pattern or replacement as it is written in a TOML file (a literal string: backslashes
    single, as the author typed them), not as Python's repr doubles them."""
    if "'" not in value and not any(ord(c) < 0x20 or ord(c) == 0x7F for c in value):
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)


SIZE_LIMIT = 1 << 22  # bytes a compiled rule pattern may take

# A rule's pattern may name a list of the furniture lexicon the way the regex module writes named
# lists, ``\L<related>`` (the [related] entry's whole headings): filled in at load as a group, so
# the words a rule shares with the generic model live in one place (``related_words``).
LEXICON_LISTS = {"related": lambda: load_related().headings}
_NAMED_LIST = regex.compile(r"(?<!\\)((?:\\\\)*)\\L<(\w*)>")


def named_lists(pattern: str, where: str) -> str:
    def fill(m: regex.Match) -> str:
        if m.group(2) not in LEXICON_LISTS:
            raise RuleError(f"{where}: pattern {shown(pattern)} names \\L<{m.group(2)}>; lexicon lists are {', '.join(LEXICON_LISTS)}")
        return m.group(1) + "(?:" + alternation(LEXICON_LISTS[m.group(2)]()) + ")"

    return _NAMED_LIST.sub(fill, pattern)


def _compile(pattern: str, where: str) -> Pattern:
    if regex.search(r"(?<!\\)(?:\\\\)*\\[AZ]", pattern):
        # All rules of a page are first searched at once over its whole text, where only ^ and $
        # (multi-line) mean what they mean on one line.
        raise RuleError(f"{where}: pattern {shown(pattern)} uses \\A or \\Z; rules see one line, use ^ and $")
    try:
        return Pattern(widen(pattern), size_limit=SIZE_LIMIT)
    except (ValueError, regex.error):
        pass
    try:
        # The widened pattern failed: the error of the pattern as written names what the author wrote
        # (compiled only now: each compile costs milliseconds at every start).
        Pattern(pattern, size_limit=SIZE_LIMIT)
        return Pattern(widen(pattern), size_limit=SIZE_LIMIT)
    except ValueError as exc:
        raise RuleError(f"{where}: pattern {shown(pattern)}: {exc}") from None
    except regex.error as exc:  # widen's tokenizer: an unterminated class, say
        raise RuleError(f"{where}: pattern {shown(pattern)}: bad pattern: {exc}") from None


def _folded(signatures) -> tuple[str, ...]:
    """Signatures as the page they are looked for in is: folded to Simplified (``fold_page``), so
    that one written in Traditional (台灣新聞網) finds its site's pages, as its Simplified form does."""
    from cleaner.furniture.boilerplate import fold_line  # boilerplate loads rules: imported here

    return tuple(dict.fromkeys(fold_line(s) for s in signatures))


def _check_reach(pattern: Pattern, where: str, rid: str) -> None:
    """A pattern must not match any line at all (``ANY_LINE_PROBES``)."""
    if pattern.search("") is not None or all(pattern.search(line) is not None for line in ANY_LINE_PROBES):
        raise RuleError(f"{where}: rule {rid!r}: its pattern matches any line (the empty line, or every line of "
                        "prose), so it would remove every page's text; name what the furniture line says")


# tomllib's message ends with its position: "Illegal character '\\n' (at line 13, column 27)", or
# "(at end of document)" (a string left open).
_TOML_AT = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)$")


def _syntax_error(path, raw: str, exc: Exception) -> str:
    """A TOML syntax error as every other rule error reads: ``FILE:LINE: what (column N)``."""
    message = str(exc)
    m = _TOML_AT.search(message)
    if m is None:
        return f"{path}: TOML syntax: {message}"
    if m.group(1) is None:
        return f"{path}:{raw.count(chr(10)) + (not raw.endswith(chr(10)))}: TOML syntax: {message[: m.start()]} (at the end of the file)"
    return f"{path}:{m.group(1)}: TOML syntax: {message[: m.start()]} (column {m.group(2)})"


def _check_template(template: str, pattern: Pattern, where: str) -> None:
    """A replacement may name only groups its pattern has."""
    for m in regex.finditer(r"\\g<(\w+)>|\\(\d{1,2})", template):
        ref = m.group(1) or m.group(2)
        if not (ref in pattern.group_names or (ref.isdigit() and int(ref) <= pattern.groups)):
            raise RuleError(f"{where}: replacement {shown(template)} names group {ref!r}, which the pattern does not have")


# The type every key must have: a rule file is data, checked before any of it is used.
KEY_TYPES = {"id": str, "name": str, "action": str, "pattern": str, "reason": str, "zone": str, "until": str,
             "replacement": str, "max_chars": int, "lines": int, "resume_prose": int, "hosts": list, "signatures": list, "extends": list,
             "examples": list, "keeps": list}
TYPE_NAMES = {str: "a string", int: "a whole number", list: "a list of strings"}


def _check_types(table: dict, where: _Table) -> None:
    for key, value in table.items():
        want = KEY_TYPES.get(key)
        ok = want is None or (isinstance(value, want) and not isinstance(value, bool))
        if ok and want is list:
            ok = all(isinstance(item, str) for item in value)
        if ok and want is int:
            ok = value >= 0
        if not ok:
            raise RuleError(f"{where.at(key)}: {key!r} must be {TYPE_NAMES[want]}{' >= 0' if want is int else ''}, not {value!r}")


def load_file(path: Path) -> Site:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(f"{path}: not UTF-8 (byte {exc.start + 1}); rule files are UTF-8 TOML") from None
    except OSError as exc:
        raise RuleError(f"{path}: {exc.strerror or exc}") from None
    return load_text(raw, path)


def load_text(raw: str, path: Path | str) -> Site:
    """A rule file's text, checked as ``load_file`` checks the file; errors name ``path``."""
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(_syntax_error(path, raw, exc)) from None
    unknown = set(data) - {"site", "rule"}
    if unknown:
        key = sorted(unknown)[0]
        raise RuleError(f"{path}:{_line_of(raw, key)}: unknown table {key!r}")
    site = data.get("site")
    if not isinstance(site, dict) or "id" not in site:
        raise RuleError(f"{path}: missing [site] table with an id")
    site_table, rule_tables = _tables(path, raw)
    for key in site:
        if key not in SITE_KEYS:
            raise RuleError(f"{site_table.at(key)}: unknown key {key!r} in [site]")
    _check_types(site, site_table)
    if not isinstance(data.get("rule", []), list) or not all(isinstance(e, dict) for e in data.get("rule", [])):
        raise RuleError(f"{path}: rules are [[rule]] tables")
    rules = []
    seen: set[str] = set()
    for n, entry in enumerate(data.get("rule", [])):
        rid = entry.get("id", "?")
        # Errors cite the line of the key at fault, in this rule's own table (a duplicate id its
        # own id line, not the first one's); the rule itself is cited by its id line.
        table = rule_tables[n] if n < len(rule_tables) and len(rule_tables) == len(data["rule"]) else None
        where = table.at("id") if table else f"{path}:{_line_of(raw, repr(rid)[1:-1])}"
        at = table.at if table else lambda key, where=where: where
        for key in entry:
            if key not in RULE_KEYS:
                raise RuleError(f"{at(key)}: unknown key {key!r} in rule {rid!r}")
        if table:
            _check_types(entry, table)
        else:
            _check_types(entry, site_table)
        for key in ("id", "action", "pattern", "reason"):
            if not entry.get(key):
                raise RuleError(f"{at(key) if key in entry else where}: rule {rid!r} needs {key!r}")
        if rid in seen:
            raise RuleError(f"{where}: duplicate rule id {rid!r}")
        seen.add(rid)
        if entry["action"] not in ACTIONS:
            raise RuleError(f"{at('action')}: rule {rid!r} has action {entry['action']!r}; use one of {', '.join(ACTIONS)}")
        zone = entry.get("zone", "any")
        if zone not in ZONES:
            raise RuleError(f"{at('zone')}: rule {rid!r} has zone {zone!r}; use one of {', '.join(ZONES)}")
        for key, actions in ACTION_KEYS.items():
            # A key its action never reads is a mistake the file's author should hear of (a
            # replacement on a drop rule is not a replace rule), not a setting silently dropped.
            if key in entry and entry["action"] not in actions:
                raise RuleError(f"{at(key)}: rule {rid!r}: {key} is for {' and '.join(actions)} rules only, not {entry['action']}")
        pattern = named_lists(entry["pattern"], at("pattern"))
        until = entry.get("until") and named_lists(entry["until"], at("until"))
        compiled = _compile(pattern, at("pattern"))
        _check_template(entry.get("replacement", ""), compiled, at("replacement"))
        _check_reach(compiled, at("pattern"), rid)
        rules.append(
            Rule(
                id=rid,
                action=entry["action"],
                pattern=compiled,
                reason=entry["reason"],
                zone=zone,
                max_chars=int(entry.get("max_chars", 0)),
                until=_compile(until, at("until")) if until else None,
                lines=int(entry.get("lines", 0)),
                resume_prose=int(entry.get("resume_prose", 0)),
                replacement=entry.get("replacement", ""),
                examples=tuple(entry.get("examples", ())),
                keeps=tuple(entry.get("keeps", ())),
                source=where,
                needs=needed_strings(widen(pattern)),
            )
        )
    return Site(
        id=site["id"],
        name=site.get("name", site["id"]),
        hosts=tuple(site.get("hosts", ())),
        signatures=_folded(site.get("signatures", ())),
        extends=tuple(site.get("extends", ("_common",) if site["id"] != "_common" else ())),
        rules=tuple(rules),
        path=str(path),
    )


def fingerprint(dirs: list[Path] | None = None) -> str:
    """A digest of every rule file a ``load(dirs)`` reads: outputs made under other rules are stale."""
    digest = hashlib.sha256()
    for directory in [BUILTIN_DIR, *(dirs or [])]:
        for path in sorted(Path(directory).glob("*.toml")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    for name, words in LEXICON_LISTS.items():  # the lexicon's lists a pattern may name (\L<related>)
        digest.update(name.encode() + b"\0" + "\0".join(words()).encode() + b"\0")
    return digest.hexdigest()


def load(dirs: list[Path] | None = None) -> RuleSet:
    """Built-in rules, then each user directory in order; a later file with the same site id wins."""
    ruleset = RuleSet()
    all_ids: dict[str, str] = {}
    for directory in [BUILTIN_DIR, *(dirs or [])]:
        if not directory.is_dir():
            raise RuleError(f"{directory}: rule directory not found")
        for path in sorted(directory.glob("*.toml")):
            site = load_file(path)
            # A replaced site's rule ids are free again.
            if site.id in ruleset.sites:
                for r in ruleset.sites[site.id].rules:
                    all_ids.pop(r.id, None)
            for r in site.rules:
                if r.id in all_ids and all_ids[r.id] != site.id:
                    raise RuleError(f"{r.source}: rule id {r.id!r} already defined by site {all_ids[r.id]!r}")
                all_ids[r.id] = site.id
            ruleset.sites[site.id] = site
    for site in ruleset.sites.values():
        for parent in site.extends:
            if parent not in ruleset.sites:
                raise RuleError(f"{site.path}: extends unknown site {parent!r}")
    return ruleset
