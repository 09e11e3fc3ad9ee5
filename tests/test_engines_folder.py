"""The folder engine over worker processes (cleaner/engines/folder.py): same files, same report."""

import json

import pytest

from cleaner.config import Config
from cleaner.engines import folder
from cleaner.engines.report import Report


def _folder(src, pages: int = 12) -> None:
    furniture = ["首页 > 新闻中心 > 国内", "责任编辑：王小明", "版权所有 © 东湖新闻网"]
    texts = ["国务院今天举行发布会，介绍经济发展情况。", "他说：鍙戝睍是硬道理。", "國(guó)務(wù)院新聞辦公室"]
    (src / "sub").mkdir(parents=True)
    for i in range(pages):
        body = "\n".join([furniture[0], f"第{i}篇：" + texts[i % len(texts)] * 3, *furniture[1:]])
        (src / ("sub" if i % 2 else "") / f"p{i}.txt").write_text(body + "\n", encoding="utf-8")
    records = [json.dumps({"text": t}, ensure_ascii=False).encode() + b"\n" for t in texts] + [b"{not json\n"]
    (src / "r.jsonl").write_bytes(b"".join(records))
    (src / "bad.txt").write_bytes(b"\xff\xfe\x00\x00" * 10)


def test_two_jobs_write_the_files_and_report_of_one_and_warm_while_learning(tmp_path, monkeypatch):
    _folder(tmp_path / "in")
    started = []
    real_pool = folder.worker_pool

    def pool(jobs, config, shared=None, *, warm=True):
        started.append(warm)
        return real_pool(jobs, config, shared, warm=warm)

    monkeypatch.setattr(folder, "worker_pool", pool)
    seen = []
    for jobs in (1, 2):
        report = Report(echo=False)
        out = tmp_path / f"out{jobs}"
        folder.run_folder(tmp_path / "in", out, Config(), report=report, jobs=jobs, learn=True)
        files = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file() and not p.name.startswith(".")}
        seen.append((files, report.failed, report.failed_records, report.steps, report.cleaned, report.unchanged))
    assert seen[0] == seen[1] and len(seen[0][0]) == 14
    # One job starts no pool; two start the learning pass's cold one, then the cleaning pool.
    assert started == [False, True]


@pytest.mark.parametrize("learn", [False, True])
def test_a_page_that_kills_its_worker_fails_alone_and_the_rest_are_written(tmp_path, monkeypatch, learn):
    # Forked workers inherit this process's load_page: one page ends its worker as the
    # out-of-memory killer would, in the cleaning pass and (learning on) first in the learning
    # pass. The run stopped with BrokenProcessPool, naming no file (probe19 D1, review19b F7).
    import os

    real = folder.load_page

    def load(data, src, **kw):
        if src.endswith("p5.txt"):
            os._exit(9)
        return real(data, src, **kw)

    monkeypatch.setattr(folder, "load_page", load)
    (tmp_path / "in").mkdir()
    for k in range(12):
        (tmp_path / "in" / f"p{k}.txt").write_text(f"东湖在线 | 首页\n第{k}篇文章的正文写在这里,内容各不相同。", encoding="utf-8")
    report = Report()
    folder.run_folder(tmp_path / "in", tmp_path / "out", Config(), report=report, jobs=2, learn=learn)
    assert [os.path.basename(where) for where, _ in report.failed] == ["p5.txt"]
    assert sorted(p.name for p in (tmp_path / "out").glob("*.txt")) == sorted(f"p{k}.txt" for k in range(12) if k != 5)
    assert (tmp_path / "out" / "p0.txt").read_text(encoding="utf-8").strip() == "第0篇文章的正文写在这里，内容各不相同。"


def _run(src, out, **kw) -> Report:
    report = Report(echo=False)
    folder.run_folder(src, out, Config(), report=report, jobs=1, **kw)
    return report


def test_a_file_in_the_output_folder_that_no_run_wrote_is_not_replaced_without_force(tmp_path):
    # probe30: `cp x.txt in/notes.txt; echo mine > out/notes.txt; cleaner in -o out` replaced the
    # user's file, exit 0, though no manifest vouched for it.
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    (src / "notes.txt").write_text("國(guó)務(wù)院新聞辦公室\n", encoding="utf-8")
    (src / "other.txt").write_text("國(guó)務(wù)院新聞辦公室\n", encoding="utf-8")
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    report = _run(src, out)
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine\n"
    assert [(where, why) for where, why in report.failed] == [
        (str(src / "notes.txt"), f"its output {out / 'notes.txt'} {folder.NOT_OURS}")]
    assert (out / "other.txt").read_text(encoding="utf-8") == "国务院新闻办公室\n"  # the rest goes on
    assert report.exit_code == 1
    report = _run(src, out, force=True)
    assert not report.failed and (out / "notes.txt").read_text(encoding="utf-8") == "国务院新闻办公室\n"
    # Outputs of earlier runs are ours, also those the manifest calls stale: a changed input, and
    # a records file with a bad record (written, but no line vouches for it). A re-run redoes
    # them without --force.
    src, out = tmp_path / "in2", tmp_path / "out2"
    src.mkdir()
    (src / "a.txt").write_text("國(guó)務(wù)院\n", encoding="utf-8")
    (src / "r.jsonl").write_bytes(b'{"text": "\\u570b(gu\\u00f3)\\u52d9(w\\u00f9)\\u9662"}\n{not json\n')
    first = _run(src, out)
    assert not first.failed and len(first.failed_records) == 1
    (src / "a.txt").write_text("國(guó)務(wù)院新聞辦公室\n", encoding="utf-8")
    again = _run(src, out)
    assert not again.failed and len(again.failed_records) == 1
    assert (out / "a.txt").read_text(encoding="utf-8") == "国务院新闻办公室\n"


def test_a_compressed_page_is_up_to_date_on_a_rerun(tmp_path):
    # probe32u F5: the manifest recorded the digest of the decompressed bytes and compared the
    # file's own: every .txt.gz page (and a gzipped .txt) was redone on every re-run.
    import gzip

    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("國(guó)務(wù)院\n", encoding="utf-8")
    (src / "b.txt.gz").write_bytes(gzip.compress("國(guó)務(wù)院\n".encode()))
    (src / "c.txt").write_bytes(gzip.compress("國(guó)務(wù)院\n".encode()))  # gzip found by content
    first = _run(src, tmp_path / "out")
    assert first.cleaned == 3 and not first.failed
    again = _run(src, tmp_path / "out")
    assert again.cleaned == 0 and again.skips == {"up to date": 3}
    (src / "b.txt.gz").write_bytes(gzip.compress("國(guó)務(wù)院新聞\n".encode()))  # changed: redone
    third = _run(src, tmp_path / "out")
    assert third.cleaned == 1 and gzip.decompress((tmp_path / "out" / "b.txt.gz").read_bytes()) == "国务院新闻\n".encode()


def test_a_file_name_with_control_characters_is_told_on_one_line(tmp_path, capsys):
    # probe32u F8: a newline in a name cut a one-line message in two; an escape reached the terminal.
    src = tmp_path / "in"
    src.mkdir()
    (src / "evil\nname.txt").write_bytes(bytes(range(256)) * 2)  # binary: fails, named
    (src / "esc\x1b[31mred.txt").write_bytes(bytes(range(256)) * 2)
    report = Report()
    folder.run_folder(src, tmp_path / "out", Config(), report=report, jobs=1)
    err = capsys.readouterr().err
    assert len(report.failed) == 2 and "\x1b" not in err
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith("cleaner: ") for line in lines)
    assert any("evil\\nname.txt" in line for line in lines) and any("esc\\x1b[31mred.txt" in line for line in lines)


def test_a_message_naming_a_file_inside_its_text_is_told_on_one_line(tmp_path, capsys):
    # probe45: the message's own path (an output not in the manifest) came raw: a newline cut the
    # line in two, a byte that was not UTF-8 showed as \udcff while its input showed \xff.
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    out.mkdir()
    for name in ("evil\nname.txt", "bad\udcffname.txt", "esc\x1b[31mred.txt"):
        (src / name).write_text("国务院印发通知,要求各地。\n", encoding="utf-8")
        (out / name).write_text("the user's own file\n", encoding="utf-8")
    report = Report()
    folder.run_folder(src, out, Config(), report=report, jobs=1)
    lines = capsys.readouterr().err.splitlines()
    assert len(report.failed) == 3 and len(lines) == 3, lines
    for shown in ("evil\\nname.txt", "bad\\xffname.txt", "esc\\x1b[31mred.txt"):
        assert sum(line.count(shown) for line in lines) == 2  # the input, and its output inside the message
    assert not any("\x1b" in line or "\udcff" in line for line in lines)


def test_a_damaged_manifest_is_one_refusal_naming_it_not_one_per_output(tmp_path):
    # probe32u F9: 100 random bytes over the manifest: every output was then refused, a line each.
    from cleaner.engines.manifest import NAME, ManifestUnreadable

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    for k in range(5):
        (src / f"p{k}.txt").write_text(f"國(guó)務(wù)院第{k}次会议\n", encoding="utf-8")
    assert _run(src, out).cleaned == 5
    (out / NAME).write_bytes(b"\x8f\x00garbage{\n\xff\xfe not json at all\nmore\n")
    with pytest.raises(ManifestUnreadable, match=f"{NAME}: unreadable .3 line.s. are no entry., so 5 output.s. in place .*--force"):
        _run(src, out)
    assert _run(src, out, force=True).cleaned == 5  # --force redoes them, and the manifest is whole again
    assert _run(src, out).skips == {"up to date": 5}
    # A line torn by a killed run is no damage: the rest of the manifest is read as it is.
    with open(out / NAME, "a", encoding="utf-8") as fh:
        fh.write('{"output": "p0.txt", "inp')
    assert _run(src, out).skips == {"up to date": 5}


