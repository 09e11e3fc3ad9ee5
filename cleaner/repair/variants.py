"""The forms of a character that running text of a script writes, for the guesses of lost bytes.

The character model scores a character folded to Simplified (``langmodel``), so every form that
folds to one character scores as that character: 噹 as 当, 爲 as 为, 傢 as 家, 麪 as 面. A lost
byte's candidates hold such forms (GBK's third region is full of them), and in Traditional text
read by a Big5 decoder a mark for 全國 came back 噹, one for 當 came back 噹 too (the tie between
forms went to jieba's unfolded count, which barely knows Traditional text: 當 -16.5, 噹 -13.5).
Running text says which forms it writes: of the Traditional build paragraphs' 1,075 當 and 噹
none is 噹, of 家 and 傢 0.1 % 傢, of 台 臺 檯 0.2 % 檯 (``cleaner/data/variant_counts.txt``,
``scripts/build_variant_counts.py``).

A form is rare in a script where its fold group (the forms folding to one character) is seen
MIN_GROUP times at least in that script's running text and the form is under MIN_SHARE of them,
unless a standard writes it: the group's Simplified character itself (于 stands in Traditional
text too, beside 於), and OpenCC's Traditional (爲 裏 着, which converted pages write), Taiwan's
and Hong Kong's forms of it are never rare (the Wikipedia text counted writes Taiwan's 為 裡,
where a page converted by OpenCC writes 爲 裏). Which script a guess is of is
the script step's business; this one keeps out the forms no standard writes and text seldom does.
A guess is not filled with a rare form of its stream's script (the steps before the Viterbi of
``holes.choose_ranked``, native/src/narrowing.rs), nor, where the stream says no script, with one rare in both scripts' text together.

A form rare in running text is still what a standard writes inside some words: OpenCC writes
叮噹 (叮当), 傢俬 and 傢俱 (家具), 檯燈 and 寫字檯 (台灯, 写字台). Taking those forms out of the rare
sets brought 噹地 back for 當地; instead a rare form stays a guess beside a character it makes such
a word with (``word_pairs``): the pairs of neighbours a rare form has in jieba's dictionary words
converted by each standard.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from cleaner.langmodel import _opencc_path, dictionary_path, fold_pairs  # noqa: PLC2701 - the fold table's own source
from cleaner.script.fold import converter
from cleaner.tablecache import cached

DATA = Path(__file__).resolve().parent.parent / "data" / "variant_counts.txt"
# A fold group seen fewer times says nothing of its forms.
MIN_GROUP = 20
# A form written less often than this share of its group is rare (麵 is 2.7 % of Traditional
# text's 面 麵 麪 and stays; 傢 is 0.1 % of 家 傢, 檯 0.2 % of 台 臺 檯).
MIN_SHARE = 0.01
# A dictionary word seen fewer times in jieba's counts lets no rare form in: idioms such as
# 解发佯狂 and 被发缨冠 (3 each) made 解髮 and 被髮 pairs, and 髮 came back for 釋 in 解釋; 叮当
# (170), 台灯 (67) and 家具 (886) stay.
MIN_WORD_COUNT = 10
# The standards whose Traditional forms are never rare (OpenCC's, Taiwan's, Hong Kong's).
STANDARDS = ("s2t.json", "s2tw.json", "s2hk.json")


def counts() -> dict[str, tuple[int, int]]:
    """Each form's count in Simplified and in Traditional running text (0 where not listed)."""
    table = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            ch, simplified, traditional = line.split("\t")
            table[ch] = (int(simplified), int(traditional))
    return table


def rare_forms(script: str | None) -> frozenset[str]:
    """The forms running text of ``script`` ("simplified", "traditional"; None: both together)
    seldom writes among the forms of their fold group, and no standard writes."""
    return _rare()[script or "both"]


def word_pairs() -> frozenset[str]:
    """The two-character strings (left, rare form) and (rare form, right) that a standard writes
    inside a word: a rare form (of any script's set) as jieba's dictionary words holding its
    Simplified character come out of OpenCC's s2t, s2tw and s2hk, beside each of its neighbours
    there (叮噹, 噹噹, 傢俬, 檯燈)."""
    return _rare()["pairs"]


@lru_cache(maxsize=1)
def _rare() -> dict[str, frozenset[str]]:
    # Kept on disk: about half a second of OpenCC calls (two more for the words), at the first
    # guess of a process.
    def build() -> dict[str, frozenset[str]]:
        table = {key: _build_rare(script) for key, script in (("simplified", "simplified"), ("traditional", "traditional"), ("both", None))}
        table["pairs"] = _build_pairs(table["simplified"] | table["traditional"] | table["both"])
        return table

    return cached("variants", [_opencc_path(), __file__, str(DATA), dictionary_path()], "2", build)


def _build_pairs(rare: frozenset[str]) -> frozenset[str]:
    folded = dict(fold_pairs())
    simplified = {folded.get(ch, ch) for ch in rare}
    with open(dictionary_path(), encoding="utf-8") as f:
        words = [word for word, count in (line.split(" ")[:2] for line in f)
                 if len(word) > 1 and int(count) >= MIN_WORD_COUNT and not simplified.isdisjoint(word)]
    pairs = set()
    for config in STANDARDS:
        # One call per standard: OpenCC converts each line as a text of its own.
        for word in converter(config).convert("\n".join(words)).split("\n"):
            for k, ch in enumerate(word):
                if ch in rare:
                    pairs.update(word[j:j + 2] for j in (k - 1, k) if 0 <= j and j + 2 <= len(word))
    return frozenset(pairs)


def _build_rare(script: str | None) -> frozenset[str]:
    folded = dict(fold_pairs())
    table = counts()
    column = (lambda n: n[0]) if script == "simplified" else (lambda n: n[1]) if script == "traditional" else sum
    groups: dict[str, list[str]] = {}
    for ch in set(folded) | set(folded.values()):
        groups.setdefault(folded.get(ch, ch), []).append(ch)
    rare = set()
    for simplified, forms in groups.items():
        standard = {simplified} | {converter(config).convert(simplified) for config in STANDARDS}
        seen = Counter({ch: column(table.get(ch, (0, 0))) for ch in forms})
        total = sum(seen.values())
        if len(forms) > 1 and total >= MIN_GROUP:
            rare.update(ch for ch in forms if seen[ch] < MIN_SHARE * total and ch not in standard)
    return frozenset(rare)
