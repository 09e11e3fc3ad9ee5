"""Folders: clean every file under a directory into the same relative paths under another (or
files named on the command line, each into the output folder under its own name: ``files``).

Each file is picked by its name (``cleaner.io.kinds``): a page (text or HTML) becomes a text file,
JSON Lines and WARC files become JSON Lines. Inputs are only read, never written. Outputs are
written atomically and recorded in the output folder's manifest, so an interrupted run never
leaves half a file and a re-run redoes exactly what is stale (``cleaner.engines.manifest``). A bad
file is reported and the rest go on; non-regular files (FIFOs, devices) are skipped without being
opened, and folder symlinks are not followed; both are reported. An output that is a read-only
file is not replaced (that file fails, named) unless ``force``.

With ``learn`` (the CLI's default), a first pass over every input learns the lines that recur
across the folder's documents (``cleaner.furniture.learn``): pages are read, cleaned with their
furniture left in and split in the worker processes (``cleaned_lines``), records files are
streamed in this one; nothing is written. The second pass
removes the learned lines of each document's site while cleaning it. The learned lines are part
of the run's fingerprint: a page added to the folder can change what is learned, and then every
output is redone.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from cleaner.config import Config, DocumentTooLarge
from cleaner import interrupts
from cleaner.engines import manifest as manifests
from cleaner.engines.folder_lock import FolderLock
from cleaner.engines.jsonl import clean_lines
from cleaner.engines.progress import progress_bar
from cleaner.engines.report import Recorder, Report, WriteBack, learning_pass, replay, shown
from cleaner.engines.workers import DIED, WORKER_DIED, after_first, in_order, warm_up, worker_pool
from cleaner.furniture.learn import Learned, Learner, cleaned_lines, document_site, remove_learned
from cleaner.pipeline import Cleaner
from cleaner.io.decode import NotText
from cleaner.io.compressed import BrokeOff, read_all
from cleaner.io.page import as_file_text, is_blank, load_page, page_changed
from cleaner.io.kinds import input_kind, not_a_page, output_name, saved_page_of
from cleaner.io.output import is_stream, read_only, remove_stale_temporaries, write_atomic


@dataclass(frozen=True)
class Job:
    src: str
    dst: str
    output: str  # relative path under the output folder (the manifest's key)
    kind: str
    details: bool  # the page-describing detectors, for --report
    writeback: WriteBack
    field: str = "text"
    group: str = ""  # where a document with no URL and no recognised site is counted (its folder)
    learned: Learned | None = None  # learned lines this file's documents may lose (only its site's, for a page)


def plan(src_dir: Path, out_dir: Path, report: Report, manifest: manifests.Manifest | None,
         listed: list[tuple[str, str, str]] | None = None, files: list[str] | None = None) -> Iterator[tuple[str, str, str, str]]:
    """(input, output, relative output, kind) for every regular file under ``src_dir``, in order,
    or for each of ``files`` (inputs named on the command line: each output named by the file's
    own name, directly under ``out_dir``).

    Outputs the manifest knows to be fresh are counted as skipped (none when ``manifest`` is None).
    Two inputs whose outputs would have one name (``a.html`` and ``a.txt`` both give ``a.txt``):
    the second fails, named. A folder that cannot be listed fails, named (its files are not seen).
    ``listed`` gets (path, "skipped" or "failed", why) for every unit that is not a job, so a
    per-file report names every unit the summary counts.
    """

    def skip(where: str, why: str, reason: str) -> None:
        report.skip(reason)
        if listed is not None:
            listed.append((where, "skipped", why))

    def fail(where: str, why: str) -> None:
        report.fail(where, why)
        if listed is not None:
            listed.append((where, "failed", why))

    def unlisted(exc: OSError) -> None:  # os.walk would pass over a folder it cannot read
        fail(exc.filename or str(src_dir), exc.strerror or str(exc))

    taken: dict[str, str] = {}

    def one(src: Path, rel: Path) -> tuple[str, str, str, str] | None:
        """The job of one file the walk (or the command line) gave, or None when it is none."""
        try:
            st = os.stat(src)
        except FileNotFoundError:
            if os.path.islink(src):
                fail(str(src), f"broken symbolic link (to {os.readlink(src)}, which does not exist)")
                return None
            st = None  # gone since it was listed: reported as the job fails to read it
        except OSError:
            st = None  # reported as the job fails to read it
        if st is not None and not stat.S_ISREG(st.st_mode):
            skip(str(src), "not a regular file (FIFO, socket or device)", "not a regular file")
            report.note(str(src), "not a regular file (FIFO, socket or device); skipped")
            return None
        output = str(rel.with_name(output_name(rel.name)))
        dst = out_dir / output
        if output in taken:
            fail(str(src), f"its output {output} is also the output of {taken[output]}; not cleaned (rename one of them)")
            return None
        taken[output] = str(src)
        if manifest is not None and manifest.is_fresh(output, src, dst):
            skip(str(src), "up to date", "up to date")
            return None
        return str(src), str(dst), output, input_kind(src.name)

    if files is not None:  # files named on the command line: each under its own name, in the order given
        for src in files:
            if (job := one(Path(src), Path(Path(src).name))) is not None:
                yield job
        return
    for root, dirs, files_here in os.walk(src_dir, onerror=unlisted):
        hidden = sorted(n for n in dirs + files_here if n.startswith("."))
        if hidden:
            # .git, editors' files, and our own manifest and temporaries: never pages to clean.
            for name in hidden:
                skip(os.path.join(root, name), "hidden", "hidden")
            report.note(root, f"{len(hidden)} hidden file(s) or folder(s) skipped: {', '.join(hidden[:3])}{' ...' if len(hidden) > 3 else ''}")
        dirs[:] = sorted(n for n in dirs if not n.startswith("."))
        for name, page in [(n, p) for n in dirs if (p := saved_page_of(n, files_here)) is not None]:
            # A saved page's scripts, pictures and ad frames: none of it is the page's text.
            dirs.remove(name)
            skip(os.path.join(root, name), f"the files of the saved page {page}; name them on the command line to clean them",
                 "saved page's files")
        for name in sorted(dirs):
            if os.path.islink(os.path.join(root, name)):
                skip(os.path.join(root, name), "folder symlink not followed", "folder symlink")
                report.note(os.path.join(root, name), "folder symlink not followed; skipped")
        for name in sorted(n for n in files_here if not n.startswith(".")):
            src = Path(root) / name
            if (kind := not_a_page(name)) is not None:
                skip(str(src), f"not a text page ({kind}); name it on the command line to clean it", kind)
                continue
            if (job := one(src, src.relative_to(src_dir))) is not None:
                yield job


IN_FLIGHT = 4  # files a worker is given ahead of the one written next


def run_folder(src_dir: Path, out_dir: Path, config: Config, *, report: Report, jobs: int | None = None,
               force: bool = False, progress: bool | None = None, report_path: Path | None = None,
               learn: bool = False, field: str = "text", files: list[str] | None = None) -> Report:
    """Clean ``src_dir`` into ``out_dir``; ``report`` counts every file and owns the exit code.

    ``files``: clean these files (``cleaner a.html b.html -o out/``) instead of the folder's, each
    into ``out_dir`` under its own output name, as one folder run (one manifest, learned together);
    ``src_dir`` then only names them in messages.

    ``learn``: learn the folder's recurring lines in a first pass and remove them in the second.
    ``field``: the field cleaned in JSON Lines files (WARC pages become records with ``text``).
    ``report_path``: one JSON line per unit counted: cleaned, unchanged, failed or skipped.
    """
    if report.writeback is not WriteBack.WRITE:  # --check, --diff: nothing is written, no lock
        return _run_folder(src_dir, out_dir, config, report, jobs, force, progress, report_path, learn, field, files)
    with FolderLock(out_dir):  # before any work: a second run is refused, an unwritable folder too
        return _run_folder(src_dir, out_dir, config, report, jobs, force, progress, report_path, learn, field, files)


def _run_folder(src_dir: Path, out_dir: Path, config: Config, report: Report, jobs: int | None, force: bool,
                progress: bool | None, report_path: Path | None, learn: bool, field: str, files: list[str] | None) -> Report:
    write = report.writeback is WriteBack.WRITE
    listed: list[tuple[str, str, str]] | None = [] if report_path else None  # units that are not jobs: (path, status, why)
    every = [Job(src, dst, output, kind, report_path is not None, report.writeback,
                 field=field if kind == "jsonl" else "text", group=_group(src_dir, src, files is not None))
             for src, dst, output, kind in plan(src_dir, out_dir, report, None, listed, files)]
    jobs = max(1, jobs or os.cpu_count() or 1)
    per_file = None
    running: list = []  # the worker passes under way, stopped at once on an interrupt
    bar = None
    manifest = None

    try:
        if report_path:  # opened before the learning pass: a report that cannot be written is refused first
            per_file = _report_file(report_path)
        if write and not force:  # before any work: one line for a damaged manifest, not one per output
            known = manifests.Manifest(out_dir, "")
            if refusal := known.refusal([job.output for job in every if not_ours(job, known)]):
                raise manifests.ManifestUnreadable(refusal)
        learned, sites = None, {}
        base = manifests.run_fingerprint(config, None, field=field)
        # Every output up to date from the same inputs: learning again would learn the same lines.
        reused = manifests.unchanged_run(out_dir, {job.output: job.src for job in every}, base) \
            if learn and every and write and not force else None
        if learn and every and reused is None:
            # The learning pass's workers start cold (each builds the tables its pages need on
            # first use), and this process builds the cleaning pool's tables meanwhile (0.4 s it
            # would otherwise spend before any of them starts).
            with learning_pass(report, str(src_dir)):
                learned, sites = learn_folder(every, config, jobs, progress, meanwhile=lambda: warm_up(config), running=running)
        if learned:
            report.note(str(src_dir), f"learned {learned.line_count()} furniture line(s) of {len(learned.lines)} site(s) "
                                      f"from {learned.documents} document(s)")
        fingerprint = reused or manifests.run_fingerprint(config, learned, field=field)
        manifest = manifests.Manifest(out_dir, fingerprint, base if learn else None) if write else None
        work = []
        for job in every:
            if manifest is not None and not force and manifest.is_fresh(job.output, Path(job.src), Path(job.dst)):
                report.skip("up to date")
                if listed is not None:
                    listed.append((job.src, "skipped", "up to date"))
                continue
            if manifest is not None and not force and (why := not_ours(job, manifest) or read_only_output(job)):
                report.fail(job.src, why)
                if listed is not None:
                    listed.append((job.src, "failed", why))
                continue
            work.append(_with_learned(job, learned, sites))
        sizes = {job.src: _file_size(job.src) for job in work}
        bar = progress_bar(sum(sizes.values()), progress, files=len(work), label="cleaning" if learned is not None else "")
        if per_file:
            for where, status, why in listed or ():  # the report names every unit the summary counts
                key = "error" if status == "failed" else "reason"
                per_file.write(json.dumps({"input": shown(where), "status": status, key: why}, ensure_ascii=False) + "\n")
        if write:
            remove_stale_temporaries(_outputs(every, out_dir))
            manifest.open()
            manifest.forget([job.output for job in work])
        if jobs < 2 or len(work) < 2:
            results = ((job, clean_file(job, config)) for job in work)
        else:
            running.append(in_order(lambda size: worker_pool(size or jobs, config), clean_file,
                                    ((job, config) for job in work), IN_FLIGHT * jobs))
            results = ((job, Outcome(error=WORKER_DIED) if outcome is DIED else outcome) for (job, _), outcome in running[-1])
        for job, outcome in results:
            _collect(job, outcome, report, manifest, per_file)
            if bar is not None:
                bar.advance(sizes.get(job.src, 0))
    except BaseException:
        for workers_pass in running:
            workers_pass.close()  # in_order stops its pool
        if write:
            remove_stale_temporaries(_outputs(every, out_dir))
        raise
    finally:
        if per_file:
            per_file.close()
        if manifest is not None:
            manifest.close()
        if bar is not None:
            bar.close()
    return report


def _report_file(path: Path):
    """The ``--report`` file, opened for writing; ``-`` or ``/dev/stdout`` is standard output itself,
    as ``-o -`` is: its descriptor, not a reopening (which would empty a file it is redirected to
    with ``>>``), and never closed with the report."""
    if is_stream(path):
        return open(1, "w", encoding="utf-8", closefd=False)
    return open(path, "w", encoding="utf-8")


NOT_OURS = ("exists and is not named in the output folder's manifest (not written by cleaner, or by an older "
            "version, or its manifest was lost); give --force to replace it")


def not_ours(job: Job, manifest: manifests.Manifest) -> str | None:
    """Why ``job`` must not replace its output: a file there that no run of ours wrote (the
    manifest names every output a run began to write), which may be the user's own work."""
    if _regular_file(job.dst) and not manifest.wrote(job.output):  # anything else write_atomic refuses, named
        return f"its output {job.dst} {NOT_OURS}"
    return None


