"""The generic furniture model: which lines of a page of an unknown site are furniture.

Each live line gets the features of ``features.py`` (its text, and where it stands relative to the
article body of ``body.py``) and a score, ``bias + sum(weight * feature)``; a line scoring above the
threshold is furniture. Weights, bias, threshold and the body parameters are data
(``data/weights.toml``), fitted by ``scripts/fit_furniture.py`` on the fit split of the web-page dev
set; the lexicon is ``data/lexicon.toml``. Nothing here is opaque: every removal names the
features that weighed most for it, and keeps the removed line's text (``Decision``).

Safety: a page whose body is too thin to find (no run of prose lines) is left alone, and a prose
line inside the body is removed only with a wide margin above the threshold, so an article sentence
that merely mentions 分享, 声明, 来源 or 编辑 stays.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cleaner._native import FurnitureScorer, furniture_positions
from cleaner.furniture.arrows import in_sentence, row_text
from cleaner.furniture.body import find_body, thread_start
from cleaner.furniture.body_forms import grow_over_forms
from cleaner.furniture.counted_rows import grow_over_rows, one_field, ordinal, rows as counted_rows, sequences
from cleaner.furniture.boxes import box_length, comments_heading, inner_boxes
from cleaner.furniture.closing_parts import closing_section, marked_sections, resumed_row
from cleaner.furniture.closing_rows import closing_rows, resumed_rows, signed_off, words_date
from cleaner.furniture.date_spans import date_span
from cleaner.furniture.dated_heads import dated_heads
from cleaner.furniture.notice_contacts import contact_block
from cleaner.furniture.decks import deck, decks
from cleaner.furniture.copyright_form import copyright_notice
from cleaner.furniture.link_labels import link_labels
from cleaner.furniture.features import (FEATURES, MARK_MAX, NOTICE_WORDS, Line, credit, end_marker, is_paragraph, line_features, marks, prose_line,
                                        normalise, pager)
from cleaner.furniture.entries import other_entries, site_title, title_match, title_parts, without_stamp
from cleaner.furniture.forms import blog_name, caption, consent, counted_row, fields_row, imprint, nav_row, prompt, quote, rule_line, source_line, stats, title_row
from cleaner.furniture.field_breaks import RECORD_KEY
from cleaner.furniture.keyed_rows import FOOT_KEYS, colon_fields, field_foot, keys_of, rows_over_foot
from cleaner.furniture.site_foot import FOOT_MAX
from cleaner.furniture.document_dates import date_note, dated_clause
from cleaner.furniture.headline import dashed, first_part_headline, fuller_headline, headline_lines, unnamed_headline
from cleaner.furniture.section_heads import section_heads
from cleaner.furniture.shaped_runs import grow_over_runs, head_rows, tail_rows
from cleaner.furniture.site_notes import site_note, without_notes
from cleaner.furniture.site_voice import site_names, site_voice
from cleaner.furniture.site_cards import card_lines, strip_lines
from cleaner.furniture.spaced_rows import raters, spaced_row
from cleaner.furniture.lexicon import DATA, Lexicon, load_lexicon
from cleaner.furniture import page_structure
from cleaner.furniture.linked_lines import FAMILY as LINKED, linked_furniture
from cleaner.furniture.lists import MAX_GAP, in_blocks, list_blocks, skeleton
from cleaner.furniture.widgets import file_name
from cleaner.furniture.work_cards import card_rows, work_card
from cleaner.furniture.interleaved import DATA_FAMILIES, HEADLINE_FORMS, INSIDE_FAMILIES, OPTIONS_REACH, TOPIC_FAMILIES, introduces, poll_options, referred, spoken_of, widget
from cleaner.furniture.figure_rows import figure_row
from cleaner.furniture.item_runs import ROW_MAX as ITEM_MAX, article_dated, head_items, machine_row, schedule_rows, tail_items
from cleaner.furniture.named_links import body_links, named_links
from cleaner.furniture.main_run import main_run_below, paragraphs
from cleaner.furniture.portals import bare_date, dateline_only, load_words, portal_lines, portal_stamps
from cleaner.furniture.post_frame import badge_byline, post_frame
from cleaner.furniture.record_rows import FAMILY as RECORD_ROW, record_rows
from cleaner.furniture.unnamed_fields import byline_rows
from cleaner.furniture.related_tail import framed_box, related_tail
from cleaner.furniture.title_runs import title_run
from cleaner.furniture.teasers import teaser_blocks
from cleaner.furniture.text_kind import LABEL_ROW_MAX, label_row
from cleaner.furniture.threads import shaped
from cleaner.furniture.unreadable import legible

TITLE_REACH = 4  # lines above the body searched for the headline
LINK_LABEL = "link-label"  # the label over a link removed above the body (link_labels.py)
RELATED_TAIL = "related-tail"  # a related list's heading and rows at the page's foot (related_tail.py)
TITLE_RUN = "title-run"  # other pages' headlines counted or bulleted at the article's foot (title_runs.py)
RULE_PREFIX = "generic/"  # Step names of the model's removals: generic/<deciding features>
HEADLINE = "headline"  # the family of an HTML page's headline, taken to meta (decide(take_headline=True))


@dataclass(frozen=True)
class Model:
    weights: dict[str, float]
    bias: float
    threshold: float
    body_margin: float  # extra score a prose line inside the body needs to go
    penalty: float  # body finding: what a non-prose line costs the run
    cap: int  # body finding: the most one line can add
    ratio: float  # body finding: share of the best run's worth a neighbouring run needs to join
    spread: float  # body finding: prose outside the body over prose inside above which all prose is body
    min_body: int  # characters of prose below which no body is trusted (the page is left alone)
    far_lines: int  # lines beyond this distance from the body are "far"
    adjacent_lines: int  # lines within this distance of the body are "adjacent"
    thread_stamps: int = 3  # post stamps below the body from which on the rest is a comment thread


@dataclass(frozen=True)
class Decision:
    """One line the model removes: where, its text as on the page, its score and the reasons."""

    index: int
    text: str
    score: float
    reasons: tuple[str, ...]

    @property
    def rule_id(self) -> str:
        return RULE_PREFIX + "+".join(self.reasons)


@lru_cache(maxsize=4)
def load_model(path: Path = DATA / "weights.toml") -> Model:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    weights = {k: float(v) for k, v in data["weights"].items()}
    unknown = set(weights) - set(FEATURES)
    if unknown:
        raise ValueError(f"{path}: unknown features {sorted(unknown)}")
    m = data["model"]
    return Model(weights={k: weights.get(k, 0.0) for k in FEATURES}, bias=float(m["bias"]), threshold=float(m["threshold"]),
                 body_margin=float(m["body_margin"]), penalty=float(m["penalty"]), cap=int(m["cap"]), ratio=float(m["ratio"]), spread=float(m["spread"]),
                 min_body=int(m["min_body"]), far_lines=int(m["far_lines"]), adjacent_lines=int(m["adjacent_lines"]),
                 thread_stamps=int(m.get("thread_stamps", 3)))


def page_lines(folded: list[str], alive: list[int], model: Model, lexicon: Lexicon,
               title: str | None = None, foot: set[int] = frozenset()) -> tuple[list[Line], tuple[int, int] | None]:
    """Features of the live lines (``alive``: indices into ``folded``), and the body span in positions.

    The body is None when the page holds too little prose to find one. ``title``: the page's
    title (folded), if known: the line above the body that it names is the headline
    (``headline``), and what stands above that is ``above_headline``. ``foot``: lines (indices
    into ``folded``) right below a line the site rules removed as the page's foot (``after_foot``).
    """
    lines = line_features(folded, alive, lexicon)
    # Rows of a list cut from one template (lists.py) are no article prose, however punctuated
    # their titles: a forum's reply list must not become the body.
    blocks = list_blocks([line.text for line in lines], [is_paragraph(line.text, line.features) for line in lines])
    # Headings of the article's sections sharing a form, a sentence under each (section_heads.py), are no list.
    sentence = lambda pos: prose_line(lines[pos]) and bool(lines[pos].features["final_punct"])  # noqa: E731
    blocks = [b for b in blocks if not section_heads([line.text for line in lines], b, sentence)]
    template = in_blocks(len(lines), blocks)
    for line, t in zip(lines, template):
        line.features["template"] = float(t)
    prose = [prose_line(line) and not t for line, t in zip(lines, template)]
    lengths = [len(line.text) for line in lines]
    texts = [line.text for line in lines]
    # A schedule's rows between two of the article's paragraphs (item_runs.schedule_rows: 6月13日 19:30
    # 滨江队 VS 临海队, one under another) are stamped as a byline or a post is, but a byline is one
    # line and a thread's stamps have its posts between them: prose right above and right below the
    # run, it ends no body, and the paragraphs above it stay the article's.
    schedule = schedule_rows(texts, lambda pos: prose[pos])
    # A stamp an introducing sentence of the article heads (事故发生的准确时间是： over 2027年3月15日 上午06:30,
    # headed) is what the sentence sets out: no post's stamp, no end of the article above it.
    barriers = [_barrier(line, p) and pos not in schedule and not headed(lines, pos) for pos, (line, p) in enumerate(zip(lines, prose))]
    ended, headers = marks(texts, lexicon)  # end markers and comment headers: one native call
    # Post stamps and comment headers both mark the posts of a thread; only stamps are barriers
    # (a header word such as 网友 or 回复 can stand in an article's subheading).
    stamps = [_stamp(line.features) or header for line, header in zip(lines, headers)]
    # A thread's posts repeat one form; a stamp or header of its own form is no post (threads.py).
    posts = shaped(stamps, texts, [_stamp(line.features) for line in lines])
    # Where the article has ended: at an end marker line, or after a paragraph closed by "(完)".
    ends = [False] * (len(lines) + 1)
    above, total = 0, sum(n for n, p in zip(lengths, prose) if p)
    for pos, line in enumerate(lines):
        if (ended[pos] or comments_heading(line.text)) \
                and not _subheading(lines, pos, prose, lexicon):
            ends[pos + prose[pos]] = True
        elif above > total - above and (line.index in foot or site_foot_line(line)) and not headed(lines, pos):  # the cheap test first
            # The closing line the rules took stood right above this one, or this line is the
            # site's foot itself (a notice, a copyright line): nothing of the article follows it,
            # so body finding must not run on over it into the paragraphs of a notice
            # (反侵权公告： over its numbered terms). Only past most of the page's prose: an editor
            # line in a byline, or a blog's 版权声明 above the article, closes nothing. A line an
            # introducing sentence of the article heads (headed: 告示牌上写着： over 版权所有，…) is what
            # the article quotes, not the site's foot.
            ends[pos] = True
        above += lengths[pos] if prose[pos] else 0
    ends.pop()
    first, last = find_body(lengths, prose, model.penalty, model.cap, model.ratio, barriers, model.spread,
                            posts, model.thread_stamps, model.min_body, ends)
    whole = paragraphs(texts, prose, barriers, [p and is_paragraph(line.text, line.features) for line, p in zip(lines, prose)])
    main = main_run_below(lengths, prose, whole, barriers, stamps, [_stamp(line.features) for line in lines],
                          (first, last), model.penalty, model.cap)
    if main >= 0:
        # The page's main text lies below a thread's stamp or an end marker that ended the body
        # above it (main_run.py): the stamps and end markers above that text end no body and
        # start no thread (they still stop the growth over the article's rows: they are no article).
        posts = [s and pos >= main for pos, s in enumerate(posts)]
        first, last = find_body(lengths, prose, model.penalty, model.cap, model.ratio, barriers, model.spread,
                                posts, model.thread_stamps, model.min_body, [e and pos >= main for pos, e in enumerate(ends)])
    first, last = _framed_lists(blocks, prose, barriers, ends, first, last)
    last = field_foot(texts, prose, first, last)  # rows of fields ending the body are the site's foot's (keyed_rows.py)
    # The site's notes closing or opening the body are its (site_notes.py), and so are the lines closing it
    # in which the site speaks of itself by the name the title gives it (site_voice.py).
    sites = site_names(title, lines[named].text if (named := _named_headline(lines, first, title)) >= 0 else None) if title else []
    voice = (lambda pos: site_voice(texts[pos], sites) and not is_paragraph(texts[pos], lines[pos].features)) if sites else None
    first, last = without_notes(texts, first, last, voice)
    first = grow_over_forms([line.text for line in lines], lambda pos: barriers[pos] or ends[pos] or _signed(lines[pos]),
                            first, last, lambda pos: bool(title) and _names_headline(lines[pos], title),
                            lambda pos: barriers[pos] and not ends[pos] and not _signed(lines[pos]),
                            lambda pos: bool(lines[pos].features["kv_filled"] or lines[pos].features["kv_empty"]))
    # The article's counted steps, timetable or block of facts right beside the body (counted_rows.py).
    first, last = grow_over_rows([line.text for line in lines], first, last,
                                 lambda pos: barriers[pos] or ends[pos] or _signed(lines[pos]),
                                 lambda pos: bool(title) and _names_headline(lines[pos], title),
                                 lambda pos: barriers[pos] and _stamp(lines[pos].features) and not ends[pos] and not _signed(lines[pos]),
                                 lambda pos: pos > 0 and any(folded[i].strip() for i in range(lines[pos - 1].index + 1, lines[pos].index)))
    if title and first <= last:
        # The article's run of like lines between its headline and its body (shaped_runs.py).
        first = grow_over_runs(texts, first, last, lambda pos: _grown_row(lines[pos], barriers[pos] or ends[pos]),
                               _headline_above(lines, first, title),
                               lambda pos: pos > 0 and any(folded[i].strip() for i in range(lines[pos - 1].index + 1, lines[pos].index)),
                               lambda pos: ends[pos] or barriers[pos] and not _stamp(lines[pos].features) and not lines[pos].features["kv_many"])
    if title and first < last and _names_headline(lines[first], title):
        # The headline the page's title names read as prose (its commas, 实测：续航大进步，但…) and
        # opened the body: the article starts under it, and what stands above it is the page's top.
        first += 1
    # The rows an article's sentence introduces (具体安排如下： over 开幕式：5月10日 09:00 市民广场) are its
    # list: their dates and times stamp no posts of a thread, and their block is no list of links.
    listed = introduced(lines, (first, last)) if first <= last else set()
    # Rows opening with a date the article writes or holding a span of times (10月16日 10:00-20:00 领取参赛物品,
    # item_runs.article_dated) are its programme's: a thread's stamps and a list of links date their
    # rows as machines do, at the end or in figures (2026-10-16).
    dated = [article_dated(text) for text in texts]
    thread = thread_start([s and pos not in listed and not dated[pos] for pos, s in enumerate(posts)], model.thread_stamps)
    thread = thread if thread > last else len(lines)  # a thread counts only below the body
    body_chars = sum(n for n, p in zip(lengths[first : last + 1], prose[first : last + 1]) if p)
    body = (first, last) if last >= first and body_chars >= model.min_body else None
    # Below the body the article has ended at an end marker (its own line too), and at a notice
    # or a copyright line (nothing of the article follows the site's foot: 免责声明, 版权所有), or
    # a note in the site's voice (site_notes.py: 本站信息仅供参考…, 点个在看).
    end_at = len(lines)
    if body is not None:
        end_at = next((pos for pos in range(last + 1, len(lines)) if ends[pos] or (lines[pos].features["notice"]
                       or copyright_notice(legible(lines[pos].text)) or imprint(lines[pos].text)
                       or site_note(lines[pos].text, site_only=True)) and not headed(lines, pos)), len(lines))
    # Head, tail, distance, thread, list runs, and below the body what follows a furniture heading
    # or a barrier: one native call (furniture_body::positions documents each feature).
    barriers = [b and pos not in listed and not dated[pos] for pos, b in enumerate(barriers)]  # a row's stamp ends no article
    furniture_positions([line.features for line in lines], lengths, prose, barriers, body, end_at, thread,
                        model.far_lines, model.adjacent_lines)
    if body is not None:
        own = [b for b in blocks if set(range(b[0], b[1] + 1)) <= listed or _programme(dated[b[0] : b[1] + 1])
               or _stated_figures(texts, b, first)]
        _mark_list_blocks(lines, [b for b in blocks if b not in own], body, model, lexicon)
        named = _named_headline(lines, first, title) if title else -1
        if named >= 0:
            lines[named].features["headline"] = 1.0
            for line in lines[:named]:
                line.features["above_headline"] = 1.0
    return lines, body


def _signed(line: Line) -> bool:
    """A line with a furniture sign of its own (a link, separators, furniture words, a notice, a
    structure alone furniture: a menu, a trail, a pager): the article's rows above the body
    (``body_forms``) never reach over it. (Brackets and items split by spaces are no such sign:
    a programme's ``(2) 南开大学校长 侯自新教授 致辞``.)"""
    f = line.features
    return bool(f["url"] or f["separators"] >= 0.5 or f["lex_cover"] >= 0.3 or f["notice"] or structural(line))


def _like_rows(scored: list[Line], body: tuple[int, int], title: str | None, lexicon: Lexicon) -> set[int]:
    """Positions of the article's runs of like lines apart from its body (``shaped_runs``): under
    the headline the title names with an advertisement's slot between them and the body
    (``head_rows``), or below the body past one, opening with the body's own keys (``tail_rows``)."""
    texts = [line.text for line in scored]
    ends: dict[int, bool] = {}

    def heading(pos: int) -> bool:  # a furniture heading or an end marker (asked of the few lines between)
        if pos not in ends:
            line = scored[pos]
            ends[pos] = _barrier(line, prose_line(line)) and not _stamp(line.features) and not line.features["kv_many"] \
                or end_marker(line.text, lexicon) or comments_heading(line.text)
        return ends[pos]

    # Under the headline a byline (a stamp, a row of keys) stands between it and the article's
    # rows; below the body one is a comment's, and ends the article as any barrier does.
    stop = lambda pos: heading(pos) or _barrier(scored[pos], prose_line(scored[pos]))  # noqa: E731
    fits = lambda pos: _row_fits(scored[pos], stop(pos))  # noqa: E731
    headline = _headline_above(scored, body[0], title) if title else -1
    keyed = lambda pos: _keyed(scored[pos])  # noqa: E731
    return head_rows(texts, headline, body[0], fits, heading, keyed) | tail_rows(texts, body, fits, stop, keyed)


def _item_rows(scored: list[Line], body: tuple[int, int], title: str | None, lexicon: Lexicon) -> set[int]:
    """Positions of the article's runs of short items beside its body (``item_runs``): a list or
    a run of rows opening with the article's dates or times between the headline the title names
    and the body (``head_items``), a run of such dated rows right under the body (``tail_items``)."""
    texts = [line.text for line in scored]

    def heading(pos: int) -> bool:  # a furniture heading or an end marker
        line = scored[pos]
        return bool(_barrier(line, prose_line(line)) and not _stamp(line.features) and not line.features["kv_many"]
                    or end_marker(line.text, lexicon) or comments_heading(line.text))

    fits = lambda pos: _item_fits(scored[pos]) and not heading(pos)  # noqa: E731
    blocks = list_blocks(texts, [is_paragraph(line.text, line.features) for line in scored])
    out = tail_items(texts, body[1], fits, blocks, lambda pos: caption(scored[pos].text),
                     lambda pos: _stamp(scored[pos].features) or bool(scored[pos].features["in_thread"]))
    # Between the body's paragraphs, a schedule's rows (item_runs.schedule_rows: a clinic's holiday
    # hours, a fixture list) are the article's, as under it: each is stamped as a byline is, but a
    # byline is one line, not a run of them.
    out |= {pos for pos in schedule_rows(texts) if body[0] <= pos <= body[1] and fits(pos)}
    headline = _headline_above(scored, body[0], title) if title else -1
    if headline >= 0:
        sentence = lambda pos: prose_line(scored[pos]) and bool(scored[pos].features["final_punct"]) and fits(pos)  # noqa: E731
        out |= head_items(texts, headline, body[0], [b for b in blocks if b[1] < body[0]], fits, heading, sentence)
        # A document's date note under its headline (document_dates.py: （2027年2月18日） under a speech's title).
        out |= {pos for pos in range(headline + 1, min(headline + 1 + NOTE_REACH, body[0])) if date_note(texts[pos]) and fits(pos)}
        # A story's dated line, a clause after its date (document_dates.dated_clause: 截至5月11日，已有126户居民签约).
        out |= {pos for pos in range(headline + 1, body[0]) if dated_clause(texts[pos]) and fits(pos)}
        out |= {pos for pos in range(headline + 1, body[0]) if (_event_time(texts[pos]) or _event_date(texts, pos)
                                                               or _event_place(texts, pos)) and fits(pos)}
        # An event's span of days or hours, without a key (date_spans.py: 2027年4月23日—4月30日): no page's stamp.
        out |= {pos for pos in range(headline + 1, body[0]) if date_span(texts[pos]) and fits(pos)}
    return out


NOTE_REACH = 3  # lines under the headline where a document's date note stands (under its subtitle)


def _event_time(text: str) -> bool:
    """A field of the article's own time under its headline: a key naming an event's time, a word
    before its 时间 or 日期 (活动时间, 截止日期, 开奖日期), one field alone, no key of the page's own
    time (发布时间, 更新日期: ``_PAGE_TIME_KEY``). A bare 日期 or 时间 is a byline's as often."""
    key = _TIME_KEY.match(text)
    return bool(key and len(key.group(1)) >= 4 and one_field(text) is not None and not _PAGE_TIME_KEY.search(key.group(1)))


# A key of an event's place (地点, 活动地点, 地址, 场地, 会场): the field an event's time stands beside.
_PLACE_KEY = re.compile(r"^\s*[^\s:]{0,6}?(?:地点|地點|地址|场地|場地|会场|會場)\s*:")


def _event_date(texts: list[str], pos: int) -> bool:
    """A bare 日期 or 时间 field (one field, no key of the page's own time) right above or below a
    field of a place (``_PLACE_KEY``): an event's time and place under its headline (日期：9月12日至10月1日
    over 地點：澳門旅遊塔前海面); a byline's date stands beside its source or its author, not a place."""
    key = _TIME_KEY.match(texts[pos])
    if not key or one_field(texts[pos]) is None or _PAGE_TIME_KEY.search(key.group(1)):
        return False
    return any(0 <= p < len(texts) and _PLACE_KEY.match(texts[p]) and one_field(texts[p]) is not None for p in (pos - 1, pos + 1))


def _event_place(texts: list[str], pos: int) -> bool:
    """A field of a place (``_PLACE_KEY``, one field) right above or below a field of the event's
    time (``_event_time``: 比赛时间：6月10日至6月20日 over 比赛地点：市体育中心): the event's place, as its
    time is; a site's address stands in its foot, beside its phone and postcode, not its event's time."""
    if not _PLACE_KEY.match(texts[pos]) or one_field(texts[pos]) is None:
        return False
    return any(0 <= p < len(texts) and _event_time(texts[p]) for p in (pos - 1, pos + 1))


def _item_fits(line: Line) -> bool:
    """A line that may be an item of the article's run (``item_runs``): an item's length, no
    furniture sign of its own (``_signed``; a key of the lexicon opening the line aside), no row
    of keys. Unlike a run of like lines (``_row_fits``) it may hold a date, a time, numbers or
    words in brackets: a programme's and a schedule's rows do (``2月17日（年初一） 休館``,
    ``報到 13:30-14:00``, read as a counter; a button row's and a counter's words are the
    lexicon's, ``【打印本页】``, ``阅读 215``)."""
    f = line.features
    signed = f["url"] or f["separators"] >= 0.5 or f["notice"] or structural(line) or (f["lex_cover"] >= 0.3 and not f["kv_filled"])
    return len(line.text) <= ITEM_MAX and not (signed or f["kv_many"])


def _row_fits(line: Line, stop: bool) -> bool:
    """A line that may be a row of the article's run of like lines (``shaped_runs``): no barrier
    or end marker (``stop``), no furniture sign of its own (``_signed``; furniture words aside from
    a key of the lexicon opening the line), no stamp, date, time, counter, empty key or row of keys
    (a byline's); a run of lines opened by the lexicon's keys is a byline's (``_keyed``)."""
    f = line.features
    # A speaker's key of the lexicon (记者) covers much of a short turn: the run weighs such keys (_keyed).
    signed = f["url"] or f["separators"] >= 0.5 or f["notice"] or structural(line) or (f["lex_cover"] >= 0.3 and not f["kv_filled"])
    return not (stop or signed or f["date"] or f["time"] or f["kv_empty"] or f["kv_many"] or f["counter"] or f["buttons"])


def _grown_row(line: Line, stop: bool) -> bool:
    """A row the body grows over (``shaped_runs.grow_over_runs``): one that may be a run's
    (``_row_fits``), no prose and no furniture key of the lexicon opening it. Growing moves the
    body's top, and every line above is read anew (a byline there becomes the body's neighbour);
    a run of turns with a reporter's keys or of sentences is kept where it stands (``_like_rows``).
    With prose and keyed rows grown over too, a page of the dev set's report split read twice
    lost more than read once (``tests/test_furniture_idempotence.py``; session 29)."""
    return _row_fits(line, stop) and not _keyed(line) and not prose_line(line)


def _keyed(line: Line) -> bool:
    """A furniture key of the lexicon opens the line (a byline's field; ``shaped_runs``)."""
    return bool(line.features["kv_filled"])


def _headline_above(lines: list[Line], first: int, title: str) -> int:
    """The nearest line above the body (within ``FAR_REACH`` lines) the page's title names
    (``_names_headline``), or -1."""
    named = [pos for pos in range(first - 1, max(first - 1 - FAR_REACH, -1), -1) if _names_headline(lines[pos], title)]
    first_part = first_part_headline([(pos, lines[pos].text) for pos in named], title)  # headline.py
    if first_part is not None:
        return first_part
    # A field whose value is the site's name (site_field) is the headline only when no other line is named.
    return next((pos for pos in named if not site_field(lines[pos].text, title)), named[0] if named else -1)


def _names_headline(line: Line, title: str) -> bool:
    """The page's title names the line, a headline's length and no sentence: the article's top.
    A headline may ask or exclaim (冬天手机掉电快，真的是“冻”坏了吗？): read as prose by its comma,
    it opened the body, and the site's name above it, the title's last part, was taken for the
    headline (session 24); a full stop ends a sentence."""
    return (_HEADLINE_LENGTH[0] <= len(line.text) <= _HEADLINE_LENGTH[1] and _unended(line)
            and title_match(without_stamp(line.text), title))


def _unended(line: Line) -> bool:
    """No sentence ends the line, or only a question or an exclamation does (a headline the
    title names may ask: 真的是“冻”坏了吗？); a full stop ends a sentence."""
    return not line.features["final_punct"] or (line.text[-1:] in "?!" and "。" not in line.text)


def site_foot_line(line: Line) -> bool:
    """A line of the site's foot: a notice of the site's own, or a copyright line that is no paragraph."""
    # A line of damaged text is read without its odd characters: the byte 0xA9 shows as © (unreadable.py).
    # The paragraph test first: it reads three features, the search reads the whole line.
    return bool(line.features["notice"] or (not is_paragraph(line.text, line.features) and copyright_notice(legible(line.text))))


_CLAUSES = re.compile(r"[。!?;,、]")  # an end marker holds no clauses (features.end_marker)


def after_foot(folded, content: list[int], dropped: dict[int, str], lexicon: Lexicon | None = None) -> set[int]:
    """The live lines right below a line the site rules removed that closes the article: a notice
    (免责声明：……, a paragraph of the site's reprint terms), a copyright line or an end marker
    (责任编辑：王伟). A disclaimer or an editor line that a rule takes must not leave the footer
    lines under it looking like the article's last lines: the model reads them as past the
    article's end, as it would with the closing line still there (below the body only).
    ``folded``: the page's folded lines (indexable); ``content``: the non-empty lines."""
    lexicon = lexicon or load_lexicon()
    out: set[int] = set()
    foot = False
    for i in content:
        if i in dropped:
            text = normalise(folded[i])
            foot = foot or bool(copyright_notice(text) or imprint(text) or lexicon.notice(text, NOTICE_WORDS) or comments_heading(text)
                                or (len(text) <= MARK_MAX and lexicon.ends_re.search(text) and not _CLAUSES.search(text)))
        elif foot:
            out.add(i)
            foot = False
    return out


def _framed_lists(blocks: list[tuple[int, int, bool]], prose: list[bool], barriers: list[bool], ends: list[bool],
                  first: int, last: int) -> tuple[int, int]:
    """The body grown over the list blocks that article prose frames: a list with prose right above
    it (within ``MAX_GAP`` lines) and the body right below it, or the body right above it and prose
    right below it, nothing between that ends an article (a post's stamp, a furniture heading, an
    end marker) and no such line in the list itself, is the article's own (a table of contents under
    an introduction, a timeline, a programme, a quoted list). Its rows are no prose, so body finding
    alone leaves it out when the prose on its far side is short. A sidebar or a related list has
    furniture, not article prose, on one side."""
    if last < first:
        return first, last
    clear = lambda lo, hi: not any(barriers[lo:hi]) and not any(ends[lo:hi])  # noqa: E731
    grown = True
    while grown:
        grown = False
        for start, end, _ in blocks:
            if end < first and first - end <= MAX_GAP and clear(end + 1, first) and clear(start, end + 1):
                above = next((p for p in range(start - 1, max(start - 1 - MAX_GAP, -1), -1) if prose[p]), None)
                if above is not None and clear(above, start):
                    while above > 0 and prose[above - 1] and not barriers[above - 1]:
                        above -= 1
                    first, grown = above, True
            elif start > last and start - last <= MAX_GAP and clear(last + 1, end + 1):
                below = next((p for p in range(end + 1, min(end + 1 + MAX_GAP, len(prose))) if prose[p]), None)
                if below is not None and clear(end + 1, below + 1):
                    while below + 1 < len(prose) and prose[below + 1] and not barriers[below + 1] and not ends[below + 1]:
                        below += 1
                    last, grown = below, True
    return first, last


def _mark_list_blocks(lines: list[Line], blocks: list[tuple[int, int, bool]], body: tuple[int, int], model: Model,
                      lexicon: Lexicon) -> None:
    """Set ``list_block`` on the lines of the list blocks (``lists.py``) that are page furniture:
    a block above the body (a sidebar, a profile box, a ranking), a block whose rows are stamped
    with dates, times or counts (lists of posts and links), or a block below the body with
    furniture between (a heading such as 相关文章, a button row, an end marker). A list right below the
    body with nothing but article lines between (a table, the references of a paper, a numbered
    list the article goes on to) may be the article's own."""
    first, last = body
    for start, end, stamped in blocks:
        if start <= last and end >= first:
            continue  # the block overlaps the body: its lines are judged one by one
        if end < first or stamped:
            apart = True
        else:
            apart = any(line.features["past_end"] or line.features["after_barrier"] or
                        (not protected(line) and (score(line.features, model) > model.threshold
                                                  or forced(line, pos, body, lexicon)))
                        for pos, line in enumerate(lines[last + 1 : start], last + 1))
        if apart:
            for line in lines[start : end + 1]:
                line.features["list_block"] = 1.0


HEADLINE_REACH = 8  # lines above the body searched for the line the page's title names
HEADLINE_FIELDS = 12  # key-value rows above the body not counted in that reach
_FIELD_ROW = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*:\s*\S.{0,40}$")  # 效力级别:省级地方性法规 (NFKC: the colon is ASCII)
_HEADLINE_LENGTH = (4, 60)


def _above(lines: list[Line], first: int) -> list[int]:
    """The positions above the body, nearest first, within ``HEADLINE_REACH`` lines that are no
    key-value row: a law's or a notice's table of fields (发布部门：…, 发文字号：…, 实施日期：…) stands
    between its headline and its text however many rows it has (at most ``HEADLINE_FIELDS``)."""
    out, counted = [], 0
    for pos in range(first - 1, max(first - 1 - HEADLINE_REACH - HEADLINE_FIELDS, -1), -1):
        out.append(pos)
        f = lines[pos].features
        counted += not (f["kv_filled"] or f["kv_many"] or (_FIELD_ROW.match(lines[pos].text) and not f["final_punct"]))
        if counted >= HEADLINE_REACH:
            break
    return out


def _keyed_row(line: Line) -> bool:
    return bool(line.features["kv_filled"] or line.features["kv_many"])


def _named_headline(lines: list[Line], first: int, title: str) -> int:
    """The nearest line above the body (within ``HEADLINE_REACH`` lines) that the page's title
    names (``entries.title_match``), or a fuller one above it (``headline.py``): the headline as
    the page itself gives it; -1 if none. A byline is none (``来源：太原晚报 2021-11-25``: the title
    names the site too, and the headline above it went as ``above_headline``), unless the line is
    the title's first part word for word (a column's headline opening with its key, ``评论：让…``), nor a byline opened by a
    badge (``原创 作者 公众号 日期``: ``post_frame.badge_byline``; the title names the account). A page whose title is the site's name alone names a menu
    item at most: what stands above that is furniture too."""
    named = [pos for pos in _above(lines, first)
             if _HEADLINE_LENGTH[0] <= len(lines[pos].text) <= _HEADLINE_LENGTH[1] and _unended(lines[pos])
             and not (_keyed_row(lines[pos]) and title_parts(lines[pos].text) != title_parts(title)[:1])
             and not badge_byline(lines[pos].text)
             and title_match(without_stamp(lines[pos].text), title) and not site_byline(lines[pos].text, title)]
    if not named:
        return _far_headline(lines, first, title)
    named = [pos for pos in named if not site_field(lines[pos].text, title)] or named  # as in _headline_above
    first_part = first_part_headline([(pos, lines[pos].text) for pos in named], title)
    if first_part is not None:
        return first_part
    return named[fuller_headline([lines[pos].text for pos in named], title)]  # headline.py


FAR_REACH = 24  # lines above the body searched for a headline the title's first part (or whole) is, word for word


def site_field(text: str, title: str) -> bool:
    """A field whose value is the site's name (``主办单位：临川市总工会`` under a union's notice, whose
    title ends ``_临川市总工会``): the title names its value in a part other than its first (the
    headline), as it names a site's byline. Where another line is named it is no headline, and the
    event's facts above it (``比赛时间：…``, ``比赛地点：…``) are no furniture above a headline (losses35)."""
    parts = title_parts(title)
    return bool(_FIELD_ROW.match(text)) and len(parts) >= 2 and not title_match(text, parts[0])


def site_byline(text: str, title: str) -> bool:
    """A byline opened by the site's name (``城市生活报 2026-08-08 记者 刘洋 阅读：``): a date cut
    from the line leaves words the title's other part names (its site), not its first part
    (the headline; a blog entry's ``标题 2005-03-18 01:58:01`` is the first part). The title
    names such a line as it names a headline, and the headline above it went as furniture above
    a headline (session 29)."""
    core = without_stamp(text)
    parts = title_parts(title)
    # A headline that opens with a date leaves nothing: no site's name to find (review29a).
    return bool(core) and core != text.strip() and len(parts) >= 2 and not title_match(core, parts[0])


def _far_headline(lines: list[Line], first: int, title: str) -> int:
    """The one line further above the body (up to ``FAR_REACH`` lines) that is the title's first
    part word for word, no sentence and no key: a Q&A page's question, its fields and the
    answerer's box between it and the answer that is the body (宝宝一岁半晚上总是哭闹睡不好怎么办 /
    健康咨询描述： / … / 王丽萍 主治医师 …); -1 if none or several (a repeated title is a list's)."""
    parts = title_parts(title)
    if not parts:
        return -1
    found = [pos for pos in range(max(first - FAR_REACH, 0), first)
             if _HEADLINE_LENGTH[0] <= len(lines[pos].text) <= _HEADLINE_LENGTH[1] and not lines[pos].features["final_punct"]
             and not (lines[pos].features["kv_filled"] or lines[pos].features["kv_many"])
             and title_parts(lines[pos].text) == parts[:1]]
    if len(parts) < 2 and (len(found) != 1 or _title_recurs(lines, found[0], parts[0])):
        # A title of one part may be the site's name, which a banner repeats and its foot, its
        # copyright line or a byline's source names again; a headline the title is stands once.
        return -1
    return found[0] if len(found) == 1 else -1


def _title_recurs(lines: list[Line], at: int, part: str) -> bool:
    """Another line than ``at`` holds the title's words ``part`` (a site's name in its foot)."""
    words = _NON_WORD.sub("", part)
    return not words or any(words in _NON_WORD.sub("", line.text) for pos, line in enumerate(lines) if pos != at)


_NON_WORD = re.compile(r"[\W_]+")


def headline_position(lines: list[Line], first: int, model: Model) -> int:
    """The headline: the line the page's title names (``page_lines``), else ``_title_position``."""
    for pos, line in enumerate(lines[:first]):
        if line.features["headline"]:
            return pos
    return _title_position(lines, first, model)


_PICTURE_MARK = re.compile(r"\((?:组?图|附图|多图|视频|附视频|图文|组图\d*)\)$")


def page_top(lines: list[Line], first: int) -> int:
    """0 when the page's first line, within ``FAR_REACH`` lines above the body (as far as a
    headline the title names is looked for: ``_far_headline``), reads as a
    headline (4-60 characters, no sentence end, key, link, date or furniture structure; a picture
    mark, ``(图)``, is a headline's); else -1. Asked when the page's title is not known: an article
    cleaned once (``cleaner page.html``, its headline kept because the ``<title>`` named it) and
    read again as text opens with its headline, and the lines the first reading kept between it
    and the body (a subtitle, a caption, a credit) put it out of the nearest-headline search's
    reach. ``decide`` keeps it only when nothing between it and the body is furniture: a page as
    it came opens with the site's name over menus that go."""
    if not 0 < first <= FAR_REACH:
        return -1
    line = lines[0]
    f, text = line.features, _PICTURE_MARK.sub("", line.text)
    # No separators: a site's name and channel (人民网 - 时政频道) is none.
    plain = not any(f[k] for k in ("final_punct", "kv_filled", "kv_empty", "kv_many", "url", "counter", "date", "time",
                                   "bullet", "item_row", "notice", "separators")) and f["buttons"] <= (0.5 if text != line.text else 0)
    return 0 if (plain and _HEADLINE_LENGTH[0] <= len(text) <= _HEADLINE_LENGTH[1] and f["lex_cover"] < _HEADLINE_COVER
                 and not _label_row(text) and not structural(line) and not source_line(text)
                 and not _BRACKETED.match(text)) else -1


def _title_position(lines: list[Line], first: int, model: Model) -> int:
    """The article's headline: the nearest line above the body that is not furniture, when it
    reads as a headline (short, no sentence end, no furniture signs); else -1. Bylines and button
    rows between headline and body are skipped: the model's removals within ``TITLE_REACH`` lines,
    and up to ``_SIGNED_ROWS`` short rows it keeps that carry a furniture sign of their own (视频时长
    02:31 播放次数 1.2万, 份量 2 人份, [视频加载中]), each of which lengthens the reach by one (as a
    section heading does, from the same allowance). Pages keep their title; the cost on pages whose
    hand-copied article leaves it out is one line."""
    reach = TITLE_REACH
    pos = first
    while pos > 0 and pos > first - reach:
        pos -= 1
        f = lines[pos].features
        text = lines[pos].text
        if deck(text, f):
            # A dash subtitle (——记…, ——解读《…》) stands right under the headline: it is looked for above it.
            reach += 1
            continue
        if _SECTION.match(text) and score(f, model) <= model.threshold:
            # The article's first section heading (一、出台背景) stands right above its first
            # paragraph: the headline is above it, and it is looked for one line further.
            reach += 1
            continue
        # A row of a list is no headline (a table of contents' 3. 自主创新 would stay alone), nor
        # is a menu on one line (item_row; 控制面板 发表文章 文章编辑 评论管理 更新资料, labels all of one
        # length, which item_row leaves to verse: _label_row), nor a label in brackets (【同花顺 7×24 小时快讯】),
        # nor a line its structure alone makes furniture (a pager 页码：1/3, a trail, a rule: structural),
        # nor a credit (报道：陈慧敏, a key the lexicon's keys lack: source_line). A headline may hold a furniture word
        # (背后的那些事, 专家这样解读), not be made of them.
        plain = not any(f[k] for k in ("final_punct", "kv_filled", "kv_empty", "url", "buttons", "counter", "date", "time", "bullet",
                                       "template", "list_block", "item_row")) and not _label_row(text) \
            and not structural(lines[pos]) and not source_line(text)
        if (plain and 5 <= len(text) <= 40 and f["lex_cover"] < _HEADLINE_COVER and f["separators"] == 0
                and not _BRACKETED.match(text) and widget(text, f) in HEADLINE_FORMS):
            return pos
        if score(f, model) > model.threshold or widget(text, f):
            continue  # removed (a widget's row by its form: 本文约1200字，阅读需要4分钟): the headline may stand above it
        if _signed_row(text, f) and reach < TITLE_REACH + _SIGNED_ROWS:
            reach += 1  # a kept row of buttons or counts between the headline and the body
            continue
        return -1  # an unremoved line that is no headline: the headline is not above it
    return -1


_HEADLINE_COVER = 0.2  # share of a headline furniture words may cover
LABEL_ROW_ITEMS = 4  # Chinese items split by spaces from which a line is a row of labels, no headline


def _label_row(text: str) -> bool:
    """``LABEL_ROW_ITEMS`` or more items holding Chinese split by spaces: a menu or a row of
    links. A headline sets two or three parts apart at most (民间资本成投资活动的主体 民间资本路在何方)."""
    items = text.split()
    return len(items) >= LABEL_ROW_ITEMS and all(_HAN.search(x) for x in items)


_HAN = re.compile(r"[\u3400-\u9fff]")
_BRACKETED = re.compile(r"^[【\[〖［].*[】\]〗］]$")
_SIGNED_ROWS = 3  # kept rows skipped in all


def _signed_row(text: str, f: dict[str, float]) -> bool:
    """A short row with a furniture sign of its own (buttons, counts, a time, a bracketed label,
    furniture words): no headline, and no article text a headline would have to be below."""
    if len(text) > 40 or f["final_punct"] or f["clause_punct"] >= 0.5:
        return False
    return bool(f["buttons"] or f["counter"] or f["time"] or f["item_row"] or f["lex_cover"] >= _HEADLINE_COVER
                or _BRACKETED.match(text))


# A numbered section heading of an article: 一、…, （二）…, 3. …, 第一章 …
_SECTION = re.compile(r"(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{1,2}[.、]\s*\D|第[一二三四五六七八九十\d]+[章节部分篇])")


def protected(line: Line) -> bool:
    """A prose line with no furniture sign of its own: position alone never removes a sentence.

    Body finding can pick the wrong run (a short article under a long sidebar); without this guard
    the article would go for standing outside it.
    """
    f = line.features
    if is_paragraph(line.text, f):
        if _long_paragraph(line.text):
            # Five sentences and more over 500 characters: a site's notice or a row of links is
            # never that; one domain named, a button word or a byline key inside it are the
            # article's own (a 10,000-character line once went as head+buttons). Only where it
            # stands, in a thread of comments or below the article's end, makes it a reader's post.
            return not (f["in_thread"] or f["past_end"])
        # A paragraph of sentences: bracketed asides (长池), the dots of transliterated names
        # (马克·茨柏克沃斯基) and year-range dashes are no buttons or menu bars; only furniture words,
        # a key-value form (a disclaimer, a byline) or a comment thread tell it apart.
        # Below the article's end marker (责任编辑, 网友评论) a paragraph is a comment or a notice;
        # three different notice words (版权, 转载, 本网, 联系) make a notice anywhere.
        return not (f["kv_filled"] or f["kv_many"] or f["url"] or f["in_thread"] or f["past_end"] or f["notice"]
                    or f["lex_cover"] >= 0.15)
    if not (prose_line(line) or _unfinished_sentence(line.text, f)):
        return False
    # What a sentence must show besides where it stands to be furniture: a byline form, a link, a
    # button, a counter, a time, a comment thread or the article's end above it, a notice, furniture
    # words covering a fair share of it, a separator row.
    return not (f["kv_filled"] or f["kv_many"] or f["url"] or f["buttons"] or f["counter"] or f["time"] or f["in_thread"]
                or f["past_end"] or f["notice"] or f["lex_cover"] >= 0.15 or f["separators"] >= 0.5)


LONG_PARAGRAPH_CHARS = 500
LONG_PARAGRAPH_STOPS = 5


def _long_paragraph(text: str) -> bool:
    """LONG_PARAGRAPH_STOPS full stops over LONG_PARAGRAPH_CHARS characters or more."""
    return len(text) >= LONG_PARAGRAPH_CHARS and text.count("。") >= LONG_PARAGRAPH_STOPS


def _unfinished_sentence(text: str, f: dict[str, float]) -> bool:
    """A line that stops after a comma (a paragraph broken inside its first sentence: ``穴蝰是蛇亚目
    穴蝰科下的一个有毒蛇种，`` above the rest): article text, though it ends no sentence. Furniture
    rows do not end in a comma."""
    long_enough = f["len_13_30"] or f["len_31_80"] or f["len_over_80"]
    return bool(long_enough and text.endswith((",", "、")) and not f["no_cjk"] and not f["kv_many"] and not f["notice"])


# A post opening with its writer's name: "住在城东的老张：", "小李同学:" (NFKC: the colon is ASCII).
_SPEAKER = re.compile(r"^[^,，。:：;；!?]{1,12}[:：]")
SUBHEADING_MAX = 12  # characters of a heading line that may be an article's own subheading
SUBHEADING_PROSE = 120  # characters of article prose right under it that make it one
SUBHEADING_REACH = 6  # lines under it looked at


def _subheading(lines: list[Line], pos: int, prose: list[bool], lexicon: Lexicon) -> bool:
    """An end word standing alone as a heading (读者留言, 网友评论) right over article prose of
    SUBHEADING_PROSE characters (``boxes.box_length`` finds no box under it: no post stamp, end
    marker or comment header first). A report of readers' reactions titles its section so; a
    comment thread's posts carry stamps or headers, or open with their writer's name (小李同学：…).
    A byline form (责任编辑：张三) and a heading with its count (评论（4）) are never one."""
    line = lines[pos]
    if len(line.text) > SUBHEADING_MAX or line.features["kv_filled"] or prose[pos] or re.search(r"\d", line.text):
        return False
    under = lines[pos + 1 : pos + 1 + SUBHEADING_REACH]
    if any(_SPEAKER.match(x.text) for x in under):
        return False
    return box_length(((x.text, x.features) for x in under), SUBHEADING_PROSE, lexicon) == 0


def _barrier(line: Line, prose: bool) -> bool:
    """A line that ends a stretch of article: a post's timestamp, a furniture heading, a byline form."""
    f = line.features
    heading = f["lex_cover"] >= 0.5 and (f["len_1_4"] or f["len_5_12"])
    return bool(_stamp(f) and not _event_time(_ORDINAL.sub("", line.text, count=1)) or (not prose and (heading or f["kv_many"])))


# A row's ordinal (一、 2. （三）) before its field: a notice's numbered facts (一、活动时间：…).
_ORDINAL = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.、]|[(（][一二三四五六七八九十\d]{1,3}[)）])\s*")


