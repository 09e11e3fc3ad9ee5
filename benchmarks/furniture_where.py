"""Where the furniture left (and the article lost) sits: counts only, never a line's text.

    .venv/bin/python benchmarks/furniture_where.py --set NAME [--set NAME ...]

NAME is a template set of ``benchmarks/portal_pages`` (see ``furniture_portals.py``) or
``report`` / ``fit`` (the dev set's splits, ``furniture.py``); a set stored as damaged pages
(``wild39``) is counted as the dev set's splits are, its output aligned with its articles. Safe on the held-out sets: it
prints aggregates (lines and characters per class), so a class of misses can be found without
reading a held-out line.

Each leftover furniture line (a template's ``F`` line still on the output; on the dev set's
splits, an output line most of whose characters do not align with the hand copy) is counted by

  position  above the first article line / between article lines / below the last one
  length    band of its length in characters
  shape     digits share over 30 %, separators (| > / · ｜ ——), bracketed (【】[]「」《》 around
            an item), ends in sentence punctuation, key:value, URL or domain, one short item
            (≤ 8 characters, no space), spaced items (3+ parts)
  form      as the field readers see it: comma rows (ending a sentence, keyed, items), sentence, one key's field, fields, keys without
            their colons, spaced items, two items, one item (``form``)
  one-field a ``one-field`` row's record kind (``record_rows.record_kind``: credit, record, related,
            or no-record-key) and what stands under it (article, furniture-left, furniture-gone, end)
  signs     a sentence row's signs (``sentence_signs``: the site speaking, asking the reader, a
            channel of the site's, keys' colons) and where it stands
  cover     a short row's (spaced, two items, one item) share covered by the lexicon's furniture
            words (``lex_cover``: all, half+, some, none) and where it stands
  under     a sentence row below the article: right under it, or with furniture gone (after-gone) or
            only furniture left (after-left) between
  keys      a row of fields' keys (``row_keys``: record, lexicon, facts, other; dated; how many)
  brackets  a row with bracketed items: where they stand (whole row, end, inside), how many, its form
  cause     why the generic model kept it (``furniture_diagnose.cause``: head, tail, inside,
            protected, headline …) and the feature that weighed most for it and against it.

Each lost article line (a template's ``A``/``P`` line missing from the output) is counted by
position, length, shape and the rule or model decision whose removed-line finding names it
(``altered`` when no finding names it: the line was rewritten, not removed). On the dev set's
splits only the lost characters per decision are counted (the hand copy is hard-wrapped).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import furniture as bench  # noqa: E402
import furniture_diagnose as diag  # noqa: E402
import furniture_portals as portal_bench  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.furniture import generic, spaced_keys  # noqa: E402
from cleaner.furniture.boilerplate import fold_line  # noqa: E402
from cleaner.furniture.features import normalise  # noqa: E402
from cleaner.furniture.field_breaks import RECORD_KEY, _facts  # noqa: E402
from cleaner.furniture.record_rows import record_kind  # noqa: E402
from cleaner.io.page import load_page  # noqa: E402

_SEPARATOR = re.compile(r"[|｜>›»/·•]|——|\s-\s")
_BRACKETED = re.compile(r"[【\[「《〔][^】\]」》〕]{1,12}[】\]」》〕]")
_BRACKET_END = re.compile(r"[【\[「《〔][^】\]」》〕]{1,12}[】\]」》〕]\s*$")
_KEY_VALUE = re.compile(r"^[^：:，。]{1,8}[：:]")
_URL = re.compile(r"https?://|www\.|\b[a-z0-9-]+\.(?:com|cn|net|org|gov|edu|hk|tw|mo)\b", re.I)
_FINAL = re.compile(r"[。！？!?…”」』)）]$")
_DIGIT = re.compile(r"\d")


def band(n: int) -> str:
    for top, name in ((4, "1-4"), (8, "5-8"), (12, "9-12"), (20, "13-20"), (40, "21-40"), (80, "41-80")):
        if n <= top:
            return name
    return "81+"


def shapes(text: str) -> list[str]:
    t = text.strip()
    out = []
    if t and len(_DIGIT.findall(t)) / len(t) > 0.3:
        out.append("digits>30%")
    if _SEPARATOR.search(t):
        out.append("separators")
    if _BRACKETED.search(t):
        out.append("bracketed")
    if _FINAL.search(t):
        out.append("sentence-end")
    if _KEY_VALUE.search(t):
        out.append("key:value")
    if _URL.search(t):
        out.append("url/domain")
    if re.search(r"[您你]|请|欢迎|敬请", t):
        out.append("addresses-reader")
    if re.search(r"本[站网刊号台院局馆平]|我[们司院局馆]|小编", t):
        out.append("site-voice")
    parts = t.split()
    if len(t) <= 8 and len(parts) == 1:
        out.append("one-short-item")
    if len(parts) >= 3:
        out.append("spaced-items")
    return out or ["plain"]


_COLON_KEY = re.compile(r"(?:^|\s)[^\s：:，。,]{1,8}[：:]")


def form(text: str) -> str:
    """The row's form as the field readers see it (session 34): with a comma, 、 or semicolon,
    ``comma-sentence`` (ends a sentence), ``comma-keyed`` (a key's colon in it) or ``comma-items``;
    without, ``sentence`` (ends one), ``one-field`` (one key and its colon), ``fields`` (two keys' colons or
    more, spaced), ``spaced-keys`` (keys without their colons: ``spaced_keys.twin`` reads it),
    ``spaced`` (three items or more, no colon), ``two-items``, ``one-item``."""
    t = text.strip()
    keys = len(_COLON_KEY.findall(t))
    if re.search(r"[，,、；;]", t):
        return "comma-sentence" if _FINAL.search(t) else ("comma-keyed" if keys else "comma-items")
    if _FINAL.search(t):
        return "sentence"
    if keys == 1:
        return "one-field"
    if keys >= 2:
        return "fields"
    if spaced_keys.twin(fold_line(t)):
        return "spaced-keys"
    parts = t.split()
    return "spaced" if len(parts) >= 3 else ("two-items" if len(parts) == 2 else "one-item")


_CHANNEL = re.compile(r"(?i)公众号|公眾號|微博|客户端|客戶端|app|热线|熱線|邮箱|郵箱|电邮|電郵|微信|抖音|视频号|視頻號|官网|官網|网站|網站")
_ASKS = re.compile(r"欢迎|歡迎|请|請|敬请|敬請|记得|記得|您|可关注|可關注|即可|点击|點擊|扫码|掃碼|长按|長按")
_SITE_WORD = re.compile(r"本[站网網报報刊台号號文页頁帖公]|我[们們站网網司院局馆館行]|小编|小編")
_CREDIT_KEY = re.compile(r"(?:^|[，,\s])[^\s：:，,。]{1,6}[：:]")


_ROW_KEY = re.compile(r"(?:^|(?<=[\s,，;；|]))([^\s:：,，;；|【】\[\]《》]{1,8})\s*[：:]")


def row_keys(text: str) -> str:
    """The keys of a row of fields (session 35), as a class: ``record`` (a key of the page's record,
    ``field_breaks.RECORD_KEY``), ``lexicon`` (a lexicon key or a word closing with one that no
    article fact gives), ``facts`` (only the keys an article's facts give), ``other``; ``+dated``
    with a date or a time."""
    t = normalise(fold_line(text))
    keys = _ROW_KEY.findall(t)
    if any(RECORD_KEY.search(k) for k in keys):
        kind = "record"
    elif any((c := spaced_keys.key_of(k)) is not None and c not in _facts(dated=True) for k in keys):
        kind = "lexicon"
    elif any(spaced_keys.key_of(k) is not None for k in keys):
        kind = "facts"
    else:
        kind = "other"
    return kind + ("+dated" if re.search(r"\d{1,4}[-/.年月]\d{1,2}|\d{1,2}:\d{2}", t) else "") + f"+{min(len(keys), 4)}k"


def sentence_signs(text: str) -> list[str]:
    """Signs on a leftover sentence row (session 35), counts only: the site or the page speaking
    (本站, 本文, 我们), asking the reader (欢迎, 请, 您), naming a channel of the site's (公众号, App,
    热线, 网站), keys' colons (a credit row ending in a stop: 编辑：…，审核：…。)."""
    t = text.strip()
    out = []
    if _SITE_WORD.search(t):
        out.append("site")
    if _ASKS.search(t):
        out.append("asks")
    if _CHANNEL.search(t):
        out.append("channel")
    if len(_CREDIT_KEY.findall(t)) >= 2:
        out.append("keys")
    return out


class Counts:
    def __init__(self) -> None:
        self.lines: dict[str, Counter] = {}
        self.chars: dict[str, Counter] = {}

    def add(self, facet: str, key: str, n: int) -> None:
        self.lines.setdefault(facet, Counter())[key] += 1
        self.chars.setdefault(facet, Counter())[key] += n

    def show(self, title: str, total_chars: int) -> None:
        print(f"  {title}")
        for facet, counter in self.chars.items():
            row = "  ".join(f"{k} {self.lines[facet][k]}/{n}c({100 * n / max(total_chars, 1):.2f}%)" for k, n in counter.most_common(9))
            print(f"    {facet:<10} {row}")


def features_of(catch, text: str, model) -> tuple[str, str, str]:
    """(cause, strongest feature for removal, strongest against) of a kept line, from the model's last reading."""
    if catch.last is None:
        return "no-reading", "-", "-"
    lines, keep, held, _, (_gone, scored, body), _ = catch.last
    for pos, line in enumerate(scored):
        if lines[line.index].strip() == text.strip():
            why = diag.cause(scored, pos, body, keep, held, model, catch.lexicon)
            parts = [(model.weights.get(k, 0.0) * v, k) for k, v in line.features.items() if v]
            pro = max(parts, default=(0, "-"))
            con = min(parts, default=(0, "-"))
            return why, pro[1] if pro[0] > 0 else "-", con[1] if con[0] < 0 else "-"
    return "not-judged", "-", "-"


def lex_cover_of(catch, text: str) -> float | None:
    """The lex_cover feature of a kept line in the model's last reading, or None."""
    if catch.last is None:
        return None
    lines, _keep, _held, _, (_gone, scored, _body), _ = catch.last
    return next((line.features.get("lex_cover", 0.0) for line in scored if lines[line.index].strip() == text.strip()), None)


def template_set(name: str, cleaner: Cleaner, catch, model) -> None:
    left, lost = Counts(), Counts()
    length = pages = 0
    pool: dict[str, list[str]] = {}
    for path in sorted((portal_bench.PAGES / name).glob("*.txt")):
        template = path.read_text(encoding="utf-8").splitlines()
        skip = 1 if template and template[0].startswith("#script") else 0
        labels = [ln[:1] for ln in template[skip:] if not ln.startswith("#title ")]
        page, article, title = portal_bench.build(path, pool)
        catch.reset()
        result = cleaner.run(page, details=True, title=title)
        removed = {}
        for f in result.findings:
            if f.kind == "removed-line":
                rid, _, text = f.detail.partition(": ")
                removed[text.strip()] = rid
        # Compared as furniture.py compares (the punctuation stage rewrites quotes and stops).
        kept = {bench.comparable(x) for x in result.text.splitlines()}
        rows = page.split("\n")
        art = [i for i, k in enumerate(labels) if k in "AP" and rows[i].strip()]
        first, last = (art[0], art[-1]) if art else (0, 0)
        length += len(bench.comparable(article))
        pages += 1
        for i, (kind, line) in enumerate(zip(labels, rows)):
            if not line.strip():
                continue
            n = len(bench.comparable(line))
            where = "above" if i < first else ("below" if i > last else "between")
            if kind == "F" and bench.comparable(line) in kept:
                _add_left(left, catch, model, line, where, n, n)
                if where == "below" and form(line) in ("comma-sentence", "sentence"):
                    # What stands between the article's last line and a sentence row below it (session 35).
                    between = [j for j in range(last + 1, i) if rows[j].strip()]
                    gone_between = any(labels[j] == "F" and bench.comparable(rows[j]) not in kept for j in between)
                    left.add("under", ("right-under" if not between else ("after-gone" if gone_between else "after-left")), n)
                if form(line) == "one-field":
                    # Is it the page's record (record_rows.record_kind), and what stands under it? (session 35)
                    nxt = next((j for j in range(i + 1, len(rows)) if rows[j].strip()), None)
                    under = "end" if nxt is None else ("article" if labels[nxt] in "AP" else
                                                       ("furniture-left" if bench.comparable(rows[nxt]) in kept else "furniture-gone"))
                    record = record_kind(normalise(fold_line(line))) or "no-record-key"
                    left.add("one-field", f"{record}@{where}/under:{under}", n)
            elif kind in "AP" and bench.comparable(line) not in kept:
                lost.add("position", where, n)
                lost.add("length", band(n), n)
                for s in shapes(line):
                    lost.add("shape", s, n)
                rid = removed.get(line.strip(), "altered")
                lost.add("decision", rid.split("+")[0] if rid.startswith("generic/") and "site-note" not in rid else rid, n)
    print(f"== {name}: {pages} pages, article {length} characters")
    left.show("leftover F lines (lines/characters, % of article length)", length)
    lost.show("lost article lines", length)


def _add_left(left: Counts, catch, model, line: str, where: str, length: int, n: int) -> None:
    """Count a leftover line of ``length`` characters, ``n`` of them furniture, under each of its
    readings: where it stands, its length band, its shapes, the model's cause and features."""
    left.add("position", where, n)
    left.add("length", band(length), n)
    for s in shapes(line):
        left.add("shape", s, n)
    left.add("form", form(line), n)
    left.add("form@pos", f"{form(line)}@{where}", n)
    if form(line) in ("comma-sentence", "sentence"):
        left.add("signs", f"{'+'.join(sentence_signs(line)) or 'none'}@{where}", n)
    why, pro, con = features_of(catch, line, model)
    if form(line) in ("fields", "comma-keyed"):
        left.add("keys", f"{form(line)}:{row_keys(line)}@{where}", n)
    if _BRACKETED.search(line):
        # Where a row's bracketed items stand (session 35): closing it (a card's 【询底价】, 【更多行情】),
        # the whole row (【打印】【关闭】), or inside it; and how many.
        t = line.strip()
        items = _BRACKETED.findall(t)
        at = "whole" if not _BRACKETED.sub("", t).strip(" |/·") else ("end" if _BRACKET_END.search(t) else "inside")
        left.add("brackets", f"{at}:{min(len(items), 3)}{'+' if len(items) > 3 else ''}:{form(line)}", n)
    if form(line) in ("spaced", "two-items", "one-item"):
        # How much of a short row the lexicon's furniture words cover (the lex_cover feature; session 35).
        cover = lex_cover_of(catch, line)
        left.add("cover", f"{form(line)}:{'-' if cover is None else ('all' if cover >= 0.99 else ('half+' if cover >= 0.5 else ('some' if cover > 0 else 'none')))}@{where}", n)
    left.add("cause", why, n)
    left.add("cause@pos", f"{why}@{where}", n)
    for s in shapes(line):
        left.add("cause@shape", f"{why}@{s}", n)
    left.add("for", pro, n)
    left.add("against", con, n)


def dev_split(split: str, catch, model) -> None:
    cleaner = Cleaner(to="keep")
    extracted = Cleaner.for_config(cleaner.config.for_extracted_text())
    ids = bench.fit_ids() if split == "fit" else bench.report_ids()

    def runs():
        for page_id in ids:
            page = load_page((bench.DEFAULT_CORPUS / "original" / f"{page_id}.html").read_bytes(), f"{page_id}.html")
            article = (bench.DEFAULT_CORPUS / "cleaned" / f"{page_id}.txt").read_text(encoding="utf-8")
            catch.reset()
            yield extracted.run(page.text, details=True, title=page.meta.get("title"), linked=page.linked, roles=page.roles), article

    aligned(split, len(ids), runs(), catch, model)


def wild_set(name: str, catch, model) -> None:
    """A set stored as damaged pages and their articles (``furniture_portals.WILD``): its lines are
    neither the output's nor the article's, so it is counted as the dev set's splits are, by
    aligning the output with the article (session 41)."""
    cleaner = Cleaner(to="keep")
    paths = sorted((portal_bench.PAGES / name).glob("*.page"))

    def runs():
        for path in paths:
            page, article, title = portal_bench.wild_page(path)
            catch.reset()
            yield cleaner.run(page, details=True, title=title), article

    aligned(name, len(paths), runs(), catch, model)


def aligned(name: str, pages: int, runs, catch, model) -> None:
    """Count the output lines of ``runs`` ((result, article) pairs) that do not align with their article."""
    left, lost = Counts(), Counts()
    length = 0
    for result, article_text in runs:
        article = bench.comparable(article_text)
        length += len(article)
        rows = [r for r in result.text.splitlines() if bench.comparable(r)]
        pieces = [bench.comparable(r) for r in rows]
        other = diag.unaligned(pieces, article)
        inside = [i for i, (p, o) in enumerate(zip(pieces, other)) if o * 2 <= len(p)]
        first, last = (inside[0], inside[-1]) if inside else (0, 0)
        for i, (row, piece, o) in enumerate(zip(rows, pieces, other)):
            if o * 2 <= len(piece):
                continue
            where = "above" if i < first else ("below" if i > last else "between")
            _add_left(left, catch, model, row, where, len(piece), o)
        for f in result.findings:
            if f.kind != "removed-line":
                continue
            rid, _, text = f.detail.partition(": ")
            c = bench.comparable(text)
            if len(c) >= 6 and c in article:
                lost.add("decision", rid.split("+")[0] if rid.startswith("generic/") else rid, len(c))
                lost.add("length", band(len(c)), len(c))
                for s in shapes(text):
                    lost.add("shape", s, len(c))
    print(f"== {name}: {pages} pages, article {length} characters")
    left.show("leftover output lines (unaligned characters, % of article length)", length)
    lost.show("removed lines found whole in the article (characters)", length)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", required=True)
    args = ap.parse_args()
    model = generic.load_model()
    cleaner = Cleaner(to="keep")
    with diag.Catch() as catch:
        catch.lexicon = generic.load_lexicon()
        for name in args.set:
            if name in ("fit", "report"):
                dev_split(name, catch, model)
            elif name in portal_bench.WILD:
                wild_set(name, catch, model)
            else:
                template_set(name, cleaner, catch, model)


if __name__ == "__main__":
    main()
