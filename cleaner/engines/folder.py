"""Folders: clean every file under a directory into the same relative paths under another.

Inputs are only read, never written. Outputs are written atomically (temp file + rename), so an
interrupted run never leaves half a file. A bad file is reported and skipped; the Report owns the
exit code. Worker processes each build their own Cleaner (OpenCC objects do not pickle).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from cleaner.config import Config, DocumentTooLarge
from cleaner.io.decode import NotText

_worker_cleaner = None


@dataclass
class Report:
    cleaned: int = 0
    unchanged: int = 0
    skipped: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # cleaned, but a rule was skipped
    steps: Counter = field(default_factory=Counter)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed or self.warnings else 0

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(self.steps.items()))
        return (
            f"cleaned {self.cleaned}, unchanged {self.unchanged}, skipped {self.skipped}, failed {len(self.failed)}"
            + (f"; steps: {kinds}" if kinds else "")
        )


def as_file_text(text: str) -> str:
    """Text files end with a newline; an empty article stays empty."""
    return text + "\n" if text else ""


def write_atomic(path: Path, text: str | Iterable[str]) -> None:
    """Write a text, or stream its pieces, to a temp file beside ``path``, then rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.writelines([text] if isinstance(text, str) else text)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def write_output(dst: Path | None, pieces: Iterable[str]) -> None:
    """Write ``pieces`` atomically to ``dst``, or as UTF-8 to stdout when ``dst`` is None."""
    if dst is not None:
        write_atomic(dst, pieces)
        return
    out = sys.stdout.buffer
    for piece in pieces:
        out.write(piece.encode("utf-8"))
    out.flush()


def overwrite_error(src: str, dst: Path) -> str | None:
    """The one-line refusal when writing ``dst`` would replace the input ``src``."""
    if src != "-" and dst.exists() and dst.resolve() == Path(src).resolve():
        return f"{dst}: refusing to overwrite the input"
    return None


def output_dir_error(src: Path, output: str | None) -> str | None:
    """The one-line refusal for a folder run: no output directory, or one inside the input."""
    if not output:
        return f"{src}: is a directory; give an output directory with -o"
    out = Path(output).resolve()
    if out == src.resolve() or src.resolve() in out.parents:
        return f"{out}: output directory must not be inside the input directory {src}"
    return None


# Touches every lazily built table: the character model, the rare-character class, the script
# classes, the OpenCC converters and the GBK tables.
WARM_UP_TEXT = "他说：鍙戝睍是硬道理。國(guó)務(wù)院?!半p創”平臺"


def worker_pool(jobs: int, config: Config, rule_dirs) -> ProcessPoolExecutor:
    """Worker processes that start with every table already built.

    The tables are built here first: forked workers share them (copy-on-write) instead of each
    holding its own 70 MB. Where processes are spawned, each reads its own from the tables cache.
    """
    from cleaner.pipeline import Cleaner

    Cleaner(config, rule_dirs=rule_dirs).run(WARM_UP_TEXT)
    return ProcessPoolExecutor(jobs, initializer=_init_worker, initargs=(config, rule_dirs))


def _init_worker(config: Config, rule_dirs) -> None:
    global _worker_cleaner
    from cleaner.pipeline import Cleaner

    _worker_cleaner = Cleaner(config, rule_dirs=rule_dirs)


def _clean_one(job: tuple[str, str, bool]) -> tuple[str, str | None, bool, dict]:
    """Clean one file; returns (input, error or None, changed, result as a dict without text).

    The job's flag asks for the page-describing detectors (``Cleaner.run(details=...)``): only a
    ``--report`` shows them; steps and rule time-outs, which the summary needs, are always there.
    """
    src, dst, details = job
    try:
        data = Path(src).read_bytes()
        if not data:
            return src, "empty file, nothing to clean", False, {}
        result = _worker_cleaner.run_bytes(data, details=details)
        write_atomic(Path(dst), as_file_text(result.text))
        details = {k: v for k, v in result.to_dict().items() if k != "text"}
        return src, None, result.changed, details
    except (NotText, DocumentTooLarge) as exc:
        return src, str(exc), False, {}
    except OSError as exc:
        return src, exc.strerror or str(exc), False, {}
    except Exception as exc:  # one bad file must not stop the batch
        return src, f"{type(exc).__name__}: {exc}", False, {}