def _stamp(f: dict[str, float]) -> bool:
    """A post's stamp: a date and a time on a line that ends no sentence ("# re: 标题 2004-12-27
    12:46 用户"). A time alone is not enough: "(弗5:17)", a verse reference, reads as 5:17."""
    return bool(f["date"] and f["time"] and not f["final_punct"])


def score(features: dict[str, float], model: Model) -> float:
    """``bias + sum(weight * value)`` over the line's non-zero features, natively
    (``FurnitureScorer``: added one after the other in the dict's order, as Python 3.11's ``sum``
    adds; 3.12's compensates, so the oracle in tests/ adds in a loop)."""
    return _scorer(model).score(features)


def _scorer(model: Model) -> FurnitureScorer:
    """The native scorer of a model's weights, built once per model (the fitting script makes
    models of other weights). Keyed by identity: a Model holds a dict, so it has no hash."""
    entry = _SCORERS.get(id(model))
    if entry is None or entry[0] is not model:
        if len(_SCORERS) > 16:
            _SCORERS.clear()
        names = list(model.weights)
        entry = _SCORERS[id(model)] = (model, FurnitureScorer(names, [model.weights[k] for k in names], model.bias))
    return entry[1]


_SCORERS: dict[int, tuple[Model, FurnitureScorer]] = {}


