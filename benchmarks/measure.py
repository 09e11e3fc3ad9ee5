"""Shared by the benchmarks: run the cleaner as a child process and watch its memory."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time


_compiled: list[bool] = []  # once per benchmark process


def tree_rss(pid: int) -> tuple[int, int]:
    """(sum, max) resident bytes of ``pid`` and its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(children.get(p, []))
    values = [rss.get(p, 0) for p in seen]
    return sum(values), max(values, default=0)


def compile_package() -> None:
    """Write the package's bytecode, as installing a wheel does, so that a timed start-up does not
    include compiling modules that changed since ``make install`` (nor every module where
    PYTHONDONTWRITEBYTECODE is set)."""
    import compileall

    import cleaner

    compileall.compile_dir(os.path.dirname(cleaner.__file__), quiet=1)


def run_cli(args: list[str]) -> tuple[float, int, int, int]:
    """(seconds, peak tree RSS, peak single-process RSS, exit code) of ``cleaner ARGS``."""
    if not _compiled:
        compile_package()
        _compiled.append(True)
    cmd = [sys.executable, "-m", "cleaner", *args]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks = [0, 0]

    def poll() -> None:
        while proc.poll() is None:
            total, single = tree_rss(proc.pid)
            peaks[0], peaks[1] = max(peaks[0], total), max(peaks[1], single)
            time.sleep(0.05)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    watcher.join()
    if proc.returncode:
        print(err.decode(errors="replace")[-2000:], file=sys.stderr)
    return elapsed, peaks[0], peaks[1], proc.returncode
