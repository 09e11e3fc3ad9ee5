"""The article's own forms above its body: a programme, a table or a list the body goes on with.

Body finding (``body.py``) weighs prose, and an article made of rows (a conference programme,
a timetable, a list of fields) has little: its body is found where its rows happen to read as
sentences, and the rows above that, the article's own, stand in the head zone, where the model
takes short key-value rows and dated lines as a byline's (a programme's ``地 点：南开大学伯苓楼``,
``主持人：…``, ``8:30－8:50 开幕式``: 833 characters of one report page). Furniture above an
article does not repeat the article's forms; the article's rows do. So the body grows upwards over
the lines that share a form with at least ``FORM_ROWS`` lines inside it:

- a field's key (``地 点：``, ``主持人：``, spaces inside the key dropped), or
- a row's opening edge (``lists.row_forms``: the skeleton's first tokens, opening with
  structure: ``0:0`` of ``8:30－8:50 开幕式``, ``(0)`` of ``（1） 来宾介绍``; a line's closing
  edge, ``（图）`` after a headline, and an opening word, ``犬儒病（上）``, are no row's form),

with at most ``FORM_GAP`` other lines between two such rows (a session's title and its speakers
between its fields; the rows joined count as the body's from then on), never over a barrier or an end marker (a byline of several keys, a furniture heading,
a post's stamp), over a line with furniture signs of its own (a link, a button row, a row of
labels, separators, furniture words), nor over the line the page's title names (the headline:
the article's top). A byline block above a body of prose shares no form with it.

A field whose key the body's sentences name is the article's too (``named_keys``, session 25): a
contract's party rows (``出租方（甲方）：某某公司``, ``承租方（乙方）：李某某``) above clauses that say
甲方 and 乙方 in each line, with their address and phone rows between (the gap), which the model
took as a byline block and a contact list. A byline's keys (来源, 作者: the lexicon's keys, which
``keyed`` tells) are never named so: a book review says 作者 in its sentences.

A post's stamp (a date and a time, no sentence end) is a barrier, but not when it shares a form
with the body's rows (``row_barrier``, session 24): a chat log published as a page opens every
row with its stamp (``[2024-03-08 20:05] 周敏：[图片] 读书笔记.jpg``), and a row ending no sentence
stood as a thread's stamp between the headline and the rest: the growth stopped under it, and the
rows above went as dated head lines. A comment thread above an article shares no row's form with
the article's paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence

from cleaner.furniture.lists import row_forms

FORM_ROWS = 2  # lines inside the body sharing a form for it to be the article's
FORM_GAP = 8  # lines without the article's forms between two rows having one (a session's title and speakers)
# A field's key (NFKC: the colon is ASCII): one to six Han characters, spaces among them (地 点).
_KEY = re.compile(r"^([\u3400-\u9fff][\u3400-\u9fff ]{0,7})\s*:")


def _forms(text: str, edges: tuple[str | None, str | None, bool]) -> set[str]:
    """The forms of one line: its field key (``key:地点``) and its opening edge (``head:0:0``)."""
    out = set()
    m = _KEY.match(text)
    if m:
        key = m.group(1).replace(" ", "")
        if 1 <= len(key) <= 6:
            out.add("key:" + key)
    head = edges[0]
    if head and not head.startswith("a"):
        out.add("head:" + head)  # the row opens with its structure (0:0, (0), •); a line's tail (（图）) is no row's form
    return out


# A field's key before its colon (NFKC), and the words that name a party in it: the key itself, or
# an alias in brackets (出租方(甲方): 出租方, 甲方).
_FIELD_KEY = re.compile(r"^([^:,。!?;]{2,12}):")
_ALIAS = re.compile(r"\(([\u3400-\u9fff]{2,6})\)")
_KEY_WORD = re.compile(r"[\u3400-\u9fff]{2,6}")


def _key_words(text: str) -> list[str]:
    m = _FIELD_KEY.match(text)
    if not m:
        return []
    key = m.group(1).replace(" ", "")
    words = _ALIAS.findall(key)
    bare = _ALIAS.sub("", key)
    return words + ([bare] if _KEY_WORD.fullmatch(bare) else [])


def named_keys(texts: Sequence[str], first: int, last: int, keyed: Callable[[int], bool]) -> set[int]:
    """Positions above the body (the body is ``first``..``last``) of field rows whose key, or its alias in
    brackets, ``FORM_ROWS`` lines of the body name (a contract's 甲方): not a furniture key
    (``keyed``), nor a row of the body's own."""
    body = texts[first : last + 1]
    out = set()
    for pos in range(first):
        if ":" not in texts[pos] or keyed(pos):
            continue
        words = _key_words(texts[pos])
        if any(sum(word in line and not line.startswith(word) for line in body) >= FORM_ROWS for word in words):
            out.add(pos)
    return out


def grow_over_forms(texts: Sequence[str], stop: Callable[[int], bool], first: int, last: int, headline: Callable[[int], bool],
                    row_barrier: Callable[[int], bool] = lambda pos: False, keyed: Callable[[int], bool] | None = None) -> int:
    """The body's new first position: ``first`` moved up over the lines above it that share a
    form with ``FORM_ROWS`` lines of the body (see the module's docstring). ``texts``: the live
    lines (folded, NFKC); ``stop(pos)``: whether the body never grows over the line at ``pos``
    (a barrier, an end marker, furniture signs: asked only of the few lines it reaches);
    ``headline(pos)``: whether the page's title names the line at ``pos``; ``row_barrier(pos)``:
    whether a stop there is a barrier alone (a post's stamp, no end marker or furniture sign),
    which a line of the body's own forms crosses."""
    if last < first or first == 0:
        return first
    forms = [_forms(text, e) for text, e in zip(texts, row_forms(texts[:first]))]  # a line's edges are its own
    if not any(forms):
        return first  # most pages: nothing above the body opens as a row or a field does
    named = named_keys(texts, first, last, keyed) if keyed is not None else set()
    for pos in named:
        forms[pos] = forms[pos] | {"named"}
    forms += [_forms(text, e) for text, e in zip(texts[first : last + 1], row_forms(texts[first : last + 1]))]
    counts = Counter(form for pos in range(first, last + 1) for form in forms[pos])
    counts["named"] = FORM_ROWS if named else 0  # the body's sentences name these rows' keys
    own = {form for form, n in counts.items() if n >= FORM_ROWS}
    if not own:
        return first
    top, gap = first, 0
    for pos in range(first - 1, -1, -1):
        if headline(pos) or stop(pos) and not (row_barrier(pos) and forms[pos] & own):
            break
        if forms[pos] & own:
            # The rows joined count as the body's: a form they repeat is the article's too.
            for joined in range(pos, top):
                counts.update(forms[joined])
            own = {form for form, n in counts.items() if n >= FORM_ROWS}
            top, gap = pos, 0
        else:
            gap += 1
            if gap > FORM_GAP:
                break
    return top