def read_only_output(job: Job) -> str | None:
    """Why ``job`` must not replace its output: a read-only file (``chmod 444``, a user's way of
    saying keep it), which ``cp`` would refuse too; ``--force`` replaces it."""
    if read_only(job.dst):
        return f"its output {job.dst} is a read-only file; give --force to replace it"
    return None


@dataclass
class Outcome:
    error: str | None = None
    input_digest: str = ""
    events: list | None = None  # records files: what each record came to
    details: dict | None = None  # pages: the result without its text


def clean_file(job: Job, config: Config) -> Outcome:
    """Clean one file (in a worker process); never raises for a bad file."""
    try:
        if job.kind in ("jsonl", "warc"):
            return _clean_records_file(job, config)
        # The digest the freshness check compares: of the file's bytes as stored (a compressed
        # page's digest of its decompressed bytes would make it stale on every re-run); taken
        # before reading, so a file that changes meanwhile is redone.
        digest = manifests.file_digest(job.src) or ""
        broke = None
        try:
            data = read_all(job.src, config.max_bytes)
        except BrokeOff as exc:  # the lines before the break are cleaned and written; the file fails
            broke, data = str(exc), exc.data
        page = load_page(data, job.src, sniff=config.strip_markup)
        result = Cleaner.for_config(config).run_page(page, details=job.details)  # as every path cleans a page
        if job.learned:
            remove_learned(result, job.learned, document_site(page.text, None, job.group, config), details=job.details)
        new = as_file_text(result.text)
        details = {k: v for k, v in result.to_dict().items() if k != "text"}
        details["changed"] = page_changed(page, result.text)
        interrupts.check()  # a signal a library swallowed: this file's output is not written
        if is_blank(data):
            details["findings"].append({"kind": "empty-input", "position": -1, "detail": "empty file; nothing to clean", "count": 1})
        if job.writeback is WriteBack.WRITE:
            write_atomic(Path(job.dst), new)
        elif job.writeback is WriteBack.DIFF and details["changed"]:
            details["diff"] = (page.text, new)
        # A page that broke off is written, but fails: its output is not what a whole file makes,
        # so the manifest does not record it and a re-run reads it again (as a records file's break).
        return Outcome(broke, digest, details=details)
    except (NotText, DocumentTooLarge) as exc:
        interrupts.reraise(exc)
        return Outcome(str(exc))
    except OSError as exc:
        interrupts.reraise(exc)
        return Outcome(exc.strerror or str(exc))
    except BaseException as exc:  # one bad file must not stop the batch; a signal must
        if not interrupts.is_document_failure(exc):
            raise
        interrupts.reraise(exc)
        return Outcome(f"internal error ({type(exc).__name__}: {exc})")


