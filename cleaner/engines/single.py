"""One page: a file or standard input, text or HTML, cleaned to a file or standard output."""

from __future__ import annotations

import json
import sys
from itertools import chain

from cleaner import chunks
from cleaner.config import Config, DocumentTooLarge
from cleaner.engines.report import Report, WriteBack
from cleaner.io.compressed import BrokeOff, read_all, read_stream
from cleaner.io.decode import NotText
from cleaner.io.jsonl import looks_like_json_lines
from cleaner.io.once import opened_once, reads_once, shown_name
from cleaner.io.output import write_output
from cleaner.io.page import as_file_text, is_blank, load_page, page_changed
from cleaner.pipeline import Cleaner


class InputFailed(Exception):
    """The one input could not be read or cleaned; the message is the one line to print (exit 2)."""


def run_single(src: str, output: str | None, config: Config, report: Report, *, url: str | None = None,
               html: bool = False, explain: bool = False, as_json: bool = False) -> None:
    name = shown_name(src)
    try:
        if reads_once(src):  # a pipe, /dev/stdin, a terminal: one stream, as standard input is
            with opened_once(src) as fh:
                data = read_stream(fh, src, config.max_bytes)
        else:
            data = read_all(src, config.max_bytes)
    except BrokeOff as exc:  # the lines before the break are cleaned and written; the run fails (exit 1)
        report.fail(name, str(exc))
        data = exc.data
    except OSError as exc:
        raise InputFailed(f"{name}: {exc.strerror or exc}") from None
    except (NotText, DocumentTooLarge) as exc:
        raise InputFailed(f"{name}: {exc}") from None
    if is_blank(data):  # said, as a folder run says it: often a failed fetch
        print(f"cleaner: {name}: note: empty {'input' if src == '-' else 'file'}; nothing to clean", file=sys.stderr)
    try:
        page = load_page(data, "" if src == "-" else src, html=html, sniff=config.strip_markup)
        del data  # a huge page: keep only the text from here on
        # As every path cleans a page: its text under the config for extracted text, its findings
        # first, its <meta> fields repaired into meta.
        result = Cleaner.for_config(config).run_page(page, url=url, details=explain or as_json)
    except (NotText, DocumentTooLarge) as exc:
        raise InputFailed(f"{name}: {exc}") from None
    if not page.is_html and looks_like_json_lines(page.text):  # cleaned as one page, as asked: said, not changed
        print(f"cleaner: {name}: note: its lines are JSON objects, cleaned here as one page; give --jsonl to clean "
              "each record's field", file=sys.stderr)
    changed = page_changed(page, result.text)
    info = result.to_dict()
    report.done(name, changed, info["steps"], info["findings"], result.meta.get("site", ""))
    if explain and report.writeback is not WriteBack.WRITE:
        _explain(name, page.read_as, result)
    if report.writeback is WriteBack.CHECK:
        if changed:
            kinds = len(result.steps)
            print(f"cleaner: {name}: would change ({kinds} kind{'s' if kinds != 1 else ''} of step)", file=sys.stderr)
        return
    if report.writeback is WriteBack.DIFF:
        if changed:
            report.diff(name, page.text, as_file_text(result.text))
        return
    read_as = page.read_as
    del page
    # Pieces, not one string: a huge page is encoded and written a piece at a time.
    pieces = [json.dumps(info, ensure_ascii=False) + "\n"] if as_json else chain(chunks.pieces(result.text), ["\n" if result.text else ""])
    write_output(output, pieces)
    if explain:  # after the output: a reader of stderr that goes away must not cost the output
        _explain(name, read_as, result)


def _explain(name: str, read_as: str, result) -> None:
    """The steps, findings and meta on stderr. Only an explanation: if the reader of stderr went
    away (``--explain 2>&1 | head -2``), the rest of it, and any later message, is dropped."""
    err = sys.stderr
    if err is None:  # stderr closed (2>&-): nowhere to explain, and print(file=None) would write to stdout
        return
    try:
        print(f"{name}: site={result.meta.get('site') or '-'}", file=err)
        print(f"  read as {read_as}", file=err)
        for step in result.steps:
            print(f"  step    {step}", file=err)
        for finding in result.findings:
            print(f"  finding {finding}", file=err)
        for key, value in result.meta.items():
            if key != "site":
                print(f"  meta    {key}={value}", file=err)
        err.flush()
    except BrokenPipeError:
        _drop_stderr()


def _drop_stderr() -> None:
    """Send what is left for stderr to /dev/null (flushing it at exit would fail again)."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stderr.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass
