"""Where results go: output paths checked before any work, files replaced atomically.

An output only ever replaces a regular file or creates a new one. A symlink, FIFO, device or
directory at an output path is refused (writing "through" them would replace the link, or, as root,
a device node), except the standard output itself (``-``, ``/dev/stdout``), which is written as a
stream, and ``/dev/null``, where the output is dropped (``-o /dev/null``: only the messages and
the summary). No output may be, or link to, an input: a mistyped ``--report`` must not turn a page
into a report. A read-only file is not replaced unless the run is told to (``--force``), as ``cp``
refuses and ``cp -f`` replaces it (``read_only_error``).

Files are written to a temporary file beside the destination, then renamed over it, so a reader
(or a resumed run) sees the old file or the new one, never half of one. The temporary file gets the
destination's mode, or ``0666 & ~umask`` for a new file, as ``open()`` would give it. Temporary
files are named ``.NAME.cleaner-XXXX.tmp`` so that a later run can find and remove the ones a
killed run left behind.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

STREAMS = ("-", "/dev/stdout")
DISCARD = os.devnull  # -o /dev/null: the output is dropped, the run's messages and summary stay
TMP_MARK = ".cleaner-"
TMP_SUFFIX = ".tmp"


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


UMASK = _umask()
STARTED = time.time()  # about when this run started: only temporaries older than it are swept  # read once, at import: os.umask can only be read by setting it


def is_stream(output: str | Path | None) -> bool:
    """Whether an output goes to standard output (no path, ``-`` or ``/dev/stdout``)."""
    return output is None or str(output) in STREAMS


def is_discard(output: str | Path | None) -> bool:
    """Whether an output is dropped (``-o /dev/null``)."""
    return output is not None and str(output) == DISCARD


def read_only(path: str | Path) -> bool:
    """Whether a regular file at ``path`` is read-only to this run, as ``cp`` and editors tell it:
    not writable to us, or, for root (whom the system lets write anything), with no write
    permission for anyone (``chmod 444``)."""
    try:
        st = os.stat(path)
    except OSError:
        return False
    if not stat.S_ISREG(st.st_mode):
        return False
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        return not st.st_mode & 0o222
    return not os.access(path, os.W_OK)


def read_only_error(path: str | Path) -> str | None:
    """The one-line refusal for an output that would replace a read-only file (None: fine)."""
    if is_stream(path) or is_discard(path) or not read_only(path):
        return None
    return f"{path}: output is a read-only file; give --force to replace it"


def kind_of(path: Path) -> str | None:
    """What is at ``path`` when it is not something an output may replace (None: fine)."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        return f"unusable ({exc.strerror or exc})"
    if stat.S_ISREG(st.st_mode):
        return None
    if stat.S_ISLNK(st.st_mode):
        return "a symbolic link"
    if stat.S_ISDIR(st.st_mode):
        return "a directory"
    if stat.S_ISFIFO(st.st_mode):
        return "a FIFO"
    if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode):
        return "a device"
    return "not a regular file"


def output_file_error(path: str | Path) -> str | None:
    """The one-line refusal for an output file path, or None when it may be written."""
    if is_stream(path) or is_discard(path):
        return None
    kind = kind_of(Path(path))
    if kind is not None:
        return f"{path}: output is {kind}; outputs only replace regular files"
    return None


def compression_error(path: str | Path) -> str | None:
    """The one-line refusal for an output named after a compression that is not written (None:
    fine). Outputs are compressed by their name; one this tool cannot write would be plain text
    under a name that says otherwise, and the decompressor the user runs on it next refuses it."""
    from cleaner.io.compressed import SUFFIXES, unwritten_compression

    if is_stream(path) or is_discard(path) or (kind := unwritten_compression(path)) is None:
        return None
    return (f"{path}: output named as {kind} data, which is not written here (outputs are compressed by their name: "
            f"{', '.join(SUFFIXES)}); give one of those, or -o - and pipe it to the compressor")


