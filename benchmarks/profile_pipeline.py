"""Where the pipeline spends its time, per mix of the speed corpus (cProfile, ``details=False``).

    .venv/bin/python benchmarks/profile_pipeline.py [--mix crawl,damage] [--top 25] [--kind clean] [--timer] [--warm] [--batch N]

Prints, per mix, the share of time under each stage of ``Cleaner.run`` (cumulative time of the
stage's entry function) and the functions with the most time of their own.

cProfile costs about a microsecond per Python call, so it inflates code made of many small
calls (a per-character loop) against code that is one native call. ``--timer`` measures the
stages without it: each stage's entry function is wrapped in a CPU-time clock (a stage called
inside another, as the one-layer repair inside the two-layer one, counts for the outer one).
Every function ``Cleaner._run`` calls is a stage here, but for a few untimed for a reason
(tests/test_profile_pipeline.py holds the list to that), so "(the rest)" is the pipeline's own code.
The clock's own reads (a system call each, about 50 a page) are measured and taken out of the
total and of each stage: left in, they made up most of "(the rest)" on a busy machine.

``--warm``: build every table first (``workers.warm_up``, as the engines do before their workers
start), so that a stage is not charged for the tables it loads on the first page that needs them.

``--batch N`` (with ``--timer``): the pages N at a time through ``Cleaner.run_many``, which takes a
batch through each phase of the pipeline before the next (a stage runs whole between two pauses,
so each is timed as before): what each stage gains from its tables staying in the caches.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Stage entry points of cleaner/pipeline.py, by (file suffix, function name).
STAGES = {
    "html-entities": ("cleaner/fixes.py", "unescape_entities"),
    "markup tags": ("cleaner/leftovers.py", "strip_markup"),
    "bbcode tags": ("cleaner/bbcode.py", "strip_bbcode"),
    "markdown page meta": ("cleaner/markdown.py", "page_meta"),
    "markdown": ("cleaner/markdown.py", "strip_markdown"),
    "spaced characters": ("cleaner/spacing.py", "join_spaced"),
    "bidi controls": ("cleaner/bidi_controls.py", "remove"),
    "one-character lines": ("cleaner/char_lines.py", "join"),
    "literal escapes": ("cleaner/leftovers.py", "decode_escapes"),
    "replacement marks": ("cleaner/repair/lost_marks.py", "repair"),
    "escaped byte strings": ("repair/byte_strings.py", "repair"),
    "utf-8 bom in gbk": ("repair/inner_bom.py", "repair"),
    "segmenter spaces in mojibake": ("repair/spaced_mojibake.py", "repair"),
    "utf-8 read as utf-16": ("repair/utf16_read.py", "repair"),
    "gbk or big5 read as utf-16": ("repair/utf16_legacy.py", "repair"),
    "utf-16 shown as latin-1": ("repair/utf16_read.py", "latin1_repair"),
    "utf-16 shown through gbk": ("repair/utf16_gbk.py", "repair"),
    "7-bit encodings": ("repair/seven_bit.py", "repair"),
    "quoted-printable": ("repair/quoted_printable.py", "repair"),
    "base64-bodies": ("repair/base64_bodies.py", "repair"),
    "json string escapes": ("repair/json_strings.py", "repair"),
    "rtf": ("cleaner/rtf.py", "repair"),
    "backslash escapes": ("repair/escaped_bytes.py", "repair"),
    "wraps in mojibake": ("cleaner/hardwrap.py", "join_misread_wraps"),
    "breaks in misread runs": ("repair/cut_runs.py", "join"),
    "breaks put back": ("repair/cut_runs.py", "put_back"),
    "cut runs read as gbk": ("repair/truncated_runs.py", "repair"),
    "four-byte codes": ("repair/four_byte.py", "repair"),
    "zhuyin read as gbk": ("repair/zhuyin_bytes.py", "repair"),
    "narrower tables": ("repair/narrow_tables.py", "repair"),
    "narrower tables, bytes dropped": ("repair/narrow_dropped.py", "repair"),
    "narrower tables, gbk forms": ("repair/narrow_dropped.py", "gbk_forms"),
    "nfkc folded bytes": ("repair/folded_bytes.py", "repair"),
    "case folded bytes": ("repair/case_folded.py", "repair"),
    "width folded bytes": ("repair/width_folded.py", "repair"),
    "ascii punct bytes": ("repair/ascii_punct.py", "repair"),
    "question marks in utf-8": ("repair/question_marks.py", "inside_misread_utf8"),
    "invisible bytes deleted": ("repair/invisible_bytes.py", "repair"),
    "nbsp read as space": ("repair/blank_bytes.py", "repair"),
    "latin layers": ("repair/latin_layers.py", "peel"),
    "mojibake of mojibake (1-byte outer)": ("repair/layers.py", "repair_outer_single_byte"),
    "other scripts misread": ("repair/other_scripts.py", "repair"),
    "read in step (1-byte)": ("repair/resync.py", "repair_single_byte"),
    "other code pages": ("repair/code_pages.py", "repair_code_pages"),
    "kanji alone (euc-jp)": ("repair/han_soup.py", "repair"),
    "latin-1 mojibake": ("repair/mojibake.py", "fix_latin_mojibake"),
    "mojibake of mojibake": ("repair/layers.py", "repair_second_layer"),
    "invisible chars": ("cleaner/leftovers.py", "remove_invisible"),
    "invisible format chars": ("cleaner/leftovers.py", "invisible_format_out"),
    "decomposed mojibake": ("repair/decomposed.py", "repair"),
    "looks_annotated": ("repair/annotations.py", "looks_annotated"),
    "read in step (2-byte)": ("repair/resync.py", "repair"),
    "converted mojibake": ("repair/converted_mojibake.py", "restore"),
    "converted in step": ("repair/converted_in_step.py", "restore"),
    "set aside (ja/ko)": ("repair/set_aside.py", "hidden"),
    "short fields": ("repair/short_fields.py", "repair"),
    "one byte out of step": ("repair/one_byte.py", "repair"),
    "lone signs": ("repair/lone_signs.py", "repair"),
    "astral chars": ("repair/astral_chars.py", "repair"),
    "astral cut": ("repair/astral_cut.py", "repair"),
    "quoted code (undone)": ("repair/quoted_code.py", "confined"),
    "utf8-as-gbk re-read": ("repair/mojibake.py", "repair_utf8_as_gbk"),
    "indent artifacts": ("cleaner/fixes.py", "remove_indent_artifacts"),
    "pinyin repair": ("repair/annotations.py", "repair_pinyin"),
    "hard wraps": ("cleaner/hardwrap.py", "join_hard_wraps"),
    "furniture: fold_page": ("furniture/boilerplate.py", "fold_page"),
    "furniture: recognise": ("furniture/boilerplate.py", "recognise"),
    "furniture: remove": ("furniture/boilerplate.py", "remove_furniture"),
    "convert script": ("script/convert.py", "convert_all"),
    "compat punct": ("cleaner/fixes.py", "normalize_compat_punct"),
    "number signs": ("cleaner/fixes.py", "halfwidth_number_signs"),
    "code lines (width)": ("cleaner/codelines.py", "code_spans"),
    "literal marks (width)": ("cleaner/literal_marks.py", "spans"),
    "latin ligatures": ("cleaner/ligatures.py", "fold"),
    "inline code (width)": ("cleaner/codelines.py", "inline_code_spans"),
    "halfwidth alnum": ("cleaner/fixes.py", "halfwidth_alnum"),
    "fullwidth punct": ("cleaner/fixes.py", "fullwidth_punct"),
    "chinese stops and quotes": ("cleaner/fixes.py", "chinese_stops_and_quotes"),
    "nbsp after punct": ("cleaner/fixes.py", "drop_nbsp_after_punct"),
    "paragraphs": ("cleaner/fixes.py", "normalize_paragraphs"),
    "_changed_places (steps)": ("cleaner/pipeline.py", "_changed_places"),
    "single-byte re-read": ("repair/mojibake.py", "repair_single_byte"),
    "unrepaired spans (kept)": ("repair/mojibake.py", "unrepaired_spans"),
    "kept findings": ("cleaner/pipeline.py", "_kept_findings"),
    "other scripts (kept)": ("repair/other_scripts.py", "unread_spans"),
    "lone signs (kept)": ("repair/lone_signs.py", "made_later"),
    "line breaks": ("cleaner/fixes.py", "unify_line_breaks"),
    "terminal codes": ("repair/terminal_codes.py", "strip"),
    "pdf glyphs": ("repair/pdf_glyphs.py", "repair"),
    "lost text (kept)": ("cleaner/lost_text.py", "spans"),
    "lost text (findings)": ("cleaner/lost_text.py", "findings"),
    "title guess": ("cleaner/title_guess.py", "guessed_title"),
    "addresses (kept)": ("cleaner/addresses.py", "address_spans"),
    "subtitle syntax (kept)": ("cleaner/subtitles.py", "syntax_spans"),
    "social tokens (kept)": ("cleaner/social.py", "syntax_spans"),
    "quoted examples (kept)": ("repair/quoted_examples.py", "kept_spans"),
    "kunjinkao (kept)": ("cleaner/leftovers.py", "lone_kunjinkao"),
    "ja/ko lines (kept)": ("repair/other_scripts.py", "lines_in_other_script"),
    "width folds beside marks (kept)": ("cleaner/fixes.py", "kept_from_folding"),
    "decoder signs (kept)": ("cleaner/script/convert.py", "beside_decoder_signs"),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mix", default="crawl,damage")
    ap.add_argument("--top", type=int, default=25)
    ap.add_argument("--pages", type=int, default=0, help="only the first N pages of each mix (0: all)")
    ap.add_argument("--kind", default="", help="only the pages of this damage kind (clean: the clean path)")
    ap.add_argument("--timer", action="store_true", help="stage CPU times without the profiler (see above)")
    ap.add_argument("--warm", action="store_true", help="build every table before the pages (see above)")
    ap.add_argument("--batch", type=int, default=1, help="with --timer: the pages N at a time through run_many (see above)")
    args = ap.parse_args()
    import speed_corpus

    from cleaner import Cleaner
    from cleaner.config import Config

    cleaner = Cleaner.for_config(Config())
    if args.warm:
        from cleaner.engines import workers

        workers.warm_up(Config())
    for mix in args.mix.split(","):
        pages = [text for kind, text in speed_corpus.build(mix) if kind == args.kind or not args.kind][: args.pages or None]
        cleaner.run(pages[0], details=False)  # cold start apart
        if args.timer:
            timed(cleaner, mix, args.kind, pages[1:], args.batch)
            continue
        prof = cProfile.Profile()
        failed = 0
        prof.enable()
        for text in pages[1:]:
            try:
                cleaner.run(text, details=False)
            except Exception:  # noqa: BLE001  counted and told (see speed.py)
                failed += 1
        prof.disable()
        stats = pstats.Stats(prof)
        total = max(v[3] for k, v in stats.stats.items() if k[2] == "run" and k[0].endswith("pipeline.py"))
        size = sum(len(t.encode("utf-8")) for t in pages[1:]) / 1e6
        print(f"\n== mix {mix}{' (' + args.kind + ' pages)' if args.kind else ''}: {len(pages) - 1} pages, {size:.2f} MB, Cleaner.run {total:.2f} s under the profiler ({failed} pages raised)")
        for stage, (suffix, func) in STAGES.items():
            cum = sum(v[3] for k, v in stats.stats.items() if k[0].endswith(suffix) and k[2] == func)
            print(f"  {stage:26s} {cum:7.2f} s {cum / total:6.1%}")
        print(f"  top {args.top} by own time:")
        rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[: args.top]
        for (file, line, func), (_, calls, tottime, cumtime, _) in rows:
            short = "/".join(Path(file).parts[-2:])
            print(f"    {tottime:6.2f} s {tottime / total:6.1%}  cum {cumtime:6.2f}  {calls:8d}  {short}:{line} {func}")


def timed(cleaner, mix: str, kind: str, pages: list[str], batch: int = 1) -> None:
    """Stage CPU times of ``pages`` (``--timer``): each entry function wrapped where the pipeline
    looks it up (its module's attribute), the outermost stage running charged. ``batch`` > 1: the
    pages that many at a time through ``run_many``."""
    import importlib
    import time

    spent: dict[str, float] = dict.fromkeys(STAGES, 0.0)
    calls: dict[str, int] = dict.fromkeys(STAGES, 0)
    running: list[str] = []

    def wrap(stage: str, func):
        def clocked(*args, **kwargs):
            if running:
                return func(*args, **kwargs)
            running.append(stage)
            calls[stage] += 1
            start = time.process_time()
            try:
                return func(*args, **kwargs)
            finally:
                spent[stage] += time.process_time() - start
                running.pop()
        return clocked

    patched = []
    for stage, (suffix, name) in STAGES.items():
        try:
            module = importlib.import_module("cleaner." + suffix.removeprefix("cleaner/").removesuffix(".py").replace("/", "."))
        except ModuleNotFoundError:  # a stage an older checkout lacks (measured before a change)
            continue
        if name == "_changed_places":
            module = importlib.import_module("cleaner.pipeline")  # imported by name into the pipeline
        patched.append((module, name, getattr(module, name)))
        setattr(module, name, wrap(stage, getattr(module, name)))
    try:
        start = time.process_time()
        if batch > 1:
            for at in range(0, len(pages), batch):
                cleaner.run_many(pages[at : at + batch], details=False)
        else:
            for text in pages:
                cleaner.run(text, details=False)
        total = time.process_time() - start
    finally:
        for module, name, func in patched:
            setattr(module, name, func)
    size = sum(len(t.encode("utf-8")) for t in pages) / 1e6
    # The clock itself: a CPU-time read is a system call (2 us on a busy VM), two per timed call
    # and some 50 calls a page, which the run's total holds and no stage does. Taken out of the
    # total (and shown), so that "(the rest)" is the pipeline's own code, not the clock's.
    # A stage's own time holds about one read (the end of the first, the start of the second).
    cost = _clock_cost()
    clock = cost * (2 * sum(calls.values()) + 2)
    total -= clock
    spent = {stage: max(0.0, cum - cost * calls[stage]) for stage, cum in spent.items()}
    print(f"\n== mix {mix}{' (' + kind + ' pages)' if kind else ''}{f', {batch} at a time' if batch > 1 else ''}: {len(pages)} pages, {size:.2f} MB, "
          f"Cleaner.run {total:.2f} s CPU, {size / total:.2f} MB/s, {1e3 * total / len(pages):.2f} ms a page "
          f"(the clock's {clock:.3f} s taken out)")
    for stage, cum in spent.items():
        print(f"  {stage:26s} {cum:7.3f} s {cum / total:6.1%}  {1e6 * cum / len(pages):6.0f} us a page")
    rest = total - sum(spent.values())
    print(f"  {'(the rest)':26s} {rest:7.3f} s {rest / total:6.1%}  {1e6 * rest / len(pages):6.0f} us a page")


def _clock_cost() -> float:
    """CPU seconds one ``time.process_time()`` costs (the median of a few rounds: on a busy
    machine the best round is lower than the reads among the pages cost)."""
    import statistics
    import time

    rounds = []
    for _ in range(7):
        start = time.process_time()
        for _ in range(2000):
            time.process_time()
        rounds.append((time.process_time() - start) / 2001)
    return statistics.median(rounds)


if __name__ == "__main__":
    main()
