"""Subtitle and lyric files (SRT, WebVTT, ASS/SSA, LRC): text with a syntax of its own.

Why: a subtitle file is a list of cues, each a number, a timecode and a line or two of text,
with a blank line between cues (SRT, WebVTT), or one ``Dialogue:`` line a cue whose first nine
fields are separated by ASCII commas (ASS), or one ``[mm:ss.xx]`` line a lyric (LRC). A player
reads that structure. Read as prose it is damaged three ways: the hard-wrap join takes a cue cut
mid-sentence for a wrapped paragraph and glues it to the next cue's number and timecode
(``瑞2`` + ``00:00:04,000 -->``), the paragraph stage drops the blank lines between cues, and the
punctuation stage makes the ASS fields' commas and the headers' colons fullwidth (``0,0,0，，``,
``Title：``). The text of each cue is still the page's text and is cleaned as usual.

So this module answers two questions the pipeline's stages ask:

- ``kind(text)``: is the page a subtitle file, and which? Its lines are the structure then: the
  hard-wrap joins leave them, and ``fixes.normalize_paragraphs`` keeps one blank line between
  blocks.
- ``syntax_spans(text)``: where its syntax is (cue numbers, timecodes, headers, ASS fields and
  override tags, LRC stamps): kept from script conversion and width folding, as addresses are.

A page is a subtitle file only when the syntax is its bulk, not when an article quotes a cue: its
timecode lines are at least ``TIMECODE_SHARE`` of its non-blank lines (SRT and WebVTT), its
``Dialogue:`` lines and section headers at least half (ASS), or its stamped lines half (LRC).
"""

from __future__ import annotations

import re
from collections.abc import Callable

CUES_MIN = 2  # timecode, dialogue or stamped lines a file holds at least
TIMECODE_SHARE = 1 / 8  # of an SRT or WebVTT file's non-blank lines (a cue is 3-4 lines)
LINES_SHARE = 1 / 2  # of an ASS or LRC file's non-blank lines, its syntax's

_TIME = r"(?:\d{1,2}:)?\d{1,2}:\d{2}[,.]\d{1,3}"
# A cue's timing line (SRT's 00:00:01,000 --> 00:00:03,500; WebVTT's may drop the hours and add
# settings after it: 00:01.000 --> 00:04.000 align:start).
_TIMECODE = re.compile(rf"^[ \t]*{_TIME}[ \t]*-->[ \t]*{_TIME}(?:[ \t].*)?\r?$", re.M)
_CUE_NUMBER = re.compile(r"^[ \t]*\d+[ \t\r]*$", re.M)
_VTT_HEADER = re.compile(r"\A\ufeff?WEBVTT\b.*$", re.M)
# ASS/SSA: [Script Info], [V4+ Styles], [Events], [Fonts] ... and their "Key: value" lines.
_ASS_SECTION = re.compile(r"^[ \t]*\[(?:Script Info|V4\+? Styles|Events|Fonts|Graphics|Aegisub[^\]\n]*)\][ \t\r]*$", re.M | re.I)
_ASS_EVENT = re.compile(r"^[ \t]*(?:Dialogue|Comment):[ \t]*", re.M)
_ASS_KEY_LINE = re.compile(r"^[ \t]*[A-Za-z][A-Za-z0-9 ]*:.*$")
_ASS_FORMAT = re.compile(r"^[ \t]*Format:(.*)$", re.M)
_ASS_OVERRIDE = re.compile(r"\{[^{}\n]*\}|\\[Nnh]")
ASS_FIELDS = 10  # an event's fields when no Format line says (Layer ... Effect, Text)
# LRC: [mm:ss.xx] stamps at a line's head (several for a repeated line), <mm:ss.xx> word stamps,
# and ID tags ([ti:标题], [ar:歌手], [offset:+100]).
_LRC_STAMPS = re.compile(r"^[ \t]*(?:\[\d{1,3}:\d{2}(?:[.:]\d{1,3})?\])+", re.M)
_LRC_TAG = re.compile(r"^[ \t]*\[[a-zA-Z#]+:[^\]\n]*\][ \t\r]*$", re.M)
_LRC_WORD_STAMP = re.compile(r"<\d{1,3}:\d{2}(?:[.:]\d{1,3})?>")


