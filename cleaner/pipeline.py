"""The ordered pipeline: run(text) -> Result, recording every change as a Step.

Order (each stage sees the output of the one before):

1. ``unescape_html``      HTML entities, also double-escaped
2. ``fix_mojibake``       text misread by a wrong decoder (GBK, Big5 and single-byte families)
3. ``indent-artifacts``   "? ? ? ?" left by NBSP indentation (before the byte repair reads "?")
4. ``repair_pinyin``      pinyin annotations, shifted runs, lost bytes (GBK byte view)
5. ``remove_furniture``   site rules, then generic rules (matched on a script-neutral fold)
6. ``convert_script``     OpenCC chain for the target script (never inside unrepaired mojibake)
7. ``fix_width``          compat forms, fullwidth letters/digits, Chinese punctuation by context
8. ``normalize_whitespace`` one paragraph per line

Detectors (unrecoverable bytes, script shares) add findings and never change text; they run only
when details are asked for (``run(details=True)``, the default).
"""

from __future__ import annotations

import re

from collections.abc import Callable, Collection, Generator, Iterable, Mapping
from dataclasses import replace
from functools import lru_cache, partial
from pathlib import Path

from cleaner import (addresses, badness, bbcode, bidi_controls, char_lines, codelines, fixes, hardwrap, leftovers, ligatures, literal_marks, lost_chars, lost_text, markdown, rtf, smuggled_bytes,
                     social, spacing, subtitles, title_guess)
# Step counts: runs of changed characters, lines aligned greedily (native; the Python original is
# tests/reference_steps.py).
from cleaner._native import changed_places as _changed_places
from cleaner.config import Config, DocumentTooLarge, config_from
from cleaner.furniture import boilerplate, rules
from cleaner.io.decode import NotText
from cleaner.io.jsonl import has_surrogates
from cleaner.io.html import HtmlPage
from cleaner.io.html_field import field_page
from cleaner.io.page import Page, load_page
from cleaner.model import CountedLater, Finding, Result, Step
from cleaner.repair import annotations as repair
from cleaner.repair import mojibake
from cleaner.repair import (ascii_punct, astral_chars, astral_cut, blank_bytes, case_folded, code_pages, converted_in_step, converted_mojibake, cut_runs, decomposed, escaped_bytes, folded_bytes, four_byte, han_soup, invisible_bytes, latin_layers, layers,
                            lone_signs, narrow_dropped, narrow_tables, one_byte, other_scripts, question_marks, resync, set_aside, short_fields, truncated_runs, utf16_gbk, utf16_legacy, utf16_read, width_folded, zhuyin_bytes)
from cleaner.repair import base64_bodies, byte_strings, inner_bom, quoted_examples, json_strings, lost_marks, quoted_code, spaced_mojibake, quoted_printable, pdf_glyphs, seven_bit, terminal_codes
from cleaner.script import convert, fold
from cleaner.textedit import joined_spans


# Pages up to this many characters count their steps' places only when read (CountedLater): the
# texts before and after each change are held until then, a few MB at most.
LAZY_COUNT_CHARS = 1 << 20
SINGLE_BYTE_ROUNDS = 3  # readings of the single-byte stage at most, each on what the last put back
WIDTH_ROUNDS = 3  # rounds of the width and punctuation stages at most (each reads the others' output)
MISREAD_ROUNDS = 4  # rounds of the byte-level repairs at most, each reading what the last put back
TITLE_REPAIR_MAX = 200  # characters of a title read by the repairs (Cleaner._repaired_title)
# Characters that look misread (rare by the model) a title must hold to be repaired: a misread title
# holds 4 or more, 12 % of clean ones 2 or more. The repairs cost 0.4 ms a title, a third of a
# clean page, which every HTML page would otherwise pay.
TITLE_RARE = 2
# An HTML page's <meta> fields of text read by the repairs as its title is (Cleaner._repaired_fields),
# up to this many characters (a description is a paragraph at most).
REPAIRED_META = ("description", "author")
FIELD_REPAIR_MAX = 600
SHORT_FIELD = 6  # a <meta> field this short is a name: tried with one rare character (_field_rare)


def _may_be_misread(title: str, rare: int = TITLE_RARE) -> bool:
    """Does a title hold what a misread one holds: rare characters, or UTF-8 shown one byte a
    character (华 is å\x8d\x8e), which holds no rare Han for ``count_rare``?"""
    return mojibake.count_rare(title) >= rare or len(layers.UTF8_AS_LATIN.findall(title)) >= rare


def _field_rare(value: str) -> int:
    """Rare characters a ``<meta>`` field must hold to be tried: a name of two or three characters
    misread holds one or two (张三 is 寮犱笁, one rare), and the repair, which judges the reading
    itself, left every clean name of a sample of jieba's 3,000 with a rare character as it was."""
    return 1 if len(value) <= SHORT_FIELD else TITLE_RARE


