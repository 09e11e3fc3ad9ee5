"""Is the article below where body finding stopped? The evidence that a cut came too early.

Body finding (``body.find_body``) looks for the body above a comment thread's first stamp or an
end marker (``网友评论``, ``发表评论``) once enough prose stands above it: a short article under a
long thread stays the article. On a page seen as a text dump (a lynx or html2text copy, a page
read as text) the sidebar and the header come first, with their own ``发表评论`` button, their
``最新评论`` box, a forum post's ``作者：… 时间：…`` stamp: a few title lines up there then pass for
the article, and the article itself, all of it below the cut, goes as ``past_end``,
``after_barrier`` or ``in_thread``. Losing the article is the worst the model can do, so the cut
yields to plain evidence that the page's main prose lies below it:

- the best run of prose below the body (barriers end it, as in body finding) holds no post
  stamp or comment header (a run of posts is a thread, whatever its length: their headers tell
  it apart, and its posts stay below the article);
- at most one post stamp stands between the body and the run: the article under its own stamp
  (a forum's first post under ``作者：… 时间：…``, a blog entry under its date) is the first
  stamped piece below the cut; the pieces under later stamps are replies or other entries;
- it holds a paragraph (``features.is_paragraph``: over 80 characters with a full stop; or
  consecutive prose lines that hold that together, a paragraph the dump wrapped) and
  more prose than the body (each line capped at ``cap``, as in body finding);
- and the body holds no paragraph at all (titles, a menu that reads as a sentence, a byline: no
  article's text), or the run dwarfs it: ``DWARF`` times its prose and twice its prose lines.

A comment thread's long post does not pass: it lies between stamps or headers, or is no
``DWARF`` times an article that has a paragraph of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.furniture.body import best_run

def paragraphs(texts: Sequence[str], prose: Sequence[bool], barriers: Sequence[bool], single: Sequence[bool]) -> list[bool]:
    """Which lines belong to a paragraph: ``single`` (``is_paragraph`` of the line alone), or a
    run of consecutive prose lines, none a barrier (a post's stamp reads as prose), that together hold over ``PARAGRAPH_CHARS`` characters and a
    full stop: a paragraph hard-wrapped by the dump (html2text wraps at 78 columns, so no line of
    a Markdown dump is a paragraph alone)."""
    out = list(single)
    start = 0
    for pos in range(len(texts) + 1):
        if pos < len(texts) and prose[pos] and not barriers[pos]:
            continue
        if pos - start > 1 and sum(len(texts[i]) for i in range(start, pos)) > PARAGRAPH_CHARS \
                and any("。" in texts[i] for i in range(start, pos)):
            out[start:pos] = [True] * (pos - start)
        start = pos + 1
    return out


PARAGRAPH_CHARS = 80  # as is_paragraph: over 80 characters
DWARF = 4.0  # times the body's prose: a run below holding that much more is the page's main text


def main_run_below(lengths: Sequence[int], prose: Sequence[bool], paragraph: Sequence[bool], barriers: Sequence[bool],
                   stamps: Sequence[bool], posts: Sequence[bool], body: tuple[int, int], penalty: float,
                   cap: int) -> int:
    """The first position of a run of prose below the body ``(first, last)`` (positions) that
    holds the page's main text (see the module's docstring), or -1. ``paragraph``:
    ``is_paragraph`` of each line; ``stamps``: post stamps and comment headers; ``posts``: post
    stamps alone (a sidebar's box of the latest comments, 回复：…, is no stamped piece);
    ``penalty`` and ``cap`` as in body finding."""
    first, last = body
    if last < first or last + 1 >= len(lengths):
        return -1
    gains = [float("-inf") if barriers[i] else float(min(lengths[i], cap)) if prose[i] else -penalty
             for i in range(len(lengths))]
    _, lo, hi = best_run(gains, last + 1, len(lengths))
    if hi < lo or any(stamps[lo : hi + 1]) or sum(posts[last + 1 : lo]) > 1:
        return -1
    below = [i for i in range(lo, hi + 1) if prose[i]]
    inside = [i for i in range(first, last + 1) if prose[i]]
    # Capped as in body finding: one huge pasted comment does not outweigh an article.
    chars_below = sum(min(lengths[i], cap) for i in below)
    chars_inside = sum(min(lengths[i], cap) for i in inside)
    if chars_below <= chars_inside or not any(paragraph[i] for i in below):
        return -1
    if any(paragraph[i] for i in inside) and (chars_below < DWARF * chars_inside or len(below) < 2 * len(inside)):
        return -1
    return lo
