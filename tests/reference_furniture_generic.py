"""Reference oracle for the native parts of the generic furniture model's page reading: the
score (native/src/furniture_py.rs, ``FurnitureScorer``) and the position features
(native/src/furniture_body.rs, ``positions``), kept from cleaner/furniture/generic.py: the Python
originals, unchanged but for the article's end below the body, which page_lines still tests
(``closes``), so that property tests can check that the native ones give the same for every line.
Not part of the product.
"""

from __future__ import annotations

from cleaner.furniture.features import Line
from cleaner.furniture.generic import Model


def score(features: dict[str, float], model: Model) -> float:
    # Added in order, one after the other: Python 3.12's sum() of floats compensates its rounding,
    # and the native scorer (and 3.11's sum) does not.
    total = 0.0
    for k, v in features.items():
        if v:
            total += model.weights[k] * v
    return model.bias + total


def positions(lines: list[Line], prose: list[bool], barriers: list[bool], closes: list[bool], body: tuple[int, int] | None,
              thread: int, far_lines: int, adjacent_lines: int) -> None:
    """The position features of ``generic.page_lines``, set in the lines' dicts as its loop set
    them. ``closes``: the lines that end the article below the body (an end marker, a notice, a
    copyright line, an imprint: the tests that stay in page_lines). ``body``: (first, last) or None."""
    first, last = body if body is not None else (0, -1)
    marker = past_barrier = past_end = False
    runs = _list_runs(lines, prose)
    short = [_short(line.features) for line in lines]
    for pos, line in enumerate(lines):
        f = line.features
        if body is not None and pos > last:
            f["after_marker"] = float(marker)
            f["after_barrier"] = float(past_barrier)
            marker = marker or bool(f["lex_cover"] >= 0.5 and (f["len_1_4"] or f["len_5_12"]))
            past_barrier = past_barrier or barriers[pos]
            past_end = past_end or closes[pos]
            f["past_end"] = float(past_end)
        f["short_run"] = float(0 < pos < len(lines) - 1 and short[pos - 1] and short[pos + 1] and short[pos])
        if body is None:
            continue
        distance = first - pos if pos < first else pos - last if pos > last else 0
        f["head"] = float(pos < first)
        f["tail"] = float(pos > last)
        f["far"] = float(distance > far_lines)
        f["adjacent_above"] = float(0 < distance <= adjacent_lines and pos < first)
        f["adjacent_below"] = float(0 < distance <= adjacent_lines and pos > last)
        f["out_prose"] = float(distance > 0 and prose[pos])
        f["out_short"] = float(distance > 0 and short[pos])
        f["far_prose"] = float(f["far"] and prose[pos])
        f["in_thread"] = float(pos >= thread)
        f["list_run"] = float(distance > 0 and runs[pos])


def _list_runs(lines: list[Line], prose: list[bool]) -> list[bool]:
    """Lines of a list of titles or links: a run of consecutive non-prose lines holding at least
    three title-sized lines (5-40 characters, no sentence end)."""
    out = [False] * len(lines)
    start = 0
    for pos in range(len(lines) + 1):
        if pos == len(lines) or prose[pos]:
            titles = sum(1 for k in range(start, pos)
                         if 5 <= len(lines[k].text) <= 40 and not lines[k].features["final_punct"])
            if titles >= 3:
                out[start:pos] = [True] * (pos - start)
            start = pos + 1
    return out


def _short(f: dict[str, float]) -> bool:
    return bool((f["len_1_4"] or f["len_5_12"]) and not f["final_punct"])
