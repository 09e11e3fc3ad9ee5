"""Type stubs of the native core (native/src/lib.rs), built by maturin into cleaner/_native.abi3.so."""

from collections.abc import Callable

DEFAULT_SIZE_LIMIT: int

# (start, end, groups): character offsets of the match, capture groups 1..n (None: took no part).
Match = tuple[int, int, tuple[str | None, ...]]

class Pattern:
    """One pattern compiled by the regex crate: linear time; no look-around, no back-references.

    Raises ValueError (one line) for a bad pattern, look-around, back-references, or a compiled
    size above ``size_limit`` bytes.
    """

    def __init__(self, pattern: str, *, size_limit: int = ...) -> None: ...
    def search(self, text: str) -> Match | None: ...
    def finditer(self, text: str) -> list[Match]: ...
    @property
    def group_names(self) -> dict[str, int]: ...
    @property
    def groups(self) -> int: ...
    @property
    def pattern(self) -> str: ...

class LineMatcher:
    """One rule list; ``needed[i]``: strings every match of pattern i holds one of (None: unknown).

    ``match_lines`` gives, for each line, the indices of the patterns matching in it: one
    Aho-Corasick pass over each line finds the patterns worth trying on it (one of their needed
    strings is there, and the line holds at most ``max_chars[i]`` characters: empty, or one per
    pattern, 0 for no limit), then one RegexSet pass over the line, if any is.
    """

    def __init__(self, patterns: list[str], needed: list[list[str] | None], *, max_chars: list[int] = ...,
                 size_limit: int = ...) -> None: ...
    def match_lines(self, lines: list[str]) -> list[list[int]]: ...
    def __len__(self) -> int: ...

def changed_places(old: str, new: str) -> int:
    """How many places differ between ``old`` and ``new``: the count a pipeline Step records.

    Lines aligned greedily (a line missing on one side looked for 8 lines ahead on the other);
    inside a pair of changed lines, the non-equal opcodes of ``difflib.SequenceMatcher(None, a,
    b, autojunk=False)`` between their common prefix and suffix (a change over 4000 characters
    counts once). Same count as the Python reference, tests/reference_steps.py.
    """

# Script=Han as (first, last) code points, the table the native fixers use (native/src/tables.rs).
HAN_RANGES: list[tuple[int, int]]

# The page fixers of cleaner/fixes.py (native/src/fixes.rs). Each returns the same object when
# nothing changes; lone surrogates pass through.
def fullwidth_punct(text: str) -> str: ...
def drop_nbsp_after_punct(text: str) -> str: ...
def normalize_paragraphs(text: str) -> str: ...
def halfwidth_alnum(text: str) -> str: ...
def normalize_compat_punct(text: str) -> str: ...

# The re-read's kernels (native/src/charlm.rs, codes.rs, reread.rs, viterbi.rs); the Python
# originals are tests/reference_langmodel.py, reference_decoders.py, reference_reread.py and
# reference_holes.py.

MAX_CANDIDATES: int

class CharModel:
    """The character model of cleaner/langmodel.py, scores bit-identical to the Python original.

    ``running`` may be empty (the in-word model alone); ``fold``: (character, Simplified form)
    for every character the fold changes. A token is a str of at most one character.
    """

    def __init__(self, unigrams: dict[str, int], bigrams: dict[str, dict[str, int]],
                 running: dict[str, tuple[int, dict[str, int]]], weights: tuple[float, float, float],
                 fold: list[tuple[str, str]]) -> None: ...
    def unigram(self, ch: str) -> float: ...
    def frequency(self, ch: str) -> float: ...
    def bigram(self, prev: str, ch: str) -> float: ...
    def unseen(self, ch: str) -> float: ...
    def in_table(self, ch: str) -> bool: ...
    def key(self, ch: str) -> str: ...
    def follows(self, a: str, b: str) -> bool:
        """Was ``key(b)`` seen after ``key(a)``, in a word or in running text (CharModel.successors)?"""
    def fold(self, ch: str) -> str: ...
    def score(self, text: str) -> float: ...
    def prefix_scores(self, text: str) -> list[float]:
        """The score of each prefix of ``text``, summed in order (mojibake._prefix_scores)."""

class PerChar:
    """langmodel.per_char without OpenCC: ``lm``'s score of a text folded character by character,
    per character, for the texts holding none of ``sensitive`` (script.fold.fold_sensitive)."""

    def __init__(self, lm: CharModel, sensitive: str) -> None: ...
    def __call__(self, text: str) -> float | None:
        """None where ``text`` holds a sensitive character or a lone surrogate."""

CHAR_TABLE_VERSION: int

def char_model_from_table(data: bytes, weights: tuple[float, float, float]) -> CharModel:
    """The model of a compact table (langmodel.native_table), read in one piece; ValueError if
    the table is damaged or of another version."""

