"""What a run did, and what it does with results: one Report and one WriteBack for every engine.

Every engine (one file or stdin, folders, JSON Lines, WARC, Ray) counts its units here: a unit is
a file, a record or a page. The report prints problems as they happen (one line each, naming the
file, and the line for records), keeps the counts, and owns the exit code:

- 0: everything was cleaned (or was already clean);
- 1: some unit failed or was passed through unchanged because of a problem, or, with
  ``--check`` or ``--diff``, something would change;
- 2 is decided before any work (usage, configuration, unreadable single input): not here.

Notes (a BOM that disagrees with its bytes, a page whose every line the rules removed, an empty
file, a folder symlink not followed) are printed as ``cleaner: WHERE: note: ...`` and do not
change the exit code.

One mistake can repeat on every record (a wrong ``--field`` on a million-line file): the same
message (digits aside) is printed ``SHOWN_PER_MESSAGE`` times, then once more as "not shown again";
the count and the summary still hold every unit.
"""

from __future__ import annotations

import difflib
import enum
import re
import sys
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TextIO


class WriteBack(enum.Enum):
    WRITE = "write"  # write the cleaned units
    CHECK = "check"  # write nothing anywhere; exit 1 if anything would change
    DIFF = "diff"  # print a unified diff per changed unit; write nothing


# Findings worth a line on stderr in every mode (notes: they do not change the exit code): each
# asks the user to act (check the input, fetch the page again).
TOLD_FINDINGS = frozenset({"bom-mismatch", "all-lines-removed", "all-lines-learned", "empty-input", "bytes-gone",
                           "lost-text"})
SHOWN_PER_MESSAGE = 5
_DIGITS = re.compile(r"\d+")


