"""UTF-8 read as cp1252 whose typographic punctuation a filter then made ASCII ("demoronised").

Why: a CMS or mail filter that "fixes Word's smart quotes" rewrites ‘ ’ as ', “ ” as ", – as -,
— as --, … as ..., ˜ as ~ (and the rest of cp1252's signs 80-9f: ‹ › as < >, ˆ ^, • *, ™ (TM),
‚ „ , ,,). On UTF-8 a cp1252 decoder misread those are bytes 91 92, 93 94, 96, 97, 85, 98 (8b
9b 88 95 99 82 84): continuation bytes of UTF-8's characters (早 is e6 97 a9, shown æ—©, filtered
æ--©). The byte is gone from the text, the character no longer reads, and the rest of its run is
read out of step or not at all (《天府早报》 came back 《天府成--©报》, and its © then read as a
copyright line).

Where UTF-8 needs a continuation byte (after a lead byte's character, Â-ï, short of its
continuation bytes) and the text holds one of those ASCII forms instead, each form stands for
the bytes it may have been (' for 91 or 92, -- for 97 or 96 96, and so on): every reading the
forms allow is tried, those that are no character a Chinese page holds are dropped, and the
character model chooses (by unigram: the forms' bytes are the character's last ones, and two
readings of one form are two characters as often as not both Chinese). The character is written
back as the decoder showed it, for the single-byte readers after to read as any page misread once.

Only on a line that shows UTF-8 read one byte a character (``MIN_SHOWN`` lead and continuation
pairs): an ASCII quote or dash after an accented letter of Latin text stays.
"""

from __future__ import annotations

from itertools import product

from cleaner import langmodel
from cleaner.repair.folded_bytes import CHINESE_RANGES
from cleaner.repair.latin_layers import MISREAD_UTF8, utf8_share

# The share of a line's high bytes in whole UTF-8 sequences below which it is no misread UTF-8
# (latin_layers.utf8_share): misread UTF-8 whose forms a filter made ASCII keeps 0.83-0.90 of
# them (8 Traditional measured paragraphs), GBK under cp1252 and Big5 under ISO-8859-15 make
# 0.12-0.37 by chance.
MIN_UTF8_SHARE = 0.6
MIN_SHOWN = 2  # UTF-8 characters shown one byte a character (lead then continuation) a line must hold
# Each ASCII form a filter writes, longest first, and the cp1252 bytes it replaced.
# The filters ("demoronizers") write every sign of cp1252's 80-9f so: ‹ › as < >, ˆ as ^, • as *,
# ™ as (TM), ‚ „ as , ,, or ".
FORMS = (("(TM)", ((0x99,),)), ("...", ((0x85,),)), (",,", ((0x84,),)), ("--", ((0x97,), (0x96, 0x96))),
         ("-", ((0x96,),)), ("'", ((0x91,), (0x92,), (0x82,))), ('"', ((0x93,), (0x94,), (0x84,))),
         ("~", ((0x98,),)), ("^", ((0x88,),)), ("<", ((0x8B,),)), (">", ((0x9B,),)), ("*", ((0x95,),)),
         (",", ((0x82,),)))
_SIGNS = frozenset("·×÷°±")


def _byte(ch: str) -> int | None:
    """The byte 80-ff cp1252 (or Latin-1, for its C1 controls) shows as ``ch``, else None."""
    if "\x80" <= ch <= "\xff":
        try:
            return ch.encode("cp1252")[0]
        except UnicodeEncodeError:
            return ord(ch)
    try:
        data = ch.encode("cp1252")
    except UnicodeEncodeError:
        return None
    return data[0] if len(data) == 1 and data[0] >= 0x80 else None


def _shown(data: bytes) -> str:
    return "".join(bytes((b,)).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b) for b in data)


def _chinese(ch: str) -> bool:
    cp = ord(ch)
    return ch in _SIGNS or any(a <= cp <= b for a, b in CHINESE_RANGES)