def test_every_page_is_written_as_a_text_file_named_so(tmp_path):
    # probe32u F13: .php .asp .aspx pages and names without an extension kept their name once
    # extracted to text, while .htm .shtml .xhtml became .txt.
    src = tmp_path / "in"
    src.mkdir()
    html = "<html><body><p>國(guó)務(wù)院副總理馬凱近日在貴陽(yáng)調研。</p></body></html>"
    names = ["a.php", "b.ASP", "c.aspx", "d.jsp", "e", "f.htm", "g.shtml", "h.xhtml", "list.php?id=3", "list.php?id=4", "n.txt", "m.md"]
    for name in names:
        (src / name).write_text(html, encoding="utf-8")
    report = Report(echo=False)
    folder.run_folder(src, tmp_path / "out", Config(), report=report, jobs=1)
    written = sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith("."))
    assert written == sorted(["a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt", "h.txt", "list.php?id=3.txt",
                              "list.php?id=4.txt", "n.txt", "m.md"])
    assert report.cleaned == len(names) and not report.failed
    assert (tmp_path / "out" / "a.txt").read_text(encoding="utf-8") == "国务院副总理马凯近日在贵阳调研。\n"


def test_a_read_only_output_fails_named_and_force_replaces_it(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a.txt", "b.txt"):
        (src / name).write_text("國(guó)務(wù)院\n", encoding="utf-8")
    out = tmp_path / "out"
    folder.run_folder(src, out, Config(), report=Report(echo=False), jobs=1)
    (src / "a.txt").write_text("馬凱\n", encoding="utf-8")  # stale: would be redone
    (out / "a.txt").chmod(0o444)
    report = Report(echo=False)
    folder.run_folder(src, out, Config(), report=report, jobs=1)
    assert report.failed == [(str(src / "a.txt"), f"its output {out / 'a.txt'} is a read-only file; give --force to replace it")]
    assert (out / "a.txt").read_text(encoding="utf-8") == "国务院\n"
    report = Report(echo=False)
    folder.run_folder(src, out, Config(), report=report, jobs=1, force=True)
    assert not report.failed and (out / "a.txt").read_text(encoding="utf-8") == "马凯\n"


def test_a_page_that_breaks_off_is_written_failed_and_read_again_next_run(tmp_path):
    import gzip

    src = tmp_path / "in"
    src.mkdir()
    lines = "".join(f"第{i}行：國(guó)務(wù)院副總理。\n" for i in range(20000)).encode()
    (src / "cut.txt.gz").write_bytes(gzip.compress(lines)[:-100])
    for _ in range(2):  # not recorded as done: the second run reads it again and says so again
        report = Report(echo=False)
        folder.run_folder(src, tmp_path / "out", Config(), report=report, jobs=1)
        assert len(report.failed) == 1 and "the rest is lost" in report.failed[0][1] and not report.skipped
    kept = gzip.decompress((tmp_path / "out" / "cut.txt.gz").read_bytes()).decode().splitlines()
    assert 10000 < len(kept) < 20000 and kept[-1].endswith("国务院副总理。")


def test_a_saved_page_s_files_and_other_non_pages_are_skipped_by_kind_not_failed(tmp_path):
    # A browser's "Web page, complete": NAME.html beside NAME_files/ (scripts, style sheets,
    # pictures, ad frames). Its scripts were cleaned into the corpus and its pictures failed.
    src, out = tmp_path / "src", tmp_path / "out"
    assets = src / "0512_files"
    assets.mkdir(parents=True)
    (src / "0512.html").write_text("<html><body><p>国务院今天召开常务会议，研究部署有关工作。</p></body></html>", encoding="utf-8")
    (assets / "common.js").write_text('function say(msg) { return "<p>" + msg + "</p>"; }\n', encoding="utf-8")
    (assets / "ad.htm").write_text("<html><body><p>广告</p></body></html>", encoding="utf-8")
    (assets / "logo.gif").write_bytes(b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00,")
    (src / "style.css").write_text("p { margin: 0 }\n", encoding="utf-8")
    (src / "photo.JPG").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)))
    (src / "img_files").mkdir()  # no img.html beside it: an ordinary folder, read as usual
    (src / "img_files" / "note.txt").write_text("国务院今天召开常务会议。\n", encoding="utf-8")
    listed: list = []
    report = Report(echo=False)
    list(folder.plan(src, out, report, None, listed))
    skipped = {path.rsplit("/", 1)[1]: why for path, status, why in listed if status == "skipped"}
    assert set(skipped) == {"0512_files", "style.css", "photo.JPG"}
    assert "0512.html" in skipped["0512_files"] and "(image)" in skipped["photo.JPG"]
    assert report.skips == {"saved page's files": 1, "style sheet": 1, "image": 1}
    report = _run(src, out)
    assert report.exit_code == 0 and not report.failed
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")) == \
        ["0512.txt", "img_files/note.txt"]