@dataclass
class Report:
    writeback: WriteBack = WriteBack.WRITE
    echo: bool = True  # print problems and notes to stderr as they come
    err: TextIO | None = None  # where they go (stderr by default)
    out: TextIO | None = None  # where diffs go (stdout by default)
    cleaned: int = 0
    unchanged: int = 0
    skips: Counter = field(default_factory=Counter)  # why units were skipped ("up to date") -> how many
    failed: list[tuple[str, str]] = field(default_factory=list)
    # Folder runs: records (FILE:LINE) that failed inside a records file that was still written
    # (passed through unchanged, already printed); the file is counted once, these apart.
    failed_records: list[tuple[str, str]] = field(default_factory=list)
    records_left_out: int = 0  # of those, WARC records: no line of theirs to pass through, so none written
    notes: list[tuple[str, str]] = field(default_factory=list)
    steps: Counter = field(default_factory=Counter)
    sites: Counter = field(default_factory=Counter)
    said: Counter = field(default_factory=Counter)  # message (digits as 0) -> times it came

    def done(self, where: str, changed: bool, steps: list[dict] = (), findings: list[dict] = (), site: str = "") -> None:
        """A unit that went through the cleaner (``steps``/``findings`` as in ``Result.to_dict``).

        Steps count only for a unit that changed: a step that leaves the written text as it was
        (paragraph spacing redone the same, a final newline) is no change to report.
        """
        if changed:
            self.cleaned += 1
            for step in steps:
                self.steps[step["action"]] += step["count"]
        else:
            self.unchanged += 1
        if site:
            self.sites[site] += 1
        for finding in findings:
            if finding["kind"] in TOLD_FINDINGS:
                self.note(where, finding_message(finding))

    def skip(self, reason: str, count: int = 1) -> None:
        """Units not looked at, and why: outputs up to date, hidden or non-regular files."""
        self.skips[reason] += count

    @property
    def skipped(self) -> int:
        return sum(self.skips.values())

    def fail(self, where: str, message: str) -> None:
        self.failed.append((where, message))
        self._say(where, message)

    def note(self, where: str, message: str) -> None:
        """Told, marked ``note:`` so that it does not read as a failure; the exit code stays."""
        self.notes.append((where, message))
        self._say(where, message, "note: ")

    def diff(self, where: str, old: str, new: str) -> None:
        """With ``--diff``: the unit's change as a unified diff on stdout."""
        where = shown(where)
        lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                     fromfile=where, tofile=f"{where} (cleaned)")
        out = self.out or sys.stdout
        for line in lines:
            out.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        out.flush()

    def _say(self, where: str, message: str, kind: str = "") -> None:
        key = _DIGITS.sub("0", message)
        self.said[key] += 1
        times = self.said[key]
        if not self.echo or times > SHOWN_PER_MESSAGE + 1:
            return
        if times == SHOWN_PER_MESSAGE + 1:
            message = f"{message} (and so on: this message is not shown again; the summary counts every unit)"
        # The message too: it may name an output or a link's target (`its output OUT/a\nb.txt exists`).
        print(f"cleaner: {shown(where)}: {kind}{shown(message)}", file=self.err or sys.stderr, flush=True)

    @property
    def not_shown(self) -> int:
        return sum(max(0, n - SHOWN_PER_MESSAGE - 1) for n in self.said.values()) if self.echo else 0

    @property
    def changes_found(self) -> bool:
        return self.writeback is not WriteBack.WRITE and self.cleaned > 0

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.failed_records or self.changes_found else 0

    def summary(self, unit: str = "files") -> str:
        verb = "would change" if self.writeback is not WriteBack.WRITE else "cleaned"
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.steps.items()))
        parts = [f"{verb} {self.cleaned}", f"unchanged {self.unchanged}"]
        if self.skipped:
            why = ", ".join(reason if len(self.skips) == 1 else f"{reason} {n}" for reason, n in sorted(self.skips.items()))
            parts.append(f"skipped {self.skipped} ({why})")
        parts.append(f"failed {len(self.failed)}")
        if self.failed_records:
            files = len({where.rsplit(":", 1)[0] for where, _ in self.failed_records})
            failed, left_out = len(self.failed_records), self.records_left_out
            fate = (", passed through unchanged" if not left_out else ", left out" if left_out == failed else
                    f"; the WARC record{'s' if left_out != 1 else ''} left out, the JSON Lines "
                    f"record{'s' if failed - left_out != 1 else ''} passed through unchanged")
            parts.append(f"records failed {failed} (in {files} file{'s' if files != 1 else ''}{fate})")
        if self.not_shown:
            parts.append(f"{self.not_shown} repeated messages not shown")
        return f"{unit}: " + ", ".join(parts) + (f"; steps: {kinds}" if kinds else "")


def shown(name: str) -> str:
    """A file name as it can be printed on one line (``cleaner.io.once.printable``)."""
    from cleaner.io.once import printable

    return printable(name)


def finding_message(finding: dict) -> str:
    return finding.get("detail") or finding["kind"]


class Recorder:
    """What a worker process saw, kept to be replayed into the parent's Report in input order."""

    def __init__(self) -> None:
        self.events: list[tuple[str, tuple]] = []

    def done(self, *args) -> None:
        self.events.append(("done", args))

    def fail(self, *args) -> None:
        self.events.append(("fail", args))

    def diff(self, *args) -> None:
        self.events.append(("diff", args))

    def note(self, *args) -> None:
        self.events.append(("note", args))

    def skip(self, *args) -> None:
        self.events.append(("skip", args))


def replay(report: Report, events: list[tuple[str, tuple]]) -> None:
    for method, args in events:
        getattr(report, method)(*args)


@contextmanager
def learning_pass(report, where: str):
    """The first pass of a run that learns furniture: a stop inside it says that nothing of the pass
    is kept (a stop after it is resumed from the partial output; this one starts again)."""
    from cleaner import interrupts

    try:
        yield
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt) or interrupts.pending() is not None:
            report.note(where, "stopped while learning furniture, the first of two passes: nothing was written and "
                               "nothing of the pass is kept, so a new run learns again (--no-learn skips the pass)")
        raise
