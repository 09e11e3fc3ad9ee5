"""Damage of the terminal family: text with a terminal's colour codes, as a BBS post copied out of a
telnet window or a log captured from a terminal holds them, in each form a copy writes the escape
character: itself, lost, PCMan's ``*``, ``cat -v``'s ``^[``, the Windows console's ``←``."""

from __future__ import annotations

import random

FORMS = {"raw": "\x1b[", "stripped": "[", "pcman": "*[", "caret": "^[[", "console": "\u2190["}


def sgr(rng: random.Random) -> str:
    """The parameters of one colour code: a reset, one attribute, or attributes and colours."""
    kind = rng.random()
    if kind < 0.25:
        return rng.choice(["", "0"])
    params = [str(rng.choice([0, 1, 4, 5, 7]))] if kind < 0.5 else []
    params += [str(rng.randint(30, 37))] + ([str(rng.randint(40, 47))] if rng.random() < 0.4 else [])
    if rng.random() < 0.1:
        params = ["38", "5", str(rng.randint(0, 255))]  # 256 colours
    return ";".join(params)


def colour(text: str, form: str, rng: random.Random, codes: int = 4) -> str:
    """``text`` with ``codes`` colour codes (a set and a reset each time) at random places."""
    lead = FORMS[form]
    places = sorted(rng.sample(range(len(text) + 1), min(codes, len(text) + 1)))
    out, last = [], 0
    for k, at in enumerate(places):
        out += [text[last:at], f"{lead}{sgr(rng) if k % 2 == 0 else rng.choice(['', '0'])}m"]
        last = at
    return "".join(out) + text[last:]