def test_a_non_page_named_on_the_command_line_is_cleaned(tmp_path):
    page = tmp_path / "notes.js"
    page.write_text("国务院今天召开常务会议。\n", encoding="utf-8")
    report = Report(echo=False)
    assert [job[2] for job in folder.plan(tmp_path, tmp_path / "out", report, None, files=[str(page)])] == ["notes.js"]


def test_a_page_s_meta_fields_in_the_report_are_repaired_as_the_library_repairs_them(tmp_path):
    # session 35: the folder engine had its own page path; a misread <meta> field went into the
    # report's meta as read, where Cleaner.run_bytes repaired it.
    from test_engines_single import _misread_head_page

    from cleaner.pipeline import Cleaner

    src = tmp_path / "in"
    src.mkdir()
    (src / "page.html").write_bytes(_misread_head_page())
    folder.run_folder(src, tmp_path / "out", Config(), report=Report(echo=False), jobs=1, report_path=tmp_path / "r.jsonl")
    (line,) = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    library = Cleaner().run_bytes(_misread_head_page())
    assert line["meta"]["author"] == "李四" and line["meta"] == library.meta
    assert (tmp_path / "out" / "page.txt").read_text(encoding="utf-8") == library.text + "\n"


def test_a_report_to_standard_output_is_written_there_and_appends_to_a_redirected_file(tmp_path):
    # probe47: `--report -` wrote a file named "-" in the working folder (`-o -` and `rules learn -o -`
    # mean standard output); `--report /dev/stdout >> run.log` reopened the log and emptied it first.
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("國(guó)務(wù)院\n", encoding="utf-8")
    exe = Path(sys.executable).parent / "cleaner"
    for n, target in enumerate(("-", "/dev/stdout")):
        log = tmp_path / f"run{n}.log"
        log.write_text("earlier line\n", encoding="utf-8")
        with open(log, "a") as out:
            proc = subprocess.run([str(exe), str(tmp_path / "in"), "-o", str(tmp_path / f"out{n}"), "--report", target],
                                  stdout=out, stderr=subprocess.PIPE, cwd=tmp_path, timeout=300)
        assert proc.returncode == 0, proc.stderr
        lines = log.read_text(encoding="utf-8").splitlines()
        assert lines[0] == "earlier line" and json.loads(lines[1])["status"] == "cleaned" and len(lines) == 2
        assert not (tmp_path / "-").exists()


def test_a_warc_record_that_fails_is_summed_up_as_left_out_not_as_passed_through(tmp_path):
    # probe47: a folder's summary said `records failed 1 (in 1 file, passed through unchanged)` for a WARC
    # record that could not be read; a WARC record has no line to pass through, and none was written.
    def record(uri: str, body: bytes, encoding: str = "") -> bytes:
        http = (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{encoding}Content-Length: {len(body)}\r\n\r\n"
                .encode() + body)
        return (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
                f"WARC-Record-ID: <urn:uuid:{len(uri):08d}-0000-0000-0000-000000000000>\r\n"
                f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n").encode() + http + b"\r\n\r\n"

    page = "<html><body><p>國(guó)務(wù)院副總理馬凱近日在貴陽調研。</p></body></html>".encode()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "crawl.warc").write_bytes(record("http://a.com/1", page)
                                                 + record("http://a.com/22", b"\x1f\x8b\x08\x00cut", "Content-Encoding: gzip\r\n"))
    (tmp_path / "in" / "a.jsonl").write_text('{"text": "國(guó)務(wù)院"}\n{"id": 1}\n', encoding="utf-8")
    report = Report(echo=False)
    folder.run_folder(tmp_path / "in", tmp_path / "out", Config(), report=report, jobs=1, learn=False)
    assert len((tmp_path / "out" / "crawl.jsonl").read_text(encoding="utf-8").splitlines()) == 1  # the bad record is not in it
    assert "records failed 2 (in 2 files; the WARC record left out, the JSON Lines record passed through unchanged)" in report.summary()