def _clean_records_file(job: Job, config: Config) -> Outcome:
    from cleaner.engines.records_source import record_lines

    digest = manifests.file_digest(job.src) or ""  # before reading: a file that grows is redone
    log = Recorder()
    lines = record_lines(job.src, job.kind, log=log)
    # Records get no "cleaner" details here: --report describes files, and must not change outputs.
    if job.kind == "warc":  # the records' text was extracted from HTML
        config = config.for_extracted_text()
    out = clean_lines(lines, config, name=job.src, field=job.field, details=False, writeback=job.writeback, log=log,
                      learned=job.learned, group=job.group)
    if job.writeback is WriteBack.WRITE:
        write_atomic(Path(job.dst), out)
    else:
        for _ in out:
            pass
    return Outcome(None, digest, events=log.events)


def _collect(job: Job, outcome: Outcome, report: Report, manifest, per_file) -> None:
    finished = outcome.error is None  # read to its end: a re-run may skip it
    failed = outcome.error is not None
    if outcome.error:
        report.fail(job.src, outcome.error)
    elif outcome.events is not None:
        # A records file is one unit of the folder's count; its records are told as FILE:LINE.
        # One count of messages for the whole run: a wrong --field is told a few times, not per file.
        records = Report(report.writeback, echo=report.echo, err=report.err, out=report.out, said=report.said)
        replay(records, outcome.events)
        # A failure of the file itself, not of one record (FILE:LINE), is a compressed stream that
        # broke off: what was read is written, but the file counts as failed (printed already).
        # Records that failed were passed through as they were: the summary counts them apart.
        # Either way the output is not what a clean run makes, so the manifest does not record
        # it: a re-run reads the file again (and says so again).
        broke = [(where, why) for where, why in records.failed if where == job.src]
        bad_records = [f for f in records.failed if f[0] != job.src]
        finished = not records.failed
        steps = [{"action": k, "count": v} for k, v in records.steps.items()]
        if broke:
            failed = True
            report.failed.extend(broke)
            report.steps.update({step["action"]: step["count"] for step in steps})
        else:
            report.done(job.src, records.cleaned > 0, steps)
        report.failed_records.extend(bad_records)  # already printed
        if job.kind == "warc":  # a WARC record that failed has no line to pass through: it is left out
            report.records_left_out += len(bad_records)
        report.notes.extend(records.notes)
        outcome.details = {"changed": records.cleaned > 0, "records": records.cleaned + records.unchanged + len(records.failed),
                           "cleaned": records.cleaned, "failed": len(records.failed)}
        if records.skipped:  # a WARC file's records that are no page (requests, images, a 404)
            outcome.details["skipped"] = dict(records.skips)
    else:
        d = outcome.details
        report.done(job.src, d["changed"], d["steps"], d["findings"], d["meta"].get("site", ""))
        if "diff" in d:
            report.diff(job.src, *d.pop("diff"))
    if finished and manifest is not None:
        manifest.record(job.output, outcome.input_digest)
    if per_file:
        status = "failed" if failed else "cleaned" if (outcome.details or {}).get("changed") else "unchanged"
        line = {"input": shown(job.src), "status": status}
        line.update({"error": outcome.error} if outcome.error else {k: v for k, v in (outcome.details or {}).items() if k != "changed"})
        per_file.write(json.dumps(line, ensure_ascii=False) + "\n")