def reasons(features: dict[str, float], model: Model, top: int = 2) -> tuple[str, ...]:
    """The features that pushed the line furthest towards furniture, strongest first."""
    pushes = sorted(((model.weights[k] * v, k) for k, v in features.items() if v and model.weights[k] > 0), reverse=True)
    return tuple(k for _, k in pushes[:top]) or ("bias",)


def decide(lines: list[str], folded: list[str], alive: list[int], model: Model | None = None,
           lexicon: Lexicon | None = None, keep: set[int] = frozenset(), title: str | None = None,
           foot: set[int] = frozenset(), held: set[int] = frozenset(), take_headline: bool = False,
           linked: set[int] = frozenset(), roles: dict[int, str] | None = None,
           protected_out: list[int] | None = None, content: list[int] | None = None) -> list[Decision]:
    """The live lines the model removes. ``lines``: the page's lines; ``folded``: their folds;
    ``keep``: lines never to remove (a rule has rewritten them: they are judged already);
    ``held``: lines never to remove that say nothing of the lines around them (code, tables,
    headlines of a fixed form: ``kept_blocks``), so a block of teasers holding one still goes, but it;
    ``title``: the page's title (folded as the lines are), if known: on a page of several entries it names the article
    (``entries.py``), and the other entries go before the model judges what is left; ``foot``: lines
    right below a line the rules removed as the page's foot (``after_foot``); ``take_headline``: also
    give the headline the title names, as decisions of the family ``headline`` (``HEADLINE``: an
    HTML page's, for ``meta``), its lines under it that the title goes on with too
    (``headline.headline_lines``); the caller takes them once the page is read, since the lines
    above a headline are read as being above it. ``linked``: lines of an HTML page that are link
    text (``linked_lines.py``). ``roles``: where an HTML page's lines stood in its markup
    (``page_structure.py``), which weighs the decisions; the lines it keeps as the article's go
    into ``protected_out``. ``content``: the non-empty lines of ``lines``, when the caller has them
    (``boilerplate.remove_furniture`` reads a page several times; they are found here otherwise)."""
    model = model or load_model()
    lexicon = lexicon or load_lexicon()
    rewritten, keep = keep, set(keep) | set(held)
    gone, scored, body = prepare(folded, alive, model, lexicon, title, foot, keep, exempt=rewritten)
    out = [Decision(line.index, lines[line.index], 0.0, (family,)) for line, family in gone]
    if body is None:
        out += [Decision(line.index, lines[line.index], 0.0, (family,)) for line in scored
                if line.index not in keep and (family := structural(line) or _site_row(line, lexicon))]
        done = {d.index for d in out}
        out += [Decision(scored[pos].index, lines[scored[pos].index], 0.0, (RELATED_TAIL,))
                for pos in related_tail(scored, None, [line.index in done for line in scored], keep)]
        return _weighed(out, scored, roles, model, keep, lines, protected_out, linked)
    headline = headline_position(scored, body[0], model)
    top = page_top(scored, body[0]) if title is None and headline != 0 else -1
    if top >= 0 and any(scored[0].index < line.index < scored[body[0]].index for line, _ in gone):
        top = -1  # a family took a line between it and the body: furniture stands there
    top_score = None
    removed = [False] * len(scored)
    candidate = [False] * len(scored)
    listed = introduced(scored, body)
    pictures = picture_story(scored, body, title)
    signed = signature(scored, body)
    signature_at = set(signed)  # the signature alone, without the rows it closes (read by the site's cards)
    # A notice's contact rows and facts down to its signature are its own (closing_rows.py).
    # Its attachments, one file a line, may have gone before (a family's, or an earlier reading's): no gap.
    fits = lambda pos: _closing_fits(scored[pos], lexicon)  # noqa: E731
    gap = lambda pos: pos > 0 and any(folded[i].strip() and not file_name(normalise(folded[i]))  # noqa: E731
                                      for i in range(scored[pos - 1].index + 1, scored[pos].index))
    closing = closing_rows([line.text for line in scored], body[1], signed, fits, gap)
    # A note of the site's to its reader (以上信息仅供参考，…) is no fact the article's sentence resumes after.
    resumed = set() if closing else resumed_rows(body[1], len(scored), lambda pos: fits(pos) and not site_note(scored[pos].text),
                                                 gap, lambda pos: _closing_sentence(scored[pos]))
    signed |= closing
    # The notice's contact block under its body or its signature (notice_contacts.py: 联系方式, 招标人：…, 联系人：…).
    contacts = contact_block([line.text for line in scored], max(closing) + 1 if closing else body[1] + 1,
                             fits, gap,
                             lambda pos: pos in signed or signed_off(scored[pos].text))
    signed |= contacts
    if closing:
        # Nothing of the article follows its signature: the short lines under it are read as past its end.
        for line in scored[max(closing) + 1 :]:
            if not is_paragraph(line.text, line.features):
                line.features["past_end"] = 1.0
    named = scored[headline].text if headline >= 0 and scored[headline].features["headline"] else None
    sites = site_names(title, named) if title else []
    # The article's counted steps and facts inside its body (counted_rows.py) are its own: no score takes them.
    own_rows = {pos for pos in counted_rows([line.text for line in scored]) if body[0] <= pos <= body[1]}
    own_rows |= introduced_steps(scored, body, headline)
    own_rows |= opening_dateline(scored, headline, body[0])
    # A work's card (work_cards.py: 书名：… 作者：… 出版社：…) under the article's headline, down to its body's
    # end, is the article's: a review's card of its book. Above the headline (a novel site's head over a
    # chapter) or under the article it is the site's.
    own_rows |= {pos for pos in range(headline + 1, body[1] + 1) if headline >= 0 and work_card(scored[pos].text)}
    card_at = card_rows([line.text for line in scored])  # a work's card, one field a line (asked again below)
    own_rows |= {pos for pos in card_at if 0 <= headline < pos <= body[1]}
    # A label over a link that the body's prose names (named_links.py: 报名入口： over its URL, 可通过上方报名入口报名).
    own_rows |= named_links([line.text for line in scored], lambda pos: body[0] <= pos <= body[1] and prose_line(scored[pos]))
    # A label and its link on one line between two paragraphs (named_links.body_links: 报名网址：www.…).
    own_rows |= body_links([line.text for line in scored], lambda pos: body[0] <= pos <= body[1] and prose_line(scored[pos]),
                           lambda pos: not scored[pos].features["lex_cover"])
    # A diary's dated heading over its first entry, repeated over the later ones (dated_heads.py: 2026年12月3日 星期四 小雪).
    own_rows |= dated_heads([line.text for line in scored], headline, body[0], body[1], lambda pos: prose_line(scored[pos]))
    own_rows |= _like_rows(scored, body, title, lexicon)
    own_rows |= _item_rows(scored, body, title, lexicon)
    own_rows |= closing | resumed | contacts
    # The rows of the article's closing sections by their marks (closing_parts.marked_sections: 注释： over [1] …,
    # 附件：1.… under the signature).
    own_rows |= marked_sections([line.text for line in scored], body[1] + 1)
    subtitles = decks([line.text for line in scored], [line.features for line in scored], headline, body[0])
    # The site's cards closed by their buttons and its boxes' strips of figures under the article's first line
    # (site_cards.py: 推荐房源 / 租金：… / 联系经纪人 预约看房 收藏; 最新价 18.62 涨跌幅 -3.47%). Never a row the
    # article counts, lists or sets out, nor its headline, decks, signature or contact block. The rows a closing
    # sentence of the article resumes after, or a signature closes (closing_rows.py), are read as the notice's
    # facts by their keys alone: a card's buttons under them say whose they are.
    card_own = (own_rows - closing - resumed) | listed | signature_at | contacts | subtitles | {headline}
    card_args = ([line.text for line in scored], lambda pos: prose_line(scored[pos]), body[0],
                 lambda pos: pos in card_own or scored[pos].index in keep or pos > 0 and introduces(scored[pos - 1].text))
    # A strip beside prose speaking of a weather row's or a quote row's matter is the article's forecast or
    # closing prices (interleaved.spoken_of), as a widget's row there is.
    strips = {pos for pos in strip_lines(*card_args)
              if not any(spoken_of(topic, scored[p].text) for topic in TOPIC_FAMILIES for p in (pos - 1, pos + 1)
                         if 0 <= p < len(scored) and prose_line(scored[p]))}
    cards_at = {pos: "figure-strip" for pos in strips} | {pos: "site-card" for pos in card_lines(*card_args)}
    poll_at = -1  # the last line a poll's (interleaved.py): its choices stand under it
    set_out: set[int] = set()  # widget-shaped rows a line ending in a colon sets out, and the run under them
    for pos, line in enumerate(scored):
        if line.index in keep or pos == headline or pos in subtitles:
            continue  # the headline and its subtitles (decks.py) are the article's
        if sites and pos > body[1] and pos not in listed and site_voice(line.text, sites) and not is_paragraph(line.text, line.features):
            # The site speaking of itself under the article (site_voice.py): protected as a sentence, it is the site's.
            out.append(Decision(line.index, lines[line.index], round(score(line.features, model), 2), ("site-voice",)))
            removed[pos] = True
            continue
        if not body[0] <= pos <= body[1] and pos not in own_rows and pos not in listed and pos not in signed \
                and not line.features["notice"] and (note := site_note(line.text, parts=True)):
            # The site's note to its reader outside the article (site_notes.py): protected as a sentence, it is the
            # site's. (A notice of the lexicon's goes as one, forced.)
            out.append(Decision(line.index, lines[line.index], round(score(line.features, model), 2), ("site-note", note)))
            removed[pos] = True
            continue
        if (not body[0] <= pos <= body[1] or pos == body[1] and not prose_line(line)) \
                and pos not in own_rows and pos not in listed and pos not in signed \
                and (spaced_row(line.text, lambda item: _is_label(item, lexicon)) or raters(line.text)):
            # A row of the site's short items split by spaces outside the article, or ending its body above
            # the site's notes (spaced_rows.py: 热门 推荐 排行 专题, 询底价 预约看房 户型图, 7.8分 读过 想读): a
            # menu row without its separators; a rating's count of raters alone (12034人评价).
            out.append(Decision(line.index, lines[line.index], round(score(line.features, model), 2), ("spaced-row",)))
            removed[pos] = True
            continue
        if pos in cards_at:
            out.append(Decision(line.index, lines[line.index], round(score(line.features, model), 2), (cards_at[pos],)))
            removed[pos] = True
            continue
        kept, family = judged(line, pos, body, lexicon, pictures)
        if pos > 0 and not removed[pos - 1] and not prose_line(line) and \
                (pos - 1 in set_out or body[0] <= pos - 1 <= body[1] and introduces(scored[pos - 1].text)):
            # A row the article's line above sets out, and the run under it (截至收盘： over a run of prices:
            # interleaved.introduces); a heading that went or stands outside the body sets out the site's rows.
            set_out.add(pos)
        if family in INSIDE_FAMILIES and (pos + 1 < len(scored) and referred(scored[pos + 1].text)
                                          or pos in set_out and family in DATA_FAMILIES):
            family = ""  # the article's next sentence speaks of it (interleaved.referred), or sets it out: judged by its score
        elif family in TOPIC_FAMILIES and any(spoken_of(family, scored[p].text) for p in (pos - 1, pos + 1)
                                              if 0 <= p < len(scored) and prose_line(scored[p])):
            family = ""  # the prose beside it speaks of its matter (interleaved.spoken_of): a weather report's forecast
        elif not family and poll_at >= 0 and pos - poll_at <= OPTIONS_REACH and poll_options(line.text):
            kept, family = False, "poll"  # a poll's choices under its question (○ 支持 ○ 反对; a form's boxes head no poll)
        if family == "poll":
            poll_at = pos
        if kept:
            continue
        if pos in own_rows and (family in ("", "list") or family in INSIDE_FAMILIES):
            continue
        if pos in contacts and family in ("site-foot", "label"):
            continue  # the notice's contact block (notice_contacts.py): its heading and fields are no site's foot
        if pos in closing and family == "site-foot" and ":" in line.text:
            continue  # a hotline's key (投稿邮箱：…) over the notice's signature: the notice's contact row, not the site's foot
        if pos in listed and family not in STRUCTURAL_FAMILIES:
            family = ""  # the article's own list: judged by its score alone
        # A widget's row (interleaved.py) goes by its own form and says nothing of its neighbours:
        # no line goes for standing between it and other furniture (a live blog's entries between
        # its counters and polls).
        candidate[pos] = family not in INSIDE_FAMILIES and between_candidate(line, pos, body, signed)
        s = score(line.features, model)
        inside = body[0] <= pos <= body[1]
        need = model.threshold + (model.body_margin if inside and prose_line(line) else 0.0)
        if family:
            out.append(Decision(line.index, lines[line.index], round(s, 2), (family,)))
        elif s > need and pos == top:
            top_score = round(s, 2)  # decided below, once the lines under it are judged
            continue
        elif s > need:
            out.append(Decision(line.index, lines[line.index], round(s, 2), reasons(line.features, model)))
        removed[pos] = bool(family) or s > need
    if top_score is not None and any(removed[1 : body[0]]):
        # Furniture stands between it and the body: the page as it came, its first line the site's.
        out.append(Decision(scored[0].index, lines[scored[0].index], top_score, reasons(scored[0].features, model)))
        removed[0] = True
    out_family = {d.index: d.reasons[0] for d in out if len(d.reasons) == 1}
    # between() reads taken_above only at a candidate and right under one: asked there alone.
    taken = [(candidate[pos] or (pos > 0 and candidate[pos - 1])) and _taken_above(scored, folded, pos) for pos in range(len(scored))]
    beside = [gone and not (out_family.get(scored[pos].index) in INSIDE_FAMILIES) for pos, gone in enumerate(removed)]
    row_texts, taken_gap = [x.text for x in scored], (lambda p: _taken_above(scored, folded, p))
    sections = closing_section(row_texts, lambda p: beside[p], taken_gap)
    for pos in between(beside, candidate, taken):
        line = scored[pos]
        if pos in sections or resumed_row(row_texts, pos, lambda p: beside[p], taken_gap):
            continue  # the article's closing section, a live run's row under an advert (closing_parts.py)
        out.append(Decision(line.index, lines[line.index], round(score(line.features, model), 2), ("between",)))
    cards = {scored[pos].index for pos in card_at}
    listed_at = {scored[pos].index for pos in listed}  # the rows an introducing sentence heads: no stamp, frame or byline of the site's
    out += [Decision(i, lines[i], 0.0, (family,)) for i, family in portal_stamps(scored, body, {d.index for d in out}, keep | cards | listed_at)]
    done = {d.index for d in out}
    # A schedule's rows (item_runs.schedule_rows) under the headline are stamped as a byline is, but a
    # byline is one line, not a run of them.
    schedule = {scored[pos].index for pos in schedule_rows([line.text for line in scored])}
    # The article's runs of items (own_rows: a programme dated in figures after its byline, later_dated.py)
    # are no byline either.
    schedule |= {scored[pos].index for pos in own_rows}
    for pos in zone_stamps(scored, body, headline if article_headline(scored, headline, title) else -1, done | keep | schedule):
        out.append(Decision(scored[pos].index, lines[scored[pos].index], round(score(scored[pos].features, model), 2), ("byline",)))
    # A byline row of fields whose keys no lexicon holds (unnamed_fields.byline_rows: 楼主：… 发帖：342 注册：…).
    done = {d.index for d in out}
    for pos in byline_rows([line.text for line in scored], headline if article_headline(scored, headline, title) else -1,
                           {p for p, line in enumerate(scored) if line.index in done}):
        if scored[pos].index not in keep | schedule:
            out.append(Decision(scored[pos].index, lines[scored[pos].index], round(score(scored[pos].features, model), 2),
                                ("byline", "unnamed-fields")))
    done = {d.index for d in out}
    # A widget's row (interleaved.py) starts no sweep: the lines under a video card are the article's; nor
    # does a picture's caption, which stands under its picture inside the article (its closing lines below it).
    # A related lead (更多精彩内容, 延伸阅读》…) does: the titles under it are its list's.
    swept = {d.index for d in out
             if d.reasons[0] not in (*INSIDE_FAMILIES, "caption") or d.reasons[0] == "inline-related"}
    past = past_prose(scored, body)  # read by the record rows below too: the lines' prose and text do not change
    for pos in tail_sweep(scored, folded, body, [line.index in swept for line in scored],
                          keep | {scored[p].index for p in listed | signed | own_rows}, past):
        line = scored[pos]
        if line.index in done:
            continue
        out.append(Decision(line.index, lines[line.index], round(score(line.features, model), 2), ("tail-sweep",)))
    done = {d.index for d in out}
    gone_now, own = [line.index in done for line in scored], keep | {scored[p].index for p in listed | signed}
    box = related_tail(scored, body, gone_now, own) or framed_box(scored, body, gone_now, own,
                                                                  lambda pos: _taken_above(scored, folded, pos))
    for pos in box:
        line = scored[pos]
        out.append(Decision(line.index, lines[line.index], round(score(line.features, model), 2), (RELATED_TAIL,)))
    if not box:
        # A box of the site's headlines under a heading no lexicon knows, or none: read by its rows' form.
        # The article's subject: its headline, or the title's first part (a site's name follows it: 今日头条).
        subject = scored[headline].text if headline >= 0 else re.split(r"[_|｜]|\s[-—–]\s", title or "")[0]
        for pos in title_run(scored, body, gone_now, own, lambda pos: _taken_between(scored, folded, pos), subject):
            line = scored[pos]
            out.append(Decision(line.index, lines[line.index], round(score(line.features, model), 2), (TITLE_RUN,)))
    # The page's record of the article one field a line (本文作者：…, 更新日期：…) between its end and the
    # furniture under it (record_rows.py): read upward from the first line gone.
    done = {d.index for d in out}
    own_at = listed | signed | own_rows | {pos for pos, line in enumerate(scored) if line.index in keep}
    for pos, kind in record_rows([line.text for line in scored], past,
                                 lambda pos: scored[pos].index in done or _taken_above(scored, folded, pos), own_at):
        line = scored[pos]
        out.append(Decision(line.index, lines[line.index], round(score(line.features, model), 2), (RECORD_ROW, kind)))
    if take_headline and headline >= 0 and scored[headline].features["headline"]:
        # Only a headline the title names (a line above the body, as page_lines finds it): one
        # guessed from its shape alone (_title_position) may be the article's first words.
        done = {d.index for d in out}
        for pos in headline_lines([line.text for line in scored], headline, body[0], title):
            if scored[pos].index in done or scored[pos].index in keep:
                break
            out.append(Decision(scored[pos].index, lines[scored[pos].index], 0.0, (HEADLINE,)))
    elif take_headline and headline >= 0 and scored[headline].index not in keep:
        # A headline guessed from its shape on a page whose title names no line (headline.unnamed_headline).
        done = {d.index for d in out}
        if unnamed_headline([line.text for line in scored], headline, title, any(line.features["headline"] for line in scored),
                            [line.index in done for line in scored[:headline]]):
            out.append(Decision(scored[headline].index, lines[scored[headline].index], 0.0, (HEADLINE,)))
            under = headline + 1
            if under < body[0] and dashed(scored[under].text) and scored[under].index not in keep | done:
                # Its dashed subtitle right under it goes with it, as a named headline's does (headline_lines).
                out.append(Decision(scored[under].index, lines[scored[under].index], 0.0, (HEADLINE,)))
    gone_by = {d.index for d in out if d.reasons != (HEADLINE,)}
    for pos in linked_furniture(scored, body, linked - keep, gone_by, {d.index for d in out}, headline, title):
        line = scored[pos]
        out.append(Decision(line.index, lines[line.index], round(score(line.features, model), 2), (LINKED,)))
    # The label over a link the model took above the body (本站永久域名： over its domain: link_labels.py).
    out_at = {d.index for d in out}
    gone_at = {pos for pos, line in enumerate(scored) if line.index in out_at}
    for pos in link_labels([line.text for line in scored], body[0], gone_at,
                           {p for p, line in enumerate(scored) if line.index in keep} | {headline}):
        out.append(Decision(scored[pos].index, lines[scored[pos].index], round(score(scored[pos].features, model), 2), (LINK_LABEL,)))
    # The frame of a post, an answer or an article the model kept (post_frame.py): read once the
    # rest is judged; what went before this reading (a rule, an earlier reading) counts as removed.
    written = content if content is not None else [i for i, text in enumerate(lines) if text.strip()]
    done = {d.index for d in out} | (set(written) - set(alive))
    out += [Decision(i, lines[i], 0.0, (family,)) for i, family in post_frame(scored, body, done, load_words().actions, folded, keep | listed_at, headline)]
    return _weighed(out, scored, roles, model, keep | ({scored[headline].index} if headline >= 0 else set()), lines, protected_out,
                    linked)


