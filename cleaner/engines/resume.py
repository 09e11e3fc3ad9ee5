"""A stopped JSON Lines run goes on where it stopped: the output lines written so far are kept.

A JSON Lines file cleaned into a file (``cleaner dump.jsonl -o clean.jsonl``) is written line by
line to ``.clean.jsonl.cleaner-partial`` beside the destination, with ``.clean.jsonl.cleaner-partial.json``
naming the input (real path, size, modification and change times, inode) and the settings
(the cleaner's version, rule files and lines learned included). Output line N is input
line N (``jsonl.clean_lines`` writes every line back: blank, failed or cleaned), so whatever
stops the run (a signal, a full disk, SIGKILL, a power cut) leaves a prefix of the output: its
whole lines are kept, a half-written last line is cut. The next run with the same input,
settings and output skips as many input lines, appends the rest, and renames the whole over the
destination, so a reader still sees the old output or the finished new one, never a part.
The lines a learning pass found are kept in the about file too, and a run that goes on uses them
instead of learning again; the records that failed are listed beside it, and a run that goes on
reports them again and counts the other records kept as skipped ("written by the stopped run"):
its exit code is a run's that never stopped, and its summary adds up to the same records.

Anything else starts from the first record: another input or settings (the old partial output is
replaced), ``--force``, a compressed output (a compressor's stream cut by SIGKILL cannot be
appended to: it is written whole, as before), a WARC input (its records are not the output's
lines) and an input read once (standard input, a pipe: nothing tells it is the same again).
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from cleaner.io.lines import LONG_PIECES, LineSplitter, LongEnd, LongStart, ends_no_line
from cleaner.io.output import new_file_mode, write_atomic

PARTIAL = ".cleaner-partial"
BLOCK = 1 << 20  # bytes read at a time from the partial, counting its whole lines
SYNC_EVERY = 64 << 20  # bytes written between fsyncs of the partial (one costs ~ms; 64 MB takes ~1 min to clean)


def partial_path(output: Path) -> Path:
    """Where a run writes ``output``'s lines until it has them all.

    >>> partial_path(Path("/data/clean.jsonl"))
    PosixPath('/data/.clean.jsonl.cleaner-partial')
    """
    return output.parent / f".{_stem(output.name)}{PARTIAL}"


def about_path(output: Path) -> Path:
    """Where the partial output's input and settings are written."""
    return output.parent / f".{_stem(output.name)}{PARTIAL}.json"


def failures_path(output: Path) -> Path:
    """Where the records that failed in the partial output are listed (passed through unchanged,
    they are lines like any other there): a run that goes on reports them again, so its exit
    code and summary are an uninterrupted run's."""
    return output.parent / f".{_stem(output.name)}{PARTIAL}.failed"


NAME_MAX = 255  # bytes in a file name (Linux, macOS)


def _stem(name: str) -> str:
    """``name``, or, where the partial's names would pass ``NAME_MAX`` (an output named near the
    limit), its start and a digest of the whole: another long name sharing that start gets its own.

    >>> len(os.fsencode(about_path(Path("报告" * 42)).name)) <= NAME_MAX
    True
    """
    room = NAME_MAX - len(f".{PARTIAL}.failed")  # the longest of the partial's names
    raw = os.fsencode(name)
    if len(raw) <= room:
        return name
    digest = hashlib.sha256(raw).hexdigest()[:16]
    return raw[:room - len(digest) - 1].decode("utf-8", "ignore") + "~" + digest


def fingerprint(src: str, settings: str) -> dict:
    """What must be the same for a run to go on from another's lines: the input file as it is
    on disk, and the settings (a digest of the cleaner's version, its ``Config``, the rule files'
    contents, the lines learned and the options: ``engines.manifest.run_fingerprint``).

    Size and modification time alone miss a file replaced by another of the same size whose
    time was copied too (``cp -p``, ``rsync -t``, ``touch -r``): the inode and the change time
    (``st_ctime``, which no program can set) tell it."""
    stat = os.stat(src)
    return {"input": os.path.realpath(src), "size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
            "inode": stat.st_ino, "ctime_ns": stat.st_ctime_ns,
            "settings": hashlib.sha256(settings.encode("utf-8")).hexdigest()}


