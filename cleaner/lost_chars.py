"""A ``?`` standing for a whole character an encoder could not write: kept, and reported.

Why: text saved in a code page that lacks some of its characters (Simplified text saved as Big5
or cp950, Traditional or rare characters saved as GB2312, a Java or PHP round trip through a
narrow charset) comes out with ``?`` where each missing character was: 新华社北京电 saved as
Big5 is ``新?社北京?``. Made fullwidth by the width fixer, ``新？社北京？`` reads as a question
and the place of the loss is gone; script conversion around it is harmless, but the mark must
stay what it is, so a person or a later version can fill it in.

A ``?`` is also a question mark. It is read as a lost character only inside a clause that
cannot be a question: a Han character before it that is no question particle, no question word
earlier in the clause, and a Han character or a clause mark (，、；：) after it. Such a mark is
sure when no question mark would stand there — before a clause mark, after one, or doubled before
a Han character — since a question mark ends a sentence (a Han character after it alone says
nothing: 这个办法可行?我觉得不行). A page needs a sure mark; with STRONG candidates its other
"?" beside Han characters are marks too. Detection only: the
pipeline keeps these marks out of the width and script fixers and reports each run as a
``lost-characters`` finding.
"""

from __future__ import annotations

import re

from cleaner.chardata import HAN_CLASS

# What may end a question (吗 呢 吧 ...): a "?" after them is a question mark.
_PARTICLES = "吗嗎呢吧么麼嘛啊呀哇啦否没沒不了的"
# Question words: a clause holding one before its "?" asks something (怎么办?).
_QUESTION_WORDS = re.compile("什么|什麼|怎么|怎麼|怎样|怎樣|为什么|為什麼|为何|為何|谁|誰|哪|几|幾|多少|是否|难道|難道|何"
                             "|是不是|有没有|有沒有|能不能|可不可以|要不要|对不对|對不對|好不好|如何|岂|豈|吗|嗎")
# One to four "?" inside a clause: after a Han character and before one or a clause mark, or
# after a clause mark and before a Han character (，??院). Written "?" first, the character
# before it looked behind from after the first "?" (the same matches): a pattern that starts
# with a look-behind is tried at every character of the page, the class of Han each time (about
# 0.2 ms a page); one that starts with "?" is tried only at a "?".
_RUN = re.compile(f"\\?(?:(?<=[{HAN_CLASS}]\\?)\\?{{0,3}}(?=[{HAN_CLASS}，、；：,;:])|(?<=[，、；：]\\?)\\?{{0,3}}(?=[{HAN_CLASS}]))")
# Any run beside a Han character: once a page shows marks for sure (STRONG of them), its other
# "?" beside Han characters are marks too (出席了??并, 发表??。). "?" first, as above.
_ANY_RUN = re.compile(f"\\?(?:(?<=[{HAN_CLASS}，、；：]\\?)\\?{{0,3}}|\\?{{0,3}}(?=[{HAN_CLASS}]))")
STRONG = 2
# A mark no question mark would be: before a clause mark, or two or more before a Han character.
_SURE = re.compile(f"\\?+[，、；：,;:。]|\\?{{2,}}[{HAN_CLASS}]")
_HAN_AFTER = re.compile(f"[{HAN_CLASS}]")
_CLAUSE_END = re.compile("[。！？!?，、；：,;:\n]")
MAX_CLAUSE = 40  # characters looked back for a question word


def lost_character_marks(text: str) -> list[tuple[int, int]]:
    """Spans of the ``?`` runs in ``text`` that stand for characters an encoder could not write.

    >>> t = "新?社北京?，??院?理今天出席了??并?表??。"
    >>> [t[a:b] for a, b in lost_character_marks(t)], [a for a, b in lost_character_marks(t)]
    (['?', '?', '??', '?', '??', '?', '??'], [1, 5, 7, 10, 17, 20, 22])
    >>> lost_character_marks("他说怎么办?大家都不知道。")
    []
    """
    if "?" not in text:
        return []
    out = []
    sure = []
    for m in _RUN.finditer(text):
        start = m.start()
        if asks(text, start):
            continue
        out.append((start, m.end()))
        # A question mark ends a sentence: before a comma, after one, or doubled inside a clause
        # it is no question. Han after it alone says nothing (这个办法可行?我觉得不行).
        if _SURE.match(text, start) or text[start - 1] in "，、；：":
            sure.append((start, m.end()))
    if not sure or len(out) < STRONG:
        return sure
    # A page with lost characters: every run beside Han is a mark, but after a question particle
    # and before no Han character it still ends a question (有关吗?》).
    return [m.span() for m in _ANY_RUN.finditer(text)
            if not (m.start() and text[m.start() - 1] in _PARTICLES and not _HAN_AFTER.match(text, m.end()))]


def asks(text: str, start: int) -> bool:
    """Whether a "?" at ``start`` ends a question: after a question particle (吗 呢 吧 …) or
    with a question word earlier in its clause (怎么办?).

    >>> asks("你确定吗???", 4), asks("他说怎么办?", 5), asks("新?社", 1)
    (True, True, False)
    """
    if start > 0 and text[start - 1] in _PARTICLES:
        return True
    clause_start = start
    while clause_start > 0 and start - clause_start < MAX_CLAUSE and not _CLAUSE_END.match(text, clause_start - 1):
        clause_start -= 1
    return bool(_QUESTION_WORDS.search(text, clause_start, start))