def _weighed(out: list[Decision], scored: list[Line], roles: dict[int, str] | None, model: Model, keep: set[int],
             lines: list[str], protected_out: list[int] | None, linked: set[int]) -> list[Decision]:
    """``out`` weighed by an HTML page's structure (``page_structure.weigh``); text has no roles."""
    if not roles:
        return out
    out, kept = page_structure.weigh(out, scored, roles, model.threshold, lambda line: score(line.features, model), keep,
                                     lambda line, s, why: Decision(line.index, lines[line.index], round(s, 2), why), linked)
    if protected_out is not None:
        protected_out.extend(kept)
    return out


# An article's sentence that introduces what follows it (具体步骤见下图：, 涨幅居前的个股如下：):
# six characters or more before its colon, folded (：is :), no filled key and few furniture words
# (分享到：, 相关阅读： are the site's). What follows, up to the next prose line and INTRO_REACH lines
# at most, is the article's list, steps or table, however short and bare its lines.
_INTRO = re.compile(r"[^:]{6,}:")
INTRO_REACH = 12
STRUCTURAL_FAMILIES = ("pager", "rule")  # no words to lose: they go even inside an introduced list


def _introduces(line: Line) -> bool:
    """An article's sentence introducing what follows it (``_INTRO``: six Han characters or more
    before its colon, no filled key, notice or furniture words)."""
    f = line.features
    # Its colon ends the line: a line ending otherwise (a paragraph) is not read through to its end.
    return bool(line.text.endswith(":") and _INTRO.fullmatch(line.text) and not f["kv_filled"] and not f["notice"] and f["lex_cover"] < 0.3
                and len(_HAN.findall(line.text)) >= 6)


