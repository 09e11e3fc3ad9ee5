"""One run at a time writes an output folder: an advisory lock held for the whole run.

Two runs into one folder would interleave their manifests (the second run's compaction renames
the file the first still appends to, so the first run's lines are lost while its outputs land,
and a later run takes them for the second run's) and could remove each other's temporary files.
So a folder run takes ``flock`` on ``OUT/.cleaner-lock`` before any work, and a second run is
refused at once. Making the lock file also proves the folder writable before the learning pass
(an unwritable folder is refused then, not after an hour's work). The lock goes with the process
(a killed run holds none); the empty file stays, hidden, as the manifest does.
"""

from __future__ import annotations

import os
from pathlib import Path

NAME = ".cleaner-lock"


class FolderBusy(Exception):
    """Another live run holds the output folder's lock."""


class FolderLock:
    def __init__(self, out_dir: Path) -> None:
        self.path = Path(out_dir) / NAME
        self._fd: int | None = None

    def __enter__(self) -> FolderLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_CLOEXEC, 0o666)
        try:
            import fcntl
        except ImportError:  # no advisory locks on this system: the folder was still proved writable
            self._fd = fd
            return self
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise FolderBusy(f"{self.path.parent}: another cleaner run is writing this output folder; "
                             "wait for it to end, or give another -o") from None
        self._fd = fd
        return self

    def __exit__(self, *exc) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock
            self._fd = None
