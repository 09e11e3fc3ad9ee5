"""Remove page furniture by applying a site's rules to the lines of a page.

Rules see each line folded (Traditional -> Simplified, NFKC); removals happen on the real lines,
so the page keeps its script. Every removal is counted per rule id, and named groups
``(?P<date>…)``, ``source``, ``author``, ``editor``, ``title`` in a matching pattern go into the
result's metadata, so nothing a user may want is thrown away silently.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlparse

from .convert import fold
from .rules import META_GROUPS, Rule, RuleSet, Site

EDGE_LINES = 6  # "top"/"bottom" zones: this many non-empty lines from the page edge


@dataclass
class Removal:
    text: str
    counts: Counter = field(default_factory=Counter)
    meta: dict[str, str] = field(default_factory=dict)
    timeouts: list[str] = field(default_factory=list)  # rule ids that hit the regex time-out


def fold_line(line: str) -> str:
    return unicodedata.normalize("NFKC", fold(line)).strip()


def recognise(ruleset: RuleSet, text: str, url: str | None = None) -> Site | None:
    """Which site a page comes from: by URL host first, then by text signatures (most hits)."""
    if url:
        host = (urlparse(url).hostname or "").lower()
        for site in ruleset.sites.values():
            if any(host == h or host.endswith("." + h) for h in site.hosts):
                return site
    folded = unicodedata.normalize("NFKC", fold(text))
    best, hits = None, 0
    for site in ruleset.sites.values():
        n = sum(1 for s in site.signatures if s in folded)
        if n > hits:
            best, hits = site, n
    return best


def _in_zone(rule: Rule, index: int, count: int) -> bool:
    if rule.zone == "any":
        return True
    top = index < EDGE_LINES
    bottom = index >= count - EDGE_LINES
    lower = index >= count // 2
    return {"top": top, "bottom": bottom, "edge": top or bottom, "lower": lower}[rule.zone]


def _matches(rule: Rule, folded: str, timeout: float):
    if rule.max_chars and len(folded) > rule.max_chars:
        return None
    return rule.pattern.search(folded, timeout=timeout)


def remove_furniture(text: str, rules: list[Rule], *, timeout: float = 1.0) -> Removal:
    """Apply rules in order to the page's non-empty lines."""
    lines = [line for line in text.split("\n")]
    content = [i for i, line in enumerate(lines) if line.strip()]
    folded = {i: fold_line(lines[i]) for i in content}
    dropped: set[int] = set()
    result = Removal(text)
    replaced: dict[int, str] = {}
    # Removing furniture at the page bottom (share buttons) can bring more furniture into the
    # bottom zone, so rules run again until nothing changes (a few passes at most).
    for _ in range(4):
        before = (len(dropped), sum(result.counts.values()))
        for rule in rules:
            if rule.id in result.timeouts:
                continue
            try:
                _apply_rule(rule, lines, content, folded, dropped, replaced, result, timeout)
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


def _apply_rule(rule: Rule, lines, content, folded, dropped: set[int], replaced: dict[int, str], result: Removal, timeout: float) -> None:
    alive = [i for i in content if i not in dropped]
    for pos, i in enumerate(alive):
        if i in dropped:
            continue
        m = _matches(rule, folded[i], timeout)
        if not m or not _in_zone(rule, pos, len(alive)):
            continue
        for key in META_GROUPS:
            value = m.groupdict().get(key) if rule.pattern.groupindex else None
            if value and key not in result.meta:
                result.meta[key] = value.strip()
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


def _replace_on_original(line: str, rule: Rule, timeout: float) -> str:
    """Apply a replace rule to an original line at the spans it matched on the line's fold.

    When folding changed the line's length (NFKC expanded a character) spans cannot be mapped
    back, so the rule runs on the original line itself rather than changing its script.
    """
    folded = unicodedata.normalize("NFKC", fold(line))
    if len(folded) != len(line):
        return rule.pattern.sub(rule.replacement, line, timeout=timeout)
    pieces, last = [], 0
    for m in rule.pattern.finditer(folded, timeout=timeout):
        pieces.append(line[last : m.start()])
        pieces.append(m.expand(rule.replacement))
        last = m.end()
    pieces.append(line[last:])
    return "".join(pieces)