def learned_record(lines: dict[str, frozenset[str]]) -> dict[str, list[str]]:
    """The lines a first pass learned, as the partial's about file holds them (a resumed run reads
    them back instead of learning again: on a large dump that pass is as long as the cleaning)."""
    return {site: sorted(found) for site, found in sorted(lines.items())}


def learned_by_stopped_run(output: Path, about_without_learned) -> dict[str, frozenset[str]] | None:
    """The lines a stopped run into ``output`` learned, if its partial output is one this run
    goes on from: ``about_without_learned(lines)`` is this run's about file for those lines
    (input and settings; the settings hold the lines' digest), which must be the stopped run's.
    None: no partial, learning was off then, or anything differs (this run learns again)."""
    earlier = _read_about(about_path(output))
    record = earlier.pop("learned", None) if earlier else None
    if not isinstance(record, dict) or not partial_path(output).is_file():
        return None
    if not all(isinstance(site, str) and isinstance(found, list) and all(isinstance(x, str) for x in found)
               for site, found in record.items()):
        return None
    lines = {site: frozenset(found) for site, found in record.items()}
    return lines if earlier == about_without_learned(lines) else None


def whole_lines(path: Path) -> tuple[int, int]:
    """The number of whole lines at the start of ``path``, and the length in bytes they take: what
    a stopped run wrote completely. Lines end as the input's are split (``cleaner.io.lines``: LF,
    CR LF or a lone CR, a long line's pieces one line), so that as many input lines are skipped as
    output lines are kept; a last line without its end, or with a CR its LF may follow, is cut."""
    splitter = LineSplitter()
    count = end = at = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(BLOCK):
            # The usual chunk (no CR, no long line): its lines counted at C speed (review46: split
            # one by one, a partial of 190 MiB took 0.70 s where counting takes 0.07).
            lines, length, chunk = splitter.count_ended(chunk)
            if lines:
                count, at = count + lines, at + length
                end = at
            for line in splitter.feed(chunk):
                at += len(line)
                if not ends_no_line(line):
                    count, end = count + 1, at
    return count, end


class PartialOutput:
    """The partial output of one records run: opened (new, or an earlier run's to go on from),
    written line by line, then renamed over the destination (``finish``) or left for the next
    run (``keep``, after anything stopped the run)."""

    def __init__(self, output: Path, about: dict, restart: bool = False):
        self.output = output
        self.path = partial_path(output)
        self.done = 0  # lines an earlier run wrote, which this run skips
        self.replaced = False  # an earlier run's partial output, for another input or settings, was replaced
        self.earlier_failures: list[tuple[str, str]] = []  # (where, why) of records in the lines kept
        earlier = _read_about(about_path(output))
        if not restart and earlier == about and self.path.is_file():
            self.done, length = whole_lines(self.path)
            fd = os.open(self.path, os.O_WRONLY | os.O_CLOEXEC)
            _hold(fd, self.path)
            os.ftruncate(fd, length)  # a half-written last line goes: its record is cleaned again
            os.lseek(fd, length, os.SEEK_SET)
            self.earlier_failures = _failures_in(failures_path(output), self.done)
        else:
            self.replaced = earlier is not None and not restart and self.path.is_file()
            fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, new_file_mode(output))
            _hold(fd, self.path)
            os.ftruncate(fd, 0)
            write_atomic(about_path(output), json.dumps(about))
        self._fh = os.fdopen(fd, "wb")
        # Rewritten with only the failures of the lines kept: those of a cut line come again.
        self._failures = open(failures_path(output), "w", encoding="utf-8")
        for where, why in self.earlier_failures:
            self._failures.write(json.dumps([where, why], ensure_ascii=False) + "\n")
        self._failures.flush()

    def logging(self, report):
        """``report`` with each record failure also listed beside the partial output."""
        return _FailureLog(report, self._failures)

    def write(self, pieces: Iterable[bytes]) -> None:
        unsynced = 0
        for piece in pieces:
            self._fh.write(piece)
            unsynced += len(piece)
            if unsynced >= SYNC_EVERY:  # a power cut loses at most this much of the work, not all of it
                self._fh.flush()
                os.fsync(self._fh.fileno())
                os.fsync(self._failures.fileno())
                unsynced = 0

    def finish(self) -> None:
        """All lines written: the partial output becomes the output, atomically."""
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._fh.close()
        os.replace(self.path, self.output)
        self._failures.close()
        for path in (about_path(self.output), failures_path(self.output)):
            try:
                os.unlink(path)
            except FileNotFoundError:
                pass

    def keep(self) -> int:
        """The run stopped: what it wrote stays for the next run; how many lines there are."""
        for fh in (self._fh, self._failures):
            try:
                fh.close()  # flushes what is buffered: whole lines, or a tail the next run cuts
            except OSError:
                pass  # a full disk: the next run cuts what did not fit
        try:
            return whole_lines(self.path)[0]
        except OSError:
            return 0