def _slots(line: str, i: int, need: int) -> list[tuple[int, tuple[tuple[int, ...], ...], bool]]:
    """From ``line[i]`` on, up to ``need`` continuation bytes: each (characters taken, the byte
    sequences it may stand for, whether it is a form); stops where neither a continuation byte's
    character nor a form stands."""
    out = []
    while len(out) < need and i < len(line):
        b = _byte(line[i])
        if b is not None and 0x80 <= b <= 0xBF:
            out.append((1, ((b,),), False))
            i += 1
            continue
        form = next(((f, seqs) for f, seqs in FORMS if line.startswith(f, i)), None)
        if form is None:
            break
        out.append((len(form[0]), form[1], True))
        i += len(form[0])
    return out


def _reading(lead: int, need: int, slots: list) -> tuple[bytes, int] | None:
    """The likeliest Chinese character the slots allow after ``lead`` (its bytes, and the
    characters of the line they take after the lead), or None. A form may stand for two bytes
    (-- for 96 96): the slots are taken as far as the character's bytes go."""
    lm = langmodel.model()
    best: tuple[float, bytes, int] | None = None
    for k in range(1, len(slots) + 1):
        if not any(form for _, _, form in slots[:k]):
            continue
        for choice in product(*(seqs for _, seqs, _ in slots[:k])):
            data = bytes((lead, *(b for seq in choice for b in seq)))
            if len(data) != need + 1:
                continue
            try:
                ch = data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if _chinese(ch) and (best is None or lm.unigram(ch) > best[0]):
                best = (lm.unigram(ch), data, sum(n for n, _, _ in slots[:k]))
    return None if best is None else (best[1], best[2])


def _read_line(line: str) -> tuple[str, int]:
    """``line`` with each character whose continuation bytes a form replaced written back; (line, count)."""
    out: list[str] = []
    count = i = 0
    while i < len(line):
        lead = _byte(line[i])
        need = 2 if lead is not None and 0xE0 <= lead <= 0xEF else 1 if lead is not None and 0xC2 <= lead <= 0xDF else 0
        slots = _slots(line, i + 1, need) if need else []
        found = _reading(lead, need, slots) if lead is not None and any(form for _, _, form in slots) else None
        if found is None:
            out.append(line[i])  # no form where its bytes go: the readers' own
            i += 1
            continue
        data, taken = found
        out.append(_shown(data))
        count += 1
        i += 1 + taken
    return "".join(out), count


def _shows_c1_bytes(text: str) -> bool:
    """Whether the page's misread UTF-8 shows a byte of 80-9f at all (a cp1252 sign or a C1 control
    after a lead). A filter rewrites only the signs its table holds (the forms' bytes): the rest of
    80-9f (€ † ‰ Š Œ š œ ž Ÿ, the undefined five) stay, a quarter of continuation bytes. A page that
    shows none lost the whole range to a later tool (Latin-1's C1 controls deleted): there a lead
    short of its bytes lost them to that tool, and the ASCII after it is the text's own."""
    return any(not "\xa0" <= m.group()[1] <= "\xbf" for m in MISREAD_UTF8.finditer(text))


def repair(text: str) -> tuple[str, int, list]:
    """``text`` with the ASCII forms a quote filter made of misread UTF-8's continuation bytes
    written back as the decoder showed them (see the module's doc); (text, characters, findings)."""
    if text.isascii() or len(MISREAD_UTF8.findall(text)) < MIN_SHOWN or not _shows_c1_bytes(text):
        return text, 0, []
    lines = text.split("\n")
    count = 0
    for k, line in enumerate(lines):
        if len(MISREAD_UTF8.findall(line)) < MIN_SHOWN or not any(f in line for f, _ in FORMS):
            continue
        # A GBK or Big5 line under a Western code page shows lead-and-continuation pairs by chance,
        # and its ASCII trail bytes (~ ^ of 漢 ba 7e) stand where a form would: not misread UTF-8.
        if utf8_share(line) < MIN_UTF8_SHARE:
            continue
        lines[k], n = _read_line(line)
        count += n
    return ("\n".join(lines), count, []) if count else (text, 0, [])