class Codes:
    """The code tables of cleaner/repair/decoders.py (``native_codes`` builds them from Python's codecs)."""

    def __init__(self, bmp: tuple[bytes, bytes, bytes], astral: tuple[list[tuple[int, bytes]], ...],
                 rejects: tuple[bytes, bytes], single_undefined: bytes, pairs: tuple[bytes, bytes]) -> None: ...
    def byte_view(self, text: str, family: str) -> tuple[list[int | None], list[int]]: ...
    def encode(self, ch: str, family: str) -> bytes | None: ...
    def rejects(self, family: str, first: int, second: int | None) -> bool: ...
    def utf8_stretches(self, text: str, family: str, ranges: list[tuple[int, int]],
                       min_chars: int) -> list[tuple[int, int]]:
        """layers._utf8_stretches over each (start, end) range, in order (native/src/stretches.rs)."""
    def other_script_lines(self, text: str, families: list[str],
                           scripts: list[tuple[list[tuple[int, int]], list[tuple[int, int]], int]],
                           fills: list[int], rare: CharSets, rare_class: int) -> list[tuple[int, int]]:
        """(line, bit k for families[k]) of each line whose byte view may read as another script,
        from characters that look misread (native/src/other_scripts.rs; the Python original is
        tests/reference_other_scripts.py)."""

def lone_rare_spans(codes: Codes, rare: CharSets, rare_class: int, model: CharModel, text: str) -> list[tuple[int, int]]:
    """mojibake._lone_rare_spans (native/src/lone_rare.rs; the Python original is
    tests/reference_lone_rare.py)."""

class Reader:
    """reread.read: the candidate index built once (ordered by ``lm``'s unigram)."""

    def __init__(self, codes: Codes, lm: CharModel) -> None: ...
    def read(self, lm: CharModel, stream: list[int | None], source: str, family: str,
             ignore: bool) -> tuple[list[list], bool]: ...

class ResyncLattice:
    """resync's lattice (native/src/resync.rs; the Python original is tests/reference_resync.py):
    the module's constants, the tables of Python's codecs (``resync._tables``) and running text's
    scores of ASCII beside Chinese (``ascii_pairs.table``) handed over once."""

    def __init__(self, codes: Codes, lm: CharModel, params: tuple[int, int, int, float],
                 pairs: tuple[bytes, bytes, bytes], four_bmp: bytes, printable_astral: bytes, cp950: bytes,
                 ascii: list[float]) -> None: ...
    def view(self, text: str, family: str, cp950: bool) -> tuple[list[int | None], list[int]]: ...
    def best_path(self, stream: list[int | None], ends: list[int], source: str, family: str, prev: str,
                  lost_cost: float, shown: list[tuple[int, int, str]] = ...) -> list[list] | None: ...
    def read(self, text: str, family: str, cp950: bool, source: str, prev: str, lost_cost: float,
             lossless: bool) -> list[list] | None: ...

def context_redecide(lm: CharModel, text: str, guesses: list[tuple[int, str, list[str]]], page: bool,
                     params: tuple[float, float, float, int, float, str],
                     trigrams: tuple[TrigramFit, float] | None = None, words: tuple[Words, float] | None = None,
                     web_pairs: tuple[WebPairs, float] | None = None) -> list[tuple[int, str, float]]:
    """context.redecide's decisions (native/src/context.rs): (index of the guess, new character, margin) per change;
    ``trigrams``: the trigram pass whose table corrects the pairs' bigrams, and the correction's weight;
    ``words``: the dictionary's words and the weight of the word a candidate completes; ``web_pairs``:
    the pairs inside web words and the weight of their probability beside the model's."""

class Words:
    """The dictionary's words of two to four characters (native/src/words.rs), read on first use."""
    def __init__(self, path: str) -> None: ...
    def loaded(self) -> bool: ...
    def longest(self, lm: CharModel, text: str, at: int, ch: str) -> int: ...

class WebPairs:
    """The pairs inside web words (native/src/web_pairs.rs, cleaner/data/web_pairs.txt), read on first use."""
    def __init__(self, path: str) -> None: ...
    def loaded(self) -> bool: ...
    def __len__(self) -> int: ...

def context_bracket(ch: str, line: str, at: int, params: tuple[float, float, float, int, float, str]) -> float:
    """context.bracket: the line's brackets' say on ``ch`` at ``at``."""

class Narrowing:
    """The steps before the Viterbi (native/src/narrowing.rs), their sets handed over once."""
    def __init__(self, scripts: tuple[str, str, tuple[str, str, str], str], script_majority: int) -> None: ...
    def narrow(self, items: list[list], prev: str, script_known: bool = True) -> None:
        """The items narrowed in place, as ``choose_ranked`` narrows them (for the tests)."""