def headed(lines: list[Line], pos: int) -> bool:
    """Does an introducing sentence (``_introduces``) head the line at ``pos``, the article's prose
    going on under it: the first line above it that is prose or such a sentence, within
    ``INTRO_REACH`` lines, is that sentence, and a line of prose that is no notice stands below it
    within as many (``resumes``)? Read before the body is known (``introduced`` reads the rows of the
    body's sentences once it is). Under the article's last line a line ending in a colon may head
    the site's foot (联系我们： over its contacts and copyright): no prose of the article follows it."""
    for above in range(pos - 1, max(-1, pos - 1 - INTRO_REACH), -1):
        if _introduces(lines[above]):
            return resumes(lines, pos + 1, above + 1 + INTRO_REACH)
        if prose_line(lines[above]) and not _field_row(lines[above]):
            return False
    return False


def resumes(lines: list[Line], start: int, stop: int) -> bool:
    """A line of prose that is no notice (the article's) among ``lines[start:stop]``."""
    return any(prose_line(line) and not _field_row(line) and not line.features["notice"] for line in lines[start:stop])


def introduced_steps(scored: list[Line], body: tuple[int, int], headline: int) -> set[int]:
    """Positions of the rows of a counted sequence above the body (``counted_rows.sequences``)
    right under an introducing sentence of the article (``_introduces``: 按以下步骤申请劳动仲裁：)
    below the headline: the article's steps, which no family or score takes. An article of steps
    has no prose, and a box of prose under it (an author's bio under 作者简介) read as the body,
    the steps standing in its head zone, where rows of their length go. A table of contents under
    ``目录`` is introduced by no sentence and goes as a list."""
    texts = [line.text for line in scored[: body[0]]]
    out: set[int] = set()
    for first, last in sequences(texts):
        if first - 1 > headline and _introduces(scored[first - 1]):
            kind = ordinal(texts[first])[0]
            out.update(pos for pos in range(first, last + 1) if (mark := ordinal(texts[pos])) and mark[0] == kind)
    return out


