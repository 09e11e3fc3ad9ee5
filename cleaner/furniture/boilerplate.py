"""Remove page furniture by applying a site's rules to the lines of a page.

Rules see each line folded (Traditional -> Simplified; their patterns accept either width);
removals happen on the real lines, so the page keeps its script. Every removal is counted per rule id, and named groups
``(?P<date>…)``, ``source``, ``author``, ``editor``, ``title`` in a matching pattern go into the
result's metadata, so nothing a user may want is thrown away silently.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import accumulate

from cleaner import chunks
from cleaner._native import LineMatcher, furniture_reported_at
from cleaner.furniture.byline_meta import byline_facts
from cleaner.furniture.interleaved import INSIDE_FAMILIES
from cleaner.furniture import counted_rows, ebook_ads, generic, linked_lines, page_structure, running_heads, spaced_keys, text_kind
from cleaner.furniture.boxes import text_box_length
from cleaner.furniture.copyright_form import quoted
from cleaner.furniture.entries import title_parts, title_words
from cleaner.furniture.features import Line, end_marker, is_paragraph, is_prose, normalise, prime, reading, readings
from cleaner.furniture.kept_blocks import kept_lines, unrepaired_lines
from cleaner.furniture.rulepattern import expand, substitute
from cleaner.furniture.rules import META_GROUPS, SIZE_LIMIT, Rule, RuleSet, Site
from cleaner.furniture.shaped_runs import KEYS_ABOVE, RESUME_REACH, resumed_turns
from cleaner.model import Finding
from cleaner.script.fold import fold, foreign_class
from cleaner.urlhost import host_of

EDGE_LINES = 6  # "top"/"bottom" zones: this many non-empty lines from the page edge


@dataclass
class Removal:
    text: str
    counts: Counter = field(default_factory=Counter)
    meta: dict[str, str] = field(default_factory=dict)
    # One ``removed-line`` finding per line removed: where it stood in the input (character offset),
    # and "rule id: the line", so no text goes without a record.
    findings: list[Finding] = field(default_factory=list)
    # Lines of ``text`` (indices) right below a line the rules removed as the site's foot (a notice,
    # a copyright line): the generic model reads them as past the article's end. Set when the model
    # does not run (the fitting script sees the pages that way).
    foot: list[int] = field(default_factory=list)
    # The date, author, editor and source of the bylines the generic model removed (byline_meta.py):
    # the caller puts them in meta under the keys a rule's named groups have not set.
    byline: dict[str, str] = field(default_factory=dict)


def fold_page(text: str) -> str:
    """The text as rules see it: Traditional folded to Simplified (width is left to the patterns,
    which are widened at load), GB2312's ratio sign ``∶`` (U+2236), which old pages typed for a colon
    (来源∶新华网 作者∶李伟), read as the colon ``：``. OpenCC runs only when there is something to fold."""
    if "\u2236" in text:
        text = text.replace("\u2236", "：")  # one character for one: the folded lines stay aligned with the page's
    if not foreign_class("zh-hans").search(text):
        return text
    return "".join(fold(piece) for piece in chunks.pieces(text))  # OpenCC's buffers stay small


def fold_line(line: str) -> str:
    return fold_page(line).strip()


class _FoldedLines(dict):
    """Folded lines, stripped (the native pass over the rules reads every line at once).

    Taken from the folded page when folding kept its line count (it always does but for an
    OpenCC phrase holding a line break), else folded line by line. A replace rule writes its
    rewritten line here.
    """

    def __init__(self, lines: list[str], page_lines: list[str]) -> None:
        if len(page_lines) == len(lines):
            super().__init__(enumerate([line.strip() for line in page_lines]))
        else:
            super().__init__(enumerate([fold_line(line) for line in lines]))


def recognise(ruleset: RuleSet, text: str, url: str | None = None, *, page: str | None = None) -> Site | None:
    """Which site a page comes from: by URL host first, then by text signatures (most hits).

    ``page``: ``fold_page(text)``, when the caller has it already.
    """
    if url:
        host = host_of(url)
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


def _matcher_entry(rules: tuple[Rule, ...]) -> tuple[tuple[Rule, ...], LineMatcher, dict[str, int]]:
    """(the rules, one native matcher of them, each rule's position by id), built once per rule
    list: the matcher is a RegexSet of every pattern of the list."""
    # Keyed by identity: RuleSet.rules_for keeps one tuple per site, and hashing the rules (their
    # examples and patterns) on every page would cost more than the lookup saves.
    entry = _MATCHERS.get(id(rules))
    if entry is None or entry[0] is not rules:
        if len(_MATCHERS) > 64:
            _MATCHERS.clear()
        needed = [sorted(r.needs) if r.needs is not None else None for r in rules]
        # A line longer than a rule's max_chars is never searched for it (_Hits.search), so the
        # matcher need not report it there (a negative limit, which no rule sets, is left to search).
        limits = [max(r.max_chars, 0) for r in rules]
        entry = _MATCHERS[id(rules)] = (rules, LineMatcher([r.pattern.pattern for r in rules], needed, max_chars=limits,
                                                           size_limit=SIZE_LIMIT),
                                        {rule.id: i for i, rule in enumerate(rules)})
    return entry


_MATCHERS: dict[int, tuple[tuple[Rule, ...], LineMatcher, dict[str, int]]] = {}


class _Hits:
    """Which rules match which line: one native pass over the page's folded lines, asked per
    (rule, line). A line that a replace rule rewrote is searched again rule by rule."""

    def __init__(self, rules: tuple[Rule, ...], folded: _FoldedLines) -> None:
        _, matcher, self.index = _matcher_entry(rules)
        self.folded = folded
        # The rules matching each line, for the lines some rule matches (most lines: none, and
        # building a set for each of those cost more than the native pass itself).
        self.sets = {i: frozenset(found) for i, found in enumerate(matcher.match_lines(list(folded.values()))) if found}
        # The lines each rule's pattern matches (ascending): a rule visits those alone.
        self.matched: list[list[int]] = [[] for _ in rules]
        for i, found in self.sets.items():
            for k in found:
                self.matched[k].append(i)
        self.rewritten: set[int] = set()

    def may_match(self, rule: Rule) -> bool:
        """Whether ``rule`` may match any line: the native pass matched it somewhere, or a replace
        rule has rewritten a line since."""
        return bool(self.rewritten or self.matched[self.index[rule.id]])

    def candidates(self, rule: Rule) -> list[int]:
        """The lines (ascending) on which ``search`` may find ``rule``: those the native pass
        matched, and those a replace rule has rewritten since."""
        lines = self.matched[self.index[rule.id]]
        return sorted(self.rewritten.union(lines)) if self.rewritten else lines

    def search(self, rule: Rule, i: int):
        """The match of ``rule`` on line ``i`` (start, end, groups), or None."""
        line = self.folded[i]
        if rule.max_chars and len(line) > rule.max_chars:
            return None
        if i not in self.rewritten and self.index[rule.id] not in self.sets.get(i, ()):
            return None
        return rule.pattern.search(line)


def remove_furniture(text: str, rules: Sequence[Rule], *, page: str | None = None, generic_model: bool = True,
                     title: str | None = None, take_headline: bool = False,
                     linked: Collection[str] = frozenset(), roles: Mapping[str, str] | None = None) -> Removal:
    """Apply rules in order to the page's non-empty lines, then the generic model to what is left.

    ``page``: ``fold_page(text)`` if known. ``generic_model``: False applies the rules alone (the
    fitting script sees the pages that way). ``title``: the page's title, if known (generic.decide).
    ``take_headline``: the headline the title names leaves the text for ``meta["headline"]`` (an
    HTML page's: ``Config.keep_headline``), as the model finds it on its last reading of the page.
    ``linked``: the lines an HTML page's extractor found all link text (``linked_lines.py``).
    ``roles``: where an HTML page's lines stood in its markup, by text (``page_structure.py``).
    """
    result = Removal(text)
    page = fold_page(text) if page is None else page
    # Rules whose needed strings are nowhere on a line are skipped there by the native matcher's
    # Aho-Corasick pass over the line (_matcher_entry), not here.
    rules = rules if isinstance(rules, tuple) else tuple(rules)
    lines = text.split("\n")
    folded = _FoldedLines(lines, lines if page is text else page.split("\n"))  # page is text: nothing folded
    hits = _Hits(rules, folded)
    content = [i for i, line in enumerate(lines) if line.strip()]
    # Rows of keys written with spaces (来源 东城区人民法院), once the page as written is judged: read as
    # their colon twins by every reader of the folded lines (spaced_keys.py); what goes is the line as
    # written. Not before: a rule reads a byline's spaced keys itself (晨报记者 陈晓), and a counter that
    # opens a comment section (评论 412 · 最热 最新) ends the article as written.
    twins: dict[int, str] = {}
    dropped: dict[int, str] = {}  # line -> id of the rule that removed it
    links = linked_lines.linked_at(lines, content, linked) if generic_model else set()
    placed = page_structure.roles_at(lines, content, roles) if generic_model and roles else {}
    kept_by_structure: set[int] = set()
    replaced: dict[int, str] = {}
    # The page is read again without what went until a reading removes nothing (at most
    # ROUNDS readings): a date line the first reading left deep in the page stands in the top
    # zone once the menu above it has gone, and a line of a list is far from the body once its
    # neighbours are gone. Without this, cleaning the output again removed more (8 of the 69
    # dev pages): clean(clean(x)) must be clean(x).
    # The headline the page's title names (its first part's words): no generic rule's phrase makes it
    # furniture (关注公众号就送礼品？警惕“关注陷阱”, a report on follow-for-gift schemes, is no QR prompt).
    parts = title_parts(fold_line(title)) if title else []
    named = parts[0] if parts else None
    page_kind = None  # a web page, or a text of another kind (text_kind.py): asked once the model removes a line
    heads: set[int] = set()
    headline: list[generic.Decision] = []  # the headline as the last reading found it
    # Lines the repairs left misread (kept_blocks): asked once, each reading holds those still there.
    unrepaired = unrepaired_lines(lines, text) if generic_model else set()  # lines is text.split("\n")
    if generic_model:
        # Every line's normalised text and text features in one native call, remembered
        # (features.prime): the rules' checks below read a line or two at a time, the model then
        # the whole page, and many modules each line's normalised form.
        prime([folded[i] for i in content], generic.load_lexicon())
    for reading in range(2 * ROUNDS if generic_model else 1):
        _apply_rules(rules, lines, content, hits, dropped, replaced, result, named)
        alive = [i for i in content if i not in dropped]
        foot = generic.after_foot(folded, content, dropped)
        if not generic_model:
            kept = [i for i in range(len(lines)) if i not in dropped]
            result.foot = [k for k, i in enumerate(kept) if i in foot]
            break
        # Rewritten by a rule (judged already); code, tables and headlines of a fixed form
        # (kept_blocks), found among the live lines, as a reading of the output would find them.
        held = kept_lines([line if i not in dropped else "" for i, line in enumerate(lines)], title, unrepaired)
        protected: list[int] = []
        decisions = generic.decide(lines, folded, alive, keep=set(replaced), title=fold_line(title) if title else None,
                                   foot=foot, held=held, take_headline=take_headline,
                                   linked=links, roles=placed, protected_out=protected, content=content)
        # Taken once the page is read: read without its headline, the page's top would be judged
        # again without the lines above it being above a headline (above_headline).
        kept_by_structure.update(protected)
        headline = [d for d in decisions if d.reasons == (generic.HEADLINE,)]
        decisions = [d for d in decisions if d.reasons != (generic.HEADLINE,)]
        if reading == 0:  # a PDF copy's running heads and page numbers (a rule takes a dated head as a dateline)
            heads = {content[k] for k in running_heads.running_heads([lines[i].strip() for i in content])}
        if page_kind is None and (decisions or title is not None):  # judged once, on the first reading (text_kind.py)
            page_kind = title is not None or text_kind.is_page(folded, alive, bool(set(dropped) - heads),
                                                               generic.load_lexicon(), [d.reasons for d in decisions])
        if page_kind is False:
            decisions = [d for d in decisions if not text_kind.held_back(d.reasons)]
        if reading == 0:  # rows of a form, a book's ads, a PDF's running heads: found on the first reading, all at once
            decisions += _forms(lines, folded, content, alive, set(dropped) | {d.index for d in decisions}, page_kind, heads)
        for decision in decisions:
            dropped[decision.index] = decision.rule_id
            result.counts[decision.rule_id] += 1
            if decision.reasons[0] in INSIDE_FAMILIES:
                folded[decision.index] = ""  # a widget's row (interleaved.py): later readings see no gap there, as a reading of the output does
        if not decisions or reading == ROUNDS - 1 and not twins:
            if twins or not (twins := {i: t for i in content if i not in dropped and i not in replaced
                                       and (t := spaced_keys.twin(folded[i]))}):
                break  # the twins were read, or no row is one: done
            folded.update(twins)
            hits.rewritten.update(twins)  # the rules search them again
    for decision in headline:
        dropped[decision.index] = decision.rule_id
        result.counts[decision.rule_id] += 1
    if headline:
        result.meta["headline"] = " ".join(lines[d.index].strip() for d in headline)
    kept_by_structure -= set(dropped)
    # Cleaning the output again must keep them: what a reading of it as text takes goes now (page_structure.read_again).
    for i, rule_id in page_structure.read_again(lines, dropped, replaced, kept_by_structure,
                                                lambda out: remove_furniture(out, rules)).items():
        dropped[i] = rule_id
        result.counts[rule_id] += 1
        kept_by_structure.discard(i)
    result.byline = byline_facts(lines, dropped)
    if not dropped and not replaced and not kept_by_structure:
        return result  # the page as it came (Removal's text)
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))  # where each line begins
    # The article's lines a decision of the model took and the page's structure kept: said, as removals are.
    result.findings = [Finding("kept-line", starts[i], f"page-structure/article: {lines[i].strip()}")
                       for i in sorted(kept_by_structure)]
    if not dropped and not replaced:
        return result
    # A row read as its colon twin says so in its Step (spaced_keys.py).
    result.findings += [Finding("removed-line", starts[i], f"{dropped[i]}{SPACED_KEYS if i in twins else ''}: {lines[i].strip()}")
                        for i in sorted(dropped)]
    result.text = "\n".join([replaced.get(i, line) for i, line in enumerate(lines) if i not in dropped])
    return result


SPACED_KEYS = "+spaced-keys"  # a Step's mark: the line went read as its colon twin (spaced_keys.py)
ROUNDS = 4  # readings of a page at most, and as many again once its rows of keys read as their twins (spaced_keys.py)


def _forms(lines, folded, content: list[int], alive: list[int], gone: set[int], page: bool | None,
           heads: set[int]) -> list[generic.Decision]:
    """The lines of the forms judged apart from the model: a page's byline and button rows
    (``text_kind.page_rows``, on a page), a book's site ads (``ebook_ads``), a PDF copy's
    running heads and page numbers (``heads``, ``running_heads``); ``gone``: the lines removed already."""
    out = []
    if page:
        out += [generic.Decision(i, lines[i], 0.0, (family,)) for i, family in
                text_kind.page_rows(folded, [i for i in alive if i not in gone], generic.load_lexicon())]
        gone = gone | {d.index for d in out}
    out += [generic.Decision(i, lines[i], 0.0, ("ebook-ad",)) for i in ebook_ads.ads(lines, content, gone)]
    gone = gone | {d.index for d in out}
    out += [generic.Decision(i, lines[i], 0.0, ("running-head",)) for i in sorted(heads - gone)]
    return out


def _apply_rules(rules: tuple[Rule, ...], lines, content: list[int], hits: _Hits, dropped: dict[int, str],
                 replaced: dict[int, str], result: Removal, named: str | None = None) -> None:
    """Apply the rules in order to the live lines (``content`` not yet ``dropped``). Removing
    furniture at the page bottom (share buttons) can bring more furniture into the bottom zone,
    so rules run again until nothing changes (a few passes at most)."""
    if not hits.sets and not hits.rewritten:
        return  # no rule matches a line (most pages): no rule may act
    for _ in range(4):
        before = (len(dropped), sum(result.counts.values()))
        seen = -1
        for rule in rules:
            if not hits.may_match(rule):
                continue  # most rules match no line of a page: nothing to place in a zone
            if len(dropped) != seen:  # live lines and zones change only when lines go
                alive = [i for i in content if i not in dropped]
                position = {i: pos for pos, i in enumerate(alive)}
                zones, seen = _zones(len(alive)), len(dropped)
            visited = _visited(hits.candidates(rule), position, zones[rule.zone])
            if visited:
                _apply_rule(rule, lines, alive, visited, hits, dropped, replaced, result, named)
        if (len(dropped), sum(result.counts.values())) == before:
            break


def _generic(rule: Rule) -> bool:
    """A rule of ``rules/_common.toml``: its phrases (版权所有, ICP备) stand in any site's notices,
    and in sentences about them too; a site's own rules know where its notices are."""
    return rule.source.rsplit(":", 1)[0].endswith("_common.toml")


def _article_sentence(pos: int, alive: list[int], folded, dropped: dict[int, str]) -> bool:
    """The live line at ``pos`` reads as article prose, and so does a live line below it: a sentence
    of the article that speaks of what a generic rule looks for (原告称，该歌曲的版权归其所有，……;
    备案号为京ICP备12345678号). A site's notice or copyright line stands below the article's last
    sentence (what follows it is furniture too), or is no prose at all (版权所有 © 2020 某某网)."""
    lexicon = generic.load_lexicon()
    # Read as the model reads the page's lines, remembered for its reading after the rules (features.reading).
    text, f = reading(folded[alive[pos]], lexicon)
    if not _sentence(text, f):
        return False
    if is_paragraph(text, f) and not _LABELLED.match(text):
        # A paragraph of sentences, no notice of the site's (is_prose) nor one opened by a label
        # (新浪声明：……, 免责声明：……): the article's, whatever stands below it. The article's last paragraph has nothing below once the footer has
        # gone, and a second reading took it (其次，……互联网版权问题更加复杂。……: 147 characters).
        return True
    # Read down to the first sentence or end marker only (features.readings: the lines below it are never read).
    for t, f in readings((folded[j] for j in alive[pos + 1 :] if j not in dropped), lexicon):
        if end_marker(t, lexicon):
            return False  # what follows the article's end (网友评论 and the comments) is not the article
        if _sentence(t, f):
            return True
    return False


def _introduced_line(pos: int, alive: list[int], folded, dropped: dict[int, str]) -> bool:
    """The live line at ``pos`` stands in the run of rows under an introducing sentence of the article
    (``generic._introduces``: 木牌上至今还留着当年印刷厂印的一行字：, 这本书的基本信息如下： over 书名：…
    作者：…), no sentence between, and the article's prose resumes below it: what the article quotes or
    sets out there (版权所有，翻印必究; a book's 作者：路遥), no notice or byline of the site's. The site's
    foot under a line ending in a colon has no sentence of the article below it."""
    lexicon = generic.load_lexicon()
    above = [j for j in alive[max(pos - generic.INTRO_REACH, 0) : pos] if j not in dropped]
    for j in reversed(above):
        if folded[j].rstrip().endswith((":", "：")):  # the cheap test first: a line ending in a colon
            text, f = reading(folded[j], lexicon)
            if generic._introduces(Line(j, text, f)):
                break
        text, f = reading(folded[j], lexicon)
        if _sentence(text, f):
            return False  # the article's sentence between: the line is under it, not under a sentence's colon
    else:
        return False
    for t, f in readings((folded[j] for j in alive[pos + 1 :] if j not in dropped), lexicon):
        if end_marker(t, lexicon):
            return False
        if _sentence(t, f):
            return True
    return False


STEP_REACH = 12  # live lines either side read for the sequence a step belongs to
RUN_LINE_MAX = 80  # characters: a line of a run of short sentences (a how-to's steps), not a paragraph


def _sentence_in_run(pos: int, alive: list[int], folded, dropped: dict[int, str]) -> bool:
    """The live line at ``pos`` is a sentence with clauses between two short sentences, the live
    lines right above and below it: a step of the article's how-to written as sentences, one a line
    (…并下载安装。 / 下载后，打开APP，用身份证号注册登录。 / 进入“提取业务”，按提示上传材料。). A site's
    prompt stands alone, or between the article's paragraphs, not inside a run of its short lines."""
    lexicon = generic.load_lexicon()
    text, f = reading(folded[alive[pos]], lexicon)
    if not (f["final_punct"] and f["clause_punct"] >= 0.5 and len(text) <= RUN_LINE_MAX) or f["notice"]:
        return False
    live = [j for j in alive if j not in dropped or j == alive[pos]]
    at = live.index(alive[pos])
    if at == 0 or at + 1 >= len(live):
        return False
    for j in (live[at - 1], live[at + 1]):
        t, g = reading(folded[j], lexicon)
        if not (g["final_punct"] and len(t) <= RUN_LINE_MAX and not g["notice"] and not end_marker(t, lexicon)):
            return False
    return True


def _counted_step(pos: int, alive: list[int], folded, dropped: dict[int, str]) -> bool:
    """The live line at ``pos`` is a row of a sequence the article counts (``counted_rows.sequences``:
    ``第一步 下载并打开“掌上人社”APP`` over ``第二步 …`` ``第三步 …``): a step of the article's
    instructions that names what a generic rule looks for (an app to download, a code to scan),
    not the site's prompt, which stands alone. A row numbered two or more is one whatever stands
    near it (the steps may be paragraphs apart, the first a heading of another form). (Rows of facts are not held back so: a blog's
    ``前一篇：…`` ``后一篇：…`` over a comment's ``重要提示：…`` read as three fields.)"""
    text = normalise(folded[alive[pos]])
    mark = counted_rows.ordinal(text)
    if mark is None:
        return False  # nearly every line: no sequence is read
    if mark[0] != "time" and mark[1] >= 2:
        return True  # a second step or section (二、下载并安装…APP): a site's prompt numbers itself in no list
    lo = max(0, pos - STEP_REACH)
    near = [j for j in alive[lo : pos + STEP_REACH + 1] if j not in dropped or j == alive[pos]]
    at = near.index(alive[pos])
    return any(a <= at <= b for a, b in counted_rows.sequences([normalise(folded[j]) for j in near]))


_LABELLED = re.compile(r"^[^,。;:!?]{1,8}:")  # a label and its colon opening a line (NFKC: ASCII signs)


def _sentence(text: str, f: dict[str, float]) -> bool:
    """Prose that ends a sentence (a dateline's 09:30:12 来源：江城晚报 holds clause signs, no end)."""
    return bool(f["final_punct"]) and is_prose(text, f)


def _visited(candidates: list[int], position: dict[int, int], zone: Sequence[int]) -> list[int]:
    """The positions (ascending, as the zone lists them) of the candidate lines that are live and
    stand in the zone: the only ones where a rule can match. The rest of the zone is not walked."""
    found = (position.get(i) for i in candidates)
    return [pos for pos in found if pos is not None and pos in zone]


def _apply_rule(rule: Rule, lines, alive: list[int], positions: Sequence[int], hits: _Hits, dropped: dict[int, str],
                replaced: dict[int, str], result: Removal, named: str | None = None) -> None:
    """Apply one rule at the given positions of the live lines (ascending: ``_visited``). ``named``:
    the words of the headline the page's title names, held from the generic rules."""
    folded = hits.folded
    for pos in positions:
        i = alive[pos]
        if i in dropped:
            continue
        m = hits.search(rule, i)
        if not m:
            continue
        names = rule.pattern.group_names
        for key in META_GROUPS:
            value = m[2][names[key] - 1] if key in names else None
            if value and key not in result.meta:
                result.meta[key] = unicodedata.normalize("NFKC", value).strip()  # ２０２０ -> 2020
        if rule.action == "drop-line":
            # Someone's words the article reports (他表示，未经授权转载的行为…; 原告代理人称，本网…) or
            # quotes (写下“版权所有，翻印必究”八个字) are no notice of the site's, whatever phrase of one they hold.
            if _generic(rule) and (_article_sentence(pos, alive, folded, dropped) or _counted_step(pos, alive, folded, dropped)
                                   or named is not None and title_words(folded[i]) == named
                                   or furniture_reported_at(folded[i], m[0]) or _sentence_in_run(pos, alive, folded, dropped)
                                   or quoted(folded[i], m[0], m[1]) or _introduced_line(pos, alive, folded, dropped)):
                continue
            dropped[i] = rule.id
        elif rule.action == "drop-block":
            dropped[i] = rule.id
            block = alive[pos + 1 :]
            if rule.until is not None:
                # Every line after the heading, those another rule took too: the block's closing
                # line may be one of them, and the block ends there (it went on into the article).
                block = [j for j in range(i + 1, len(lines)) if lines[j].strip()]
                for j in block:
                    dropped.setdefault(j, rule.id)
                    if rule.until.search(folded[j]):
                        break
            else:
                for j in block[: rule.lines]:
                    dropped.setdefault(j, rule.id)
        elif rule.action == "truncate-after":
            cut = alive[pos:]
            if rule.resume_prose:
                # A box inside the article (推荐阅读 between two paragraphs): only the box goes.
                under = [j for j in alive[pos + 1 :] if j not in dropped]
                size = text_box_length((folded[j] for j in under), rule.resume_prose)  # folded as read
                if size is None:
                    # The article's turns resume under the box (shaped_runs.resumed_turns), not its prose.
                    above = [j for j in alive[max(pos - 2 * KEYS_ABOVE, 0) : pos] if j not in dropped][-KEYS_ABOVE:]
                    size = resumed_turns([normalise(folded[j]) for j in above],
                                         [normalise(folded[j]) for j in under[: RESUME_REACH + 2]])
                cut = cut if size is None else [i, *under[:size]]
            for j in cut:
                dropped.setdefault(j, rule.id)
        elif rule.action == "replace":
            new = substitute(rule.pattern, rule.replacement, folded[i])
            if new == folded[i]:
                continue
            original = replaced.get(i, lines[i])
            rewritten = _replace_on_original(original, rule)
            if rewritten == original:
                # The line as read matched, the line as written did not: a tag kept by
                # --keep-markup stands in the match (…。<i>(责任编辑:王伟)</i>). No change, no count.
                continue
            replaced[i] = rewritten
            folded[i] = new
            hits.rewritten.add(i)
        result.counts[rule.id] += 1


def _replace_on_original(line: str, rule: Rule) -> str:
    """Apply a replace rule to an original line at the spans it matched on the line's fold.

    When folding changed the line's length (an OpenCC phrase of another length) spans cannot be
    mapped back, so the rule runs on the original line itself rather than changing its script.
    """
    folded = fold_page(line)
    if len(folded) != len(line):
        return substitute(rule.pattern, rule.replacement, line)
    pieces, last = [], 0
    for start, end, groups in rule.pattern.finditer(folded):
        pieces.append(line[last:start])
        pieces.append(expand(rule.replacement, groups, rule.pattern.group_names, line[start:end]))
        last = end
    pieces.append(line[last:])
    return "".join(pieces)
