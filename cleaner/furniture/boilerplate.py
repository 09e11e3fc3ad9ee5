"""Remove page furniture by applying a site's rules to the lines of a page.

Rules see each line folded (Traditional -> Simplified; their patterns accept either width);
removals happen on the real lines, so the page keeps its script. Every removal is counted per rule id, and named groups
``(?P<date>…)``, ``source``, ``author``, ``editor``, ``title`` in a matching pattern go into the
result's metadata, so nothing a user may want is thrown away silently.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlparse

from cleaner import chunks
from cleaner.furniture.rules import META_GROUPS, Rule, RuleSet, Site
from cleaner.script.fold import fold, foreign_class

EDGE_LINES = 6  # "top"/"bottom" zones: this many non-empty lines from the page edge


@dataclass
class Removal:
    text: str
    counts: Counter = field(default_factory=Counter)
    meta: dict[str, str] = field(default_factory=dict)
    timeouts: list[str] = field(default_factory=list)  # rule ids that hit the regex time-out


def fold_page(text: str) -> str:
    """The text as rules see it: Traditional folded to Simplified (width is left to the patterns,
    which are widened at load). OpenCC runs only when there is something to fold."""
    if not foreign_class("zh-hans").search(text):
        return text
    return "".join(fold(piece) for piece in chunks.pieces(text))  # OpenCC's buffers stay small


def fold_line(line: str) -> str:
    return fold_page(line).strip()


class _FoldedLines(dict):
    """Folded lines, stripped on first use (most rules never look at most lines).

    Taken from the folded page when folding kept its line count (it always does but for an
    OpenCC phrase holding a line break), else folded line by line.
    """

    def __init__(self, lines: list[str], page_lines: list[str]) -> None:
        super().__init__()
        self.lines = lines
        self.page_lines = page_lines if len(page_lines) == len(lines) else None

    def __missing__(self, i: int) -> str:
        value = self[i] = self.page_lines[i].strip() if self.page_lines is not None else fold_line(self.lines[i])
        return value


def recognise(ruleset: RuleSet, text: str, url: str | None = None, *, page: str | None = None) -> Site | None:
    """Which site a page comes from: by URL host first, then by text signatures (most hits).

    ``page``: ``fold_page(text)``, when the caller has it already.
    """
    if url:
        host = (urlparse(url).hostname or "").lower()
        for site in ruleset.sites.values():
            if any(host == h or host.endswith("." + h) for h in site.hosts):
                return site
    # One pass finds every signature present; NFKC maps a fullwidth match back to its signature.
    found = {unicodedata.normalize("NFKC", m.group()) for m in ruleset.signature_pattern().finditer(fold_page(text) if page is None else page)}
    best, hits = None, 0
    for site in ruleset.sites.values():
        n = sum(1 for s in site.signatures if s in found)
        if n > hits:
            best, hits = site, n
    return best


def _zones(count: int) -> dict[str, Sequence[int]]:
    """Positions (among the page's live lines) that rules of each zone may act on."""
    top = range(min(EDGE_LINES, count))
    return {
        "any": range(count),
        "top": top,
        "bottom": range(max(0, count - EDGE_LINES), count),
        "edge": [*top, *range(max(EDGE_LINES, count - EDGE_LINES), count)],
        "lower": range(count // 2, count),
    }


def _matches(rule: Rule, folded: _FoldedLines, i: int, timeout: float | None):
    line = folded[i]
    if rule.max_chars and len(line) > rule.max_chars:
        return None
    return rule.pattern.search(line, timeout=timeout)


def remove_furniture(text: str, rules: Sequence[Rule], *, timeout: float = 1.0, page: str | None = None) -> Removal:
    """Apply rules in order to the page's non-empty lines; ``page``: ``fold_page(text)`` if known."""
    result = Removal(text)
    page = fold_page(text) if page is None else page
    # Rules whose needed strings are nowhere on the page cannot match any of its lines. (Plain
    # substring searches: a set of the page's characters to answer first costs more than they do.)
    rules = [r for r in rules if r.needs is None or any(s in page for s in r.needs)]
    if not rules:
        return result
    lines = text.split("\n")
    folded = _FoldedLines(lines, lines if page is text else page.split("\n"))  # page is text: nothing folded
    content = [i for i, line in enumerate(lines) if line.strip()]
    dropped: set[int] = set()
    replaced: dict[int, str] = {}
    # Removing furniture at the page bottom (share buttons) can bring more furniture into the
    # bottom zone, so rules run again until nothing changes (a few passes at most).
    for _ in range(4):
        before = (len(dropped), sum(result.counts.values()))
        seen = -1
        for rule in rules:
            if rule.id in result.timeouts:
                continue
            if len(dropped) != seen:  # live lines and zones change only when lines go
                alive = [i for i in content if i not in dropped]
                zones, seen = _zones(len(alive)), len(dropped)
            try:
                _apply_rule(rule, lines, alive, zones[rule.zone], folded, dropped, replaced, result, timeout)
            except TimeoutError:
                # A pathological pattern must not hang a batch: skip the rule, report it.
                result.timeouts.append(rule.id)
        if (len(dropped), sum(result.counts.values())) == before:
            break
    out = []
    for i, line in enumerate(lines):
        if i in dropped:
            continue
        out.append(replaced.get(i, line))
    result.text = "\n".join(out)
    return result


def _apply_rule(rule: Rule, lines, alive: list[int], zone: Sequence[int], folded, dropped: set[int], replaced: dict[int, str],
                result: Removal, timeout: float | None) -> None:
    timeout = timeout if rule.timed else None  # a time-out costs more than most searches
    for pos in zone:
        i = alive[pos]
        if i in dropped:
            continue
        m = _matches(rule, folded, i, timeout)
        if not m:
            continue
        for key in META_GROUPS:
            value = m.groupdict().get(key) if rule.pattern.groupindex else None
            if value and key not in result.meta:
                result.meta[key] = unicodedata.normalize("NFKC", value).strip()  # ２０２０ -> 2020
        if rule.action == "drop-line":
            dropped.add(i)
        elif rule.action == "drop-block":
            dropped.add(i)
            block = alive[pos + 1 :]
            if rule.until is not None:
                for j in block:
                    dropped.add(j)
                    if rule.until.search(folded[j], timeout=timeout):
                        break
            else:
                dropped.update(block[: rule.lines])
        elif rule.action == "truncate-after":
            dropped.update(alive[pos:])
        elif rule.action == "replace":
            new = rule.pattern.sub(rule.replacement, folded[i], timeout=timeout)
            if new == folded[i]:
                continue
            replaced[i] = _replace_on_original(replaced.get(i, lines[i]), rule, timeout)
            folded[i] = new
        result.counts[rule.id] += 1


def _replace_on_original(line: str, rule: Rule, timeout: float | None) -> str:
    """Apply a replace rule to an original line at the spans it matched on the line's fold.

    When folding changed the line's length (an OpenCC phrase of another length) spans cannot be
    mapped back, so the rule runs on the original line itself rather than changing its script.
    """
    folded = fold_page(line)
    if len(folded) != len(line):
        return rule.pattern.sub(rule.replacement, line, timeout=timeout)
    pieces, last = [], 0
    for m in rule.pattern.finditer(folded, timeout=timeout):
        pieces.append(line[last : m.start()])
        pieces.append(m.expand(rule.replacement))
        last = m.end()
    pieces.append(line[last:])
    return "".join(pieces)