class _FailureLog:
    """A run's report whose record failures are also listed beside the partial output, at once
    (flushed: a SIGKILL keeps them; a failure of a line the output lost is dropped on resuming)."""

    def __init__(self, report, listing) -> None:
        self._report, self._listing = report, listing

    def fail(self, where: str, message: str) -> None:
        self._report.fail(where, message)
        try:
            self._listing.write(json.dumps([where, message], ensure_ascii=False) + "\n")
            self._listing.flush()
        except OSError:
            pass  # a full disk: the partial output stops at the same place; its next run cleans the rest

    def __getattr__(self, name: str):
        return getattr(self._report, name)


def _failures_in(path: Path, lines: int) -> list[tuple[str, str]]:
    """The failures listed at ``path`` of records within the first ``lines`` input lines."""
    out = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return out
    for row in text.splitlines():
        try:
            where, why = json.loads(row)
            if not isinstance(where, str) or not isinstance(why, str):
                continue  # a row of another shape (the file edited, or another tool's): no failure of ours
            line = int(where.rsplit(":", 1)[1])
        except (ValueError, TypeError, IndexError):
            continue  # a row cut by a kill
        if line <= lines:
            out.append((where, why))
    return out


def skipped(lines: Iterator[bytes], count: int) -> tuple[int, int]:
    """Read ``count`` lines off ``lines`` (the ones an earlier run wrote); their bytes, and how
    many hold a record (a blank line, BOM aside, holds none: ``jsonl.clean_lines``)."""
    size = records = done = 0
    while done < count:
        line = next(lines, None)
        if line is None:
            break
        size += len(line)
        if isinstance(line, LONG_PIECES):  # a line past LINE_LIMIT, in pieces: one line, one record
            records += isinstance(line, LongStart)
            done += isinstance(line, LongEnd)
            continue
        done += 1
        records += bool(line.removeprefix(codecs.BOM_UTF8).strip())
    return size, records


def say_kept(name: str, output: Path, lines: int, forced: bool = False) -> None:
    """Where a stopped run's lines are, how to go on from them, and that they hold disk space."""
    if lines:
        again = "the same command without --force" if forced else "the same command"
        print(f"cleaner: {name}: {lines} record line(s) written to {partial_path(output)}; {again} goes on from there "
              "(--force starts over; deleting the file frees its space)", file=sys.stderr)


def _read_about(path: Path) -> dict | None:
    try:
        about = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return about if isinstance(about, dict) else None


class OutputBusy(Exception):
    """Another live run is writing this output's partial (refused before any work, as a busy
    output folder is: exit 2)."""


def refuse_if_busy(output: Path) -> None:
    """Refuse now, before a learning pass, if another run holds ``output``'s partial: checked
    again when the partial is opened (a run may start in between)."""
    try:
        fd = os.open(partial_path(output), os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return  # no partial (or none readable): nothing holds it; opening it says the rest
    _hold(fd, partial_path(output))  # closes it when busy
    os.close(fd)  # releases the lock taken to look


def _hold(fd: int, path: Path) -> None:
    """One run at a time writes a partial output: a second one is refused, not interleaved."""
    try:
        import fcntl
    except ImportError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        raise OutputBusy(f"{path}: another cleaner run is writing this output; wait for it to end, or give another -o") from None
    except OSError:
        # A file system with no locks (some network and FUSE ones: ENOLCK, EOPNOTSUPP) is not
        # another run: the run goes on unguarded, as every run did before partial outputs.
        pass