def choose_ranked(lm: CharModel, items: list[list], prev: str, final_: bool,
                  guess: bool = True, narrowing: Narrowing | None = None,
                  script_known: bool = True) -> list[tuple[str, int, bool, str, float]]:
    """holes.choose_ranked: (character, end, guessed, runner-up, margin) per item; sets each
    item's character to the chosen one, and with ``narrowing`` narrows the candidates first
    (each narrowed item given its new ones)."""

class Realigner:
    """realign's beam (native/src/realign.rs) for one model: the module's constants, gbk's pair
    table and NFKC sources handed over once; one call per span."""

    def __init__(self, lm: CharModel, params: tuple[float, float, float, int, float, int, float],
                 sentence_end: str, pairs: list[tuple[int, int, str]],
                 nfkc: list[tuple[str, list[bytes]]]) -> None: ...
    def add_syllable(self, syllable: str, annotated: list[tuple[str, bytes | None]]) -> None: ...
    def has_syllable(self, syllable: str) -> bool: ...
    def realign(self, tokens: list[tuple[int, str, bytes | None]], before: str, before_bytes: bytes | None,
                fast_forward: bool) -> tuple[str, int, int, list[tuple[int, str, str, tuple[str, ...]]]] | None:
        """(text, groups dropped, bytes put back, [(position, character, kind, options)]), or
        None when no reading is consistent."""

# The start gate of the mojibake re-read (native/src/startgate.rs); the Python original is
# tests/reference_startgate.py.

UTF8_LIKE_BYTES: int

class StartGate:
    """One scan of a text: each family's byte view, where each character's bytes begin and where a
    start's view ends. ``views``: [(family, [(source, least non-ASCII characters)])] in the order
    the re-read reads them; ``marks``: ascending positions of the characters a stretch must hold
    one of (None: none needed); ``max_span``: characters looked ahead at once."""

    def __init__(self, codes: Codes, text: str, views: list[tuple[str, list[tuple[str, int]]]],
                 marks: list[int] | None, max_span: int) -> None: ...
    def starts(self, lo: int, hi: int, stop: int) -> list[tuple[int, int]]:
        """(start, readings as bits in the order of ``views``) of each start ``0..stop`` of the
        window ``lo..hi`` (offsets in the window) some reading may pass from; ValueError for a
        window outside the text."""
    def __len__(self) -> int: ...

# Which of a few character classes a text holds, in one pass (native/src/charsets.rs): the page's
# one scan that the stages' prechecks share (cleaner/pagefacts.py).

class GbkPairs:
    """truncated_runs' GBK view (65536 x (lead, trail), 0 0 for none) and truncation marks
    (native/src/truncated.rs; held to tests/reference_truncated_runs.py)."""

    def __init__(self, pairs: bytes, marks: list[str]) -> None: ...
    def cut_ends(self, text: str, floor: int) -> list[int]:
        """The ends of ``text`` after ``floor`` whose last characters' bytes end as a cut
        character's do, in order."""

class CharSets:
    """``classes``: each class's members, all in the BMP (at most 32)."""

    def __init__(self, classes: list[str]) -> None: ...
    def scan(self, text: str) -> int | None:
        """Bit k: ``text`` holds a member of class k (None: a character beyond the BMP or a lone
        surrogate; ask the class's pattern)."""
    def count(self, text: str, k: int) -> int | None:
        """How many characters of ``text`` are members of class k (None as for ``scan``)."""
    def lines_with(self, text: str, k: int, least: int) -> list[int] | None:
        """The lines of ``text`` (by index) holding ``least`` members of class k (None as for ``scan``)."""

# The refusal of re-read windows (native/src/refusal.rs): mojibake's window decision, asked by
# mojibake._accepted_starts and mojibake._runs_to_read; held to the Python path by
# tests/test_refusal.py.

class Refusal:
    """mojibake's constants and tables handed over once (see mojibake._refusal)."""

    def __init__(self, codes: Codes, reader: Reader, lm: CharModel,
                 params: tuple[float, float, float, int, int, int, int, int, int, float],
                 margins: tuple[int, int, int, int], views: list[tuple[str, list[tuple[str, int]]]],
                 rare: float, sensitive: str, scripts: tuple[str, str], spaces: str,
                 fold: Callable[[str], str] | None = None) -> None: ...
    def window(self, window: str, stop: int, prev: str, final_: bool,
               starts: dict[int, int] | None) -> list[int] | None:
        """The starts ``0..stop`` a re-read is accepted from, in order ([]: none; None: unsure)."""
    def page(self, text: str) -> list[tuple[int, int]] | None:
        """The runs mojibake._fix_once reads, without those every window of which is refused
        (None: unsure of the page)."""

