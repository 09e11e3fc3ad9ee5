"""Corpus-level furniture: lines that recur across many documents of one site are learned and removed.

CCNet and RefinedWeb remove boilerplate at scale this way: a share row, a footer or a navigation
trail is the same line on every page of a portal, while an article line is written once. Runs
over many documents (folders, JSON Lines, Ray) learn in a first pass (each document cleaned with
its furniture left in, so that its lines are the ones the second pass compares: ``cleaned_lines``;
split, normalised, counted; nothing written) and remove the learned lines in the second, while cleaning.

- **Normalised lines.** Entities unescaped, width folded (fullwidth ASCII), Traditional folded to
  Simplified (a character at a time),
  every number (a run of digits, with its ``,``/``.``/``:`` separators) made ``0`` but an ordinal
  naming the document (``第12号``, ``第3期``: a series' titles differ there only), whitespace
  collapsed and dropped but between two ASCII letters or digits: ``浏览次数：1,234`` on one page
  and ``瀏覽次數: 56`` on another are one line. A sentence (``is_sentence``) keeps its numbers: an
  article sentence written from a template (``截至今日累计报告确诊病例12例。``) differs from page to
  page only there, and must not become one line recurring on every page.
- **Counted per site, once per document.** The site is a record's URL host, else the rule-file
  site recognised on the page, else the group the document came in (its folder, its input file).
- **Bounded memory.** A fixed-size *seen-once filter* (a Bloom filter: lines seen in one document
  only, the great majority, never take more room than its bits) admits a line to a bounded
  *candidate table* on its second sighting (counted 2); from then on the table counts it exactly.
  When the table is full, the half with the lowest counts is dropped. Counts are therefore at most
  one over the true number of documents (a filter collision can admit a line on its first
  sighting), and under it after an eviction. The memory is the filter (``FILTER_BITS`` / 8 bytes) plus at most ``TABLE_SIZE``
  entries plus one counter per site; ``benchmarks/learn_memory.py`` measures it per million
  documents.
- **The decision** (``Thresholds``): a line is furniture when it is in at least ``min_docs``
  documents of its site *and* in a share of them: ``short_share`` for short lines,
  ``sentence_share`` (a majority) for a long punctuated sentence, so a quote repeated in a few
  articles stays. A short line ending as a sentence ends (你好！, “好。”) is learned only when worded
  as furniture (a key's colon or a lexicon phrase): the records of a chat corpus or the chapters
  of a novel repeat such turns. Numbered headings (``一、总体要求``) are never learned: official documents share
  them. A line that is in one document only is never removed (``min_docs`` >= 3, and counts are
  at most one over the truth). A long line of prose (a comma or a sentence's end) is learned only
  when worded as a page's frame (a phrase of the furniture lexicon: 未经授权不得转载), and a site only when at least one of its
  learned lines is: templated texts that are no web pages (court judgments, contracts,
  notices) repeat their formulas, dates and names in every document, and keep them.

The learned table (``Learned``) holds normalised lines per site: exact strings, so a removal never
rests on a hash, and small enough to send to every worker process.
"""

from __future__ import annotations

import hashlib
import html
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from cleaner.model import Finding, Result, Step
from cleaner.script.fold import fold_char, script_only
from cleaner.urlhost import host_of

FILTER_BITS = 1 << 27  # the seen-once filter: 16 MiB, whatever the corpus size
TABLE_SIZE = 1 << 17  # candidate lines counted exactly (about 460 bytes each for short lines; long lines take more)
MAX_LINE_CHARS = 300  # longer lines are paragraphs, never furniture: not counted at all
HASHES = 3  # bits set per line in the filter
DOC_FILTER_BITS = 1 << 27  # the filter of documents seen, to count copies once: 16 MiB

