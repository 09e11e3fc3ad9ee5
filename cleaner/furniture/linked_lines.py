"""Lines of an HTML page that are all link text, outside the article: other articles' titles.

A list of related or most-read stories above or below an article is one link a line; its titles
read as headlines or subheadings (short, no full stop), which the text alone cannot tell from the
article's own. The markup can: the HTML path measures each line's share of link text
(``cleaner.io.html``, ``LINKED_SHARE``), as readability and boilerpipe weigh link density, and
hands the linked lines to the furniture stage (``Cleaner.run(linked=...)``).

A linked line goes (family ``linked``) only

* outside the body span the model found (an article's paragraph may be a link, or hold several);
* if it is neither the headline the title names nor a line the title names (sites link their
  headline to the article itself); a headline the model guessed from its shape goes only in a
  run of linked lines (the list's last title, right above the body);
* if it ends no sentence (a full stop: a teaser's sentence may be the article's quoted lead) and
  reads as no prose (a linked excerpt of a story, which a page may give as its text);
* beside another linked line that goes, or beside a line another family took: a run of links or
  a link among furniture. One linked line alone next to the body is left (a source's name, a
  tag): its evidence is one line's.

Text input carries no such evidence, and nothing here changes it.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from cleaner.furniture.entries import title_match
from cleaner.furniture.features import Line, prose_line

FAMILY = "linked"
# A full stop ends the line (folded and NFKC: 。 or a single ., a closing quote after it); a cut
# title's ... is none (其它标题...), nor a question (titles ask: 穷男人还买得起爱情吗？).
_FULL_STOP = re.compile(r"(?:。|(?<!\.)\.)[\"'”’」』)）]*$")


def linked_at(lines: list[str], content: list[int], linked: Collection[str]) -> set[int]:
    """Indices of the page's lines whose text (stripped) is among ``linked``, the extractor's
    linked lines: a line a repair or a join changed is no longer known, and is judged as text is."""
    if not linked:
        return set()
    return {i for i in content if lines[i].strip() in linked}


def linked_furniture(scored: list[Line], body: tuple[int, int], linked: set[int], gone: set[int],
                     taken: set[int], headline: int, title: str | None) -> list[int]:
    """Positions in ``scored`` of the linked lines that go: outside ``body`` (positions), not named
    by ``title``, ending no sentence, beside another of them or beside a line in ``gone`` (indices
    other families took). ``headline``: the model's headline (a position, or -1): kept if the
    title names it; guessed from its shape alone, it goes only as the last of a run of linked
    lines (the list's last title right above the body, read as its headline). ``taken``:
    indices decided already (the headline leaving for meta among them), never judged again."""
    if not linked:
        return []
    named = headline >= 0 and bool(scored[headline].features["headline"])
    candidates = {pos for pos, line in enumerate(scored)
                  if line.index in linked and line.index not in taken and not (named and pos == headline)
                  and not body[0] <= pos <= body[1] and not _FULL_STOP.search(line.text) and not prose_line(line)
                  and not (title and title_match(line.text, title))}
    out = []
    for pos in sorted(candidates):
        run = bool({pos - 1, pos + 1} & candidates)
        beside = any(0 <= p < len(scored) and scored[p].index in gone for p in (pos - 1, pos + 1))
        if run or (beside and pos != headline):
            out.append(pos)
    return out
