"""An HTML page's structure as evidence for the line model: the article's container, furniture regions.

The text alone cannot tell an article's own list (an agenda, a table's rows, a list of steps:
short lines without a full stop) from a menu, nor a sidebar's sentence from the article's. The
markup can: the HTML path reads where each line stood (``cleaner.io.html_structure``) and hands
each line's role on (``Cleaner.run(roles=...)``, keyed by the line's text as extracted and, for a text found at
several places, by its occurrence):

* ``article``: inside the article's container (the element holding most of the page's prose, or
  of its own text on a page without prose: an agenda, a table), between its first and last line
  of that weight. Such a line is the article's even if short: a decision of the model on it is
  undone (the line is kept, and a ``kept-line`` finding names ``page-structure/article``) unless a
  stronger signal takes it: a family that reads a form no article line has (any family but the
  ``WEAK_FAMILIES`` of position and shape: a byline, a source line, a pager, a button row, a
  copyright line), a rule (rules run before the model), or a score the model is near-certain of
  (``CERTAIN`` above its threshold).
* ``region:WHY``: in a ``nav``, ``aside``, the page's ``header`` or ``footer``, an element whose
  class or id names furniture (``class=menu``, ``id=footer``), outside the article's container.
  A line there that is a link (the extractor's ``linked`` lines) and no prose goes when the model
  kept it with a score within ``REGION_LEAN`` of its threshold, named for the region
  (``generic/in-class-menu``): a menu's items, other stories' titles in a sidebar. A line that is
  no link, and any line of an unnamed list of links (``region:links``), is left to the model: on
  the dev set's fit split both took article text (a bilibili article's tag row in its
  ``class=footer``, a Wikipedia copy's categories, which the hand copies keep).
* ``outside``: outside the container, in no region: left to the model. Leaning these towards
  furniture took article text on the fit split (a deck above the container, a table beside it).
* ``structure:FEATURE``: what the line's own element says (``cleaner.io.html_evidence``: a
  caption under a photo, a code block's line numbers, a button, a timed newsflash list, a row of
  chips, a profile's fields, repeated teasers or comments, a labelled box repeating the article's
  paragraph). Such a line is never protected as the article's, and goes, named for the feature
  (``generic/html-caption``), unless the caller holds it; a class word alone (``class=tags``) is
  weak and takes no sentence (``_SENTENCE``: one ending in 。！？ or holding two commas).

Lines a rule rewrote, the headline and the lines the caller holds (``keep``) are never taken here.
Text input carries no roles, and nothing here changes it.

Cleaning the output again must not change it (``cleaner page.html -o out.txt`` then ``cleaner
out.txt``): the second clean reads text, with no structure. So an article line the structure kept
stays only if a reading of the output as text keeps it too (``read_again``): a photo caption in the
container (``本报记者 惠禾 摄``), which the ``caption`` family takes from text wherever it stands,
goes the first time; a line the model took only for what stood around it (``between``, a
``tail-sweep`` under furniture that has gone) stays, since the text around it has gone too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Collection, Mapping
from itertools import accumulate

from cleaner.furniture.features import FEATURES, Line, prose_line
from cleaner.io.html_evidence import HINT
from cleaner.io.html_structure import role_at

ARTICLE = "article"
REGION = "region:"
STRUCTURE = "structure:"  # html_evidence's findings: structure:caption, structure:class=tags
# A sentence: a weak finding never takes one (a class word is the template's, the sentence the writer's).
_SENTENCE = re.compile(r"[。！？!?][\"'”’」』）)]*$|[，,].*[，,]")  # the line's text is folded: ， reads ,
LINKS = REGION + "links"  # a list of links with no name: tags and categories too, which hand copies keep
# The decisions the container's evidence undoes: the model's score (its reasons are features), and
# the families that judge a line by where it stands or by its shape alone (a caption, a run of
# short lines, a line between or below removed ones), which an article's own list or table
# shares. A family that reads a form (a byline, a source line, a pager, a button row) is stronger.
WEAK_FAMILIES = frozenset({"between", "tail-sweep", "caption", "list", "linked"})
# The headline the title names leaves the text by a decision of its own (generic.HEADLINE, to meta
# on HTML input): it stands in the article's container, but that decision is the caller's, not
# the model's, and is never undone here ("headline" is also a feature's name, so it would read as weak).
OWN_DECISIONS = frozenset({"headline"})
CERTAIN = 2.0  # score above the model's threshold at which it is near-certain: the container does not protect
# Score below the threshold at which a link (a line of ``linked``) in a named furniture region
# still goes: a menu's item, another story's title in a sidebar.
REGION_LEAN = 4.0


def roles_at(lines: list[str], content: list[int], roles: Mapping) -> dict[int, str]:
    """Each live line's role by its text (stripped) and which occurrence of that text it is, as the
    extractor gave them (``html_structure.role_at``): a line a repair or a join changed is no
    longer known, and is judged as text is."""
    if not roles:
        return {}
    texts = [lines[i].strip() for i in content]
    total, seen = Counter(texts), Counter()
    out = {}
    for i, text in zip(content, texts, strict=True):
        if role := role_at(roles, text, seen[text], total[text]):
            out[i] = role
        seen[text] += 1
    return out


def weigh(decisions: list, scored: list[Line], roles: Mapping[int, str], threshold: float,
          score, keep: set[int], make, linked: Collection[int] = frozenset()) -> tuple[list, list[int]]:
    """(decisions, protected): the model's ``decisions`` with those on ``article`` lines undone
    (unless strong: module docstring) and decisions added for the links of named regions and for
    the lines of ``structure:`` findings;
    ``protected``: the indices kept for being the article's. ``score(line)``: the model's score
    of a line; ``make(line, score, reasons)``: a decision; ``linked``: the indices of link lines."""
    if not roles:
        return decisions, []
    by_index = {line.index: line for line in scored}
    weak = WEAK_FAMILIES | set(FEATURES) | {"bias"}
    out, protected = [], []
    for decision in decisions:
        line = by_index.get(decision.index)
        if (roles.get(decision.index) == ARTICLE and set(decision.reasons) <= weak
                and not OWN_DECISIONS & set(decision.reasons)
                and (line is None or score(line) < threshold + CERTAIN)):
            protected.append(decision.index)
            continue
        out.append(decision)
    decided = {d.index for d in decisions}
    for line in scored:
        role = roles.get(line.index, "")
        if (not role.startswith(REGION) or role == LINKS or line.index not in linked or line.index in decided
                or line.index in keep or prose_line(line)):
            continue
        s = score(line)
        if s > threshold - REGION_LEAN:
            out.append(make(line, s, ("in-" + role.removeprefix(REGION).replace("=", "-"),)))
    # What an element's own shape says (``html_evidence``): a strong feature (a caption under a
    # photo, a code block's line numbers, a button, a timed newsflash list) takes its line; a class
    # word (``class=tags``) is weak, and takes no sentence.
    decided = {d.index for d in out}
    for line in scored:
        role = roles.get(line.index, "")
        if not role.startswith(STRUCTURE) or line.index in decided or line.index in keep:
            continue
        feature = role.removeprefix(STRUCTURE)
        if feature.startswith(HINT) and _SENTENCE.search(line.text):
            continue
        out.append(make(line, score(line), ("html-" + feature.replace("=", "-"),)))
    return out, sorted(protected)


def read_again(lines: list[str], dropped: Mapping[int, str], replaced: Mapping[int, str], protected: Collection[int],
               read: Callable[[str], object]) -> dict[int, str]:
    """The ``protected`` lines (kept for being the article's) that a reading of the output as text
    removes, each with the id of the rule or family that took it: ``read(text)`` is the furniture
    stage on text with no evidence (a ``Removal``, whose ``removed-line`` findings say where each
    removed line began and why). ``dropped``: the lines removed, by index, ``replaced``: lines a rule
    rewrote, of ``lines``, the page as the stage read it."""
    if not protected:
        return {}
    kept = [i for i in range(len(lines)) if i not in dropped]
    output = [replaced.get(i, lines[i]) for i in kept]
    at = {start: i for start, i in zip(accumulate((len(line) + 1 for line in output), initial=0), kept, strict=False)}
    out = {}
    for finding in read("\n".join(output)).findings:
        index = at.get(finding.position, -1) if finding.kind == "removed-line" else -1
        if index in protected:
            out[index] = finding.detail.partition(": ")[0]
    return out