# Families that take a line for the thread it stands in, not for its own form: a line ending in a colon
# inside a post heads that post's lines, no article's rows (portals._POSTS, and the replies under a
# thread's first post).
THREAD_FAMILIES = ("other-post", "post-row", "stamped-reply", "comment-block", "reply")


def introduced_gone(gone: list[tuple[Line, str]], scored: list[Line], body: tuple[int, int]) -> set[int]:
    """Indices of the lines a portal family took before the model read the page (``gone``: each with
    its family) that an introducing sentence of the article heads, as ``introduced`` reads its rows:
    under such a sentence in the body or right under its last line, before the next prose line and
    within ``INTRO_REACH`` lines (the taken ones counted). A family reads a row by its own form
    (支持 35 反对 2 is a vote widget's, 点赞 128万 a share row's counter); under 表决结果如下： it is the
    article's result, where its prose goes on under the rows (under the article's last line a colon
    may head the site's foot). Only the rows the sentence sets out: a run of taken rows right under it, or a
    row of a form (``lists.skeleton``) a row of the run above it showed; a row of another form
    after the article's own rows (附件：回执表.docx under a form's blanks) is the site's. Structural
    families (``STRUCTURAL_FAMILIES``) and a thread's (``THREAD_FAMILIES``) keep theirs."""
    taken = {line.index: (line.text, family) for line, family in gone}
    out: set[int] = set()
    for pos in range(body[0], min(len(scored), body[1] + 2)):
        if not _introduces(scored[pos]):
            continue
        # The next prose line under it (a row of fields is a row of the list, as introduced() reads it).
        nxt = next((p for p in range(pos + 1, len(scored)) if prose_line(scored[p]) and not _field_row(scored[p])), len(scored))
        if nxt == len(scored) or scored[nxt].features["notice"]:
            continue  # no prose of the article under the run: the sentence's colon may head the site's foot
        end = scored[nxt].index
        run = sorted([(i, taken[i][0], True) for i in taken if scored[pos].index < i < end]
                     + [(line.index, line.text, False) for line in scored[pos + 1 : nxt]])[:INTRO_REACH]
        shown: set[str] = set()
        above_all = True  # every row above this one was taken and is given back
        for i, text, was_taken in run:
            form = skeleton(text)
            back = was_taken and (above_all or form in shown) and taken[i][1] not in STRUCTURAL_FAMILIES + THREAD_FAMILIES
            if back:
                out.add(i)
            above_all = above_all and back
            if back or not was_taken:
                shown.add(form)
    return out


def introduced(scored: list[Line], body: tuple[int, int]) -> set[int]:
    """Positions of the lines an introducing sentence of the article heads (``_INTRO``, standing in
    the body or right under its last line, six Han characters or more, no notice): no family takes
    them for where they stand or what they look like (steps, a stock list), and the tail sweep
    leaves them; the score alone judges them, as any line. (An advertisement's or a form's label,
    GoodFeel铃声：, 您的Email：, stands elsewhere or holds too little Chinese.)"""
    out: set[int] = set()
    for pos in range(body[0], min(len(scored), body[1] + 2)):
        if not _introduces(scored[pos]):
            continue
        for nxt in range(pos + 1, min(len(scored), pos + 1 + INTRO_REACH)):
            if prose_line(scored[nxt]) and not _field_row(scored[nxt]):
                break  # the article's prose goes on: its rows of fields (开幕式：5月10日 09:00 市民广场) do not end the list
            out.add(nxt)
    return out


PROGRAMME_SHARE = 2 / 3  # rows of a block dated as the article dates them that make it its programme


FIGURES_FRAME = 1  # lines at most between a block of figures and the body under it (an introduction, a subheading)


def _stated_figures(texts: list[str], block: tuple[int, int, bool], first: int) -> bool:
    """A list block ending at most ``FIGURES_FRAME`` lines above the body's first line (``first``),
    every row of which states a quantity (``figure_rows.figure_row``: ``一般公共预算收入48.62亿元，增长5.3%``)
    and none a machine's date (``item_runs.machine_row``): the article's figures the body goes on
    from (under an untitled page's byline, where no headline bounds the article's items:
    ``item_runs.head_items``), not a list standing above it."""
    start, end = block[0], block[1]
    return 0 <= first - end - 1 <= FIGURES_FRAME and all(figure_row(texts[p]) and not machine_row(texts[p]) for p in range(start, end + 1))


def _programme(dated: list[bool]) -> bool:
    """A list block most of whose rows open with the article's dates or hold spans of times
    (``item_runs.article_dated``): a timetable or a programme, not a list of posts or links."""
    return sum(dated) >= PROGRAMME_SHARE * len(dated)


def _field_row(line: Line) -> bool:
    """A row of one field ending no sentence (``counted_rows.one_field``: 开幕式：5月10日 09:00 市民广场):
    its colon reads as a clause, but it is a row of the list a sentence introduces, not prose."""
    return not line.features["final_punct"] and one_field(line.text) is not None


def _taken_above(scored: list[Line], folded: list[str], pos: int) -> bool:
    """A live line stands between ``scored[pos - 1]`` and ``scored[pos]``: one taken before the
    lines were judged (by a rule, a portal family or a part)."""
    return pos > 0 and any(folded[i].strip() for i in range(scored[pos - 1].index + 1, scored[pos].index))


def _taken_between(scored: list[Line], folded: list[str], pos: int) -> list[str]:
    """The live lines taken before the lines were judged between ``scored[pos - 1]`` and
    ``scored[pos]`` (or the page's end, where ``pos`` is past the last), folded."""
    end = scored[pos].index if pos < len(scored) else len(folded)
    return [folded[i] for i in range(scored[pos - 1].index + 1, end) if folded[i].strip()] if pos > 0 else []


def _captions_above(scored: list[Line], folded: list[str], pos: int) -> bool:
    """Every live line taken between ``scored[pos - 1]`` and ``scored[pos]`` is a picture's caption
    (``forms.caption``: 图为…（记者 某某 摄）)."""
    return all(caption(normalise(folded[i])) for i in range(scored[pos - 1].index + 1, scored[pos].index) if folded[i].strip())


_CUT = re.compile(r"(?<!\.)\.{3}$")  # a title cut short (folded: … is ...; a sentence's …… is six dots)


def _cut(text: str) -> bool:
    """``_CUT`` found in ``text``; a line not ending in three dots (nearly every line: the search
    tries every position of a paragraph) is not searched."""
    return text.endswith(("...", "...\n")) and bool(_CUT.search(text))
SWEEP_MAX = 40  # characters: a line the tail sweep may take (a label, a title, a name; no paragraph)


def tail_sweep(scored: list[Line], folded: list[str], body: tuple[int, int], removed: list[bool], keep: set[int],
               start: int | None = None) -> list[int]:
    """Positions of the lines that go for standing below furniture under the article: below the
    body and the page's last prose line (a title cut short, ``…获得...``, and a list's row are none), once a line
    there has gone (``removed``: by the model, a family, or before it by a rule or a portal
    family: a live line missing between two scored ones), every later line of at most
    ``SWEEP_MAX`` characters that ends no sentence (a cut title aside) and that no rule rewrote.
    Nothing of the article follows the site's furniture there (a download row, 更多, a
    subscription prompt, the site's name: words no lexicon holds). With nothing gone between the
    article and them, the lines under the article stay (a credit, the site's name: hand copies
    keep some). One pass, after every other decision. ``start``: ``past_prose(scored, body)``, when
    the caller has it."""
    start = past_prose(scored, body) if start is None else start
    # A line taken before the model judged (by a rule, or a portal family) lies between two scored lines.
    # A caption a rule took there (common/caption-credit) is the article's picture's, as in ``decide``: it starts none.
    first = next((pos for pos in range(start, len(scored))
                  if removed[pos] or _taken_above(scored, folded, pos) and not _captions_above(scored, folded, pos)), None)
    if first is None:
        # Lines taken below the last one only (the site's copyright line a rule took): no line to sweep, the rows over it aside.
        below = [normalise(folded[i]) for i in range(scored[-1].index + 1, len(folded)) if folded[i].strip()] if start < len(scored) else []
        return [pos for pos in rows_over_foot([line.text for line in scored], start, len(scored)) if scored[pos].index not in keep] \
            if _foot_line(below) else []
    foot = [scored[first].text] if removed[first] else \
        [normalise(folded[i]) for i in range(scored[first - 1].index + 1, scored[first].index) if folded[i].strip()]
    # The site's contact rows right above its copyright or registration line (keyed_rows.rows_over_foot).
    over = rows_over_foot([line.text for line in scored], start, first) if _foot_line(foot) else []
    if not removed[first]:
        first -= 1  # the line above the gap is the last line of the article's side
    # The article's own lines below the furniture (closing_parts.py): a closing section under its heading
    # (注释：, 名词解释), a live run's last row under an advert.
    texts = [line.text for line in scored]
    gone, gap = (lambda pos: removed[pos]), (lambda pos: _taken_above(scored, folded, pos))
    own = closing_section(texts, gone, gap)
    return [pos for pos in over if scored[pos].index not in keep] + \
        [pos for pos in range(first + 1, len(scored))
         if not removed[pos] and scored[pos].index not in keep and _sweepable(scored[pos].text)
         and (not scored[pos].features["final_punct"] or _cut(scored[pos].text))
         and pos not in own and not resumed_row(texts, pos, gone, gap)]


def past_prose(scored: list[Line], body: tuple[int, int]) -> int:
    """The position right under the body and the page's last prose line."""
    # A row of a list is no prose here either, as for body finding (热门研报 over 1. 电子行业：AI端侧…).
    # A row of fields is no prose here either (keyed_rows.colon_fields: 地址：… 总机：…, the site's foot).
    prose = [pos for pos, line in enumerate(scored)
             if prose_line(line) and not line.features["template"] and not _cut(line.text) and not colon_fields(line.text)]
    return max([body[1]] + prose) + 1


def _foot_line(below: list[str]) -> bool:
    """Is the first line of ``below`` (the lines right under a run of rows, blank lines left out), other
    rows of the run a rule took before aside, the site's copyright or registration line? Rows of fields go
    as its contact rows only right above it: with 责任编辑, 打印本页 or 相关阅读 between, they are the
    article's last facts (参观地址：… 咨询电话：…)."""
    rest = [text for text in below if keys_of(text) < FOOT_KEYS]
    return bool(rest) and bool(copyright_notice(legible(rest[0])) or imprint(rest[0]))


def _sweepable(text: str) -> bool:
    """A line short enough for the tail sweep: a label, a title or a name (``SWEEP_MAX``), or a row
    of fields up to ``FOOT_MAX`` (``keyed_rows.colon_fields``: 地址：… 总机：…, 最后更新日期：… 累计浏览人次：…,
    a site's foot of 40 to 60 characters that stayed under the furniture the sweep took)."""
    return len(text) <= SWEEP_MAX or (len(text) <= FOOT_MAX and colon_fields(text))


BETWEEN_RUN = 3  # the most lines kept between two removed lines that go with them
BETWEEN_MAX = 40  # characters: a title or a label, not a paragraph