_SURROGATE = re.compile("[\ud800-\udfff]")
# A number, with its separators: 1,234 and 3.2 and 10:30 are one 0. Not, on a line without a key
# (no colon), an ordinal that names the document (第12号管理办法, 2024年第3期, 第5集): a series'
# titles differ only there, and each is the title of one document, not a line its site repeats
# (group 1 keeps it). A header's 第1000期 点击:37次 is a counter row: its numbers all go.
_DIGITS = re.compile(r"(第\d+[号期集届批卷册])|\d+(?:[,.:]\d+)*")
_LOOSE_SPACE = re.compile(r"(?<![A-Za-z0-9]) | (?![A-Za-z0-9])")  # spacing around CJK and signs varies by page
# Sentence punctuation: a line with it and of SENTENCE_CHARS or more is a sentence of an article
# unless a majority of the site's pages carry it.
_SENTENCE_MARKS = re.compile(r"[。！？!?；;…]")
SENTENCE_CHARS = 25
# A line ending as a sentence ends (after its closing quotes): a short one is a turn of a dialogue
# or a story (你好！ 谢谢！ “嗯。”) that every record of a chat or a novel repeats, not learned
# unless worded as furniture (a key's colon, a lexicon phrase: 免责声明：…。 欢迎关注！); what a site
# repeats on every page is a label, a link, a row or a notice.
_ENDS_A_SENTENCE = re.compile(r"[。！？!?…][”」』\"')）]*$")
# Headings of official documents and long articles: 一、 (一) 1. 第一章 — shared by many articles.
_NUMBERED_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十0]+[)）]|0[.、．]|第[一二三四五六七八九十百0]+[章节条部分篇])")


def normalise(line: str) -> str:
    """The form lines are counted and compared in: see the module's docstring."""
    if "&" in line:
        line = html.unescape(line)
    table, needs = _fold_table()
    if needs.search(line):  # a scan in C; translating looks up every character in Python's dict
        line = line.translate(table)
    line = " ".join(line.split())  # split(): every Unicode space, in C
    if not is_sentence(line):
        line = _DIGITS.sub("0" if ":" in line else _zero, line)
    return _LOOSE_SPACE.sub("", line) if " " in line else line


def _zero(m: re.Match) -> str:
    return m.group(1) or "0"


def _worded_as_furniture(norm: str) -> bool:
    """A key's colon (免责声明：…) or a phrase of the furniture lexicon (欢迎关注, 阅读原文)."""
    return ":" in norm or _web_worded(norm)


def _web_worded(norm: str) -> bool:
    """A phrase of the furniture lexicon (版权所有, 分享到, 当前位置, 关注…公众号, 打印本页): words
    of a web page's frame, which court judgments, contracts or notices do not use."""
    from cleaner.furniture.lexicon import load_lexicon  # the generic model's words, loaded once

    return load_lexicon().phrases(norm)[0] > 0


def is_sentence(line: str) -> bool:
    """A long punctuated line: article text unless most of its site's pages carry it."""
    return len(line) >= SENTENCE_CHARS and _SENTENCE_MARKS.search(line) is not None


_PROSE_MARKS = re.compile(r"[,。！？!?；;…]")  # as normalised: fullwidth ，is ,


def is_prose(norm: str) -> bool:
    """A long normalised line with a comma or a sentence's end: written as prose, not a label, a
    row or a link (a template's ruling sentence, a disclaimer, an article's sentence)."""
    return len(norm) >= SENTENCE_CHARS and _PROSE_MARKS.search(norm) is not None


@lru_cache(maxsize=1)
def _fold_table() -> tuple[dict[int, int], re.Pattern]:
    """Width and script folded a character at a time, in one ``str.translate``.

    NFKC and OpenCC's phrase conversion cost ten times more per line than counting it; a line
    is only compared with other lines, so a per-character fold that is the same on every page is
    all that counting needs. Fullwidth ASCII and the ideographic space become ASCII, and each
    Traditional-only character its Simplified form (``fold_char``). Also a pattern that finds
    whether a line holds any of them.
    """
    table = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
    table[0x3000] = 0x20
    for ch in script_only("traditional"):
        simple = fold_char(ch)
        if simple != ch:
            table[ord(ch)] = ord(simple)
    return table, re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(table)) + "]")