class Cleaner:
    """Build once (loads rules and converters), call many times.

    >>> Cleaner().clean("國(guó)務(wù)院")
    '国务院'
    """

    def __init__(self, config: Config | None = None, **options) -> None:
        self.config = config_from(config, options, "Cleaner()")
        self.ruleset = rules.load([Path(d) for d in self.config.rule_dirs])
        if self.config.site and self.config.site not in self.ruleset.sites:
            raise rules.RuleError(f"unknown site {self.config.site!r}; known: {', '.join(sorted(self.ruleset.sites))}")

    @staticmethod
    def for_config(config: Config) -> Cleaner:
        """The one Cleaner of this process for ``config``, built on first use.

        Engines, worker processes and framework adapters all hold their cleaner this way: building
        one loads rules, converters and the character model, so each process does it once.
        """
        return _shared(config)

    def __reduce__(self):
        """Pickled as its Config and rebuilt from it (its patterns and converters do not pickle)."""
        return (type(self), (self.config,))

    def clean(self, text: str, **kw) -> str:
        try:
            return self.run(text, details=False, **kw).text
        except (TypeError, NotText) as exc:  # the refusal names the call the caller made
            if str(exc).startswith("run() "):
                raise type(exc)("clean() " + str(exc)[len("run() "):]) from None
            raise

    def run(self, text: str, *, url: str | None = None, details: bool = True, title: str | None = None,
            linked: Collection[str] = frozenset(), roles: Mapping[str, str] | None = None, html: bool | None = None) -> Result:
        """Clean ``text``; every change is a step of the result.

        A string that is an HTML page (it opens with markup that looks like a page's: the sniff of
        ``cleaner.io.html_field.field_page``) is read as the page's file is (``run_page``): its
        visible text, ``<title>``, ``<meta>`` and link and structure evidence, as ``run_bytes`` and
        the JSON Lines engine read it, so a page gives the same text however it reaches the
        cleaner (a string, bytes, a record's field, a framework adapter's document).
        ``html=False`` (or ``Config(strip_markup=False)``, ``--keep-markup``) reads it as text.

        ``title``: the page's own title (an HTML page's ``<title>``), if known: on a page of several
        entries (a blog's latest posts) it names the article; the others go as furniture.
        ``linked``: an HTML page's lines that are link text, as its extractor gave them
        (``HtmlPage.linked``): outside the article, a run of them is furniture (``linked_lines.py``).
        ``roles``: where an HTML page's lines stood in its markup, by their text as extracted
        (``HtmlPage.roles``): the article's container, furniture regions (``page_structure.py``).

        ``details=False``: skip the detectors whose findings only describe the page (script
        shares, unrecoverable characters, the title), about a fifth of the time on a clean page.
        Steps, the findings of repairs and rule time-outs, and the site are always there.
        """
        if not isinstance(text, str):
            hint = "; for bytes of unknown encoding use run_bytes()" if isinstance(text, (bytes, bytearray)) else ""
            raise TypeError(f"run() takes the text as str, not {type(text).__name__}{hint}")
        for name, value in (("url", url), ("title", title)):
            if value is not None and not isinstance(value, str):
                raise TypeError(f"run() takes {name} as str or None, not {type(value).__name__}")
        if self.config.max_chars and len(text) > self.config.max_chars:
            raise DocumentTooLarge(f"{len(text):,} characters, over the limit of {self.config.max_chars:,} (max_chars)")
        if has_surrogates(text):  # one C-speed search: a stage that encodes the text fails on some pages only
            if not smuggled_bytes.readable(text):
                raise NotText("run() takes text, and this holds lone UTF-16 surrogates (no UTF-8 text does); "
                              "decode the source with errors='replace' or pass it through")
            # Bytes a decoder's surrogateescape kept (or a pair's two halves): the page's own
            # bytes, read as a page's bytes are, then cleaned; the reading is the run's first step.
            text, read, found = smuggled_bytes.read_back(text)
            result = self.run(text, url=url, details=details, title=title, linked=linked, roles=roles, html=html)
            result.steps.insert(0, Step("decode", "surrogate-escaped-bytes", read))
            result.findings[:0] = found
            return result
        if html is not False and self.config.strip_markup and (page := field_page(text)) is not None:
            return self.run_page(page, url=url, details=details, title=title)
        if (title and self.config.fix_mojibake and not title.isascii() and len(title) <= TITLE_REPAIR_MAX
                and _may_be_misread(title) and not has_surrogates(title)):
            title = self._repaired_title(title)
        return self._run(text, url, details, title, linked if self.config.link_lines else frozenset(),
                         roles if self.config.link_lines else None)

    def _repaired_title(self, title: str) -> str:
        # A title longer than TITLE_REPAIR_MAX is no page's title (a junk <title> or records field)
        # and is passed on as it is: the repairs' time grows faster than a text's length.
        """The page's title through the repairs, as the page goes through them: a title misread with
        its page (鍥藉鑰冭瘯) names no headline and, converted, could no longer be read back."""
        cfg = replace(self.config, remove_furniture=False, generic_furniture=False, convert_script=False, fix_width=False,
                      max_chars=0)
        return Cleaner.for_config(cfg).run(title, details=False).text

    def run_many(self, texts: Iterable[str], *, details: bool = True) -> list[Result]:
        """``[self.run(text, details=details) for text in texts]``, the pages cleaned phase by phase
        (``_phases``): every page of ``texts`` through the escapes and markup, then every page
        through the repairs, and so on to the width stages. Each phase's tables and answers stay in
        the processor's caches from one page to the next, where one page at a time the other
        phases pushed them out (a clean crawl page 5.57 -> 4.55 ms of CPU, median of 5: docs/
        history.md, session 45). The same results: no stage reads another page.

        A text ``run`` reads another way (an HTML page, smuggled bytes, one over ``max_chars``,
        one that is no str) is cleaned by ``run`` itself, and so, in their order, is every page left
        unfinished when a page raises: the first failing text raises as ``run`` raises it. Every
        page's state is held until the batch is done: give a batch of pages, not a corpus. Any
        iterable of texts is taken (a generator too); a single str is refused, as it would be
        cleaned a character a page.
        """
        if isinstance(texts, (str, bytes)):
            raise TypeError("run_many takes a list of texts, not one text (use run)")
        texts = list(texts)
        results: list[Result | None] = [None] * len(texts)
        running = [(k, self._phases(text, None, details, None, frozenset(), None))
                   for k, text in enumerate(texts) if self._phased(text)]
        try:
            while running:
                still = []
                for k, phases in running:
                    try:
                        next(phases)
                        still.append((k, phases))
                    except StopIteration as done:
                        results[k] = done.value
                running = still
        except Exception:  # noqa: BLE001  raised again below, by run, in the texts' order
            pass
        return [self.run(text, details=details) if result is None else result for text, result in zip(texts, results, strict=True)]

    def _phased(self, text: object) -> bool:
        """Would ``run(text)`` clean ``text`` with ``_run`` as it stands (no other reading, no refusal)?"""
        return (isinstance(text, str) and not (self.config.max_chars and len(text) > self.config.max_chars)
                and not has_surrogates(text) and not (self.config.strip_markup and field_page(text) is not None))

    def _run(self, text: str, url: str | None, details: bool, title: str | None, linked: Collection[str],
             roles: Mapping[str, str] | None = None) -> Result:
        phases = self._phases(text, url, details, title, linked, roles)
        while True:
            try:
                next(phases)
            except StopIteration as done:
                return done.value

    def _phases(self, text: str, url: str | None, details: bool, title: str | None, linked: Collection[str],
                roles: Mapping[str, str] | None = None) -> Generator[None, None, Result]:
        """The cleaning of ``text`` (``_run``), paused at each bare ``yield``: between two phases
        whose stages use different tables (``run_many`` runs a batch's pages one phase at a time).
        The pauses change nothing the stages read."""
        cfg = self.config
        steps: list[Step] = []
        findings: list[Finding] = []
        meta: dict[str, str] = {}
        # This page's lines as the other-scripts stage read them (keyed by line text): its repair,
        # the set-aside and the unread spans ask the same lines, and nothing outlives the page.
        readings: dict = {}

        def apply(action: str, name: str, fixer: Callable[[str], str], value: str, most: Callable[[str], int] | None = None) -> str:
            new = fixer(value)
            if new != value:
                # Without details the places are counted only if the count is read (model.CountedLater);
                # a huge page is counted at once, so that no stage's copy of it is held to the end.
                # ``most``: what the stage took out, which no count of its places can exceed.
                count = partial(_changed_places, value, new) if most is None else partial(_at_most, value, new, most)
                steps.append(Step(action, name, count()) if details or len(value) > LAZY_COUNT_CHARS else CountedLater(action, name, count))
            return new

        def record(name: str, repair: mojibake.MojibakeRepair) -> str:
            """A byte-level repair's text, with its count as a step and its guesses as findings."""
            if repair.count:
                steps.append(Step("repair", name, repair.count))
            findings.extend(repair.findings)
            return repair.text

        # Escapes, then entities, then tags: each may hide the next (\u0026amp; is &amp;, &lt;p&gt;
        # is <p>), and taking them in this order leaves nothing for a second clean to change.
        # Text extracted from HTML keeps what looks like a tag (Config.for_extracted_text).
        if cfg.fix_mojibake:
            # A page of UTF-8 read as UTF-16 is read back whole before anything: no other view sees
            # its bytes, and what it reads as (tags, escapes, line breaks) is for the stages after.
            text = apply("repair", "utf8-read-as-utf16", utf16_read.repair, text)
            # A GBK or Big5 page read as UTF-16 the same way: its units' bytes read in that encoding,
            # each unit UTF-16 rejected (a lone surrogate's U+FFFD) a guessed character.
            text = record("legacy-read-as-utf16", mojibake.MojibakeRepair(*utf16_legacy.repair(text, guess=cfg.guess_lost)))
            # UTF-16 shown one byte a character, and 7-bit encodings (HZ, ISO-2022, UTF-7) read as
            # ASCII: whole bytes, read before the line-break and invisible stages take theirs.
            text = apply("repair", "utf16-read-as-latin1", utf16_read.latin1_repair, text)
            text = record("utf16-read-as-gbk", mojibake.MojibakeRepair(*utf16_gbk.repair(text, guess=cfg.guess_lost)))
            text = apply("repair", "seven-bit-encodings", seven_bit.repair, text)
        if cfg.join_spaced:
            # A space between every character (a PDF's copy) out before anything reads words: the
            # escapes, entities and tags it spaced out are read below as a second clean would.
            text = apply("whitespace", "spaced-characters", spacing.join_spaced, text)
        if cfg.join_spaced and cfg.fix_mojibake:
            # Mojibake a word segmenter cut (鍒樺叚 鍒樹 竷鍙): the spaces it put out, so the byte
            # repairs read the run whole, and the tags and escapes it spaced out are read below.
            text = apply("whitespace", "segmenter-spaces-in-mojibake", spaced_mojibake.repair, text)
        if cfg.decode_escapes:
            # Mail's transfer encodings, then JSON strings' escapes: outer layers before the escapes
            # they may hold (cleaner/repair/quoted_printable.py, base64_bodies.py, json_strings.py).
            text = apply("repair", "quoted-printable", quoted_printable.repair, text)
            text = apply("repair", "base64-bodies", base64_bodies.repair, text)
            text = apply("repair", "json-string-escapes", json_strings.repair, text)
            # RTF source (a document or a fragment of one) read as its text before the literal
            # escapes, which would take \u20320 for \u2032 and 0 (cleaner/rtf.py).
            text = apply("repair", "rtf", rtf.repair, text)
            text = apply("repair", "literal-escapes", leftovers.decode_escapes, text)
            # A string of bytes a tool wrote whole: bytea's \xe4b8ad, git's and ls's octal \344\270.
            text = apply("repair", "escaped-byte-strings", byte_strings.repair, text)
        if cfg.unescape_html:
            text = apply("repair", "html-entities", fixes.unescape_entities, text)
        # One line break, before any stage reads lines (and after the entities, which may hold one:
        # &#13;): a page with \r or \r\n must be cut into the lines a second clean (of the first's
        # output, \n only) sees, or the furniture model would judge other lines the second time.
        text = apply("whitespace", "line-breaks", fixes.unify_line_breaks, text)
        if cfg.remove_invisible:
            # Directional marks, embeddings and isolates order nothing in left-to-right text: out of
            # every line no right-to-left letter needs them on (cleaner/bidi_controls.py). No decoder
            # shows a byte as one, and a tag or word they split (<\u202ebr>) is read whole after.
            text = apply("remove", "bidi-controls", bidi_controls.remove, text)
        if cfg.normalize_whitespace and cfg.generic_furniture:
            # A vertical PDF copied one character a line, joined before any stage reads a line: the
            # markup, escapes and mojibake it holds read whole, and the furniture model took its lone
            # digits for page numbers (cleaner/char_lines.py).
            text = apply("whitespace", "one-character-lines", char_lines.join, text)
        if cfg.remove_invisible:
            # A terminal's colour codes (a BBS post, a captured log) show nothing, as the escape
            # character that starts them: whole, before that character alone goes below and leaves
            # [1;33m (cleaner/repair/terminal_codes.py).
            text = apply("remove", "terminal-codes", terminal_codes.strip, text)
        if cfg.strip_markup:
            # Each place it changed holds a tag or a script, style or comment it took out: the line
            # aligner, which looks 8 lines ahead, once counted a long page's every later line after
            # a script block of more lines (75,938 places for 403 tags).
            text = apply("remove", "markup-tags", leftovers.strip_markup, text, most=leftovers.markup_taken)
            text = apply("remove", "bbcode-tags", bbcode.strip_bbcode, text)  # a forum's markup, as HTML's
            # A page dumped as Markdown (html2text, a reader tool): its syntax as HTML's tags, its
            # reader header or first heading as an HTML page's <title> and <meta> (cleaner/markdown.py).
            if header := markdown.page_meta(text):
                meta.update(header)
                title = title or header.get("title")
            text = apply("remove", "markdown", markdown.strip_markdown, text)
        if cfg.replacement_marks:
            text = apply("repair", "replacement-marks", lost_marks.repair, text)
        if cfg.fix_mojibake:
            # A UTF-8 byte-order mark read as GBK (锘 and a byte that puts the text after it out of
            # step): out, and that text read in step, before the byte repairs re-read its pieces.
            text = apply("repair", "utf8-bom-in-gbk", inner_bom.repair, text)

        def read_misreadings(text: str, shifted: bool) -> tuple[str, bool]:
            """The byte-level repairs of misread text, once: the text, and whether the page shows
            the pinyin damage (``shifted``: an earlier round found it so, which holds)."""
            # Single-byte mojibake first: it (æŽ¨) re-encodes to GBK too, and must not be re-read.
            # The cleaner's own reader before ftfy, which takes any Latin-1 run for UTF-8 (GBK
            # read as Latin-1, Í³, would become U+0373); ftfy takes what is left.
            # Every character guessed from lost bytes is a finding (at its place in the text the
            # repair returns); with guessing off it is written as U+FFFD.
            # Code pages the single-byte view does not model (Mac Roman, DOS, Cyrillic, ISO-8859-15
            # ...) first: read as cp1252 their runs would come back wrong, not untouched.
            # Bytes a decoder wrote as \xHH escapes (errors="backslashreplace") before all of them:
            # exact bytes, read back whole before any repair re-reads the pieces between the escapes.
            text = apply("repair", "backslash-escaped-bytes", escaped_bytes.repair, text)
            # GB18030's four-byte codes a GBK decoder marked (Espa�0�9a): one character each.
            text = record("gb18030-four-byte-read-as-gbk", four_byte.repair(text, guess=cfg.guess_lost))
            # Zhuyin annotations misread as GBK whose last letter's byte the bracket took ((銊屻劎銊∷�)
            # is (ㄌㄧㄡˊ)): read before any stage takes their pieces for Han mojibake.
            text = record("zhuyin-read-as-gbk", zhuyin_bytes.repair(text, guess=cfg.guess_lost))
            # UTF-8 cut inside a character (substr(), a summary's length), then read as GBK: the cut
            # character's bytes off the run's end, before the readers take a `…` after it for them.
            text = record("utf8-cut-read-as-gbk", truncated_runs.repair(text))
            # GBK read as gb2312: each mark one byte of the page's own table (narrow_tables.PAIRS).
            narrow = text
            text = record("read-by-narrower-table", narrow_tables.repair(text, guess=cfg.guess_lost))
            # The same read with errors="ignore": the characters whose bytes left a trace (朱F基).
            text = record("dropped-by-narrower-table", narrow_dropped.repair(text, guess=cfg.guess_lost))
            if text != narrow:
                # A page gb2312 read: its ・ and ― on the lines that lost nothing are GBK's · and —.
                text = record("read-by-narrower-table", narrow_dropped.gbk_forms(text))
            # UTF-8 read as cp1252 and then NFKC-normalised (² made 2, ¼ 1⁄4): each folded byte
            # written back where UTF-8 needs it, exactly, before the spaces below and any reader.
            text = record("nfkc-folded-bytes", mojibake.MojibakeRepair(*folded_bytes.repair(text), []))
            # The same after lower() or upper() (ŠŒŽ made šœž, ä..ï Ä..Ï: a byte's character made
            # another's) and after a width fold of UTF-8 read as GBK (＄ made $): written back as the
            # decoder showed them, the model choosing where the fold made two bytes one.
            text = record("case-folded-bytes", mojibake.MojibakeRepair(*case_folded.repair(text)))
            text = record("width-folded-bytes", mojibake.MojibakeRepair(*width_folded.repair(text)))
            # The same after a filter made cp1252's quotes and dashes ASCII (’ as ', — as --): each
            # form written back where UTF-8 needs a continuation byte, the model choosing.
            text = record("ascii-punct-bytes", mojibake.MojibakeRepair(*ascii_punct.repair(text)))
            # The same where a tool wrote "?" for the bytes cp1252 leaves undefined: a "?" where UTF-8
            # needs a continuation byte is a mark for certain, written U+FFFD before the code pages
            # below take the run for another's reading.
            text = record("question-marks-in-utf8", question_marks.inside_misread_utf8(text))
            # UTF-8 read as cp1252 whose no-break spaces (byte a0) became spaces: each put back
            # where UTF-8 cannot hold a space, before any reader takes the pieces between them.
            # A page read by a code page the byte views do not model (Mac Roman, DOS, Baltic) first:
            # the no-break-space reading below takes its spaces for cp1252's lost a0 bytes (a0 is
            # no space there) and the page was then no single code page's reading any more.
            # UTF-8 read as cp1252, Latin-1 or a browser's windows-1252 whose invisible characters
            # (soft hyphen, C1 controls, no-break space) a later tool deleted: each cut character's
            # bytes put back where UTF-8 needs them, before the code pages below take the cut runs
            # for another code page's reading (Latin-1 without its C1 controls reads as none).
            text = record("invisible-bytes-deleted", mojibake.MojibakeRepair(*invisible_bytes.repair(text, guess=cfg.guess_lost)))
            text = record("read-as-other-code-page", code_pages.repair_code_pages(text, guess=cfg.guess_lost))
            code_pages_read = text  # code_pages reads to a fixed point: again only on what changed since
            # GBK or Big5 an EUC-JP decoder showed as kanji alone (忽暦垪窟 is 国务院发): no kana or
            # hangul for code_pages to see. Before the GBK and Big5 views, which would take its
            # kanji for their own mojibake and leave pieces no reading can join again.
            text = record("read-as-japanese-euc", han_soup.repair(text, guess=cfg.guess_lost))
            text = record("nbsp-read-as-space", mojibake.MojibakeRepair(*blank_bytes.repair(text, guess=cfg.guess_lost)))
            # Misread as cp1252 twice (Ã¤Â¹Â): the outer layers off first, so that the next stages
            # read the inner one, as they read a page misread once.
            text = record("latin-layers", mojibake.MojibakeRepair(*latin_layers.peel(text, guess=cfg.guess_lost)))
            # GBK mojibake shown as cp1252 (æ¶“æžƒ): through both layers, after the single-byte
            # layers (their own kind) and before any stage reads the outer one alone and leaves the
            # characters it lost bytes of unreadable.
            text = record("mojibake-of-mojibake", layers.repair_outer_single_byte(text, guess=cfg.guess_lost))
            # UTF-8 of Japanese, Korean or another script read by a GBK, Big5 or cp1252 decoder:
            # its exact reading, before the Chinese readings take pieces of it (other_scripts.py).
            text = record("other-script-misread", other_scripts.repair(text, guess=cfg.guess_lost, cache=readings))
            # Before the in-step reading, which reads a page's ISO-8859-15 or -2 as cp1252 (Ÿ, Ž).
            if text != code_pages_read:
                text = record("read-as-other-code-page", code_pages.repair_code_pages(text, guess=cfg.guess_lost))
            # A two-byte source read one byte a character with the undefined bytes dropped: in step
            # again before any reader takes the line out of step from the first dropped byte.
            text = record("read-in-step-single-byte", resync.repair_single_byte(text, guess=cfg.guess_lost))
            # A "?" beside mojibake may be the mark a decoder wrote for bytes it could not read.
            # Not on a page with the pinyin damage (below): its "?" are the pinyin repair's.
            annotated = repair.looks_annotated if cfg.repair_pinyin else None
            single, marks = question_marks.tried(partial(mojibake.repair_single_byte, guess=cfg.guess_lost), text,
                                                 unless=annotated)
            text = record("read-as-single-byte", single)
            for _ in range(SINGLE_BYTE_ROUNDS - 1):
                if not single.count:
                    break
                # What one reading put back may let a stretch beside it read (a no-break space
                # restored as a0, a neighbour read whole): read again, as a second clean would.
                single = mojibake.repair_single_byte(text, guess=cfg.guess_lost)
                text = record("read-as-single-byte", single)
            question_marks_read = marks
            text = apply("repair", "utf8-read-as-latin1", mojibake.fix_latin_mojibake, text)
            # What a Japanese or Korean decoder made is no GBK or Big5 view's to read (set_aside.py).
            text, aside = set_aside.hidden(text, cache=readings)
            shifted = shifted or (cfg.repair_pinyin and repair.looks_annotated(text))
            # On a page with the pinyin damage, a line with a "?" holds out-of-step runs full of
            # rare characters that are not double encoding: realign needs their bytes as they are.
            # Mojibake of mojibake before one layer is read: the one-layer repair would re-read a
            # piece of the outer layer and leave the peel a cut stretch (閹存垶妲告稉 -> ...一锲戒汉).
            if not shifted:  # the shifted runs of a pinyin-damaged page are the byte repair's, as they are
                second = layers.repair_second_layer(text, guess=cfg.guess_lost)
                text = record("mojibake-of-mojibake", second)
                if second.count and latin_layers.shows_misread_utf8(text):
                    # A first layer of cp1252 mojibake (UTF-8 read as cp1252, then as GBK) may be
                    # left beside a peeled stretch, cut from it: read now, as a second clean would.
                    text = record("read-as-single-byte", mojibake.repair_single_byte(text, guess=cfg.guess_lost))
                    text = apply("repair", "utf8-read-as-latin1", mojibake.fix_latin_mojibake, text)
                # A two-byte source read by the other two-byte family (GBK as Big5, Big5 as GBK),
                # whole lines: read in step again where bytes were lost, before the re-read of spans.
                # A "?" beside it may be a decoder's mark written as a question mark: tried as one.
                in_step, marks = question_marks.tried(partial(resync.repair, guess=cfg.guess_lost), text)
                # Big5 mojibake a converter rewrote afterwards (t2s on a mirror): its characters back.
                in_step = converted_in_step.restore(text, in_step, partial(resync.repair, guess=cfg.guess_lost))
                text = record("read-in-step", in_step)
                question_marks_read += marks
            reread = partial(mojibake.repair_utf8_as_gbk, skip_lines_with="?" if shifted else "", guess=cfg.guess_lost)

            def read_spans(page: str) -> tuple[mojibake.MojibakeRepair, int]:
                got, n = (reread(page), 0) if shifted else question_marks.tried(reread, page)
                if not shifted:  # mojibake another tool converted between scripts: its characters back
                    restored = converted_mojibake.restore(page, got, reread)
                    if restored is got:  # no UTF-8 source: a Big5 one read by spans (converted_in_step)
                        restored = converted_in_step.restore(page, got, reread)
                    if restored is not got:
                        got, n = restored, 0
                return got, n

            reread_gbk, marks = read_spans(text)
            # A middle dot GBK showed as 路 between spaces (绿茶小站 · 记录): one common character,
            # which no re-read looks at; on a line whose UTF-8 it read as GBK, a dot (lone_signs).
            dotted, dots = lone_signs.spaced_dots(text, reread_gbk.text) if reread_gbk.count else (text, 0)
            if dots:
                steps.append(Step("repair", "utf8-sign-read-as-gbk", dots))
                reread_gbk, marks = read_spans(dotted)
            text = record("utf8-read-as-gbk", reread_gbk)
            # A short field misread alone, with no rare character to find it by (鍗庝负 is 华为).
            text = record("short-field-read-as-gbk", short_fields.repair(text))
            # One byte foreign to the page's own two-byte stream, or missing from it, read back in step.
            text = record("one-byte-out-of-step", one_byte.repair(text, guess=cfg.guess_lost, protect=repair.shift_spans if shifted else None))
            question_marks_read += marks
            if question_marks_read:
                steps.append(Step("repair", "question-marks-as-lost-bytes", question_marks_read))
            # A lone sign of UTF-8 read as GBK beside ASCII (46,600m虏 is m²): no cluster for the above.
            text = apply("repair", "utf8-sign-read-as-gbk", lone_signs.repair, text)
            # A lone emoji or Extension B character misread in correct text (馃憤 is 👍): no cluster either.
            text = apply("repair", "utf8-four-byte-char-misread", astral_chars.repair, text)
            # An emoji out of step whose last byte the decoder lost before ASCII (鍚ю煓� is 吧 and
            # the emoji): no byte repair reads a four-byte character, nor so the one before it.
            text = apply("repair", "utf8-four-byte-char-cut-read-as-gbk", astral_cut.repair, text)
            text = aside.restore(text)
            return text, shifted

        if cfg.remove_invisible and cfg.fix_mojibake:
            # Format characters that show nothing (a CMS's zero-width spaces, soft hyphens) out
            # before any repair reads a run: inside misread text they cut it into pieces read
            # alone, and a second clean, which no longer sees them, read it otherwise.
            text = apply("remove", "invisible-chars", leftovers.invisible_format_out, text)
        if cfg.fix_mojibake:
            # A lead byte's letter a single-byte decoder showed, stored decomposed (macOS file
            # names: è as e and U+0300): composed again before the byte views read it.
            text = apply("repair", "decomposed-mojibake", decomposed.repair, text)
        def read_in_rounds(text: str, shifted: bool) -> tuple[str, bool]:
            """The byte-level repairs, read again while a reading changes the text."""
            unread, steps_before, findings_before = text, len(steps), len(findings)
            # Read again while a reading changes the text: what one reading put back (a layer peeled,
            # a byte put in step) may be misread text itself, and a second clean would read it then.
            # Clean text changes nothing in the first round and pays for no other.
            for rounds in range(MISREAD_ROUNDS):
                before, found_before = text, len(findings)
                # Breaks a wrapper put inside a run of misread bytes out while the repairs read
                # the runs whole, then back at the repaired text's nearest boundary (cut_runs.py).
                joined, cuts = cut_runs.join(text)
                text, shifted = read_misreadings(joined, shifted)
                found_now = findings[found_before:]  # at places of the joined text: moved past the breaks
                text, moved = cut_runs.put_back(joined, text, cuts, found_now)
                findings[found_before:] = found_now
                if moved:
                    steps.append(Step("repair", "breaks-in-misread-runs", moved))
                if text == before:
                    break
                if rounds and cfg.guess_lost:  # an earlier round's guesses this one read again are no more
                    findings[:found_before] = _guesses_still_there(findings[:found_before], text)
            # Mojibake a clean page quotes as code (an encoding article's example) is what the
            # author wrote: where the readings changed nothing but code, they are undone, reported.
            if (quoted := quoted_code.confined(unread, text)) is not None:
                text, shifted = unread, False
                del steps[steps_before:]
                del findings[findings_before:]
                findings.extend(quoted)
            return text, shifted

        yield
        shifted = False  # the page shows the pinyin damage (once found, for every round and both repairs)
        if cfg.fix_mojibake:
            text, shifted = read_in_rounds(text, shifted)
        yield
        if cfg.remove_invisible:
            # After the mojibake repairs: a soft hyphen is byte ad as Latin-1 shows it (中 is ä¸\xad).
            cleared = apply("remove", "invisible-chars", leftovers.remove_invisible, text)
            if cleared != text and cfg.fix_mojibake:
                # A control a tool put inside misread text (a field separator, DOS's end-of-file
                # mark) cut a run into pieces read alone, and a second clean, which no longer sees
                # it, read the run whole: read it whole now (controls put into misread
                # paragraphs: a second clean changed 16 of 150).
                cleared, shifted = read_in_rounds(cleared, shifted)
            text = cleared
        if cfg.fix_width:
            # A PDF's font mapped 一 and 长 to the radicals drawn the same (⼀ ⻓), or wrote a
            # compatibility ideograph: the ordinary character, where it stands among Han, before
            # any stage reads words (cleaner/repair/pdf_glyphs.py).
            text = apply("repair", "pdf-glyphs", pdf_glyphs.repair, text)
        text = apply("whitespace", "indent-artifacts", fixes.remove_indent_artifacts, text)
        yield
        if cfg.repair_pinyin:
            # Not known to be damaged is asked again: the GBK re-read may have brought annotations back.
            rep = repair.repair_pinyin(text, guess=cfg.guess_lost, page_damaged=shifted or None)
            if rep.annotations:
                steps.append(Step("repair", "pinyin-annotations", rep.annotations))
            if rep.realigned_lines:
                steps.append(Step("repair", "shifted-runs", rep.realigned_lines))
            if rep.inserted_bytes:
                steps.append(Step("repair", "swallowed-bytes", rep.inserted_bytes))
            findings.extend(rep.findings)
            text = rep.text
        yield
        if cfg.normalize_whitespace and cfg.generic_furniture:
            # Before furniture: the model judges lines, and half a sentence is no line of the article.
            # Off with the generic model: text that is no web page (verse, lists) keeps its lines.
            joined = apply("whitespace", "hard-wraps", subtitles.except_subtitles(hardwrap.join_hard_wraps), text)
            if cfg.fix_mojibake and not shifted and joined != text and mojibake.unrepaired_spans(joined):
                # Mojibake wrapped where its misread clause marks did not show it (a script
                # converter rewrote them): read in pieces above, it may read whole now, and a
                # second clean would otherwise find it so. Not on a page with the pinyin damage:
                # its "?" lines were realign's, and the re-read above left them alone.
                joined = record("utf8-read-as-gbk-joined", mojibake.repair_utf8_as_gbk(joined, guess=cfg.guess_lost))
                joined = record("short-field-read-as-gbk-joined", short_fields.repair(joined))
            text = joined
        yield
        if cfg.remove_furniture:
            # Folded once, for recognition and for the rules. Markup kept (--keep-markup: text about
            # HTML) is no part of a line's words: the model judges each line without its tags, or a
            # paragraph in <p> reads as no sentence and goes.
            page = boilerplate.fold_page(text if cfg.strip_markup else leftovers.tags_out_of_lines(text))
            site = self.ruleset.sites.get(cfg.site) if cfg.site else boilerplate.recognise(self.ruleset, text, url, page=page)
            meta["site"] = site.id if site else ""
            site_id = site.id if site else None
            removal = boilerplate.remove_furniture(text, self.ruleset.rules_for(site_id), page=page,
                                                   generic_model=cfg.generic_furniture, title=title,
                                                   take_headline=cfg.from_html and not cfg.keep_headline,
                                                   linked=linked, roles=roles)
            steps.extend(Step("remove", rid, n) for rid, n in removal.counts.items())
            meta.update(removal.meta)
            for key, value in removal.byline.items():  # a removed byline's facts (byline_meta.py), never over a rule's
                meta.setdefault(key, value)
            findings.extend(removal.findings)  # one removed-line finding per line: "rule id: line text"
            if removal.counts and not removal.text.strip() and text.strip():
                # Worth telling: a page that was all furniture, or a rule that matches too much.
                # Named by what removed it: a site's rules, or the generic model (--no-generic).
                by_rules = [rid for rid in removal.counts if not rid.startswith("generic/")]
                who = f"the rules of site {site_id or '_common'!r}" if by_rules else "the generic furniture model (--no-generic keeps its lines)"
                findings.append(Finding("all-lines-removed", -1, f"{who} removed every line"))
            text = removal.text
        yield
        if details:
            shares = badness.script_shares(text, fold.script_class("simplified"), fold.script_class("traditional"))
            for script, share in shares.items():
                meta[f"{script}_share"] = str(share)
        converting = cfg.convert_script and cfg.to != "keep"
        # Mojibake the repairs could not undo is kept byte for byte: converted or width-folded it
        # could no longer be read back (鎵嬫 -> 镓嬫), and a second pass would change it again.
        kept = mojibake.unrepaired_spans(text) if cfg.fix_mojibake and (converting or cfg.fix_width) else []
        # Reported as found; kept from conversion with the characters beside them it would change.
        widened = convert.widened_over_converted(text, kept, cfg.to) if kept and converting else []
        if converting and cfg.fix_mojibake:
            # A Japanese or Korean decoder's signs the repairs left unread, with the Han beside
            # them conversion would change, where the repairs would read the line converted: a
            # neighbour changes what the decoder could have shown, and a second clean cuts and
            # reads the stretch otherwise.
            widened = widened + convert.beside_decoder_signs(text, cfg.to, read_again=_repairs_read(cfg.guess_lost))
        if converting and cfg.fix_mojibake and "\ufffd" in text:  # what a later clean's repairs would read beside the marks
            widened = widened + convert.beside_marks(text, cfg.to, read_again=one_byte.reads)
        if cfg.fix_width and cfg.fix_mojibake and "\ufffd" in text:  # and what they would read folded
            widened = widened + fixes.kept_from_folding(text, read_again=_repairs_read(cfg.guess_lost))
        if "?" in text:
            kept = question_marks.with_marks(text, kept) + question_marks.unread(text)
            # Characters an encoder lacked, written "?": kept as marks, not made questions (？).
            kept = kept + lost_chars.lost_character_marks(text)
        if converting or cfg.fix_width:
            kept = kept + lone_signs.made_later(text)
            if cfg.fix_mojibake:  # another script's UTF-8 too damaged to read: its bytes kept
                kept = kept + other_scripts.unread_spans(text, readings)
        if converting:
            kept = kept + leftovers.lone_kunjinkao(text)
        kept = joined_spans(kept)
        damage = [text[a:b] for a, b in kept]
        if widened:
            kept = joined_spans(kept + widened)
        if converting or cfg.fix_width:  # URLs and paths are typed, not written: kept as they are
            kept = joined_spans(kept + addresses.address_spans(text))
            # So is a subtitle file's syntax (timecodes, cue numbers, ASS fields): a player reads it.
            if structure := subtitles.syntax_spans(text):
                kept = joined_spans(kept + structure)
            # A PDF extractor's (cid:N) and a sign quoted alone are written, not prose (literal_marks.py).
            if marks := literal_marks.spans(text):
                kept = joined_spans(kept + marks)
            if "\\" in text or "&" in text:  # escapes prose quotes as examples (quoted_examples.py): as written
                kept = joined_spans(kept + quoted_examples.kept_spans(text))
            if "??" in text:  # a line whose every character is "?" (lost_text.py): kept, no mojibake
                kept = joined_spans(kept + lost_text.spans(text))
            # Japanese or Korean read back (other_scripts.py) with the U+FFFD of its lost bytes is
            # no Chinese to convert: said by the text alone, the same when it is cleaned again.
            other = other_scripts.marked_phrases(text) + other_scripts.lines_in_other_script(text)
            if other:
                kept = joined_spans(kept + other)
        outside = _Outside(text, kept)
        yield
        if converting:
            text = apply("convert", f"opencc:{cfg.to}", outside.each(lambda gaps: convert.convert_all(gaps, cfg.to)), text)
            if "headline" in meta and not mojibake.unrepaired_spans(meta["headline"]):  # in the text's script, as the title
                meta["headline"] = convert.convert(meta["headline"], cfg.to)
        yield
        if cfg.fix_width:
            # A post's @name: and #topic# are the platform's tokens: converted with the post, but
            # their signs are not made wide or narrow (cleaner/social.py).
            if tokens := social.syntax_spans(text):
                outside = _Outside(text, joined_spans(outside.spans() + tokens))
            # A PDF's ligatures inside Latin words (ﬁne-tuning) as their letters (cleaner/ligatures.py).
            text = apply("width", "latin-ligatures", outside(ligatures.fold), text)
            # Each of these reads its neighbours as the others left them (a vertical ︽ is folded
            # beside Chinese punctuation, and 好?︽'s ? became ？ only after it was asked): again
            # while a round changes the text, so that a second clean finds nothing left to do.
            for _ in range(WIDTH_ROUNDS):
                before = text
                text = apply("width", "compat-punct", outside(fixes.normalize_compat_punct), text)
                text = apply("width", "number-signs", outside(fixes.halfwidth_number_signs), text)
                text = apply("width", "halfwidth-alnum", outside(fixes.halfwidth_alnum), text)
                # Code quoted in an article keeps its ASCII signs (cleaner/codelines.py).
                text = apply("width", "fullwidth-punct", outside(codelines.except_code(fixes.fullwidth_punct)), text)
                text = apply("width", "chinese-stops-and-quotes", outside(codelines.except_code(fixes.chinese_stops_and_quotes)), text)
                if text == before:
                    break
        if cfg.normalize_whitespace:
            text = apply("whitespace", "nbsp-after-punct", fixes.drop_nbsp_after_punct, text)
            text = apply("whitespace", "paragraphs", fixes.normalize_paragraphs, text)
            if cfg.generic_furniture:
                # Blank lines or indentation between a paragraph's wrapped lines (an old page's
                # <br><br>) hid its wrap width from the join above: one paragraph a line now, as a
                # second clean would see it and join it.
                text = apply("whitespace", "hard-wraps", subtitles.except_subtitles(hardwrap.join_hard_wraps), text)
        findings.extend(_kept_findings(text, damage))
        if gone := _bytes_gone(text) or _mostly_guessed(text, findings):
            findings.append(gone)
        if "?" in text:  # where the marks are in the output, found as they were (the text around them is kept)
            findings.extend(Finding("lost-characters", a, f"{b - a} character(s) an encoder could not write, marked ?")
                            for a, b in lost_chars.lost_character_marks(text))
            findings.extend(lost_text.findings(text))  # lines of nothing but "?": the text itself is gone
        if details:
            findings.extend(badness.unrecoverable(text))
            end = text.find("\n", 0, 82)
            first = text[: 82 if end < 0 else end]  # never a copy of a huge single-line page
            own = " ".join(title.split()) if title else ""
            if own:  # the page's own title beats a guess from the first line; in the page's script
                # Mojibake the repairs left is kept byte for byte, as in the text.
                meta["title"] = convert.convert(own, cfg.to) if converting and not mojibake.unrepaired_spans(own) else own
            elif "title" not in meta and (guess := title_guess.guessed_title(meta.get("headline") or first)):
                # The headline the furniture stage took out of the text (a page naming no title of
                # its own) is its title; else the first line left. Never a furniture-shaped line.
                meta["title"] = guess
        return Result(text, steps, findings, meta)

    def run_bytes(self, data: bytes, *, html: bool = False, **kw) -> Result:
        """Decode bytes of unknown encoding, then clean; what decoding noticed is among the findings.

        An HTML page (``html``, or content that looks like it, as ``cleaner FILE`` reads a page;
        not with ``strip_markup`` off) is cleaned as its visible text, one block a line, and its
        ``<title>`` and ``<meta>`` fields go into ``meta`` (the title also names the headline).
        """
        if not isinstance(data, (bytes, bytearray, memoryview)):
            raise TypeError(f"run_bytes() takes bytes, not {type(data).__name__}; for text use run()")
        return self.run_page(load_page(bytes(data), html=html, sniff=self.config.strip_markup), **kw)

    def run_page(self, page: Page | HtmlPage, **kw) -> Result:
        """Clean a page read from its markup (``load_page``, ``field_page``): its visible text under
        the config for extracted text; its ``<title>`` names the headline unless ``title`` is given;
        its link and structure evidence go to the furniture model; what reading it noticed leads
        the findings; its ``<meta>`` fields of text (repaired) go into ``meta``. The one way bytes,
        a string, a record's field and an adapter's document are cleaned as a page. A
        ``Page`` that ``load_page`` read as text (``is_html`` false) is cleaned as text, not sniffed again."""
        if kw.get("title") is None:
            kw["title"] = page.meta.get("title")
        kw.setdefault("linked", page.linked)
        kw.setdefault("roles", page.roles)
        cleaner = Cleaner.for_config(self.config.for_extracted_text()) if getattr(page, "is_html", True) else self
        result = cleaner.run(page.text, html=False, **kw)
        result.findings[:0] = page.findings
        result.meta = {**self._repaired_fields(page.meta), **result.meta}
        return result

    def _repaired_fields(self, meta: Mapping[str, str]) -> dict[str, str]:
        """A page's ``<meta>`` fields of text (description, author) through the repairs, as its
        title goes through them (``run``): a page's head is often filled from a database the
        body is not, and misread there alone."""
        if not self.config.fix_mojibake:
            return dict(meta)
        return {key: self._repaired_title(value) if (key in REPAIRED_META and not value.isascii() and len(value) <= FIELD_REPAIR_MAX
                                                       and _may_be_misread(value, _field_rare(value)) and not has_surrogates(value)) else value
                for key, value in meta.items()}