def overlap_error(output: str | Path, inputs: Iterable[str | Path]) -> str | None:
    """The refusal when ``output`` is, links to, or (for a folder input) lies inside an input."""
    if is_stream(output) or is_discard(output):
        return None
    out = Path(output)
    out_resolved = out.resolve()
    for src in inputs:
        if str(src) == "-":
            continue
        src_path = Path(src)
        src_resolved = src_path.resolve()
        if out_resolved == src_resolved or _same_file(out, src_path):
            return f"{output}: refusing to write over the input {src}"
        if src_path.is_dir() and src_resolved in out_resolved.parents:
            return f"{output}: refusing to write inside the input folder {src}"
        if out_resolved in src_resolved.parents:
            return f"{output}: refusing to write into a folder that holds the input {src}"
    return None


def stdout_input_error(inputs: Iterable[str | Path]) -> str | None:
    """The refusal when standard output is a regular file that is one of the inputs (``cleaner
    a.jsonl >> a.jsonl``, ``cleaner < a.txt > a.txt``), as cat refuses "input file is output file".

    A records file appended to itself reads its own output back as input and grows without end;
    one redirected onto itself with ``>`` was emptied by the shell before the run and would be
    cleaned as an empty file, exit 0. ``-`` is standard input, compared by its descriptor.
    """
    try:
        out = os.fstat(1)
    except OSError:  # standard output closed: told elsewhere
        return None
    if not stat.S_ISREG(out.st_mode):
        return None
    for src in inputs:
        try:
            st = os.fstat(0) if str(src) == "-" else os.stat(src)
        except OSError:
            continue
        if stat.S_ISREG(st.st_mode) and (st.st_dev, st.st_ino) == (out.st_dev, out.st_ino):
            name = "<stdin>" if str(src) == "-" else str(src)
            return (f"{name}: standard output is the input file itself (> or >> onto it: > empties it before the run); "
                    "write the output to another file")
    return None


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)  # hard links and links to the same file
    except OSError:
        return False