def _regular_file(path: str) -> bool:
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except OSError:
        return False


def _file_size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _group(src_dir: Path, src: str, named: bool = False) -> str:
    """The group of a file's documents that have no URL and no recognised site: its folder (a
    file ``named`` on the command line: the folder it is in, as a folder run of that folder says)."""
    if named:
        return "folder:" + Path(src).resolve().parent.name
    parent = Path(src).parent.relative_to(src_dir)
    return "folder:" + (src_dir.resolve().name if parent == Path(".") else parent.as_posix())


def _records_group(job: Job) -> str:
    return "file:" + Path(job.src).name


def learn_folder(work: list[Job], config: Config, jobs: int, progress: bool | None,
                 meanwhile: Callable[[], None] | None = None, running: list | None = None,
                 log=None) -> tuple[Learned, dict[str, str]]:
    """The first pass: count the lines of every document (no cleaning); also each page's site.

    Pages are read, cleaned with their furniture left in and split (``cleaned_lines``) in ``jobs``
    worker processes, which start before this process builds any table (each builds what it
    needs on first use); records files are streamed here, a
    record at a time. ``meanwhile()`` runs here once the workers have pages to read (only with
    workers). A page whose worker dies counts nothing (the cleaning pass tells it). ``running``
    gets the workers' pass, for an interrupt to stop. ``log`` is told the files (and breaks) that
    could not be read; without it they are left to the cleaning pass, which reads them again.
    """
    learner = Learner()
    sites: dict[str, str] = {}
    pages = [job for job in work if job.kind not in ("jsonl", "warc")]
    records = [job for job in work if job.kind in ("jsonl", "warc")]
    bar = progress_bar(sum(_file_size(job.src) for job in work), progress, files=len(work), label="learning")
    try:
        if jobs < 2 or len(pages) < 2:
            counted = ((job, page_lines(job, config)) for job in pages)
        else:
            read = in_order(lambda size: worker_pool(size or jobs, config, warm=False), page_lines,
                            ((job, config) for job in pages), LEARN_AHEAD * jobs)
            if running is not None:
                running.append(read)
            counted = ((job, (None, {}) if lines is DIED else lines) for (job, _), lines in after_first(read, meanwhile))
        for job, (site, lines) in counted:
            if site is not None:
                sites[job.src] = site
                learner.add_lines(lines, site)
            elif log is not None:
                log.fail(job.src, "could not be read; nothing learned from it")
            if bar is not None:
                bar.advance(_file_size(job.src))
        for job in records:
            learn_records_file(learner, job.src, job.kind, config, field=job.field, group=_records_group(job), log=log)
            if bar is not None:
                bar.advance(_file_size(job.src))
    finally:
        if bar is not None:
            bar.close()
    return learner.learned(), sites