# The text features of the generic furniture model (native/src/furniture.rs): built once by
# cleaner/furniture/lexicon.py from data/lexicon.toml, one call per page from features.py; held
# to the Python originals by tests/test_furniture_features.py (tests/reference_furniture_features.py).

FURNITURE_TEXT_FEATURES: list[str]

class FurnitureLexicon:
    """The lexicon's phrases, keys and notice words (NFKC, stripped); ``names``: the model's
    features in order (``features.FEATURES``), every one of ``FURNITURE_TEXT_FEATURES`` among them."""

    def __init__(self, *, phrases: list[str], keys: list[str], notice_words: list[str], notice_self: list[str],
                 notice_heads: list[str], names: list[str]) -> None: ...
    def page(self, lines: list[str], notice_least: int) -> tuple[list[str], list[list[float]]]:
        """Each folded line NFKC-normalised and stripped as Python does it, and its text features
        (a row in the order of ``names``, the position features 0.0)."""
    def features(self, lines: list[str], notice_least: int) -> list[list[float]]:
        """The rows of ``page`` for lines already normalised."""
    def phrases(self, text: str) -> tuple[int, int]:
        """(furniture phrases found leftmost-longest, characters they cover)."""
    def key_values(self, text: str) -> tuple[int, int]:
        """(keys with a value, keys with an empty value) of byline forms (来源:新华社, 作者:)."""
    def notice(self, text: str, least: int) -> bool:
        """A notice heading and a colon, or ``least`` different notice words and one of the site's own."""

class FurnitureMarks:
    """The lexicon's [ends] and [comments] words (NFKC, stripped): native/src/furniture_marks.rs,
    held to the Python original by tests/test_furniture_features.py."""

    def __init__(self, *, ends: list[str], comments: list[str]) -> None: ...
    def of(self, lines: list[str], most: int) -> tuple[list[bool], list[bool]]:
        """(end markers, comment headers): ``features.end_marker`` and ``features.comment_header`` of
        each line (folded, NFKC, stripped); ``most``: ``features.MARK_MAX``."""

class PortalForms:
    """``portals.form`` but the widgets it asks (native/src/portal_forms.rs): ``portals.py``'s
    patterns by name and its word lists (NFKC, stripped), held to the Python original by
    tests/test_furniture_portal_forms.py (tests/reference_portal_forms.py)."""

    def __init__(self, *, patterns: dict[str, str], ranks: list[str], stats: list[str], actions: list[str],
                 buttons: list[str], phrases: list[str], count_max: int) -> None: ...
    def of(self, lines: list[str]) -> list[tuple[str, bool, str]]:
        """(family before the widgets, whether the widgets are asked, family after them) of each
        line (folded, NFKC, stripped): ``form`` is ``before or widget or after``."""

def portal_pattern(pattern: str) -> str:
    """A Python pattern in the ``regex`` crate's syntax, as ``PortalForms`` reads it (ValueError on a
    look-around, a back-reference or a word boundary)."""

# List blocks and body finding of the generic furniture model (native/src/furniture.rs,
# furniture_body.rs), one call per page from lists.py and body.py; held to the Python originals by
# tests/test_furniture_lists.py and tests/test_furniture_body.py (tests/reference_furniture_*.py).

FURNITURE_THREAD_GAP: int

def furniture_list_blocks(lines: list[str], paragraphs: list[bool], max_row: int, edge: int, min_rows: int,
                          max_gap: int, title_max: int) -> list[tuple[int, int, bool]]: ...
def furniture_reported_at(line: str, start: int) -> bool: ...
def furniture_reports(sentence: str) -> bool: ...
def furniture_best_run(gains: list[float], lo: int, hi: int) -> tuple[float, int, int]: ...
def furniture_thread_start(stamps: list[bool], min_stamps: int, gap: int) -> int: ...
def furniture_article_end(ends: list[bool], lengths: list[int], prose: list[bool], min_prose: int) -> int: ...
def furniture_find_body(lengths: list[int], prose: list[bool], penalty: float, cap: int, ratio: float, barriers: list[bool],
                        spread: float, stamps: list[bool], min_stamps: int, min_prose: int, ends: list[bool]) -> tuple[int, int]: ...

class FurnitureScorer:
    """The line model's score, ``bias + sum(weight * value)`` over a line's non-zero features
    (generic.score), added in the dict's order; held to Python by tests/test_generic_furniture.py."""

    def __init__(self, names: list[str], weights: list[float], bias: float) -> None: ...
    def score(self, features: dict[str, float]) -> float: ...

def furniture_positions(features: list[dict[str, float]], lengths: list[int], prose: list[bool], barriers: list[bool],
                        body: tuple[int, int] | None, end_at: int, thread: int, far_lines: int, adjacent_lines: int) -> None:
    """Sets the position features of a page's lines in their dicts (generic.page_lines)."""
