"""The immutable settings of one Cleaner: one field per fixer, the target script, the rules.

A Config is everything a worker process needs to build the same Cleaner as its parent: it is
frozen, hashable and picklable, and every engine and framework adapter takes one.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace

TARGETS = ("zh-hans", "zh-hant", "zh-tw", "zh-hk", "keep")


@dataclass(frozen=True)
class Config:
    to: str = "zh-hans"
    site: str | None = None
    # Fixers, in pipeline order; each can be switched off on its own.
    unescape_html: bool = True
    # What the page's source format left in its text (leftovers.py): HTML tags written out, literal
    # \uXXXX and \xHH escapes, invisible characters. Tags can be content (an article about HTML).
    strip_markup: bool = True
    decode_escapes: bool = True
    remove_invisible: bool = True
    replacement_marks: bool = True  # 锟斤拷 as the two U+FFFD it is
    # A space between every character (a PDF's text layer copied, 前 身 为 1 9 5 2 年) taken out (spacing.py).
    join_spaced: bool = True
    fix_mojibake: bool = True
    repair_pinyin: bool = True
    guess_lost: bool = True  # infer characters whose bytes were lost; off -> U+FFFD marks the spot
    remove_furniture: bool = True
    # The generic line model for pages no rule describes (furniture/generic.py); off for text that
    # is not a web page (verse, lists), where short lines are content.
    generic_furniture: bool = True
    # On HTML input, the page's headline (the line above the article that repeats its <title>)
    # leaves the text for meta["headline"], as a hand copy of an article keeps its body only;
    # True keeps it in the text (--keep-headline). Text input keeps its lines whatever this says.
    keep_headline: bool = False
    # On HTML input, lines all link text outside the article (a list of other stories' titles)
    # go as furniture (furniture/linked_lines.py); False judges them by their text alone.
    link_lines: bool = True
    convert_script: bool = True
    fix_width: bool = True
    normalize_whitespace: bool = True
    # Huge documents (rule patterns need no limit: they run in linear time, see furniture/rules.py).
    max_chars: int = 0  # a longer document is refused (DocumentTooLarge); 0 means no limit
    # Rule directories added to the built-in rules, in order (a later file with the same site id wins).
    rule_dirs: tuple[str, ...] = ()
    # The text was extracted from an HTML page: set by for_extracted_text, not by hand. Its
    # <title> is the page's own, so the headline that repeats it is known (keep_headline).
    from_html: bool = False

    def __post_init__(self) -> None:
        if self.to not in TARGETS:
            raise ValueError(f"unknown target script {self.to!r}; choose one of {', '.join(TARGETS)}")
        if isinstance(self.max_chars, bool) or not isinstance(self.max_chars, int) or self.max_chars < 0:
            raise ValueError(f"max_chars must be a whole number >= 0, not {self.max_chars!r}")
        if isinstance(self.rule_dirs, (str, bytes)) or not all(isinstance(d, str) for d in self.rule_dirs):
            # A list of Paths is accepted and stored as strings: a Config must stay hashable.
            dirs = [self.rule_dirs] if isinstance(self.rule_dirs, (str, bytes)) else self.rule_dirs
            object.__setattr__(self, "rule_dirs", tuple(str(d) for d in dirs))
        else:
            object.__setattr__(self, "rule_dirs", tuple(self.rule_dirs))

    def for_extracted_text(self) -> Config:
        """The settings for text extracted from HTML (an HTML page, a WARC record): the markup is
        gone, so a tag left in the text (`&lt;div&gt;` on a page about HTML) is the article's own;
        and the page's ``<title>`` is its own (``from_html``: the headline repeating it goes to meta)."""
        return replace(self, strip_markup=False, from_html=True) if self.strip_markup or not self.from_html else self

    @property
    def max_bytes(self) -> int:
        """The bytes past which an input is refused unread (0: no limit): no text of ``max_chars``
        characters takes more than four bytes a character (UTF-8's widest, GB18030's, UTF-16's
        pairs), so a file beyond that is refused before it is decoded or decompressed further.
        Markup and entities count as bytes too: give a page's limit room for them."""
        return 4 * self.max_chars

    def fingerprint(self) -> dict:
        """The settings as plain data, for records of what produced an output."""
        return asdict(self)


def config_from(config: Config | None, options: dict, who: str) -> Config:
    """The Config of ``who`` (``Cleaner()``, a framework step): the one given, or one made from
    keyword options (``to``, ``rule_dirs``, ...), never both: an option beside a Config would be
    silently ignored (``Cleaner(Config(to="zh-tw"), to="zh-hans")`` converting to zh-tw)."""
    if config is not None and not isinstance(config, Config):
        raise TypeError(f"{who} takes a Config or keyword options, not {type(config).__name__}")
    if config is not None and options:
        raise TypeError(f"{who}: give a Config or options, not both (got {', '.join(sorted(options))})")
    return config if config is not None else Config(**options)


class DocumentTooLarge(ValueError):
    """A document is longer than ``Config.max_chars``."""