def kind(text: str) -> str | None:
    """``"srt"`` (SRT and WebVTT), ``"ass"``, ``"lrc"`` or None: what kind of subtitle file the
    page is, if its syntax is its bulk.

    >>> kind("1\\n00:00:01,000 --> 00:00:03,500\\n你好，\\n\\n2\\n00:00:04,000 --> 00:00:06,000\\n世界。\\n")
    'srt'
    >>> kind("[00:12.30]第一句\\n[00:15.00]第二句\\n[00:18.20]第三句")
    'lrc'
    >>> kind("会议于00:00:01,000 --> 00:00:03,500开始。") is None
    True
    """
    if "-->" in text:
        cues = len(_TIMECODE.findall(text))
        if (cues >= CUES_MIN or cues and _VTT_HEADER.search(text)) and cues >= TIMECODE_SHARE * _lines(text):
            return "srt"
    if "Dialogue:" in text:
        events = len(_ASS_EVENT.findall(text))
        if events >= CUES_MIN and _ASS_SECTION.search(text) and events + len(_ASS_SECTION.findall(text)) >= LINES_SHARE * _ass_body(text):
            return "ass"
    if "[" in text and _LRC_STAMPS.search(text):  # most pages: a scan at memchr speed, or one search
        stamped = len(_LRC_STAMPS.findall(text))
        if stamped >= CUES_MIN and stamped + len(_LRC_TAG.findall(text)) >= LINES_SHARE * _lines(text):
            return "lrc"
    return None


def _lines(text: str) -> int:
    """Non-blank lines."""
    return sum(1 for line in text.split("\n") if line.strip())


def _ass_body(text: str) -> int:
    """An ASS file's lines that are neither blank nor ``Key: value`` header lines."""
    return sum(1 for line in text.split("\n") if line.strip() and not _ASS_KEY_LINE.match(line) or _ASS_EVENT.match(line))


def syntax_spans(text: str) -> list[tuple[int, int]]:
    """The spans of a subtitle file's syntax (none on any other page), in order.

    >>> event = "Dialogue: 0,0:00:01.00,0:00:03.50,Default,,0,0,0,,你好,世界"
    >>> text = "\\n".join(["[Events]", event, event])
    >>> [text[a:b] for a, b in syntax_spans(text)][:2]
    ['[Events]', 'Dialogue: 0,0:00:01.00,0:00:03.50,Default,,0,0,0,,']
    """
    found = kind(text)
    if found is None:
        return []
    spans: list[tuple[int, int]] = []
    if found == "srt":
        for pattern in (_TIMECODE, _CUE_NUMBER, _VTT_HEADER):
            spans += [m.span() for m in pattern.finditer(text)]
    elif found == "ass":
        spans = _ass_spans(text)
    else:
        for pattern in (_LRC_STAMPS, _LRC_TAG, _LRC_WORD_STAMP):
            spans += [m.span() for m in pattern.finditer(text)]
    return sorted(span for span in spans if span[0] < span[1])


def _ass_spans(text: str) -> list[tuple[int, int]]:
    """An ASS file's header lines whole, its events' fields before the text, the text's override
    tags ({\\fad(200,200)}) and escapes (\\N)."""
    fields = ASS_FIELDS
    if m := _ASS_FORMAT.search(text[text.find("[Events]"):] if "[Events]" in text else text):
        fields = max(1, m.group(1).count(",") + 1)
    spans = []
    at = 0
    for line in text.split("\n"):
        if event := _ASS_EVENT.match(line):
            end, commas = event.end(), 0
            while commas < fields - 1 and (comma := line.find(",", end)) >= 0:
                end, commas = comma + 1, commas + 1
            spans.append((at, at + end))
            spans += [(at + m.start(), at + m.end()) for m in _ASS_OVERRIDE.finditer(line, end)]
        elif line.strip():
            spans.append((at, at + len(line)))  # a section header, a Format, Style or Key: value line
        at += len(line) + 1
    return spans


def except_subtitles(join: Callable[[str], str]) -> Callable[[str], str]:
    """A join of wrapped lines (``hardwrap``) that leaves a subtitle file as it is: its lines are
    cues, a cue cut mid-sentence is no wrapped paragraph, and its next line is a number and a time.

    >>> srt = "1\\n00:00:01,000 --> 00:00:03,500\\n他说\\n\\n2\\n00:00:04,000 --> 00:00:06,000\\n好。"
    >>> except_subtitles(lambda text: text.replace("\\n", ""))(srt) == srt
    True
    """

    def unless_subtitles(text: str) -> str:
        return text if kind(text) else join(text)

    return unless_subtitles