def article_headline(scored: list[Line], headline: int, title: str | None) -> bool:
    """Is the headline one a title of the article's names (two parts or more, none of the site's
    own kind: a banner repeating a one-part title, or a blog's name over its posts' titles, is no
    article's headline)? Below it stands the article's byline (``zone_stamps``)."""
    if headline < 0 or not title or not scored[headline].features["headline"]:
        return False
    return len(title_parts(title)) >= 2 and not site_title(title)


STAMP_MAX = 40  # characters of a byline's stamp line (a name, a unit, a key, a date and a time)
# What the article says of its own dates (review28a): a span of times (an event's, an outage's,
# an exam's: 14:00-16:00), a key naming an event's time (活动时间, 停電時間, 考试日期: any key of a
# time but a page's own, which publishes, updates, replies, posts or edits), a news dateline
# (本报北京5月3日电, 中央社台北15日電): such a line under the headline is the article's, not a byline.
_TIME_SPAN = re.compile(r"\d{1,2}:\d{2}\s*[-－–—~～至到]\s*\d{1,2}:\d{2}")
_TIME_KEY = re.compile(r"^\s*([^\s:]{0,10}?(?:时间|時間|日期))\s*:")
# Keys of when the page or its document was put out (a notice's 公告日期, 发文日期, 成文日期), not of
# an event the article tells of.
_PAGE_TIME_KEY = re.compile(r"发布|發布|发表|發表|更新|回复|回覆|发帖|發帖|编辑|編輯|录入|錄入|上传|上傳|修改|提交"
                            r"|公告|公布|发文|發文|印发|印發|成文|签发|簽發|刊登|刊发|刊發|出版|公开|公開|创建|創建|添加|生成|收录|收錄"
                            r"|信息|首发|首發|推送|文章|审核|審核|发稿|發稿|新闻|新聞|稿件|上线|上線|入库|入庫|撰稿|来稿|來稿|采编|採編")
_DATELINE = re.compile(r"\d{1,2}日(?:电|電|讯|訊)")


def _article_time(text: str) -> bool:
    """A line of the article's own dates under its headline (the patterns above), not its byline."""
    key = _TIME_KEY.match(text)
    # An event's time is a field of its own: a line of several fields (播出时间：… 主持人：… 收听 2.3万)
    # is the page's byline, whatever its first key.
    alone = key is not None and one_field(text) is not None
    return bool(_TIME_SPAN.search(text) or _DATELINE.search(text) or (alone and not _PAGE_TIME_KEY.search(key.group(1))))


# A news dateline alone on its line (新华社上海5月6日电（记者 周明远 陈曦）, 本网临江11月18日电, 中央社記者林志明台北18日電):
# an agency or paper, a place and a day, ``电``/``讯``, perhaps its reporters in brackets; no clause.
_NEWS_DATELINE = re.compile(r"^[^\s,，。:：!?]{0,16}?\d{1,2}日(?:电|電|讯|訊)\s*(?:[(（][^()（）]{1,30}[)）])?$")


def opening_dateline(scored: list[Line], headline: int, first: int) -> set[int]:
    """The position of a news dateline (``_NEWS_DATELINE``) standing right above the body's first line
    or as that line, below the headline: the first words of the article's first paragraph set on a line
    of their own, not the page's byline (a byline's date is the page's, in figures, with its time)."""
    return {pos for pos in (first - 1, first) if headline < pos < len(scored) and _NEWS_DATELINE.match(scored[pos].text)}


def zone_stamps(scored: list[Line], body: tuple[int, int], headline: int, done: set[int]) -> list[int]:
    """Positions of the stamp lines between the headline a title of the article's names
    (``headline``: ``article_headline`` says so; -1 when not) and the body: a date and a time, no
    sentence end, at most ``STAMP_MAX`` characters, with words besides them (a writer's or an
    account's name, a school, a key: ``匿名 國立某某大學 2024年5月3日 16:42``). Under the
    article's headline such a line is its byline, not a post's title with its stamp (which is
    why ``portal_stamps`` leaves names and a stamp alone: a blog's page lists its posts so). A
    date line and nothing else (``2022-02-13 23:37``) stays: the dev set's hand copies keep it."""
    if headline < 0:
        return []
    return [pos for pos in range(headline + 1, body[0])
            if scored[pos].index not in done and _stamp(scored[pos].features) and len(scored[pos].text) <= STAMP_MAX
            and not dateline_only(scored[pos].text) and not _article_time(scored[pos].text)]


def between_candidate(line: Line, pos: int, body: tuple[int, int], signed: set[int] | frozenset[int] = frozenset()) -> bool:
    """A line that may go for standing between furniture (``between``): outside the body, not
    protected (the caller has asked ``judged``), title-sized at most, and not among the
    ``HEADLINE_REACH`` lines right above the body, where the headline and its subtitle stand
    (often between a navigation trail and a byline, both furniture), nor a line of the notice's
    ``signature`` (``signed``). Known before any score is: the fitting script counts the family
    with the weights it tries."""
    near_top = body[0] - HEADLINE_REACH <= pos < body[0]
    return (not near_top and not body[0] <= pos <= body[1] and len(line.text) <= BETWEEN_MAX
            and not is_paragraph(line.text, line.features) and pos not in signed)


SIGNER_MAX = 30  # characters of an issuer's name over its signing date
ISSUERS_MAX = 4  # issuers' lines over one signing date (三个局 over one date; 学务处 教务处 辅导室 敬启)
_ISSUER = re.compile(r"[\u3400-\u9fff]{2}")


def signature(scored: list[Line], body: tuple[int, int]) -> set[int]:
    """Positions of a notice's signature below the body: its signing date alone on its line
    (``portals.bare_date``, or in words: ``closing_rows.words_date``, an ROC year, Chinese numerals) and the
    issuer's name right above it (a short line ending no sentence), and over that the other issuers
    of a joint notice (``_issuer``, ``ISSUERS_MAX`` lines in all). They close the document; a download
    link or the site's source line on either side of them (furniture, gone) made them go as a menu's
    items (``between``) or as lines under the site's furniture (``tail_sweep``)."""
    out: set[int] = set()
    for pos in range(body[1] + 1, len(scored)):
        if bare_date(scored[pos].text) or words_date(scored[pos].text):
            out.add(pos)
            above = scored[pos - 1]
            if pos - 1 > body[1] and len(above.text) <= SIGNER_MAX and not above.features["final_punct"]:
                out.add(pos - 1)
                out.update(itertools.takewhile(lambda p: p > body[1] and _issuer(scored[p]), range(pos - 2, pos - 1 - ISSUERS_MAX, -1)))
                if _ROLE_NAME.fullmatch(above.text):
                    # Signers by their roles over the date sign under it too: a judgment's clerk (书记员 陈晓宇)
                    # under 审判员 王琳 and the date, once a date in words made it a signature.
                    out.update(itertools.takewhile(lambda p: _ROLE_NAME.fullmatch(scored[p].text),
                                                   range(pos + 1, min(len(scored), pos + 1 + ISSUERS_MAX))))
    return out


# A signer's role and name (审判员 王 琳, 书记员 陈晓宇; NFKC: U+3000 is a space): the role a post's (…员, …长, …官, 法官助理).
_ROLE_NAME = re.compile(r"[\u3400-\u9fff]{1,5}[员长官理] +[\u3400-\u9fff](?: ?[\u3400-\u9fff]){1,3}")


def _issuer(line: Line) -> bool:
    """A joint notice's issuer over the one signing: a name of Han characters, at most ``SIGNER_MAX``
    characters, no sentence end, colon, digit or furniture word (a credit or a source is keyed)."""
    text = line.text
    return (len(text) <= SIGNER_MAX and not line.features["final_punct"] and ":" not in text and not re.search(r"\d", text)
            and not line.features["lex_cover"] and bool(_ISSUER.search(text)))


def _closing_sentence(line: Line) -> bool:
    """A sentence of the article under its facts (``resumed_rows``: 入场免费。): it ends as a sentence,
    holds four Han characters or more, and shows none of the signs that make a sentence the site's
    (a key, a link, a notice, furniture words, separators, a thread) however short it is."""
    f, text = line.features, line.text
    if not (text.endswith(("。", "!", "?")) and len(_HAN.findall(text)) >= 4):
        return False
    return not (f["kv_filled"] or f["kv_many"] or f["url"] or f["notice"] or f["in_thread"] or f["past_end"]
                or f["lex_cover"] >= 0.15 or f["separators"] >= 0.5)


def _closing_fits(line: Line, lexicon: Lexicon) -> bool:
    """A row that may close a notice above its signature (``closing_rows``): no site's record
    key (发布, 来源, 编辑, 浏览: a byline's), notice, copyright or registration line, post stamp
    (a date and a time that are no field's value: 开学报到：2027年2月24日上午8:00 is the notice's),
    structure alone furniture (a menu, a trail, a pager), separators, end marker or comment
    heading, nor a furniture label (联系我们) unless it is a field (联系人：…), a heading the
    article numbers (四、联系方式) or a line introducing rows (投资者联系：)."""
    f, text = line.features, line.text
    if f["notice"] or _stamp(f) and one_field(text) is None or f["separators"] >= 0.5 or RECORD_KEY.search(text) or structural(line):
        return False
    if copyright_notice(legible(text)) or end_marker(text, lexicon) or comments_heading(text):
        return False
    if f["url"] and ":" not in text:
        return False
    return f["lex_cover"] < 0.5 or bool(f["kv_filled"] or ordinal(text) or text.endswith(":"))


def between(removed: list[bool], candidate: list[bool], taken_above: list[bool] | None = None) -> list[int]:
    """Positions of the lines that go for standing between furniture: a run of at most
    ``BETWEEN_RUN`` kept candidates with a removed line right above and right below. A menu, a
    sidebar or a list of advertisements is removed line by line by its score, and a few of its
    items score just under the threshold ("18岁以下勿点击/图文" among its neighbours); cut off from the
    article by furniture on both sides, they are the same block. One pass over the first
    decisions: nothing removed here makes another line go. A line right under or over the body
    has the article, not furniture, on one side and stays. ``taken_above[pos]``: a line taken
    before the lines were judged (by a rule or a portal family) stood right above line ``pos``;
    it is a removed neighbour too (a tag row 原创 创投 储能 融资 between a photo credit a portal
    family took and a share row the model removed)."""
    gone = taken_above or [False] * len(removed)
    out: list[int] = []
    pos = 1
    while pos < len(removed):
        if removed[pos] or not candidate[pos] or not (removed[pos - 1] or gone[pos]):
            pos += 1
            continue
        end = pos
        while end < len(removed) and candidate[end] and not removed[end] and (end == pos or not gone[end]):
            end += 1
        if end < len(removed) and (removed[end] or gone[end]) and end - pos <= BETWEEN_RUN:
            out.extend(range(pos, end))
        pos = end
    return out


def _teasers_outside(scored: list[Line], folded: list[str], model: Model, lexicon: Lexicon, title: str | None,
                     foot: set[int], keep: set[int]) -> set[int]:
    """Positions of the lines of the blocks of other posts' teasers (``teasers.py``) that stand
    outside the article: the page without them still has a body, and each block lies before or
    after it. A page that is nothing but teasers (a list page) keeps them: no body is left."""
    blocks = [(a, b) for a, b in teaser_blocks(scored) if not any(line.index in keep for line in scored[a : b + 1])]
    if not blocks:
        return set()
    gone = {pos for a, b in blocks for pos in range(a, b + 1)}
    rest, body = page_lines(folded, [line.index for pos, line in enumerate(scored) if pos not in gone], model, lexicon, title, foot)
    if body is None:
        return set()
    lo, hi = rest[body[0]].index, rest[body[1]].index
    return {pos for a, b in blocks if scored[b].index < lo or scored[a].index > hi for pos in range(a, b + 1)}


PARTS = ("entry", "box", "teasers", "titles")  # families of whole parts of a page, taken before lines are judged


def prepare(folded: list[str], alive: list[int], model: Model, lexicon: Lexicon, title: str | None = None,
            foot: set[int] = frozenset(), keep: set[int] = frozenset(), exempt: set[int] | None = None):
    """(gone, lines, body): the parts of the page that go before its lines are judged, each line
    with its family (``PARTS``), then the features of what is left and its body (``page_lines``).
    In order: the other entries of a page of several (``entries.py``; with the page's title); a
    推荐阅读 box between two paragraphs (``boxes.py``: its heading, a barrier, would split the
    article and leave its first part, headline and all, outside the body); blocks of other
    posts' teasers outside the article (``teasers.py``); a list of titles below the body that
    names the page's own title (``_title_lists``). Each part taken but the last means the page is
    read again without it. ``keep``: lines no part may take; ``exempt`` (``keep`` unless given):
    lines whose block of teasers stays whole."""
    # A work's card written one field a line (work_cards.card_rows: 导演：… 主演：… 片长：128分钟) is no
    # player's duration row, whatever its 片长 reads as alone.
    cards = {alive[pos] for pos in card_rows([folded[i] for i in alive])}
    gone, alive = portal_lines(folded, alive, lexicon, keep | cards, title)  # portals.py: forum, PTT, WeChat, … rows by form
    scored, body = page_lines(folded, alive, model, lexicon, title, foot)
    back = introduced_gone(gone, scored, body) if body is not None and gone else set()
    if back:
        # Rows a portal family took by their form alone that an introducing sentence of the article heads
        # (表决结果如下： over 支持 35 反对 2): the article's, read again with the page as the model judges it.
        gone = [(line, family) for line, family in gone if line.index not in back]
        scored, body = page_lines(folded, sorted(alive + list(back)), model, lexicon, title, foot)
    finders = (
        ("entry", lambda: set(other_entries(scored, title, model.min_body)) if title else set()),
        ("box", lambda: set(inner_boxes(scored, lexicon))),
        ("teasers", lambda: _teasers_outside(scored, folded, model, lexicon, title, foot, keep if exempt is None else exempt)),
        ("titles", lambda: _title_lists(scored, body, title)),
    )
    for family, find in finders:
        part = {pos for pos in find() if scored[pos].index not in keep}
        if not part:
            continue
        gone += [(scored[pos], family) for pos in sorted(part)]
        if family == "titles" and body is not None:
            # Below the body: the page is not read again (with the list's headings gone, the
            # body would run on into what follows the list).
            scored = [line for pos, line in enumerate(scored) if pos not in part]
        else:
            scored, body = page_lines(folded, [line.index for pos, line in enumerate(scored) if pos not in part],
                                      model, lexicon, title, foot)
    return gone, scored, body


