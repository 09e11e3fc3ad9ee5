"""One run at a time writes an output folder: an advisory lock held for the whole run.

Two runs into one folder would interleave their manifests (the second run's compaction renames
the file the first still appends to, so the first run's lines are lost while its outputs land,
and a later run takes them for the second run's) and could remove each other's temporary files.
So a folder run takes ``flock`` on the output folder itself before any work, and a second run is
refused at once. The folder is made and checked writable then too, so an unwritable folder is
refused before the learning pass, not after an hour's work. The lock goes with the process (a
killed run holds none) and leaves no file behind.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path


class FolderBusy(Exception):
    """Another live run holds the output folder's lock."""


class FolderLock:
    def __init__(self, out_dir: Path) -> None:
        self.path = Path(out_dir)
        self._fd: int | None = None

    def __enter__(self) -> FolderLock:
        self.path.mkdir(parents=True, exist_ok=True)
        if not os.access(self.path, os.W_OK):
            read_only = bool(os.statvfs(self.path).f_flag & os.ST_RDONLY)
            code = errno.EROFS if read_only else errno.EACCES
            raise OSError(code, os.strerror(code), str(self.path))
        fd = os.open(self.path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        try:
            import fcntl
        except ImportError:  # no advisory locks on this system: the folder was still checked
            self._fd = fd
            return self
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise FolderBusy(f"{self.path}: another cleaner run is writing this output folder; "
                             "wait for it to end, or give another -o") from None
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock
            self._fd = None
