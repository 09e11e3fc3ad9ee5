"""A progress bar on stderr for long runs: MB/s, and files and files/s for folders.

Shown only on a terminal (unless asked for), so logs and pipes stay clean.
"""

from __future__ import annotations

import sys


class Progress:
    def __init__(self, total: int | None, files: int, label: str = "") -> None:
        from tqdm import tqdm

        self.bar = tqdm(total=total, unit="B", unit_scale=True, unit_divisor=1000, file=sys.stderr, smoothing=0.1, mininterval=0.5,
                        desc=label or None)
        self.files, self.files_done = files, 0

    def advance(self, size: int) -> None:
        """One more file (or batch) of ``size`` bytes done."""
        if self.files:
            self.files_done += 1
            rate = self.files_done / max(self.bar.format_dict["elapsed"], 1e-9)
            self.bar.set_postfix_str(f"{self.files_done}/{self.files} files, {rate:.0f} files/s", refresh=False)
        self.bar.update(size)

    def close(self) -> None:
        self.bar.close()


def progress_bar(total: int | None, show: bool | None, files: int = 0, label: str = "") -> Progress | None:
    """A bar for ``total`` bytes (None: unknown, the bar shows the rate), or None off a terminal
    (``show`` overrides) or with nothing to do. ``label`` names the pass: a learning run reads its
    input twice, and two bars without names look like one that started again."""
    if total == 0 or not (_on_terminal(sys.stderr) if show is None else show):
        return None
    return Progress(total, files, label)


def _on_terminal(stream) -> bool:
    """Whether ``stream`` is a terminal; a closed stream (``2>&-`` leaves ``sys.stderr`` None) is not."""
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError, AttributeError):
        return False