LEARN_AHEAD = 32  # pages a learning worker is given ahead: work for it while meanwhile() runs here


def page_lines(job: Job, config: Config) -> tuple[str | None, dict[str, str]]:
    """A page's site and its countable lines (in a worker); (None, {}) for a file that cannot be read."""
    try:
        page = load_page(read_all(job.src, config.max_bytes), job.src, sniff=config.strip_markup)
    except BaseException as exc:  # reported by the second pass, which reads it again; a signal stops the run
        if not interrupts.is_document_failure(exc):
            raise
        interrupts.reraise(exc)
        return None, {}
    interrupts.check()
    cleaning = config.for_extracted_text() if page.is_html else config  # as clean_file cleans it
    return document_site(page.text, None, job.group, config), cleaned_lines(page.text, cleaning)


def learn_records_file(learner: Learner, src: str, kind: str, config: Config, *, field: str, group: str, log=None) -> None:
    """Count the records of one JSON Lines or WARC file; bad records are skipped (the second pass
    reports them); a file that breaks off or cannot be read is told to ``log``, if given."""
    from cleaner.engines.jsonl import learn_lines
    from cleaner.engines.records_source import InputError, record_lines

    try:
        lines = record_lines(src, kind, log=log if log is not None else Recorder(), use="learned from")
        learn_lines(learner, lines, config, field=field, group=group)
    except (InputError, OSError) as exc:
        if log is not None:  # else reported by the second pass
            log.fail(src, exc.strerror or str(exc))  # an InputError's message is its own


def _with_learned(job: Job, learned: Learned | None, sites: dict[str, str]) -> Job:
    """The job with what its worker needs of the learned table: a page only its own site's lines."""
    from dataclasses import replace

    if not learned:
        return job
    if job.kind in ("jsonl", "warc"):
        return replace(job, learned=learned.for_workers(), group=_records_group(job))
    site = sites.get(job.src)
    if site not in learned.lines:
        return job
    return replace(job, learned=Learned({site: learned.lines[site]}))


def _outputs(jobs: list[Job], out_dir: Path) -> list[Path]:
    """Every file a folder run may write under ``out_dir``: its outputs and its manifest."""
    return [*(Path(job.dst) for job in jobs), Path(out_dir) / manifests.NAME]