def _title_lists(scored: list[Line], body: tuple[int, int] | None, title: str | None) -> set[int]:
    """Positions of the lists of titles below the body (runs of ``list_run`` lines) holding a line
    that the page's title names: the site's latest or most-read stories, the article's own among
    them. An article's own list does not name the article. The title's last part, the site's
    name, names no entry: the site's name signs notices."""
    if not title or body is None:
        return set()
    # A title closes with the site's name (标题_招考公告_安平县人力资源), and under a notice the
    # site's name is its signature (安平县人力资源和社会保障局): no list's entry naming the article
    # or its channel (更多花莲新闻). The parts before the last are the ones a list may name.
    parts = title_parts(title)
    parts = parts[:-1] if len(parts) > 1 else parts
    # A part another part holds is the article's kind or channel (房屋租赁合同范本_合同范本_…): it
    # names the site's other pieces of that kind (车位租赁合同范本), not the article (session 25: a
    # contract page's signature rows and the rest of its tail went as a list naming the article).
    parts = [p for p in parts if not any(p != q and p in q for q in parts)]
    names = lambda text: any(title_match(text, p) for p in parts)  # noqa: E731
    out: set[int] = set()
    pos = body[1] + 1
    while pos < len(scored):
        if not scored[pos].features["list_run"]:
            pos += 1
            continue
        end = pos
        while end + 1 < len(scored) and scored[end + 1].features["list_run"]:
            end += 1
        # A notice's signature over its date names its issuer, whom the headline names too: no list's entry.
        if any(_HEADLINE_LENGTH[0] <= len(scored[at].text) <= _HEADLINE_LENGTH[1] and names(without_stamp(scored[at].text))
               and not (at + 1 < len(scored) and bare_date(scored[at + 1].text))
               for at in range(pos, end + 1)):
            out.update(range(pos, end + 1))
        pos = end + 1
    return out


BLOCK_FAMILIES = ("list", "pager", "caption")  # families decided by a line's form or its list, not by its words


# A picture story's title (组图：黄河壶口瀑布现冰挂景观, 图集, 多图): its captions are its text.
_PICTURE_TITLE = re.compile(r"组图|图集|多图|高清图|图片故事|图说")
STORY_CAPTIONS = 3  # captions in the body from which they are the article (a gallery), not its pictures'


def picture_story(lines: list[Line], body: tuple[int, int], title: str | None) -> bool:
    """A page whose text is its pictures' captions: its title says so (组图, 图集), or its body holds
    ``STORY_CAPTIONS`` captions or more (``forms.caption``). Its captions are judged as any line."""
    if title and _PICTURE_TITLE.search(title):
        return True
    return sum(1 for line in lines[body[0] : body[1] + 1] if caption(line.text)) >= STORY_CAPTIONS


def judged(line: Line, pos: int, body: tuple[int, int], lexicon: Lexicon, pictures: bool = False) -> tuple[bool, str]:
    """(kept whatever its score, the family that removes it whatever its score) of a line that
    is not the headline. A protected line (a sentence without a furniture sign of its own) stays,
    unless it is a row of a list block that is furniture, or a pager: the list's form is the
    sign (a sidebar of comment excerpts ends its rows as sentences). A paragraph always stays."""
    if protected(line):
        # Of ``forced``'s families only a pager and a list's row can take a protected line, so
        # its other questions are not asked of the sentences: a line outside any list block
        # needs the pager's test alone, a paragraph none.
        f = line.features
        if is_paragraph(line.text, f):
            return True, ""
        family = forced(line, pos, body, lexicon, pictures) if f["list_block"] else \
            ("pager" if pager(line.text) else "caption" if not pictures and caption(line.text) else "")
        if not family and not pictures:
            family = widget(line.text, f)  # a caption or a widget's row punctuated as a sentence (interleaved.py)
        return (False, family) if family in BLOCK_FAMILIES or family in INSIDE_FAMILIES else (True, "")
    return False, forced(line, pos, body, lexicon, pictures)




def _site_row(line: Line, lexicon: Lexicon) -> str:
    """The family of a line of the site's own on a page without an article (a list page, an
    article made of rows): its copyright line that is no paragraph (``copyright``: © 2024 某某网
    版权所有), a row of two furniture labels or more and nothing else (``label``: 关于我们 | 联系我们).
    Neither is any list's item nor any row's field: with the model finding no body, they stayed."""
    text = line.text
    if len(text) > LABEL_ROW_MAX or line.features["final_punct"]:
        return ""
    if _SITE_COPYRIGHT.search(legible(text)):
        return "copyright"
    return "label" if label_row(text, lexicon) else ""


# The copyright marks of a site's line, not a word of an item's title (论版权所有者的权利).
_SITE_COPYRIGHT = re.compile(r"(?i)©|\(c\)\s*\d{4}|copyright|版权所有(?![\u3400-\u9fff])|all rights reserved")


def structural(line: Line) -> str:
    """The family of a line that its structure alone makes furniture, on a page without an article
    too (a list page, search results): a pager, a drawn rule, a menu row split by two explicit
    separators or more (热点 | 社会 | 民生), a navigation trail, a site's registration numbers.
    No words are judged: the rest of a page without a body stays (docs/furniture.md)."""
    f = line.features
    if pager(line.text):
        return "pager"
    if rule_line(line.text):
        return "rule"
    if is_paragraph(line.text, f) or f["final_punct"]:
        return ""
    if f["item_row"] and len(_MENU_SEPARATORS.findall(row_text(line.text))) >= 2:
        return "menu"
    if len(line.text) <= TRAIL_MAX and len(_arrows(line.text)) >= 2 and _trail(line.text):
        return "trail"
    if imprint(line.text):
        return "imprint"
    return ""


def forced(line: Line, pos: int, body: tuple[int, int], lexicon: Lexicon, pictures: bool = False) -> str:
    """The family that removes a line outside the body whatever its score, or "".

    ``notice``: a notice of the site's own (headed 免责声明：, or three notice words with 本网/本站:
    copyright, reprint terms, disclaimer, contacts); no article sentence speaks of "本网" with
    such words. ``list``: a line of a list block that is page furniture (``_mark_list_blocks``).
    ``pager``: a row of page numbers and pager words (共3页 上一页 1 2 3 下一页), inside the body too.
    ``credit``: an editor's or reporter's credit written without a colon (( 编辑 李明 )).
    ``trail``: a navigation trail, two arrows or more and no sentence end (社区 → 杂谈 → 标题).
    ``menu``: a row of link labels split by at least two explicit separators (热点 | 社会 | 民生;
    labels split by spaces alone may be names in a caption). ``label``: a line of at most 30
    characters made of furniture phrases alone (关于我们, 打印本页, 您是本文第 154 个阅览者).
    The fit split holds too few notices and labels outside the body for the weights to learn
    them, and its hand copies keep some headings, which teaches the weights to keep all of them.
    A list goes as a block by design; lists and menus were measured on leave-site-out CV together
    with the other changes of their round (docs/furniture.md), not each against its score."""
    if pager(line.text):
        return "pager"  # numbers and pager words alone: no article line, wherever it stands
    if not pictures and caption(line.text):
        return "caption"  # a picture's caption (its credit, 摄影:刘洋): between paragraphs too (``picture_story``: a gallery's are its text)
    if not pictures and (family := widget(line.text, line.features)):
        return family  # a widget's row between paragraphs or above them (interleaved.py): its form, wherever it stands
    if body[0] <= pos <= body[1]:
        return ""  # a drawn rule inside the article is its scene break (* * *, ———)
    if rule_line(line.text):
        return "rule"  # a drawn rule outside the article: no words to lose
    f = line.features
    if credit(line.text):
        return "credit"
    if f["notice"]:
        return "notice"
    if imprint(line.text) and not is_paragraph(line.text, f):
        return "imprint"
    if f["list_block"]:
        return "list"
    if f["item_row"] and (len(_MENU_SEPARATORS.findall(row_text(line.text))) >= 2 or _link_row(line.text)):
        return "menu"
    if not is_paragraph(line.text, f) and nav_row(line.text, lambda item: _is_label(item, lexicon)):
        return "menu"
    if title_row(line.text) and pos != body[1] + 1:
        return "title-row"  # right under the article's last line it may be its closing tips (提示：… … …)
    if quote(line.text):
        return "quote"
    if consent(line.text):
        return "consent"  # 本站使用Cookies…继续浏览即表示阁下同意…
    if counted_row(line.text):
        return "counted"  # 随笔(12) 读书(5): categories or tags with their counts
    if f["kv_filled"] and not f["final_punct"] and fields_row(line.text) and RECORD_KEY.search(line.text):
        return "fields"  # 发布日期：… 更新日期：… 点阅次数：… (a record key among three fields or more)
    if stats(line.text):
        return "stats"
    if prompt(line.text) and pos != body[0] - 1:
        return "prompt"  # right above the article's first line it may be its first subheading (一键登录)
    if blog_name(line.text):
        return "blog-name"
    if source_line(line.text):
        return "source"  # below the body, or between the headline and the body (记者：张三)
    if not f["final_punct"] and len(line.text) <= TRAIL_MAX and len(_arrows(line.text)) >= 2 and _trail(line.text):
        return "trail"
    if _LOCATION.match(line.text) and _arrows(line.text) and not f["final_punct"] and len(line.text) <= TRAIL_MAX:
        return "trail"  # a trail of one step after its key (您现在的位置: 首页 >> 新闻动态), wherever it stands
    if (f["len_1_4"] or f["len_5_12"] or f["len_13_30"]) and not f["final_punct"] and label_cover(line.text, lexicon) >= FORCED_COVER:
        return "label"
    return ""


LINK_ROW = 8  # items of a row split by spaces alone that make it a row of links (a government site's departments)


def _link_row(text: str) -> bool:
    """An item row (``features.item_row``) of at least ``LINK_ROW`` items split by spaces, a
    quarter of them longer than a name (four characters or more: 发展和改革委员会, 影视八卦): the
    channels, departments or cities of a site's link block. Names in a caption run two or three
    characters (and a caption's list of names is headed by a colon, which no item row holds)."""
    items = text.split()
    if len(items) < LINK_ROW or any(_CODE_TOKEN.fullmatch(x) for x in items):
        return False  # a lone letter, digit or operator is a token of code or a formula (x => x + 1), no link's label
    return 4 * sum(1 for x in items if len(x) >= 4) >= len(items)


_CODE_TOKEN = re.compile(r"[A-Za-z0-9]|[^\w\u3400-\u9fff]+")


TRAIL_MAX = 120  # characters: a navigation trail ends with the article's title at most
_ARROWS = re.compile(r">>|>|»|›|→")  # what joins the steps of a navigation trail (首页 >> 新闻 >> 正文)
# Words of a site's navigation: a trail of → alone, or one after a colon, must name one. An
# article writes → between the stages of a route or a process (推荐路线：西宁 → 青海湖 → 敦煌,
# 光能 → 化学能 → 稳定的化学能), never > or ».
_NAV_WORDS = re.compile("首页|首頁|主页|主頁|位置|当前|當前|社区|社區|论坛|論壇|频道|頻道|栏目|欄目|正文|返回|网站|網站|本站")


def _arrows(text: str) -> list[str]:
    """The arrows of ``text`` that split a row's items: none in markup, code or a title between
    angle brackets (``arrows.row_text``: ``<ref>…</ref>`` is no pair of arrows), none after a
    clause's end (``arrows.in_sentence``: a trail's steps before the title are names)."""
    row = row_text(text)
    return [] if in_sentence(row, _ARROWS) else _ARROWS.findall(row)


def _trail(text: str) -> bool:
    """Do the arrows of ``text`` join the steps of a navigation trail (see ``_NAV_WORDS``)?"""
    if _NAV_WORDS.search(text):
        return True
    return "：" not in text and ":" not in text and any(a != "→" for a in _arrows(text))
_LOCATION = re.compile(r"(?:您?现在的|您的|当前|所在)?位置\s*:")  # a trail's key (NFKC: the colon is ASCII)
_MENU_SEPARATORS = re.compile(r"\||>>|>|»|›|\s/\s")  # what splits the items of a menu row (not spaces: names in a caption)
FORCED_COVER = 0.8  # share of a short line furniture phrases cover for it to be a label
# What separates the labels of a row, the counts beside them and the brackets of a button row
# (【打印本页】【关闭窗口】, [ 返回 ]).
_GAPS = re.compile(r"[\s|/·>»›\-\d\[\]【】()<>]+")


def _is_label(item: str, lexicon: Lexicon) -> bool:
    """One item of a row that is a furniture label alone (回首页, 返回列表, 打印本页)."""
    return len(item) <= 8 and label_cover(item, lexicon) >= FORCED_COVER


def label_cover(text: str, lexicon: Lexicon) -> float:
    """The share of a line's characters, separators, spaces and digits left out, that furniture
    phrases cover: 1.0 for "关于我们 | 联系我们 | 网站地图", 0.89 for a visitor counter
    "您是本文第 154 个阅览者". A label with its English gloss (相关新闻 Related, 热门 Most Read, as
    overseas and Hong Kong sites set their headings) is read without the gloss too."""
    bare = _GAPS.sub("", text)
    cover = lexicon.phrases(bare)[1] / max(len(bare), 1)
    if cover < 1.0 and _GLOSS.search(text):
        han = _GAPS.sub("", _GLOSS.sub(" ", text))
        if len(han) >= 2:
            cover = max(cover, lexicon.phrases(han)[1] / len(han))
    return cover


_GLOSS = re.compile(r"(?<![A-Za-z])[A-Za-z]{2,}(?:\s+[A-Za-z]{2,}){0,3}(?![A-Za-z])")  # up to four English words