def _repairs_read(guess: bool) -> Callable[[str], bool]:
    """Would the byte repairs change a line (with guessing as ``guess``)? Asked of a line as a
    later clean would see it: the repairs alone, no other stage, on the line alone."""
    repairs = _repairs_only(guess)
    return lambda line: repairs.clean(line) != line


@lru_cache(maxsize=2)
def _repairs_only(guess: bool) -> Cleaner:
    return Cleaner(Config(to="keep", unescape_html=False, strip_markup=False, decode_escapes=False, remove_invisible=False,
                          replacement_marks=False, join_spaced=False, repair_pinyin=False, guess_lost=guess,
                          remove_furniture=False, generic_furniture=False, link_lines=False, convert_script=False,
                          fix_width=False, normalize_whitespace=False))


class _Outside:
    """Apply fixers to a text outside kept spans: ``outside(fixer)`` is a fixer of the whole text.

    The text is held as the pieces between the kept spans; each fixer changes only those pieces
    (so it must be called with the text as the previous one left it, as the pipeline does).
    """

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.kept = [text[a:b] for a, b in spans]
        bounds = [0, *(x for span in spans for x in span), len(text)]
        self.gaps = [text[bounds[k] : bounds[k + 1]] for k in range(0, len(bounds), 2)]

    def spans(self) -> list[tuple[int, int]]:
        """Where the kept spans are in the text as the fixers so far left it."""
        out, at = [], len(self.gaps[0])
        for kept, gap in zip(self.kept, self.gaps[1:], strict=True):
            out.append((at, at + len(kept)))
            at += len(kept) + len(gap)
        return out

    def __call__(self, fixer: Callable[[str], str]) -> Callable[[str], str]:
        if not self.kept:
            return fixer
        return self.each(lambda gaps: [fixer(g) for g in gaps])

    def each(self, fixer: Callable[[list[str]], list[str]]) -> Callable[[str], str]:
        """``outside`` of a fixer of all the pieces at once (a piece for a piece): one that costs
        per call, as script conversion does, is called once however many spans are kept."""
        if not self.kept:
            return lambda text: fixer([text])[0]

        def fix(_: str) -> str:
            at = [k for k, gap in enumerate(self.gaps) if gap]
            for k, new in zip(at, fixer([self.gaps[k] for k in at]), strict=True):
                self.gaps[k] = new
            out = [self.gaps[0]]
            for kept, gap in zip(self.kept, self.gaps[1:], strict=True):
                out += [kept, gap]
            return "".join(out)

        return fix