def plan(src_dir: Path, out_dir: Path, force: bool = False) -> tuple[list[tuple[str, str]], int]:
    """Jobs for every file under src_dir; outputs newer than their inputs are skipped unless force."""
    jobs, skipped = [], 0
    for root, dirs, files in os.walk(src_dir):
        dirs.sort()
        for name in sorted(files):
            src = Path(root) / name
            dst = out_dir / src.relative_to(src_dir)
            if not force and dst.exists():
                try:
                    if dst.stat().st_mtime >= src.stat().st_mtime:
                        skipped += 1
                        continue
                except OSError:
                    pass
            jobs.append((str(src), str(dst)))
    return jobs, skipped


def run_folder(src_dir: Path, out_dir: Path, config: Config, *, rule_dirs=None, jobs: int | None = None,
               force: bool = False, progress: bool | None = None, report_path: Path | None = None) -> Report:
    work, skipped = plan(src_dir, out_dir, force)
    report = Report(skipped=skipped)
    jobs = max(1, jobs or os.cpu_count() or 1)
    work = [(src, dst, report_path is not None) for src, dst in work]
    sizes = {src: _file_size(src) for src, _, _ in work}
    bar = progress_bar(sum(sizes.values()), "B", progress, files=len(work))
    per_file = open(report_path, "w", encoding="utf-8") if report_path else None
    try:
        if jobs == 1 or len(work) < 2:
            _init_worker(config, rule_dirs)
            _collect(map(_clean_one, work), report, bar, per_file, sizes)
        else:
            with worker_pool(jobs, config, rule_dirs) as pool:
                _collect(pool.map(_clean_one, work, chunksize=4), report, bar, per_file, sizes)
    finally:
        if per_file:
            per_file.close()
        if bar is not None:
            bar.close()
    return report


def _collect(results, report: Report, bar, per_file, sizes: dict[str, int]) -> None:
    for src, error, changed, details in results:
        if error:
            report.failed.append((src, error))
        elif changed:
            report.cleaned += 1
        else:
            report.unchanged += 1
        for step in details.get("steps", []):
            report.steps[step["action"]] += step["count"]
        report.warnings.extend((src, message) for message in timeout_messages(details.get("findings", [])))
        if per_file:
            line = {"input": src, "status": "failed" if error else "cleaned" if changed else "unchanged"}
            line.update({"error": error} if error else details)
            per_file.write(json.dumps(line, ensure_ascii=False) + "\n")
        if bar is not None:
            bar.files_done += 1
            bar.set_postfix_str(f"{bar.files_done}/{bar.files} files, {bar.files_done / max(bar.format_dict['elapsed'], 1e-9):.0f} files/s", refresh=False)
            bar.update(sizes.get(src, 0))


def timeout_messages(findings: list[dict]) -> list[str]:
    """One line per rule that hit the regex time-out (findings as in ``Result.to_dict``)."""
    return [f"rule {f['detail']!r} timed out (regex_timeout) and was skipped" for f in findings if f["kind"] == "rule-timeout"]


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def progress_bar(total: int | None, unit: str, show: bool | None, files: int = 0):
    """A progress bar on stderr in bytes (MB/s), only on a terminal unless ``show`` says otherwise.

    ``files``: also count files (folder runs) in the bar's postfix, with their rate.
    """
    if total == 0 or not (sys.stderr.isatty() if show is None else show):
        return None
    from tqdm import tqdm

    bar = tqdm(total=total, unit=unit, unit_scale=True, unit_divisor=1000, file=sys.stderr, smoothing=0.1, mininterval=0.5)
    bar.files, bar.files_done = files, 0
    return bar