def new_file_mode(path: Path) -> int:
    """The mode a rewritten ``path`` keeps: its own, or what a new file gets under the umask."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~UMASK


# A file name may take 255 bytes; the temporary one adds a dot, the mark, 8 random letters and the suffix.
_NAME_ROOM = 255 - 1 - len(TMP_MARK) - 8 - len(TMP_SUFFIX)


def _short(name: str) -> str:
    """``name`` cut to what leaves the temporary name within 255 bytes (at a character's end).

    >>> len(_short("报告" * 50).encode()), _short("a.txt")
    (231, 'a.txt')
    """
    return name.encode("utf-8", "surrogateescape")[:_NAME_ROOM].decode("utf-8", "ignore")


def prepare_place(path: Path) -> None:
    """Refuse an output path that is no regular file's (``output_file_error``), and make its folder."""
    if refusal := output_file_error(path):
        raise IsADirectoryError(refusal) if path.is_dir() else FileExistsError(refusal)
    path.parent.mkdir(parents=True, exist_ok=True)


def write_atomic(path: Path, pieces: str | bytes | Iterable[str | bytes]) -> None:
    """Write text (or stream its pieces) as UTF-8 to ``path`` through a temporary file and a rename.

    Compressed by the path's extension (``.gz``, ``.bz2``, ``.xz``, ``.zst``).
    """
    from cleaner.io.compressed import compression_of, wrap_writer

    prepare_place(path)
    mode = new_file_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{_short(path.name)}{TMP_MARK}", suffix=TMP_SUFFIX, dir=path.parent)
    try:
        _hold(fd)  # a sweep by another run (``remove_stale_temporaries``) passes over a file in use
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as raw:
            sink = wrap_writer(raw, path.name) if compression_of(path.name) else raw
            for piece in [pieces] if isinstance(pieces, (str, bytes)) else pieces:
                sink.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
            if sink is not raw:
                sink.close()
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_stream(pieces: str | bytes | Iterable[str | bytes]) -> None:
    """Write text (or its pieces) as UTF-8 to standard output; an empty piece flushes it."""
    if sys.stdout is None:  # started with stdout closed (`cleaner page.txt >&-`)
        raise OSError(errno.EBADF, "standard output is closed")
    out = sys.stdout.buffer
    for piece in [pieces] if isinstance(pieces, (str, bytes)) else pieces:
        if not piece:  # the input paused (cleaner.io.once.PAUSE): what is written so far goes out now
            out.flush()
            continue
        out.write(piece.encode("utf-8") if isinstance(piece, str) else piece)
    out.flush()


def write_output(output: str | Path | None, pieces: str | bytes | Iterable[str | bytes]) -> None:
    """To standard output for a stream, nowhere for ``/dev/null`` (its pieces made all the same:
    the work and its messages are the run's), else atomically to the file (first removing the
    temporaries that killed runs left for it)."""
    if is_stream(output):
        write_stream(pieces)
    elif is_discard(output):
        for _ in [pieces] if isinstance(pieces, (str, bytes)) else pieces:
            pass
    else:
        # A killed run of one file left its temporary beside it; a folder run sweeps its own.
        remove_stale_temporaries([Path(output)], older_than=STARTED)
        write_atomic(Path(output), pieces)


def shown_path(filename: str | os.PathLike | None) -> str | None:
    """The path an error about ``filename`` names: an output's temporary file (``.NAME.cleaner-XXXX.tmp``,
    which the user never asked for) by the folder it was to be written in.

    >>> shown_path("/data/clean/..cleaner-manifest.jsonl.cleaner-abcdefgh.tmp"), shown_path("/data/a.txt")
    ('/data/clean', '/data/a.txt')
    """
    if filename is None:
        return None
    name = os.fsdecode(filename)
    if name.endswith(TMP_SUFFIX) and TMP_MARK in os.path.basename(name) and os.path.basename(name).startswith("."):
        return os.path.dirname(name) or "."
    return name


def _hold(fd: int) -> None:
    """An advisory lock on a temporary file being written, released when it is closed."""
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except (ImportError, OSError):
        pass  # no advisory locks here: the sweep still spares files newer than its run


def _in_use(path: Path) -> bool:
    """Whether a live process holds ``path``'s lock (``_hold``): its temporary file, being written."""
    try:
        import fcntl
    except ImportError:
        return False
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return True  # gone, or not ours to read: left alone
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return False
    except OSError:
        return True
    finally:
        os.close(fd)


def remove_stale_temporaries(outputs: Iterable[Path], older_than: float | None = None) -> int:
    """Remove the temporary files earlier (killed) runs left for ``outputs``; how many.

    Only names ``write_atomic`` gives an output's temporary file (``.NAME.cleaner-`` with eight
    random letters, ``.tmp``) beside that output: a user's own file that looks like one, or one in
    a folder this run writes nothing to, is not ours to remove. Another live run's temporaries
    are not at risk: a folder run holds its output folder's lock (``cleaner.engines.folder_lock``),
    so no other folder run writes there meanwhile; a single-file run sweeps only files older
    than itself (``older_than``, a time) that no live process holds (``_hold``).
    """
    by_folder: dict[Path, set[str]] = {}
    for output in outputs:
        by_folder.setdefault(Path(output).parent, set()).add(f".{_short(Path(output).name)}{TMP_MARK}")
    removed = 0
    for folder, prefixes in by_folder.items():
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            cut = len(name) - len(TMP_SUFFIX) - 8
            if name.endswith(TMP_SUFFIX) and name[:cut] in prefixes and _TMP_LETTERS.fullmatch(name[cut:-len(TMP_SUFFIX)]):
                if older_than is not None and (_mtime(folder / name) >= older_than or _in_use(folder / name)):
                    continue
                try:
                    os.unlink(folder / name)
                    removed += 1
                except OSError:
                    pass
    return removed


def _mtime(path: Path) -> float:
    try:
        return os.lstat(path).st_mtime
    except OSError:
        return float("inf")  # gone: nothing to remove


_TMP_LETTERS = re.compile("[a-z0-9_]{8}")  # what tempfile.mkstemp puts between prefix and suffix
