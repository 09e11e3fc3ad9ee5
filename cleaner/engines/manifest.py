"""What produced each output of a folder run, so that a resumed run redoes exactly what is stale.

A file's modification time cannot tell: ``cp -p`` brings an older input with an old time, and a
run with other options (``--to zh-hant``) or other rules must redo everything. The manifest
(``.cleaner-manifest.jsonl`` in the output folder) holds one line per output written: the output's
relative path, a digest of the input's bytes, and the run's fingerprint (cleaner version, every
Config setting, a digest of every rule file and of the furniture lines learned, when learning,
and the JSON Lines field cleaned).
An output is fresh only when all three agree and the output is still a regular file. An output
written despite failures (records passed through unchanged, a compressed stream cut short) gets no
line, so a re-run redoes it and tells its failures again rather than calling it fresh.

Before any output is written, every output the run will write gets a line that vouches for nothing
(overruling an earlier run's); a line is appended after each output is in place (renamed). So a killed
run leaves at worst an output without its line, which the next run redoes. A torn last line is ignored. The file is
compacted (rewritten atomically, one line per output) when a run starts: only one run at a time
writes a folder (``cleaner.engines.folder_lock``), else the compaction would cut the other run's
lines off. Other lines that are no entry make the manifest damaged (``Manifest.refusal``).

A file at an output's path that the manifest does not name was not written by a run of ours (the
user's own file, or outputs whose manifest was deleted): the folder engine does not replace it
without ``--force``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from cleaner.config import Config
from cleaner.furniture import rules
from cleaner.io.output import write_atomic

NAME = ".cleaner-manifest.jsonl"


def run_fingerprint(config: Config, learned=None, field: str = "text") -> str:
    """``learned``: the lines a first pass learned (``cleaner.furniture.learn.Learned``), or None
    when learning is off; other lines learned make other outputs, so they are part of the run.
    ``field``: the JSON Lines field cleaned (``--field``); another field makes other outputs."""
    from cleaner import __version__

    settings = {"version": __version__, "config": config.fingerprint(),
                "rules": rules.fingerprint([Path(d) for d in config.rule_dirs])}
    if learned:  # nothing learned: the same outputs as without learning
        settings["learned"] = learned.fingerprint()
    if field != "text":  # the default leaves the fingerprints of earlier runs as they were
        settings["field"] = field
    return hashlib.sha256(json.dumps(settings, sort_keys=True).encode()).hexdigest()


def file_digest(path: str | Path) -> str | None:
    h = hashlib.blake2b(digest_size=16)
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def unchanged_run(out_dir: Path, inputs: dict[str, str], base: str) -> str | None:
    """The fingerprint of the learning run whose outputs are all still fresh, or None.

    A learning run's fingerprint holds the lines it learned, which only a first pass over every
    input can tell. But that pass gives the same lines again when nothing it reads changed: the
    manifest names exactly these outputs (``inputs``: output -> its input; no file added or
    removed), each written by one run with these settings (``base``: the fingerprint without
    learning) from its input's present bytes, and still in place. Then every output is up to
    date, and the pass is not run.
    """
    entries = Manifest(out_dir, "").entries
    runs = {entry.get("run") for entry in entries.values()}
    if set(entries) != set(inputs) or len(runs) != 1 or None in runs:
        return None
    for output, src in inputs.items():
        entry, dst = entries[output], out_dir / output
        if entry.get("base") != base or not dst.is_file() or dst.is_symlink() or file_digest(src) != entry.get("input"):
            return None
    return runs.pop()


class ManifestUnreadable(Exception):
    """The manifest is damaged and outputs in place cannot be told apart (``Manifest.refusal``)."""


class Manifest:
    def __init__(self, out_dir: Path, fingerprint: str, base: str | None = None) -> None:
        self.path = out_dir / NAME
        self.fingerprint = fingerprint
        self.base = base  # a learning run's fingerprint without what it learned (``unchanged_run``)
        self.entries: dict[str, dict] = {}
        self.unreadable = 0  # lines that are no entry, but a torn last one (a killed run's)
        self._fh = None
        torn = False
        try:
            with open(self.path, encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    self.unreadable += torn
                    try:
                        entry = json.loads(line)
                        self.entries[entry["output"]] = entry
                        torn = False
                    except (ValueError, KeyError, TypeError):
                        torn = True  # a line torn by a killed run, if it is the last
        except OSError:
            pass
        if torn and not self.entries:  # nothing but a line that is no entry: no torn line of a run of ours
            self.unreadable += 1

    def refusal(self, outputs: list[str]) -> str | None:
        """One line for a manifest that is damaged beyond a torn last line when ``outputs``
        (files in place that it does not name) would each be refused as not ours: the user is
        told once, with what to do, not once per output."""
        if not self.unreadable or not outputs:
            return None
        return (f"{self.path}: unreadable ({self.unreadable} line(s) are no entry), so {len(outputs)} output(s) in place "
                "cannot be told from files of your own; give --force to replace them")

    def is_fresh(self, output: str, src: Path, dst: Path) -> bool:
        entry = self.entries.get(output)
        if not entry or entry.get("run") != self.fingerprint or not dst.is_file() or dst.is_symlink():
            return False
        return file_digest(src) == entry.get("input")

    def open(self) -> None:
        """Compact what earlier runs wrote, then append this run's lines."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        if self.entries:
            write_atomic(self.path, [json.dumps(e) + "\n" for e in self.entries.values()])
        self._fh = open(self.path, "a", encoding="utf-8")

    def wrote(self, output: str) -> bool:
        """Whether a run of ours wrote (or began to write) ``output``: only such a file is
        replaced without ``--force``; any other file at an output's path may be the user's."""
        return output in self.entries

    def forget(self, outputs: list[str]) -> None:
        """Outputs about to be rewritten are fresh no more, whatever an earlier run recorded: a
        run killed, or a file failing, after its output was replaced must not leave the old line
        vouching for the new output (a ``--field body`` line for a ``--field text`` output).
        A new output gets the same line before it is written: it vouches for nothing, but tells
        a later run that the file there is ours (a run killed before its line, an output
        written despite failed records)."""
        lines = []
        for output in outputs:
            self.entries[output] = {"output": output, "input": None, "run": None}
            lines.append(json.dumps(self.entries[output]) + "\n")
        if lines and self._fh is not None:
            self._fh.writelines(lines)
            self._fh.flush()

    def record(self, output: str, input_digest: str) -> None:
        entry = {"output": output, "input": input_digest, "run": self.fingerprint}
        if self.base is not None:  # a learning run's: the same inputs learn the same lines
            entry["base"] = self.base
        self.entries[output] = entry
        if self._fh is not None:
            self._fh.write(json.dumps(entry) + "\n")
            self._fh.flush()

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

