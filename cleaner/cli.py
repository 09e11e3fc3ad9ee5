"""Command line: ``cleaner [INPUT ...] [-o OUT]``; main(argv) -> exit code.

The input decides the mode: a folder; a records file (``--jsonl``, or a ``.jsonl``/``.warc`` name,
compressed or not); ``--engine ray``; otherwise one page (a file or stdin, text or HTML). Several
files (``several_mode``) are a folder run into ``-o DIR/``, or else cleaned one after another
to standard output, each in its own mode. Every
option is checked against the mode before any work (``OPTION_MODES``): an option the mode cannot
honour is refused with exit 2 and one line saying where it applies.

Folders, records files and Ray JSON Lines runs learn the lines that recur across their documents
(furniture: ``cleaner.furniture.learn``) in a first pass and remove them while cleaning;
``--no-learn`` turns that off.

Exit codes: 0 fine; 1 ``--check``/``--diff`` found changes, or some unit (a file, a record) failed
(outputs are still written; with ``--check`` the summary line tells the two apart); 2 usage,
configuration or input error, refused before any work; 130/143 interrupted by SIGINT/SIGTERM
(temporary files removed, workers stopped); 141 when the reader of stdout went away. Errors are one line naming the input, never a traceback
(``CLEANER_DEBUG=1`` shows one for internal errors).
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
import traceback
from pathlib import Path

from cleaner import interrupts
from cleaner.config import TARGETS, Config
from cleaner.engines.report import Report, WriteBack
from cleaner.furniture.rules import RuleError
from cleaner.io.kinds import input_kind
from cleaner.io.once import printable, reads_once, shown_name
from cleaner.io.output import compression_error, is_discard, is_stream, output_file_error, overlap_error, read_only_error, shown_path, \
    stdout_input_error
from cleaner.urlhost import host_of

MODES = ("page", "folder", "records", "ray")
ALL = frozenset(MODES)
# Where each option applies (options left at their defaults are never refused).
OPTION_MODES: dict[str, frozenset[str]] = {
    "output": ALL, "to": ALL, "site": ALL, "rules": ALL, "no_guess": ALL, "no_generic": ALL, "keep_markup": ALL, "max_chars": ALL,
    "keep_headline": frozenset({"page", "folder", "records"}),  # HTML pages and WARC records; Ray reads no HTML
    "url": frozenset({"page"}),
    "html": frozenset({"page"}),
    "explain": frozenset({"page"}),
    "json": frozenset({"page"}),
    "check": frozenset({"page", "folder", "records"}),
    "diff": frozenset({"page", "folder", "records"}),
    "jobs": frozenset({"folder", "records", "ray"}),
    "force": frozenset({"page", "folder", "records"}),
    "report": frozenset({"folder"}),
    "jsonl": frozenset({"records"}),
    "field": frozenset({"folder", "records", "ray"}),
    "details": frozenset({"records", "ray"}),
    "no_learn": frozenset({"folder", "records", "ray"}),
    "engine": ALL,
}
MODE_NAMES = {"page": "a single page or stdin", "folder": "folders", "records": "JSON Lines and WARC inputs", "ray": "--engine ray"}
FLAGS = {"output": "-o", "no_guess": "--no-guess", "no_generic": "--no-generic", "keep_markup": "--keep-markup", "keep_headline": "--keep-headline", "max_chars": "--max-chars", "no_learn": "--no-learn"}


class CheckedParser(argparse.ArgumentParser):
    """A parser whose ``--help`` and ``--version`` fail when standard output cannot take them."""

    def _print_message(self, message: str, file=None) -> None:
        """``--help`` and ``--version`` on standard output; argparse drops a failed write (``cleaner
        --version > /dev/full`` exited 0, probe45): told in one line and exit 1, as a run's output is
        (``_written``). A reader that went away (``| head -1``) goes on up: 141, silently."""
        if not message:
            return
        if file is None and sys.stdout is None:  # standard output closed before the start (`>&-`)
            self.exit(1, "cleaner: <stdout>: closed; output cut short\n")
        if file is None or file is sys.stderr or file is not sys.stdout:
            super()._print_message(message, file)  # messages: argparse's own, which never fails
            return
        try:
            file.write(message)
            file.flush()
        except BrokenPipeError:
            raise
        except (OSError, ValueError) as exc:  # ValueError: standard output closed under us
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self.exit(1, f"cleaner: <stdout>: {why}; output cut short\n")


class _Parser(CheckedParser):
    def error(self, message: str):  # usage errors exit 2 with one line, as argparse does
        self.exit(2, f"cleaner: {message}\n")


def _whole(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number, not {text!r}") from None


def _positive_int(text: str) -> int:
    value = _whole(text)
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {text}")
    return value


def _jobs(text: str) -> int:
    value = _whole(text)
    if not 0 <= value <= 1024:
        raise argparse.ArgumentTypeError(f"must be between 0 (all cores) and 1024, not {text}")
    return value


def build_parser() -> argparse.ArgumentParser:
    from cleaner import __version__

    p = _Parser(prog="cleaner", description="Turn damaged Chinese web articles into clean text.",
                epilog="Rule files: cleaner rules list | cleaner rules check [DIR|FILE] | cleaner rules learn INPUT -o FILE. "
                       "Exit codes: 0 fine; 1 --check/--diff found changes, or some file or record failed; 2 refused; "
                       "130/143 interrupted; 141 the reader of the output went away. A folder or file named 'rules' is ./rules.")
    p.add_argument("--version", action="version", version=f"cleaner {__version__}")
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="file, folder, or - for stdin (default); gzip, bz2, xz or zstd "
                                                                "data is read through its compression. Several files: with -o DIR/ "
                                                                "each into DIR as a folder run writes them; without -o, one after "
                                                                "another to stdout")
    p.add_argument("-o", "--output", help="output file (- for stdout, the default; /dev/null: only the messages); FOLDER/ "
                                           "(ending in /, or a folder that exists) puts an input's output in it; the output "
                                           "folder when INPUT is a folder")
    p.add_argument("--to", choices=TARGETS, default="zh-hans", help="target script (default zh-hans)")
    p.add_argument("--site", help="force a site's rules (see `cleaner rules list`)")
    p.add_argument("--url", help="page: the page's URL, used to recognise its site")
    p.add_argument("--rules", action="append", type=Path, default=[], metavar="DIR", help="extra rule directory")
    p.add_argument("--html", action="store_true", help="page: the input is HTML (found by name, or by content unless --keep-markup, otherwise)")
    p.add_argument("--explain", action="store_true", help="page: print steps and findings to stderr")
    p.add_argument("--check", action="store_true",
                   help="write nothing anywhere; exit 1 if anything would change or any file or record failed "
                        "(the summary line says which)")
    p.add_argument("--diff", action="store_true", help="write nothing; print a unified diff of each change")
    p.add_argument("--json", action="store_true", help="page: write the result as JSON (text, steps, findings, meta)")
    p.add_argument("--no-guess", action="store_true", help="do not infer lost characters; mark them with U+FFFD")
    p.add_argument("--no-generic", action="store_true",
                   help="remove only what rule files describe, not what the generic line model finds (text that is not a web page)")
    p.add_argument("--keep-markup", action="store_true",
                   help="keep HTML tags written out in text input (<p>, <br/>), for text about HTML; by default they go. "
                        "A text file is then never read as HTML for its content (its name or --html still say so)")
    p.add_argument("--keep-headline", action="store_true",
                   help="HTML input: keep the page's headline (the line above the article that repeats its <title>) in the text; "
                        "by default it goes to meta \"headline\" (shown by --json and --details), a recorded step")
    p.add_argument("-j", "--jobs", type=_jobs, default=0, help="worker processes for a folder or a records file (default, or 0: all cores)")
    p.add_argument("--force", action="store_true", help="replace a read-only output file (as cp -f does); folders: also "
                                                         "redo every output, fresh or not, and replace files the manifest does not name; "
                                                         "JSON Lines: start over, not after the lines a stopped run wrote")
    p.add_argument("--report", type=Path, metavar="FILE", help="folders: one JSON line per file: its status (cleaned, unchanged, failed, skipped) "
                        "and its steps and findings, or why it failed or was skipped")
    p.add_argument("--jsonl", action="store_true", help="the input is JSON Lines (found by name otherwise): clean one field of each record")
    p.add_argument("--field", default="text", help="JSON Lines, also in folders: the field to clean (default text); a dotted "
                                                   "path reaches a nested one (content.text; \\. is a dot inside a key)")
    p.add_argument("--details", action="store_true", help="records: add steps, findings and meta under \"cleaner\" (a record's "
                                                           "own \"cleaner\" field is kept, and gets none, with a note)")
    p.add_argument("--no-learn", action="store_true",
                   help="folders, records, Ray: do not learn and remove the lines that recur across documents")
    p.add_argument("--max-chars", type=_positive_int, default=0, metavar="N",
                   help="refuse documents longer than N characters (default: no limit)")
    p.add_argument("--engine", choices=("local", "ray"), default="local",
                   help="ray: clean JSON Lines or Parquet records with Ray Data into the folder -o (needs cleaner[ray])")
    return p


class UsageError(Exception):
    """A refusal before any work: one line, exit 2."""


def mode_of(args) -> str:
    if args.engine == "ray":
        return "ray"
    if args.input != "-" and Path(args.input).is_dir():
        return "folder"
    if args.jsonl or (args.input != "-" and input_kind(args.input) in ("jsonl", "warc")):
        return "records"
    return "page"


def several_mode(args, inputs: list[str]) -> str:
    """The mode of a run given several inputs (``cleaner pages/*.html``), refusing in one line a
    combination whose meaning is unclear.

    With ``-o DIR/`` (a folder that exists, or a name ending in ``/``) the files are one folder
    run into DIR: each output named as a folder run names it, one manifest, learned together.
    Without ``-o`` (or with ``-o -``, ``/dev/stdout``, ``/dev/null``) each is cleaned as
    ``cleaner FILE`` cleans it, one after another, to standard output: pages as text, records
    files as JSON Lines, never the two mixed. Folders, standard input, Ray and an output file
    are refused: which input would be meant, or where each output would go, is not clear.
    """
    if args.engine == "ray":
        raise UsageError(f"--engine ray takes one input (a file or a folder), not {len(inputs)}")
    for src in inputs:
        if src == "-":
            raise UsageError("- (standard input) among several inputs; give files only, or one input on standard input")
        if Path(src).is_dir():
            raise UsageError(f"{shown_name(src)}: a folder among {len(inputs)} inputs; give the folder alone "
                             "(cleaner FOLDER -o OUT), or files only")
    out = args.output
    if out is not None and not is_stream(out) and not is_discard(out):
        if str(out).endswith(("/", os.sep)) or Path(out).is_dir():
            return "folder"
        raise UsageError(f"-o {out}: with {len(inputs)} inputs -o names the folder their outputs go into "
                         "(one that exists, or a name ending in /); without -o they go to standard output")
    kinds = {"records" if args.jsonl or input_kind(src) in ("jsonl", "warc") else "page" for src in inputs}
    if len(kinds) > 1:
        raise UsageError("pages and records files among the inputs: on standard output text and JSON Lines would mix; "
                         "give -o DIR/ for one output each")
    return kinds.pop()


def refused_options(args, mode: str) -> str | None:
    """The one-line refusal for the first option given that ``mode`` cannot honour."""
    defaults = build_parser().parse_args([])
    for dest, modes in OPTION_MODES.items():
        if mode in modes or getattr(args, dest) == getattr(defaults, dest):
            continue
        flag = FLAGS.get(dest, "--" + dest.replace("_", "-"))
        where = ", ".join(MODE_NAMES[m] for m in MODES if m in modes)
        return f"{flag} does not apply to {MODE_NAMES[mode]} (it applies to: {where})"
    if args.check and args.diff:
        return "--check and --diff exclude each other"
    if args.json and (args.check or args.diff):
        return "--json writes output; --check and --diff write none"
    if args.report and (args.check or args.diff):
        return "--report writes a file; --check and --diff write nothing"
    return None


def entry() -> None:
    """The ``cleaner`` command: ``main`` and exit with its code.

    After a pool of workers was stopped (Ctrl-C, an input that could not be read to its end), the
    interpreter's exit hooks may wait for ever on a worker queue whose reader was terminated (seen
    in about one run in twenty): the streams are flushed and the process exits at once.
    """
    code = main()
    # Only a run that started workers can have stopped them: a one-page run never imports the
    # pool's module (multiprocessing, concurrent.futures), 15-20 ms of its start.
    workers = sys.modules.get("cleaner.engines.workers")
    if workers is not None and workers.pool_stopped:
        for stream in (sys.stdout, sys.stderr):
            try:
                if stream is not None:
                    stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    sys.exit(code)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _stderr_to_nothing()
    interrupts.clear()
    previous = signal.signal(signal.SIGTERM, _terminate)
    previous_int = interrupts.install_sigint()
    try:
        if argv[:1] == ["rules"]:
            from cleaner.furniture.rules_cli import main as rules_main

            return rules_main(argv[1:])
        return _run(argv)
    except UsageError as exc:  # on one line whatever the paths it names hold (a newline, an escape)
        print(f"cleaner: {printable(str(exc))}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # argparse: --help, or a usage error already printed in one line
        return exc.code if isinstance(exc.code, int) else 2
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("cleaner: terminated", file=sys.stderr)
        return 143
    except BrokenPipeError:
        # The reader of our output went away (`cleaner ... | head`): stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
    except BaseException as exc:  # never a traceback for the user; CLEANER_DEBUG=1 shows it
        if not interrupts.is_document_failure(exc):
            raise  # SystemExit's kin (GeneratorExit): not ours to turn into a message
        if interrupts.pending():  # a library turned the signal into its own error (cleaner.interrupts)
            interrupted = interrupts.pending() is KeyboardInterrupt
            print(f"cleaner: {'interrupted' if interrupted else 'terminated'}", file=sys.stderr)
            return 130 if interrupted else 143
        if os.environ.get("CLEANER_DEBUG"):
            traceback.print_exc()
        if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
            # The system refused a path no check foresaw (a name over 255 bytes, a folder that cannot
            # be searched, raised by pathlib's exists() and is_dir()): the user's to fix, named.
            print(f"cleaner: {printable(os.fsdecode(exc.filename))}: {exc.strerror}", file=sys.stderr)
            return 2
        print(f"cleaner: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, previous_int)
        interrupts.clear()  # the run is over: a library call after it in this process is no part of it


def _stderr_to_nothing() -> None:
    """Started with stderr closed (``2>&-``): Python leaves ``sys.stderr`` None, and
    ``print(..., file=None)`` writes to stdout, into the cleaned output. Messages then go to
    /dev/null, and so does file descriptor 2: else the first file opened (an output's temporary
    file) would get it, and anything written to fd 2 would land in that output."""
    if sys.stderr is not None:
        return
    fd = os.open(os.devnull, os.O_WRONLY)
    while fd < 2:  # stdin or stdout closed too: they hold /dev/null (sys.stdin, sys.stdout stay None)
        fd = os.open(os.devnull, os.O_WRONLY)
    if fd != 2:  # fd 2 is open after all (only sys.stderr was unset): leave it as it is
        os.close(fd)
    sys.stderr = open(os.devnull, "w", encoding="utf-8")


class Terminated(BaseException):
    """SIGTERM, raised where the main thread is so that cleanup runs as for Ctrl-C."""


def _terminate(signum, frame):
    raise interrupts.arrived(Terminated)


def _check_user_rules(ruleset, folders: list[Path]) -> None:
    """The user's rule files contradict none of their own fixtures: a rule that matches a line it
    lists as one to keep would remove that article sentence from every page (``cleaner rules
    check`` says so, but a cleaning run would use the rule silently). A rule without examples is
    allowed here; ``rules check`` asks for them."""
    from cleaner.furniture.rules_cli import check_examples

    roots = [folder.resolve() for folder in folders]
    mine = [site for site in ruleset.sites.values() if site.path and any(Path(site.path).resolve().is_relative_to(r) for r in roots)]
    problems = [p for p in check_examples(_Sites(mine)) if not p.endswith("has no examples")]
    if problems:
        more = f" (and {len(problems) - 1} more; see `cleaner rules check {folders[0]}`)" if len(problems) > 1 else ""
        raise UsageError(problems[0] + more)


class _Sites:
    """A ruleset of some sites only, for ``check_examples``."""

    def __init__(self, sites):
        self.sites = {site.id: site for site in sites}


def _parse(parser: argparse.ArgumentParser, argv: list[str]) -> argparse.Namespace:
    """Options and inputs intermixed (``cleaner a.txt -o out/ b.txt``); after ``--`` every word is an
    input, one named with a dash too (``cleaner -- -notes.txt``), which argparse's intermixed parsing
    does not take."""
    if "--" not in argv:
        return parser.parse_intermixed_args(argv)
    at = argv.index("--")
    args = parser.parse_intermixed_args(argv[:at])
    args.inputs = [*args.inputs, *argv[at + 1:]]
    return args


def _run(argv: list[str]) -> int:
    parser = build_parser()
    args = _parse(parser, argv)
    inputs = args.inputs or ["-"]
    args.input = inputs[0]
    several = len(inputs) > 1
    mode = several_mode(args, inputs) if several else mode_of(args)
    if refusal := refused_options(args, mode):
        raise UsageError(refusal)
    if args.field != "text":  # a key path (meta.text); an empty key is no path
        from cleaner.io.jsonl import BadField, field_path

        try:
            field_path(args.field)
        except BadField as exc:
            raise UsageError(exc) from None
    if args.url is not None and not host_of(args.url):  # a URL without a host recognises no site, silently
        raise UsageError(f"--url {args.url}: not a URL with a host; give it whole (https://www.example.com/page.html)")
    for folder in args.rules:
        if folder.is_file():
            raise UsageError(f"{folder}: a rule file; --rules takes the folder that holds rule files")
        if folder.is_dir():
            from cleaner.furniture.rules_cli import NO_RULE_FILES, holds_rule_files

            if not holds_rule_files(folder):  # said, not refused: the run is the same without it
                print(f"cleaner: --rules {folder}: note: {NO_RULE_FILES}", file=sys.stderr)
    try:
        config = Config(to=args.to, site=args.site, guess_lost=not args.no_guess, generic_furniture=not args.no_generic,
                        strip_markup=not args.keep_markup, keep_headline=args.keep_headline, max_chars=args.max_chars, rule_dirs=tuple(str(d) for d in args.rules))
        from cleaner.pipeline import Cleaner

        cleaner = Cleaner.for_config(config)  # rule files are checked here, before any work
    except (RuleError, ValueError) as exc:
        raise UsageError(exc) from None
    if args.rules:
        _check_user_rules(cleaner.ruleset, args.rules)
    for src in inputs:
        if src != "-" and not Path(src).exists():
            raise UsageError(_missing_input(src))
    if args.input == "-" and sys.stdin is None:  # `cleaner <&-`: Python leaves sys.stdin None
        raise UsageError("<stdin>: standard input is closed; give a file, or pipe text in")
    if mode == "folder" and not several:
        _check_listable(args.input)
    if mode == "records" and args.field != "text" and not args.jsonl and input_kind(args.input) == "warc":
        raise UsageError("--field applies to JSON Lines; a WARC file's pages are cleaned as their text")
    if not several:
        _into_folder(args, mode)
    _check_outputs(args, mode, inputs)
    if args.input == "-" and mode in ("page", "records") and _terminal(sys.stdin) and sys.stderr is not None:
        # Typing into a command that seems to hang: say it reads, and how to end.
        print(TERMINAL_HINT, file=sys.stderr)
    writeback = WriteBack.CHECK if args.check else WriteBack.DIFF if args.diff else WriteBack.WRITE
    report = Report(writeback)
    jobs = _worker_count(args.jobs)
    if mode == "ray":
        return _ray(args, config)
    if mode == "folder":
        from cleaner.engines.folder import run_folder
        from cleaner.engines.folder_lock import FolderBusy
        from cleaner.engines.manifest import ManifestUnreadable

        out_dir = Path(args.output or args.input).resolve()  # --check/--diff need none: nothing is written
        try:
            # Several files named: each into OUT under its own name, as one folder run.
            run_folder(Path(args.input) if not several else Path(inputs[0]).parent, out_dir, config, report=report, jobs=jobs,
                       force=args.force, report_path=args.report, learn=not args.no_learn, field=args.field,
                       files=inputs if several else None)
        except (FolderBusy, ManifestUnreadable) as exc:
            raise UsageError(exc) from None
        except OSError as exc:  # the output folder or the report cannot be made
            if isinstance(exc, BrokenPipeError):  # `--diff | head`: the reader went away
                raise
            raise UsageError(f"{shown_path(exc.filename) or out_dir}: {exc.strerror or exc}") from None
        _unused_sites(cleaner, config, report)
        print(f"cleaner: {report.summary('files')}", file=sys.stderr)
        return report.exit_code
    output = None if is_stream(args.output) else args.output
    if several:
        return _one_after_another(args, inputs, output, cleaner, config, report, mode, jobs)
    if mode == "records":
        from cleaner.engines.jsonl import run_records
        from cleaner.engines.records_source import InputError
        from cleaner.engines.resume import OutputBusy

        kind = "jsonl" if args.jsonl or args.input == "-" else input_kind(args.input)
        try:
            run_records(args.input, output, config, report, kind=kind, jobs=jobs, field=args.field, details=args.details,
                        learn=not args.no_learn, restart=args.force)
        except InputError as exc:
            raise UsageError(f"{shown_name(args.input)}: {exc}") from None
        except OutputBusy as exc:  # as a busy output folder is refused
            raise UsageError(exc) from None
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            return _write_failed(output, exc)
        _unused_sites(cleaner, config, report)
        print(f"cleaner: {shown_name(args.input)}: {report.summary('records')}", file=sys.stderr)
        return report.exit_code
    from cleaner.engines.single import InputFailed, run_single

    try:
        run_single(args.input, output, config, report, url=args.url, html=args.html, explain=args.explain, as_json=args.json)
    except InputFailed as exc:
        raise UsageError(exc) from None
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            raise
        return _write_failed(output, exc)
    _unused_sites(cleaner, config, report)
    return report.exit_code


def _one_after_another(args, inputs: list[str], output: str | None, cleaner, config: Config, report: Report, mode: str,
                       jobs: int) -> int:
    """Several files without an output folder: each cleaned as ``cleaner FILE`` cleans it, in the
    order given, to standard output (or ``-o /dev/null``); one that cannot be read is told in one
    line and the rest go on (exit 1). One summary line at the end counts them all."""
    for src in inputs:
        if mode == "records":
            from cleaner.engines.jsonl import run_records
            from cleaner.engines.records_source import InputError

            try:
                run_records(src, output, config, report, kind="jsonl" if args.jsonl else input_kind(src), jobs=jobs,
                            field=args.field, details=args.details, learn=not args.no_learn, restart=args.force)
            except InputError as exc:
                report.fail(src, str(exc))
            except OSError as exc:
                if isinstance(exc, BrokenPipeError):
                    raise
                return _write_failed(output, exc)
            continue
        from cleaner.engines.single import InputFailed, run_single

        try:
            run_single(src, output, config, report, url=args.url, html=args.html, explain=args.explain, as_json=args.json)
        except InputFailed as exc:
            report.failed.append((src, str(exc)))
            print(f"cleaner: {printable(str(exc))}", file=sys.stderr)
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            return _write_failed(output, exc)
    _unused_sites(cleaner, config, report)
    print(f"cleaner: {len(inputs)} files: {report.summary('records')}" if mode == "records" else f"cleaner: {report.summary('files')}",
          file=sys.stderr)
    return report.exit_code


# Write errors that say the output's place is wrong (the user's to fix, as a refusal is), not that
# the disk failed during the work.
_PLACE_ERRORS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EISDIR, errno.ENAMETOOLONG}


def _write_failed(output: str | None, exc: OSError) -> int:
    """The output could not be written: a place it may not go is refused (exit 2); a full disk or
    an I/O error after the work is a failed file (exit 1). Either way one line, and the old
    output, if any, is left whole (``write_atomic``)."""
    if exc.errno in _PLACE_ERRORS:
        raise UsageError(f"{output or '<stdout>'}: {exc.strerror or exc}") from None
    # A file is replaced whole or not at all; standard output is a stream, cut where it failed.
    # A stopped JSON Lines run has just said where the lines it cleaned are (engines/resume.py).
    written = "output cut short" if not output else "not written" if _partial_kept(output) else "nothing written"
    print(f"cleaner: {printable(output or '<stdout>')}: {exc.strerror or exc}; {written}", file=sys.stderr)
    return 1


def _partial_kept(output: str) -> bool:
    from cleaner.engines.resume import partial_path

    try:
        return partial_path(Path(output)).stat().st_size > 0
    except OSError:
        return False


def _into_folder(args, mode: str) -> None:
    """``cleaner page.html -o out/`` (a folder that exists, or any name ending in ``/``) writes
    ``out/page.txt``, named as a folder run names it, as ``cp`` puts a file into a folder."""
    out = args.output
    if mode not in ("page", "records") or out is None or is_stream(out):
        return
    if not (str(out).endswith(("/", os.sep)) or Path(out).is_dir()):
        return
    if args.input == "-":
        raise UsageError(f"{out}: is a folder; give a file name for the output of standard input")
    from cleaner.io.kinds import output_name

    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{out}: not a folder")
    args.output = str(folder / output_name(Path(args.input).name))
    if not (args.check or args.diff):
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"{out}: cannot make the folder ({exc.strerror or exc})") from None


TERMINAL_HINT = "cleaner: reading from the terminal; end with Ctrl-D at the start of a line"


def _terminal(stream) -> bool:
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError, AttributeError):
        return False


def _missing_input(path: str) -> str:
    """Why an input that does not exist is not there: a link to nothing, a loop of links, or nothing."""
    try:
        os.stat(path)
    except OSError as exc:
        if os.path.islink(path) and exc.errno != errno.ENOENT:  # ELOOP: links that lead to each other
            return f"{path}: {exc.strerror}"
    if os.path.islink(path):
        return f"{path}: broken symbolic link (to {os.readlink(path)}, which does not exist)"
    return f"{path}: No such file or directory"


def _worker_count(asked: int) -> int:
    """Worker processes for ``--jobs``: all cores for 0, and at most twice the cores.

    The work is CPU-bound and each worker holds its own tables (tens of MB): a process per core
    is the fastest, a few more cost little, and ``--jobs 1000`` once started hundreds of
    processes on two cores.
    """
    cores = os.cpu_count() or 1
    if asked > 2 * cores:
        print(f"cleaner: --jobs {asked}: note: using {2 * cores}, twice the cores this machine has", file=sys.stderr)
        return 2 * cores
    return asked or cores


def _check_listable(folder: str) -> None:
    """An input folder that cannot be listed is refused before an output folder is made."""
    try:
        with os.scandir(folder):
            pass
    except OSError as exc:
        raise UsageError(f"{folder}: {exc.strerror or exc}") from None


def _check_outputs(args, mode: str, inputs: list[str]) -> None:
    """Refuse, before any work, outputs that would replace something other than a regular file,
    or write over (or into) an input."""
    if mode in ("folder", "ray") and not args.output and not (args.check or args.diff):
        raise UsageError(f"{args.input}: {'is a folder' if mode == 'folder' else '--engine ray'}; give an output folder with -o")
    to_stdout = args.diff or not args.check and mode in ("page", "records") and is_stream(args.output)
    if sys.stdout is None and to_stdout:
        raise UsageError("<stdout>: standard output is closed; give an output file with -o")
    if to_stdout and (refusal := stdout_input_error(inputs)):
        raise UsageError(refusal)
    if args.report is not None and is_stream(args.report) and sys.stdout is None:
        raise UsageError("<stdout>: standard output is closed; give the report a file")
    if mode in ("folder", "ray") and args.output is not None and is_stream(args.output):
        raise UsageError(f"-o {args.output}: a folder cannot be written to standard output; give an output folder")
    if mode in ("folder", "ray") and is_discard(args.output):
        raise UsageError(f"-o {args.output}: a folder run writes files and a manifest; --check or --diff writes nothing")
    outputs = [o for o in (args.output, args.report) if o is not None]
    for out in outputs:
        if mode in ("folder", "ray") and out == args.output:
            path = Path(out)
            if path.exists() and not path.is_dir():
                raise UsageError(f"{out}: output folder is a file")
            if path.is_symlink():
                raise UsageError(f"{out}: output folder is a symbolic link; give the folder itself")
        elif refusal := output_file_error(out) or compression_error(out) or \
                (None if args.force or args.check or args.diff else read_only_error(out)):
            raise UsageError(refusal)
        if refusal := overlap_error(out, inputs):
            raise UsageError(refusal)
    if args.report is not None and not Path(args.report).parent.is_dir():  # made silently, a typo would go unseen
        raise UsageError(f"{args.report}: no folder {Path(args.report).parent}; make it first")
    if args.report is not None and args.output and mode == "folder" and not is_stream(args.report):
        report, out_dir = Path(args.report).resolve(), Path(args.output).resolve()
        if out_dir in report.parents:
            raise UsageError(f"{args.report}: the report must not be inside the output folder")


def _unused_sites(cleaner, config: Config, report: Report) -> None:
    """Sites of user rule directories that no page selected: most likely a missing host or signature."""
    if not config.rule_dirs or config.site:
        return
    user_dirs = {str(Path(d).resolve()) for d in config.rule_dirs}
    for site in cleaner.ruleset.sites.values():
        if str(Path(site.path).resolve().parent) in user_dirs and site.id not in report.sites and site.id != "_common":
            report.note(site.path, f"site {site.id!r} was selected by no page (give --site {site.id}, a url, or hosts/signatures that match)")


def _ray(args, config: Config) -> int:
    if reads_once(args.input):  # Ray's readers open and size their files; learning reads them twice
        raise UsageError(f"{shown_name(args.input)}: --engine ray reads files; not standard input or a pipe (save it to a file)")
    dst = Path(args.output)
    if dst.exists() and any(dst.iterdir()):
        raise UsageError(f"{dst}: output exists and is not an empty folder; refusing to mix runs")
    try:
        import ray  # noqa: F401 - only to tell the user what is missing

        from cleaner.engines import ray_engine
    except ImportError:
        raise UsageError("--engine ray needs Ray Data: pip install 'cleaner[ray]'") from None
    try:
        report = ray_engine.run(args.input, str(dst), config, field=args.field, details=args.details, num_cpus=args.jobs or None,
                                learn=not args.no_learn)
    except ValueError as exc:
        raise UsageError(exc) from None
    print(f"cleaner: {args.input}: {report.summary('records')}; written to {dst}", file=sys.stderr)
    return report.exit_code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