def site_key(url: str | None, recognised: str | None, group: str) -> str:
    """Where a document's lines are counted: its URL's host, its recognised site, else its group."""
    if url:
        host = host_of(url)
        if host:
            return host[4:] if host.startswith("www.") else host
    return recognised or group


def document_lines(text: str) -> dict:
    """The document's countable lines, normalised, once each: {normalised: first raw line}; and,
    under a key ``("long", digest)``, each paragraph too long to count, so that two documents
    differing only there are no copies of each other (``Learner.add_lines``)."""
    out: dict = {}
    for raw in text.splitlines():
        if len(raw) > MAX_LINE_CHARS:
            out[("long", hashlib.blake2b(raw.encode("utf-8", "surrogatepass"), digest_size=8).digest())] = ""
            continue
        if not raw.strip():
            continue
        norm = normalise(raw)
        if norm and norm not in out:
            out[norm] = raw.strip()
    return out


def cleaned_lines(text: str, config) -> dict:
    """``document_lines`` of ``text`` as the cleaning pass leaves it before the learned lines go.

    The cleaning pass compares the lines of its result (repaired, converted, one paragraph a
    line) with what was learned; counting the lines as written would learn a misread page's
    footer as mojibake (``鍏充簬鎴戜滑``) and a pinyin-stuffed one as a different line on every
    page, and neither would ever match a repaired line. So each document is counted as the
    pipeline cleans it with furniture left in: the same lines, the same way. A document the
    pipeline refuses (too large) or fails on is counted as written; the cleaning pass reports it.
    """
    from dataclasses import replace

    from cleaner.pipeline import Cleaner

    try:
        text = Cleaner.for_config(replace(config, remove_furniture=False)).run(text, details=False).text
    except Exception:  # noqa: BLE001 - one document must not end the learning pass
        pass
    return document_lines(text)


@dataclass(frozen=True)
class Thresholds:
    """When a recurring line is furniture (defaults: docs/furniture-learning.md gives the evidence)."""

    min_docs: int = 6  # documents of the site the line must be in (benchmarks/learn_thresholds.py: 5 took 3 article lines)
    short_share: float = 0.02  # ... and this share of the site's documents (short lines)
    sentence_share: float = 0.5  # ... or this share, for a long punctuated sentence

    def __post_init__(self) -> None:
        if self.min_docs < 3:
            # Counts may be one over the truth (a filter collision): 3 keeps a line that is in one
            # document only from ever being removed.
            raise ValueError("min_docs must be 3 or more: a line in one document is never furniture")
        if not (0 <= self.short_share <= 1 and 0 <= self.sentence_share <= 1):
            raise ValueError("shares are between 0 and 1")

    def is_furniture(self, norm: str, count: int, site_docs: int) -> bool:
        if count < self.min_docs or _NUMBERED_HEADING.match(norm):
            return False
        if not is_sentence(norm) and _ENDS_A_SENTENCE.search(norm) and not _worded_as_furniture(norm):
            return False  # a short sentence or a quoted turn (你好！ “好。”): a dialogue's or a story's
        if is_prose(norm) and not _web_worded(norm):
            # A long line of prose the site's documents share is a template's (依照…之规定，判决如下：)
            # unless worded as a page's frame (未经授权，不得转载。): the template's documents keep it.
            return False
        share = count / max(site_docs, count)
        return share >= (self.sentence_share if is_sentence(norm) else self.short_share)


def is_article_line(norm: str) -> bool:
    """A line written as an article's (it ends as a sentence ends, or is prose) and not worded as a
    page's frame (版权所有，未经授权不得转载。): a document's text, which learning never takes whole."""
    return (_ENDS_A_SENTENCE.search(norm) is not None or is_prose(norm)) and not _web_worded(norm)


@dataclass(slots=True)
class Candidate:
    site: str
    norm: str
    count: int = 2  # documents: admitted on the second sighting, counted exactly from then on
    example: str = ""  # one raw line, kept once the line has proved to recur
    sole: int = 0  # documents where it is the only article line (is_article_line): their text, not furniture
    varies: bool = False  # its raw text differs between documents (a template's number): a page's frame is written once


class Learner:
    """Counts normalised lines per site over a corpus, in bounded memory (see the module docstring)."""

    def __init__(self, *, filter_bits: int = FILTER_BITS, table_size: int = TABLE_SIZE) -> None:
        if filter_bits < 64 or filter_bits & (filter_bits - 1):
            raise ValueError("filter_bits must be a power of two >= 64")
        self.filter_bits = filter_bits
        self.seen = bytearray(filter_bits // 8)
        self.copies = bytearray(DOC_FILTER_BITS // 8)  # documents seen, for copies: a filter of its own
        self.table_size = table_size
        self.table: dict[int, Candidate] = {}
        self.site_docs: Counter = Counter()
        self.documents = 0
        self.duplicates = 0  # documents whose lines were all another's: counted once
        self.evictions = 0

    def add(self, text: str, site: str) -> None:
        """Count one document's lines."""
        self.add_lines(document_lines(text), site)

    def add_lines(self, lines: dict[str, str], site: str) -> None:
        """Count one document given as ``document_lines`` (computed in a worker, say).

        A document whose sentences are another's of its site (a syndicated or repeated copy) is
        counted once: otherwise every line of an article copied into six records would recur
        in six documents and the copies would be emptied. Copies are found by a filter of their
        own (``DOC_FILTER_BITS``: 0.5 % of documents taken for copies at 10 million); a collision
        at worst leaves a document uncounted (fewer lines learned, never more).
        """
        # A copy has the same sentences and long paragraphs (its dates and furniture may differ);
        # a document without them is a copy only of one with exactly its lines.
        body = tuple(key for key in lines if not isinstance(key, str) or is_sentence(key)) or tuple(lines.values())
        if self._seen_before(hash((site, body)), self.copies, DOC_FILTER_BITS - 1):
            self.duplicates += 1
            return
        self.documents += 1
        self.site_docs[site] += 1
        mask = self.filter_bits - 1
        # The document's one article line, if it has one only (a long paragraph is one): a line
        # that is the whole text of most documents it is in is never learned (Thresholds).
        articles = [key for key in lines if not isinstance(key, str) or is_article_line(key)]
        sole = articles[0] if len(articles) == 1 else None
        for norm, raw in lines.items():
            if not isinstance(norm, str):
                continue  # a long paragraph: part of what makes a copy, never counted as a line
            h = hash((site, norm)) & 0xFFFFFFFFFFFFFFFF
            entry = self.table.get(h)
            if entry is not None:
                if entry.site == site and entry.norm == norm:  # else a 64-bit collision: not counted
                    entry.count += 1
                    entry.sole += norm == sole
                    if not entry.example:
                        entry.example = raw
                    elif raw != entry.example:
                        entry.varies = True
                continue
            if self._seen_before(h, self.seen, mask):
                # Its first sighting is taken to be as this one (it was not kept)
                self.table[h] = Candidate(site, norm, sole=2 if norm == sole else 0)
                if len(self.table) >= self.table_size:
                    self._evict()

    @staticmethod
    def _seen_before(key: int, seen: bytearray, mask: int) -> bool:
        """Set ``key``'s bits in the filter ``seen``; were they all set already?"""
        h = key & 0xFFFFFFFFFFFFFFFF
        h1, h2 = h & 0xFFFFFFFF, (h >> 32) | 1
        before = True
        for i in range(HASHES):
            bit = (h1 + i * h2) & mask
            byte, flag = bit >> 3, 1 << (bit & 7)
            if not seen[byte] & flag:
                before = False
                seen[byte] |= flag
        return before

    def _evict(self) -> None:
        """Drop the half of the table with the lowest counts (amortised: once per half a table)."""
        self.evictions += 1
        ranked = sorted(self.table.items(), key=lambda kv: kv[1].count)
        for h, _ in ranked[: len(ranked) // 2]:
            del self.table[h]

    def learned(self, thresholds: Thresholds | None = None) -> Learned:
        t = thresholds or Thresholds()
        lines: dict[str, set[str]] = {}
        counts: dict[tuple[str, str], tuple[int, str]] = {}
        for entry in self.table.values():
            if entry.sole * 2 > entry.count and (entry.varies or entry.count < 4):
                # The only article line of most documents it is in, written anew on each: learned,
                # it would empty them (a template's sentence whose number alone differs:
                # 第12号文件：国务院发布了新的规定。). A line the same to the byte on every page is the
                # page's frame even where it is the only sentence (温馨提示：出行请注意安全。 under
                # a weather page's figures): kept back, it stayed while the figures went.
                # Seen in 3 documents its raw text was compared with none (the example is the
                # third's): not known to be the same, it is taken to be the document's text.
                continue
            if t.is_furniture(entry.norm, entry.count, self.site_docs[entry.site]):
                lines.setdefault(entry.site, set()).add(entry.norm)
                counts[(entry.site, entry.norm)] = (entry.count, entry.example or entry.norm)
        # Recurring lines are a web site's furniture only where the site shows a web page's frame:
        # a folder of court judgments or contracts repeats its formulas (本院认为：, a date, a
        # clerk's name) in every document, and none of them is furniture. A site whose recurring
        # lines hold no phrase of the furniture lexicon learns nothing.
        framed = {site for site, norms in lines.items() if any(_web_worded(n) for n in norms)}
        lines = {site: norms for site, norms in lines.items() if site in framed}
        counts = {key: value for key, value in counts.items() if key[0] in framed}
        return Learned({s: frozenset(v) for s, v in lines.items()}, {s: n for s, n in self.site_docs.items() if s in lines},
                       counts, self.documents)


@dataclass(frozen=True)
class Learned:
    """What a first pass learned: per site, the normalised lines that are furniture.

    ``lines`` is all a worker needs (and all that ``for_workers`` keeps); ``counts`` (documents
    and one example per line) and ``site_docs`` are for ``cleaner rules learn`` and reports.
    """

    lines: dict[str, frozenset[str]]
    site_docs: dict[str, int] = field(default_factory=dict)
    counts: dict[tuple[str, str], tuple[int, str]] = field(default_factory=dict)
    documents: int = 0

    def __bool__(self) -> bool:
        return bool(self.lines)

    def for_workers(self) -> Learned:
        return Learned(self.lines)

    def fingerprint(self) -> str:
        """A digest of the learned lines: outputs made with other lines learned are stale."""
        digest = hashlib.sha256()
        for site in sorted(self.lines):
            digest.update(site.encode() + b"\0" + "\n".join(sorted(self.lines[site])).encode() + b"\0\0")
        return digest.hexdigest()

    def line_count(self) -> int:
        return sum(map(len, self.lines.values()))


def remove_learned(result: Result, learned: Learned | None, site: str, *, details: bool = False) -> Result:
    """Remove the learned lines of ``site`` from a cleaned result; one Step ``remove learned:SITE``.

    Lines are compared normalised, as they were counted (``cleaned_lines``: the same cleaning). With
    ``details``, each removed line's text is a finding, so nothing goes without a record.
    """
    lines = learned.lines.get(site) if learned else None
    if not lines or not result.text:
        return result
    kept, removed = [], []  # removed: (offset in the cleaned text, line)
    at = 0
    all_lines = result.text.split("\n")
    inside = among_article_lines(all_lines, lines)
    for k, line in enumerate(all_lines):
        if k not in inside and line.strip() and len(line) <= MAX_LINE_CHARS and normalise(line) in lines:
            removed.append((at, line))
        else:
            kept.append(line)
        at += len(line) + 1
    if inside:
        result.findings.append(Finding("learned-line-kept", -1, f"{len(inside)} line(s) learned for {site!r} kept: "
                                       "between the document's article lines"))
    if not removed:
        return result
    if not any(line.strip() for line in kept) and any(is_sentence(normalise(line)) for _, line in removed):
        # Every line recurs elsewhere, sentences too: a copy of another document whose copies
        # escaped the check while learning. Emptying it would lose an article to its own
        # duplicates: it is kept whole, and said so. (A page of furniture alone has no sentence.)
        result.findings.append(Finding("all-lines-learned", -1, f"every line is one learned for {site!r}: kept as it is"))
        return result
    if not any(line.strip() for line in kept):
        # Learning never empties a document of its article lines: a line learned on other documents
        # that is this one's only text (its sentence, its number alone differing) stays, and is said.
        # Only when nothing else is left: under a data page's figures (晴 18℃) the line learned as
        # the frame (温馨提示：出行请注意安全。) is no text of the page, and goes.
        back = {at for at, line in removed if is_article_line(normalise(line))}
        if back:
            result.findings.append(Finding("learned-line-kept", -1, f"{len(back)} line(s) learned for {site!r} kept: "
                                           "the document's only article lines"))
            removed = [(at, line) for at, line in removed if at not in back]
            gone = {at for at, _ in removed}
            kept, at = [], 0
            for line in result.text.split("\n"):
                if at not in gone:
                    kept.append(line)
                at += len(line) + 1
            if not removed:
                return result
    had_text = bool(result.text.strip())
    result.text = "\n".join(kept)
    result.steps.append(Step("remove", f"learned:{site}", len(removed)))
    if details:
        # As the rules' and the generic model's removals are recorded: where, which rule, what.
        result.findings.extend(Finding("removed-line", at, f"learned:{site}: {line.strip()}") for at, line in removed)
    if had_text and not result.text.strip():
        result.findings.append(Finding("all-lines-removed", -1, f"the lines learned for {site!r} removed every line"))
    return result


def among_article_lines(lines: list[str], learned: frozenset[str]) -> set[int]:
    """The learned lines (indices) that stand among the document's article lines: the nearest
    non-empty lines above and below are article lines (``is_article_line``) that were not learned.

    A site's template line (its slogan, its prompt) stands in the page's head or tail, above the
    headline or under the last paragraph, with the rest of the frame; the same words between two
    paragraphs of one article are that article's (a report quoting the paper's motto, a column
    closing on it is not told apart: it stands where the tail starts). Kept, they cost a
    template's inline row at worst; removed, they lost the article's sentence.
    """
    norms = [normalise(line) if line.strip() and len(line) <= MAX_LINE_CHARS else "" for line in lines]
    filled = [k for k, line in enumerate(lines) if line.strip()]
    out = set()
    for pos, k in enumerate(filled):
        if norms[k] not in learned or pos == 0 or pos + 1 == len(filled):
            continue
        above, below = filled[pos - 1], filled[pos + 1]
        if all(norms[j] not in learned and _article_text(lines[j], norms[j]) for j in (above, below)):
            out.add(k)
    return out


def _article_text(line: str, norm: str) -> bool:
    """A line of the article's prose: a paragraph too long to count, or an article line."""
    return len(line) > MAX_LINE_CHARS or (bool(norm) and is_article_line(norm))


def document_site(text: str, url: str | None, group: str, config) -> str:
    """``site_key`` for one document under ``config``: both passes call this, so they agree.

    A lone surrogate (a JSON record's broken ``\\ud800``) is read as U+FFFD for recognition: the
    cleaning pass reports such a record and passes it through; learning must not end the run.
    """
    if url and site_key(url, None, ""):
        return site_key(url, None, "")
    if config.site:
        return config.site
    from cleaner.furniture.boilerplate import recognise
    from cleaner.pipeline import Cleaner

    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    site = recognise(Cleaner.for_config(config).ruleset, text)
    return site_key(None, site.id if site else None, group)