# A page whose characters are U+FFFD this often (of its non-ASCII ones, and at least MARKS_GONE of
# them) was read with the wrong charset and lost its bytes (a GBK page decoded as UTF-8: two bytes
# in three marked): nothing can read it back, and a crawl should fetch it again. Told once a page.
MARKS_GONE, MARKS_GONE_SHARE = 20, 4
_MARK_RUNS = re.compile("\ufffd+")  # a wrong charset's marks stand among the characters it read, runs of one to a few


def _at_most(old: str, new: str, most: Callable[[str], int]) -> int:
    """The changed places between ``old`` and ``new``, but no more than ``most(old)``."""
    return min(_changed_places(old, new), most(old))


def _wide_if_gone(count: int, text: str) -> int | None:
    """The characters beyond ASCII of ``text`` where ``count`` of them (lost or guessed) are at
    least MARKS_GONE and a MARKS_GONE_SHARE-th of them; else None."""
    if count < MARKS_GONE:
        return None
    wide = len(text) - len(text.encode("ascii", "ignore"))
    return None if count * MARKS_GONE_SHARE < wide else wide


def _bytes_gone(text: str) -> Finding | None:
    marks = text.count("\ufffd")
    if (wide := _wide_if_gone(marks, text)) is None or len(_MARK_RUNS.findall(text)) * 2 < MARKS_GONE:
        return None  # few, or in a block or two: a page showing what garbled text looks like
    return Finding("bytes-gone", -1, f"{marks} of {wide} characters beyond ASCII are U+FFFD: read with the wrong "
                   "charset, their bytes are gone; fetch the page again and read it with its own")


