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
    values = []
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/stat") as fh:
                values.append(int(fh.read().rsplit(")", 1)[1].split()[21]) * os.sysconf("SC_PAGE_SIZE"))
        except (OSError, IndexError, ValueError):
            values.append(0)
    return sum(values), max(values, default=0)


def tree_pss(pid: int) -> int:
    """Proportional set size of ``pid`` and its descendants, from /proc: each page shared by k of
    them counts 1/k in each, so the sum is the memory the tree takes. Resident sizes count a
    page the workers share copy-on-write with their parent (the tables) once in every process."""
    total = 0
    for p in _tree(pid):
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError):
            continue
    return total


def _tree(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                children.setdefault(int(fh.read().rsplit(")", 1)[1].split()[1]), []).append(int(entry))
        except (OSError, IndexError, ValueError):
            continue
    todo, seen = [pid], []
    while todo:
        p = todo.pop()
        seen.append(p)
        todo.extend(children.get(p, []))
    return seen


# Set by each run_cli: the peak proportional set size of the command's processes together.
last_peak_pss = 0


def compile_package() -> None:
    """Write the package's bytecode, as installing a wheel does, so that a timed start-up does not
    include compiling modules that changed since ``make install`` (nor every module where
    PYTHONDONTWRITEBYTECODE is set)."""
    import compileall

    import cleaner

    compileall.compile_dir(os.path.dirname(cleaner.__file__), quiet=1)


def run_cli(args: list[str]) -> tuple[float, int, int, int]:
    """(seconds, peak tree RSS, peak single-process RSS, exit code) of ``cleaner ARGS``; the peak
    tree PSS is left in ``last_peak_pss``."""
    if not _compiled:
        compile_package()
        _compiled.append(True)
    cmd = [sys.executable, "-m", "cleaner", *args]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peaks = [0, 0, 0]

    def poll() -> None:
        while proc.poll() is None:
            total, single = tree_rss(proc.pid)
            peaks[0], peaks[1] = max(peaks[0], total), max(peaks[1], single)
            peaks[2] = max(peaks[2], tree_pss(proc.pid))
            time.sleep(0.05)

    watcher = threading.Thread(target=poll, daemon=True)
    watcher.start()
    _, err = proc.communicate()
    elapsed = time.perf_counter() - start
    watcher.join()
    global last_peak_pss
    last_peak_pss = peaks[2]
    if proc.returncode:
        print(err.decode(errors="replace")[-2000:], file=sys.stderr)
    return elapsed, peaks[0], peaks[1], proc.returncode
