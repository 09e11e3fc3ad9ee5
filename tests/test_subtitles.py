"""Subtitle and lyric files keep their syntax (cleaner/subtitles.py, through the pipeline)."""

from cleaner import subtitles
from cleaner.pipeline import Cleaner

# Cues cut from running prose at a fixed width: a cue does not end a sentence, one starts with "，".
SRT = ("1\n00:00:01,000 --> 00:00:03,500\n据报道，该项目于2000年初期开始在\n\n"
       "2\n00:00:04,000 --> 00:00:06,500\n许多城市推广,并逐渐成为当地的\n\n"
       "3\n00:00:07,000 --> 00:00:09,500\n，重要产业之一。\n\n"
       "4\n00:00:10,000 --> 00:00:12,500\n此后的发展也十分迅速。\n")
VTT = ("WEBVTT\n\n00:01.000 --> 00:04.000 align:start\n今天我们来谈谈\n\n"
       "00:04.500 --> 00:07.000\n城市的历史和\n\n00:07.500 --> 00:09.000\n它的未来。\n")
ASS = ("[Script Info]\nTitle: 字幕\nScriptType: v4.00+\n\n[V4+ Styles]\n"
       "Format: Name, Fontname, Fontsize, PrimaryColour, Bold, Italic, Alignment, MarginL, MarginR, MarginV\n"
       "Style: Default,微软雅黑,60,&H00FFFFFF,0,0,2,10,10,30\n\n[Events]\n"
       "Format: Layer, Start, End, Style, Name, MarginL, MarginR, MarginV, Effect, Text\n"
       "Dialogue: 0,0:00:01.00,0:00:03.50,Default,,0,0,0,,{\\fad(200,200)}中国的历史,源远流长\\N绵延不断\n"
       "Dialogue: 0,0:00:04.00,0:00:06.50,Default,,0,0,0,,城市的发展\n")
LRC = ("[ti:月亮代表我的心]\n[ar:邓丽君]\n[00:12.30]你问我爱你有多深\n[00:18.50]我爱你有几分\n"
       "[00:24.10][01:30.00]我的情也真\n")


def test_kinds():
    assert [subtitles.kind(t) for t in (SRT, VTT, ASS, LRC)] == ["srt", "srt", "ass", "lrc"]


def test_prose_with_a_timecode_or_brackets_is_no_subtitle_file():
    prose = "会议记录如下。\n00:00:01,000 --> 00:00:03,500\n" + "这是一段很长的正文，讲述了会议的经过和结论。\n" * 10
    assert subtitles.kind(prose) is None
    assert subtitles.kind("[1]参见注释。\n[00:12]开始。\n正文第一段。\n正文第二段。\n正文第三段。") is None


def test_srt_keeps_cues_and_blank_lines():
    out = Cleaner().clean(SRT)
    blocks = out.split("\n\n")
    assert [b.split("\n")[:2] for b in blocks] == [[str(k), line] for k, line in
                                                  enumerate(["00:00:01,000 --> 00:00:03,500", "00:00:04,000 --> 00:00:06,500",
                                                             "00:00:07,000 --> 00:00:09,500", "00:00:10,000 --> 00:00:12,500"], 1)]
    assert blocks[1].split("\n")[2] == "许多城市推广，并逐渐成为当地的"  # the cue's text is still cleaned
    assert Cleaner().clean(out) == out


def test_vtt_keeps_cues():
    out = Cleaner().clean(VTT)
    assert out.startswith("WEBVTT\n\n00:01.000 --> 00:04.000 align:start\n今天我们来谈谈\n\n00:04.500")
    assert Cleaner().clean(out) == out


def test_ass_keeps_fields_and_headers():
    out = Cleaner().clean(ASS)
    assert "Title: 字幕" in out and "Style: Default,微软雅黑,60," in out
    assert "Dialogue: 0,0:00:01.00,0:00:03.50,Default,,0,0,0,,{\\fad(200,200)}中国的历史，源远流长\\N绵延不断" in out
    assert "\n\n[Events]\n" in out
    assert Cleaner().clean(out) == out


def test_lrc_keeps_tags():
    out = Cleaner().clean(LRC)
    assert out.split("\n")[:2] == ["[ti:月亮代表我的心]", "[ar:邓丽君]"]
    assert "[00:24.10][01:30.00]我的情也真" in out


def test_traditional_cue_text_is_converted_but_not_the_style():
    ass = ASS.replace("微软雅黑", "微軟正黑體").replace("中国的历史", "中國的歷史")
    out = Cleaner(to="zh-hans").clean(ass)
    assert "Style: Default,微軟正黑體,60," in out and "中国的历史" in out