def _mostly_guessed(text: str, findings: list[Finding]) -> Finding | None:
    """The same told of a page whose lost bytes were guessed (guessing on): its characters were
    chosen by the model this often, so the text reads but says what the model likes (UTF-8 read
    by a Big5 decoder marks half its bytes). ``--no-guess`` writes them U+FFFD."""
    # Characters, not marks: a character two marks stood for has a finding for each (review30b).
    guessed = len({f.position for f in findings if f.kind == mojibake.GUESS_KIND})
    if (wide := _wide_if_gone(guessed, text)) is None:
        return None
    return Finding("bytes-gone", -1, f"{guessed} of {wide} characters beyond ASCII are guesses from lost bytes: read with "
                   "the wrong charset, their bytes are gone; fetch the page again and read it with its own (--no-guess marks them U+FFFD)")


def _kept_findings(text: str, kept: list[str]) -> list[Finding]:
    """One ``unrepaired-mojibake`` finding per kept span, at its place in the output; a run of
    "?" alone is a lost-characters mark (``lost_chars``), reported by the caller."""
    out, pos = [], 0
    for span in kept:
        at = text.find(span, pos)
        if at < 0 or not span.strip("?"):
            continue
        out.append(Finding("unrepaired-mojibake", at, span))
        pos = at + len(span)
    return out


@lru_cache(maxsize=8)
def _shared(config: Config) -> Cleaner:
    return Cleaner(config)


def _guesses_still_there(found: list[Finding], text: str) -> list[Finding]:
    """``found`` (an earlier round's findings) without the guesses a later round read again: a
    ``lost-byte`` guess written in the text whose character is nowhere in ``text`` now was read
    otherwise (险 of a byte put in step, then read as 陵). Guessing off, each guess is a U+FFFD,
    which tells nothing: the caller asks only with guessing on."""
    return [f for f in found if f.kind != mojibake.GUESS_KIND or not f.detail or f.detail[0] in text]
