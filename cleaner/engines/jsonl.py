"""JSON Lines: clean one field of each record, keep every other byte, stream with flat memory.

A record's line is rewritten only where its cleaned field is (``cleaner.io.jsonl``); a record
that does not change is written back byte for byte. A line that is not a JSON object, not UTF-8,
or whose field is missing, not a string, too large or holds lone surrogates is reported as
``FILE:LINE`` and passed through byte for byte; the stream goes on, and every other record is
written whatever happened to this one. Lines end at LF, CR LF or a lone CR, each kept as it was;
a line past ``LINE_LIMIT`` (32 MiB) comes in pieces and is passed through unchanged, reported
(``cleaner.io.lines``).

Memory stays flat in the input size: one record is held at a time, or, with worker processes,
a bounded number of batches (``IN_FLIGHT`` per worker, each about ``BATCH_BYTES``). Output
keeps the input order. Compressed input and output (``.gz``, ``.bz2``, ``.xz``, ``.zst``) are
streamed too.

Learning (``cleaner.furniture.learn``): a file input is read twice, first only to count the
lines of its records (``learn_lines``), then to clean them, removing the learned lines of each
record's site (its ``url`` host, else its recognised site, else the input file). Standard input,
a pipe or ``/dev/fd/N`` (``cleaner.io.once``) cannot be read twice, and learning online from what
has been seen would clean the first records differently from the last; so learning is off for
them, and the run says so in a note.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import chain, islice
from pathlib import Path

from cleaner import smuggled_bytes
from cleaner.config import Config, DocumentTooLarge
from cleaner import interrupts
from cleaner.engines import workers
from cleaner.engines.report import Recorder, Report, WriteBack, learning_pass, replay
from cleaner.engines.workers import DIED, WORKER_DIED, after_first, alone, in_order, warm_up, worker_pool
from cleaner.furniture.learn import Learned, Learner, cleaned_lines, document_site, remove_learned
from cleaner.pipeline import Cleaner
from cleaner.io.html_field import field_page
from cleaner.io.lines import LINE_LIMIT, LONG_PIECES, LongEnd, LongMore, LongStart
from cleaner.io.once import PAUSE
from cleaner.io.jsonl import HTML_EVIDENCE, BadRecord, field_path, has_surrogates, html_evidence, parse_record, split_ending, value_at

# Records sent to a worker at a time, and batches a worker may have queued or done and not yet
# taken back (the output keeps the input order: the oldest is waited on). Measured with
# benchmarks/engine_cpu.py, which spreads a one-job run's per-record CPU over two workers: 256 KB
# batches two deep took 1.00-1.06x the ideal time on the 1.7 MB mixes (a slow batch at the head
# kept the other worker waiting), 64 KB four deep 1.00-1.02x, with half the bytes in flight
# (4 x 64 KB a worker). A task costs well under a millisecond to send and take back.
BATCH_BYTES = 1 << 16
IN_FLIGHT = 4
# Batches the learning pass's workers get before the parent builds the tables (``learn_lines``'
# meanwhile): reading and splitting runs at about 10 MB/s a core, so 4 MB keeps two workers busy
# for half the 0.4 s the tables take (the rest of the input waits: its results, held until
# counted, are about the size of its batches).
MEANWHILE_BATCHES = 64
# Workers start only for an input longer than this many batches: starting them (the tables built
# for them, 0.4 s) costs more than they save on less.
WORKERS_FROM = 4


def clean_lines(lines: Iterable[bytes], config: Config, *, name: str, field: str = "text", details: bool = False,
                writeback: WriteBack = WriteBack.WRITE, log, first_number: int = 1, learned: Learned | None = None,
                group: str = "", bom_kept: bool = True) -> Iterator[bytes]:
    """Output lines (with their endings) for the input lines; problems and outcomes go to ``log``.

    ``bom_kept``: the first line's BOM is the file's own signature and is written back (False where
    the output is no one file's: Ray's part files gather lines of many).

    In ``CHECK`` and ``DIFF`` modes nothing is yielded: the records are only judged. ``learned``:
    lines learned by a first pass, removed from each record of their site (``group`` is the site
    of records with no URL and no recognised site).
    """
    cleaner = Cleaner.for_config(config)
    write = writeback is WriteBack.WRITE
    number = first_number - 1
    for raw in lines:
        if raw == PAUSE:  # the input paused here: passed on, for the output to be flushed
            if write:
                yield raw
            continue
        if isinstance(raw, LONG_PIECES):  # a line past LINE_LIMIT, as it comes (cleaner.io.lines): passed through
            if isinstance(raw, LongStart):
                number += 1
                log.fail(f"{name}:{number}", LONG_LINE)
            if write:
                yield raw
            continue
        number += 1
        where = f"{name}:{number}"
        body, ending = split_ending(raw)
        signature = b""
        if body.startswith(codecs.BOM_UTF8):
            # A BOM is not part of a record. The file's own, on its first line, is kept as it was
            # written (the tool that wrote it may want it back); one where files were joined (cat
            # a.jsonl b.jsonl puts b's BOM at the start of a line in the middle) is no signature,
            # and would make its line unreadable to a strict JSON reader: it goes.
            body, raw = body[3:], raw[3:]
            signature = codecs.BOM_UTF8 if number == 1 and bom_kept else b""
        if not body.strip():
            # A blank line holds no record, but it is written back: output line N stays input line
            # N for whoever pairs them up (the probe counted 10 lines in and 9 out).
            if write:
                yield signature + raw
            continue
        out = _clean_line(body, ending, cleaner, where, field, details, writeback, log, learned, group)
        interrupts.check()  # a signal a library swallowed: this record's output is not written
        if write:
            yield signature + (raw if out is None else out)


LONG_LINE = (f"a line longer than {LINE_LIMIT >> 20} MiB (no record comes near it: a JSON array, or a file with no line "
             "ends?); not read, passed through unchanged")


def _clean_line(body: bytes, ending: bytes, cleaner, where: str, field: str, details: bool, writeback: WriteBack, log,
                learned: Learned | None = None, group: str = "") -> bytes | None:
    """The rewritten line, or None when the input line is to be written back as it is."""
    try:
        record = parse_record(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        log.fail(where, f"not UTF-8 (byte {exc.start + 1}); passed through unchanged")
        return None
    except BadRecord as exc:
        log.fail(where, f"{exc}; passed through unchanged")
        return None
    path = field_path(field)
    found = record.find(path)
    value = found[0] if found is not None else None
    if not isinstance(value, str):
        if found is not None:
            log.fail(where, f"has a non-string field {field!r}; passed through unchanged")
        else:  # name the fields it has: a wrong --field is the usual cause
            has = ", ".join(repr(name) for name in list(record.values)[:8]) or "none"
            log.fail(where, f"has no field {field!r} (its fields: {has}); passed through unchanged")
        return None
    if has_surrogates(value) and not smuggled_bytes.readable(value):
        log.fail(where, f"field {field!r} holds lone surrogates (not text); passed through unchanged")
        return None
    url = record.get("url")
    title = record.get("title")  # a crawl's page title names the headline, as an HTML page's <title> does
    # A WARC page's evidence from its markup (records_source): used for its text, never written out.
    # Only records made from a WARC file carry it (their config is one for extracted text): a
    # user's own record with a field of that name keeps it, and it is never read as evidence (review28b).
    carried = cleaner.config.from_html and HTML_EVIDENCE in record.spans
    linked, roles = html_evidence(record, value) if carried and field == "text" else (frozenset(), {})
    if carried:
        record = record.without(HTML_EVIDENCE)
    title = title if isinstance(title, str) and path != ("title",) else None
    try:
        # A field holding a page's HTML is read as the page's file is (cleaner.io.html_field).
        page = field_page(value, sniff=cleaner.config.strip_markup)
        url = url if isinstance(url, str) else None
        if page is None:
            text = value
            result = cleaner.run(text, url=url, details=details, title=title, linked=linked, roles=roles, html=False)
        else:  # as every path cleans a page (Cleaner.run_page)
            text = page.text
            result = cleaner.run_page(page, url=url, details=details, title=title)
        if learned:
            site = document_site(text, url, group, cleaner.config)
            remove_learned(result, learned, site, details=details)
    except DocumentTooLarge as exc:
        interrupts.reraise(exc)
        log.fail(where, f"field {field!r} is too large ({exc}); passed through unchanged")
        return (record.line.encode("utf-8") + (ending or b"\n")) if carried else None
    except BaseException as exc:  # a bug on one record must not end the stream; a signal must
        if not interrupts.is_document_failure(exc):
            raise
        interrupts.reraise(exc)
        log.fail(where, f"internal error ({type(exc).__name__}: {exc}); passed through unchanged")
        return (record.line.encode("utf-8") + (ending or b"\n")) if carried else None
    cleaned = with_final_newline(value, result.text)
    changed = cleaned != value or (cleaner.config.from_html and title is not None
                                   and title_in_script(title, result, cleaner.config) != title)
    data = result.to_dict()
    if cleaned == value:
        # The field goes out as it came (its one final newline put back): no step was written to it.
        data["steps"] = []
    log.done(where, changed, data["steps"], data["findings"], result.meta.get("site", ""))
    if writeback is WriteBack.DIFF and changed:
        log.diff(where, value, cleaned)
    if not changed and not details:
        return (record.line.encode("utf-8") + (ending or b"\n")) if carried else None
    changes: dict[str, object] = {}
    if changed and len(path) == 1:
        changes[path[0]] = cleaned  # the key itself: `--field 'a\.b'` names the key "a.b"
    elif changed:  # a nested field (--field meta.text): spliced where it stands
        record = record.replaced(found[1], cleaned)
    if cleaner.config.from_html and title is not None and (own := title_in_script(title, result, cleaner.config)) != title:
        changes["title"] = own  # a WARC page's title, as --json gives a page file's: in the text's script
    if details and DETAILS in record.spans:
        # The record's own field of that name is never replaced: it is kept, and the details left out.
        log.note(where, f"has its own field {DETAILS!r}, kept; --details left out for this record")
    elif details:
        changes[DETAILS] = {k: v for k, v in data.items() if k != "text"}
    return record.rewritten(changes).encode("utf-8") + (ending or b"\n")


def with_final_newline(value: str, cleaned: str) -> str:
    r"""``cleaned`` with the one final newline its field ``value`` ended in, as a file's text keeps
    it (``cleaner.io.page.page_changed``: one final newline is no change): a clean text ending in a
    newline comes out byte for byte, and ``--check`` passes it, as it passes the same text as a file.

    >>> with_final_newline("正文。\n", "正文。"), with_final_newline("正文。", "正文。"), with_final_newline("\n", "")
    ('正文。\n', '正文。', '')
    """
    return cleaned + "\n" if cleaned and value.endswith("\n") and not cleaned.endswith("\n") else cleaned


DETAILS = "cleaner"  # the key --details adds to each record


def title_in_script(title: str, result, config: Config) -> str:
    """A page's own title in the target script, as the pipeline gives it in meta (``--json``):
    taken from there when the details were made, else converted the same way (mojibake the
    repairs left is kept as it is)."""
    own = " ".join(title.split())
    if "title" in result.meta:
        converted = result.meta["title"]
    elif not config.convert_script or config.to == "keep":
        return title
    else:
        from cleaner.repair import mojibake
        from cleaner.script import convert

        converted = own if mojibake.unrepaired_spans(own) else convert.convert(own, config.to)
    return title if converted == own else converted  # spacing alone is no reason to rewrite it


def clean_stream(lines: Iterable[bytes], config: Config, *, name: str, report: Report, jobs: int = 1, field: str = "text",
                 details: bool = False, on_batch: Callable[[int], None] | None = None, learned: Learned | None = None,
                 group: str = "", first_number: int = 1) -> Iterator[bytes]:
    """``clean_lines`` over worker processes, in input order; ``on_batch(bytes)`` after each batch.
    ``first_number``: the first line's number in the input (a resumed run starts past line 1).

    An input of at most ``WORKERS_FROM`` batches is cleaned in this process: starting workers
    (the tables built for them) costs more than it saves.
    """
    batches = _batches(lines)
    head, more = _head(batches)
    if not head:
        return
    # The learned lines: with the batches cleaned here, or once per worker at its start (a large
    # crawl's table is hundreds of kB: with every batch it would double what crosses to workers).
    learned = learned.for_workers() if learned else None
    options = {"field": field, "details": details, "writeback": report.writeback, "learned": learned, "group": group}
    if not more or jobs < 2:
        number = first_number
        for part in chain(head, batches):
            yield from clean_lines(part, config, name=name, log=report, first_number=number, **options)
            number += _records(part)
            if on_batch:
                on_batch(sum(map(len, part)))
        return
    options["learned"] = WORKER_LEARNED

    def tasks() -> Iterator[tuple]:
        number = first_number
        for part in chain(head, batches):
            yield part, number, name, config, options
            number += _records(part)

    def make_pool(size: int | None) -> ProcessPoolExecutor:
        return worker_pool(size or jobs, config, learned)

    for args, done in in_order(make_pool, _clean_batch, tasks(), IN_FLIGHT * jobs):
        yield from _merge(_split_until_alive(make_pool, args) if done is DIED else done, report, on_batch)


def _split_until_alive(make_pool: Callable[[int | None], ProcessPoolExecutor], args: tuple) -> tuple[list[bytes], list, int]:
    """A batch whose worker died, cleaned half by half, each half alone, down to the record that
    kills a worker: that record is passed through unchanged and reported failed."""
    part, number, name, _config, options = args
    if len(part) == 1:
        log = Recorder()
        log.fail(f"{name}:{number}", f"{WORKER_DIED}; passed through unchanged")
        return (list(part) if options["writeback"] is WriteBack.WRITE else []), log.events, len(part[0])
    out: list[bytes] = []
    events: list = []
    half = len(part) // 2
    for piece, first in ((part[:half], number), (part[half:], number + _records(part[:half]))):
        piece_args = (piece, first, *args[2:])
        done = alone(make_pool, _clean_batch, piece_args)
        piece_out, piece_events, _ = _split_until_alive(make_pool, piece_args) if done is DIED else done
        out += piece_out
        events += piece_events
    return out, events, sum(map(len, part))


def _head(batches: Iterator[list[bytes]]) -> tuple[list[list[bytes]], bool]:
    """The first batches, up to ``WORKERS_FROM`` of them, and whether the input goes on after.

    An input that pauses before then (a producer slower than one process cleans) is taken as
    one that does not go on: cleaned here, each record written as it comes, not held back until
    enough have come to start workers."""
    head: list[list[bytes]] = []
    for part in batches:
        head.append(part)
        if part[-1] == PAUSE:
            return head, False
        if len(head) == WORKERS_FROM:
            break
    if len(head) < WORKERS_FROM:
        return head, False
    following = next(batches, None)
    if following is not None:
        head.append(following)
    return head, following is not None


def _batches(lines: Iterable[bytes]) -> Iterator[list[bytes]]:
    """Batches of about ``BATCH_BYTES``; a pause of the input (``PAUSE``) ends one, as its last line."""
    part: list[bytes] = []
    size = 0
    for raw in lines:
        if raw == PAUSE and not part:
            continue
        part.append(raw)
        size += len(raw)
        if size >= BATCH_BYTES or raw == PAUSE:
            yield part
            part, size = [], 0
    if part:
        yield part


def _records(part: list[bytes]) -> int:
    """The input lines a batch starts (a long line's later pieces start none; a pause is no line)."""
    return sum(not isinstance(raw, (LongMore, LongEnd)) for raw in part) - (part[-1] == PAUSE)


WORKER_LEARNED = "worker"  # in a task's options: the learned table is the one the worker was started with


def _clean_batch(part: list[bytes], first_number: int, name: str, config: Config, options: dict) -> tuple[list[bytes], list, int]:
    if options.get("learned") == WORKER_LEARNED:
        options = {**options, "learned": workers.shared}
    log = Recorder()
    out = list(clean_lines(part, config, name=name, log=log, first_number=first_number, **options))
    return out, log.events, sum(map(len, part))


def _merge(done: tuple[list[bytes], list, int], report: Report, on_batch) -> list[bytes]:
    out, events, size = done
    replay(report, events)
    if on_batch:
        on_batch(size)
    return out


def run_records(src: str, output: str | None, config: Config, report: Report, *, kind: str = "jsonl", jobs: int = 1,
                field: str = "text", details: bool = False, learn: bool = False, restart: bool = False) -> None:
    """Clean the records of one JSON Lines or WARC input (``-``: JSON Lines on stdin) into ``output``.

    ``learn``: first learn the lines that recur across the records (not for stdin: see above).
    A JSON Lines file cleaned into a file goes on from the lines a stopped run wrote
    (``cleaner.engines.resume``) unless ``restart``.
    """
    import os

    from cleaner.engines.progress import progress_bar
    from cleaner.engines.records_source import InputError
    from cleaner.engines.records_source import record_lines, refuse_unopenable, stream_lines
    from cleaner.io.compressed import file_compression
    from cleaner.io.once import reads_once, shown_name
    from cleaner.io.output import write_output

    name = shown_name(src)
    if kind == "warc":  # the records' text was extracted from HTML
        config = config.for_extracted_text()
    once = reads_once(src)  # a pipe or /dev/stdin is opened once: no sniff, no second pass
    if once and kind == "warc":
        raise InputError("a WARC input is read with seeks; save it to a file first (or give JSON Lines with --jsonl)")
    if not once:
        refuse_unopenable(src)
    lines = stream_lines(src, log=report) if once else record_lines(src, kind, log=report)
    # The bar counts the bytes read; a compressed or WARC input's size on disk is not that.
    size = None if once or kind == "warc" or file_compression(src) else os.stat(src).st_size
    learned = None
    group = "file:" + os.path.basename(src)
    # Written through a partial output a stopped run goes on from (cleaner.engines.resume).
    into_partial = report.writeback is WriteBack.WRITE and kind == "jsonl" and not once and resumable(output)
    if into_partial:
        from cleaner.engines.resume import refuse_if_busy

        refuse_if_busy(Path(output))  # before the learning pass, not after it
    if learn and once and src != "-":  # standard input is never learned (README): said only of a path given
        report.note(name, "learning furniture is off for an input that is not a regular file (it cannot be read twice); "
                          "give a file to learn, or --no-learn")
    elif learn and into_partial and not restart and (learned := _learned_by_stopped_run(src, Path(output), config, field=field,
                                                                                        details=details)) is not None:
        if learned:  # as a run that learns says what it learned: nothing learned, nothing said
            report.note(name, f"going on with the {learned.line_count()} furniture line(s) the stopped run learned")
    elif learn and not once:
        learner = Learner()
        bar = progress_bar(size, None, label="learning")
        try:
            with learning_pass(report, name):
                # With workers, the tables the cleaning pool shares are built here while they learn.
                learn_lines(learner, record_lines(src, kind, log=Recorder()), config, field=field, group=group,
                            on_batch=bar.advance if bar is not None else None, jobs=jobs,
                            meanwhile=lambda: warm_up(config))
        finally:
            if bar is not None:
                bar.close()
        learned = learner.learned()
        if learned:
            report.note(name, f"learned {learned.line_count()} furniture line(s) of {len(learned.lines)} site(s) "
                          f"from {learned.documents} record(s)")
    bar = progress_bar(size, None, label="cleaning" if learned is not None else "")
    on_batch = bar.advance if bar is not None else None
    try:
        if into_partial:
            _into_partial(src, Path(output), lines, config, report, name=name, jobs=jobs, field=field, details=details,
                          learned=learned, group=group, restart=restart, on_batch=on_batch)
            return
        out = clean_stream(lines, config, name=name, report=report, jobs=jobs, field=field, details=details,
                           on_batch=on_batch, learned=learned, group=group)
        if report.writeback is WriteBack.WRITE:
            write_output(output, out)
        else:
            for _ in out:
                pass
    finally:
        if bar is not None:
            bar.close()


def resumable(output: str | None) -> bool:
    """Whether a records run into ``output`` writes a partial output a stopped run can go on from:
    a file, not a stream, ``/dev/null`` or a compressed file (``cleaner.engines.resume``)."""
    from cleaner.io.compressed import compression_of
    from cleaner.io.output import is_discard, is_stream

    return not is_stream(output) and not is_discard(output) and not compression_of(str(output))


def _settings(config: Config, learned: Learned | None, field: str, details: bool) -> str:
    """What a resumed run's settings must equal (``resume.fingerprint``)."""
    from cleaner.engines.manifest import run_fingerprint

    return repr((run_fingerprint(config, learned, field), details))


def _learned_by_stopped_run(src: str, output: Path, config: Config, *, field: str, details: bool) -> Learned | None:
    """The lines learned by the stopped run this one goes on from (None: learn them)."""
    from cleaner.engines import resume

    try:
        lines = resume.learned_by_stopped_run(
            output, lambda lines: resume.fingerprint(src, _settings(config, Learned(lines), field, details)))
    except OSError:  # the input gone or unreadable: the learning pass says so
        return None
    return Learned(lines) if lines is not None else None


KEPT = "written by the stopped run"  # the summary's reason for the records a resumed run did not clean again


def _into_partial(src: str, output: Path, lines: Iterator[bytes], config: Config, report: Report, *, name: str,
                  restart: bool, on_batch: Callable[[int], None] | None, **options) -> None:
    from cleaner.engines import resume
    from cleaner.io.output import STARTED, prepare_place, remove_stale_temporaries

    prepare_place(output)
    remove_stale_temporaries([output, resume.about_path(output)], older_than=STARTED)  # what killed runs left
    about = resume.fingerprint(src, _settings(config, options["learned"], options["field"], options["details"]))
    if options["learned"] is not None:  # learning was on: a run that goes on from here reads the lines back
        about["learned"] = resume.learned_record(options["learned"].lines)
    partial = resume.PartialOutput(output, about, restart=restart)
    if partial.done:
        report.note(name, f"going on after the {partial.done} record line(s) a stopped run wrote")
    elif partial.replaced:
        report.note(name, "a stopped run's partial output was of another input or other settings: started over")
    for where, why in partial.earlier_failures:  # failed in the lines kept: this run's exit code and summary count them
        report.fail(where, why)
    lines = iter(lines)
    skipped, records = resume.skipped(lines, partial.done)
    if records > len(partial.earlier_failures):  # the rest of the kept lines' records: in the summary, as in a run that never stopped
        report.skip(KEPT, records - len(partial.earlier_failures))
    if on_batch and skipped:
        on_batch(skipped)
    try:
        partial.write(clean_stream(lines, config, name=name, report=partial.logging(report), on_batch=on_batch,
                                   first_number=partial.done + 1, **options))
    except BaseException:
        resume.say_kept(name, output, partial.keep(), forced=restart)
        raise
    partial.finish()


def learn_lines(learner: Learner, lines: Iterable[bytes], config: Config, *, field: str = "text", group: str = "",
                on_batch: Callable[[int], None] | None = None, jobs: int = 1,
                meanwhile: Callable[[], None] | None = None) -> None:
    """The first pass over records: count the lines of each record's field under its site.

    Each record's field is counted as the cleaning pass will compare it (``cleaned_lines``: cleaned
    with its furniture left in); nothing is written, and a line that is not a JSON object with a
    string field is skipped here (the cleaning pass reports it). ``on_batch(bytes)`` after each
    batch. With ``jobs`` > 1 the batches are handled in worker processes and counted here in
    input order, so the learner ends exactly as with one job. Those workers start before this
    process builds any table (each builds what it needs on first use), and ``meanwhile()`` runs
    here once the first batches are theirs (the run builds the cleaning pool's tables: 0.4 s
    that no worker could otherwise overlap).
    """
    batches = _batches(lines)
    head, more = _head(batches)
    if not more or jobs < 2:
        for part in chain(head, batches):
            _count(learner, _document_lines_of(part, config, field, group), on_batch)
        return
    # The workers are given enough to read while meanwhile() runs here, after the first batch is
    # in; a batch whose worker died (run again alone, it died again) counts nothing, and the
    # cleaning pass tells its records.
    tasks = ((part, config, field, group) for part in chain(head, batches))
    warmed = [meanwhile is None]

    def warm() -> None:
        meanwhile()
        warmed[0] = True  # back to the usual window after the long first one (memory stays flat)

    read = in_order(lambda size: worker_pool(size or jobs, config, warm=False), _document_lines_of, tasks,
                    lambda: IN_FLIGHT * jobs if warmed[0] else max(IN_FLIGHT * jobs, MEANWHILE_BATCHES))
    try:
        for (part, *_), done in after_first(read, warm if meanwhile is not None else None):
            _count(learner, ([], sum(map(len, part))) if done is DIED else done, on_batch)
    except BaseException:
        read.close()  # an interrupt: in_order stops its pool now
        raise


def _document_lines_of(part: list[bytes], config: Config, field: str, group: str) -> tuple[list[tuple[dict, str]], int]:
    """(``cleaned_lines`` and site of each record of the batch that has the field, the batch's bytes)."""
    import json

    out = []
    for raw in part:
        if isinstance(raw, LONG_PIECES):  # a line past LINE_LIMIT: no record (clean_lines reports it)
            continue
        if raw.startswith(codecs.BOM_UTF8):
            raw = raw[3:]  # a BOM is not part of a record (clean_lines)
        try:
            record = json.loads(raw)
        except (ValueError, RecursionError):  # nested deeper than the parser goes: the cleaning pass says so
            continue
        text = value_at(record, field_path(field))
        if not isinstance(record, dict) or not isinstance(text, str):
            continue
        url = record.get("url")
        page = field_page(text, sniff=config.strip_markup)  # counted as it is cleaned: its visible text
        text = text if page is None else page.text
        lines = cleaned_lines(text, config if page is None else config.for_extracted_text())
        interrupts.check()
        out.append((lines, document_site(text, url if isinstance(url, str) else None, group, config)))
    return out, sum(map(len, part))


def _count(learner: Learner, done: tuple[list[tuple[dict, str]], int], on_batch: Callable[[int], None] | None) -> None:
    documents, size = done
    for lines, site in documents:
        learner.add_lines(lines, site)
    if on_batch:
        on_batch(size)
