"""JSON Lines, read and written back exactly (cleaner/io/jsonl.py, cleaner/engines/jsonl.py)."""

import codecs
import json

import pytest

from cleaner.config import Config
from cleaner.engines.jsonl import clean_lines
from cleaner.engines.report import Report, WriteBack
from cleaner.io.jsonl import BadRecord, parse_record
from conftest import run_cli


def _clean(lines: list[bytes], **kw) -> tuple[list[bytes], Report]:
    report = Report(kw.setdefault("writeback", WriteBack.WRITE), echo=False)
    out = list(clean_lines(lines, Config(), name="in.jsonl", log=report, **kw))
    return out, report


def test_only_the_cleaned_value_changes_every_other_byte_is_kept():
    line = '{"id":"0000",  "text": "國(guó)務(wù)院", "n": 123456789012345678901234567890123, "f": 1e400, "g": 1.10, "x": null, "o": {"a": [1, "0001"]}}\n'
    out, report = _clean([line.encode()])
    assert out == [line.replace('"國(guó)務(wù)院"', '"国务院"').encode()]
    assert report.cleaned == 1 and not report.failed


def test_unchanged_record_is_written_back_byte_for_byte():
    line = b'{"text":"\\u53d1\\u5c55", "id": 1}\r\n'  # escapes and a CRLF ending: kept as they were
    assert _clean([line])[0] == [line]


@pytest.mark.parametrize("line, why", [
    (b"{not json\n", "not valid JSON"),
    (b"[1, 2]\n", "not a JSON object"),
    (b'{"text": NaN}\n', "NaN is not JSON"),
    (b'{"text": "\xff"}\n', "not UTF-8"),
    (b'{"id": 5}\n', "has no field 'text' (its fields: 'id')"),
    (b'{"text": 5}\n', "has a non-string field 'text'"),
    (b'{"text": "\\ud800"}\n', "lone surrogates"),
    (b'{"text": "x"} trailing\n', "extra data"),
    (b"{" * 100000 + b"\n", "not valid JSON"),
])
def test_bad_record_is_reported_and_passed_through_and_the_stream_goes_on(line, why):
    good = '{"text": "國(guó)務(wù)院"}\n'.encode()
    out, report = _clean([good, line, good])
    assert out == [b'{"text": "\xe5\x9b\xbd\xe5\x8a\xa1\xe9\x99\xa2"}\n', line, b'{"text": "\xe5\x9b\xbd\xe5\x8a\xa1\xe9\x99\xa2"}\n']
    assert [where for where, _ in report.failed] == ["in.jsonl:2"] and why in report.failed[0][1]


def test_bom_is_accepted_and_kept_and_blank_lines_kept_in_place():
    # probe30: the file's BOM was dropped from the output.
    out, report = _clean([codecs.BOM_UTF8 + b'{"text": "\xe5\x8f\x91\xe5\xb1\x95"}\n', b"\n", b'{"text": "x"}'])
    assert out == [codecs.BOM_UTF8 + b'{"text": "\xe5\x8f\x91\xe5\xb1\x95"}\n', b"\n", b'{"text": "x"}'] and report.unchanged == 2
    out, report = _clean([codecs.BOM_UTF8 + '{"text": "國(guó)務(wù)院"}\n'.encode()])  # a cleaned first record keeps it too
    assert out == [codecs.BOM_UTF8 + '{"text": "国务院"}\n'.encode()] and report.cleaned == 1


def test_a_bom_where_files_were_joined_is_no_part_of_its_record():
    # cat a.jsonl b.jsonl: b's BOM starts a line in the middle of the stream.
    good = '{"text": "國(guó)務(wù)院"}\n'.encode()
    out, report = _clean([good, codecs.BOM_UTF8 + good])
    assert out == [b'{"text": "\xe5\x9b\xbd\xe5\x8a\xa1\xe9\x99\xa2"}\n'] * 2 and not report.failed


def test_details_added_last_and_other_field():
    line = '{"body": "國(guó)務(wù)院", "text": 1}\n'.encode()
    out, _ = _clean([line], field="body", details=True)
    record = json.loads(out[0])
    assert list(record) == ["body", "text", "cleaner"] and record["body"] == "国务院"
    assert record["cleaner"]["steps"][0]["name"] == "pinyin-annotations"


def test_check_and_diff_write_nothing():
    line = '{"text": "國(guó)務(wù)院"}\n'.encode()
    out, report = _clean([line], writeback=WriteBack.CHECK)
    assert out == [] and report.exit_code == 1
    out, report = _clean([b'{"text": "x"}\n'], writeback=WriteBack.CHECK)
    assert out == [] and report.exit_code == 0


def test_parse_record_spans():
    rec = parse_record('{"a": {"b": [1, 2]}, "c" : "d"}')
    assert rec.spans == {"a": (6, 19), "c": (27, 30)} and rec.get("c") == "d"
    with pytest.raises(BadRecord):
        parse_record('{"a": 1,}')


def test_cli_compressed_in_and_out(tmp_path):
    import gzip

    import zstandard

    data = "".join(json.dumps({"id": f"{i:04d}", "text": "國(guó)務(wù)院"}, ensure_ascii=False) + "\n" for i in range(3)).encode()
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(data))
    (tmp_path / "in.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    expected = data.decode().replace("國(guó)務(wù)院", "国务院")
    for name, out, read in (("in.jsonl.gz", "out.jsonl.zst", lambda b: zstandard.ZstdDecompressor().decompressobj().decompress(b)),
                            ("in.jsonl.zst", "out.jsonl.gz", gzip.decompress)):
        proc = run_cli(tmp_path / name, "-o", tmp_path / out)
        assert proc.returncode == 0, proc.stderr
        assert read((tmp_path / out).read_bytes()).decode() == expected


def test_compressed_input_that_breaks_off_keeps_the_records_read_before_the_break(tmp_path):
    import gzip

    records = b"".join(b'{"id": %d, "text": "\xe5\x9c\x8b"}\n' % i for i in range(3000))  # 國 -> 国
    (tmp_path / "in.jsonl.gz").write_bytes(gzip.compress(records)[:-30])
    proc = run_cli(tmp_path / "in.jsonl.gz", "-o", tmp_path / "out.jsonl", "--no-learn")
    assert proc.returncode == 1
    broke = [line for line in proc.stderr.decode().splitlines() if "cannot read the compressed data" in line]
    assert len(broke) == 1 and broke[0].startswith(f"cleaner: {tmp_path / 'in.jsonl.gz'}: ") and "after line" in broke[0]
    out = (tmp_path / "out.jsonl").read_bytes().splitlines()
    assert 0 < len(out) < 3000 and all(json.loads(line)["text"] == "国" for line in out)
    assert [json.loads(line)["id"] for line in out] == list(range(len(out)))  # in order, none skipped


def test_compressed_input_unreadable_from_its_start_is_one_line_and_writes_nothing(tmp_path):
    (tmp_path / "in.jsonl.gz").write_bytes(b"not gzip at all\n")
    proc = run_cli(tmp_path / "in.jsonl.gz", "-o", tmp_path / "out.jsonl")
    assert proc.returncode == 2 and proc.stderr.count(b"\n") == 1 and b"in.jsonl.gz" in proc.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_cli_output_is_complete_despite_bad_records(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"text": "\\ud800"}\n{"n": 1' + b"0" * 5000 + b', "text": "x"}\n{"text": 1e400}\n')
    proc = run_cli(src, "-o", tmp_path / "out.jsonl", "--jobs", "1")
    assert proc.returncode == 1
    assert (tmp_path / "out.jsonl").read_bytes() == src.read_bytes()  # every record, byte for byte


def test_a_record_the_learning_pass_cannot_read_costs_that_record_not_the_run(tmp_path):
    # Learning is on by default and reads every record first: a value nested deeper than the JSON
    # parser goes, or a url urlsplit rejects, once ended the whole run with nothing written.
    src = tmp_path / "in.jsonl"
    deep = b'{"meta": ' + b"[" * 100_000 + b"]" * 100_000 + b', "text": "x"}'
    good = '{"url": "http://[::1", "text": "國(guó)務(wù)院"}\n'.encode()
    src.write_bytes(good + deep + b"\n" + '{"text": "他说：鍙戝睍是硬道理"}\n'.encode())
    proc = run_cli(src, "-o", tmp_path / "out.jsonl", "--jobs", "1")
    assert proc.returncode == 1 and b"in.jsonl:2: not valid JSON (nested too deeply)" in proc.stderr
    lines = (tmp_path / "out.jsonl").read_bytes().splitlines()
    assert [json.loads(lines[0])["text"], lines[1], json.loads(lines[2])["text"]] == ["国务院", deep, "他说：发展是硬道理"]


def test_a_json_error_names_its_column_once():
    from cleaner.io.jsonl import BadRecord, parse_record

    with pytest.raises(BadRecord) as caught:
        parse_record('{"a": "abc')
    assert " at at " not in str(caught.value) and "column" in str(caught.value)


def test_a_key_is_cut_from_a_record_with_its_comma():
    from cleaner.io.jsonl import parse_record

    cases = {'{"a": 1, "_x": {"b": [1]}, "text": "t"}': '{"a": 1, "text": "t"}',
             '{"a": 1, "_x": 2}': '{"a": 1}', '{"_x": 2}': '{}', '{"_x": 2 , "b":3}': '{"b":3}',
             '{"a\\"": 1,"_x":2,"c":3}': '{"a\\"": 1,"c":3}', '{"a": 1}': '{"a": 1}'}
    for line, cut in cases.items():
        assert parse_record(line).without("_x").line == cut


def test_html_evidence_is_read_back_by_line_number():
    from cleaner.io.jsonl import HTML_EVIDENCE, evidence_value, html_evidence, parse_record

    text = "首页\n正文第一段。\n相关"
    value = evidence_value(text, frozenset({"首页", "相关"}), {"首页": "region:class=nav", "正文第一段。": "article"})
    assert value == {"linked": [0, 2], "roles": {"0": "region:class=nav", "1": "article"}}
    record = parse_record(json.dumps({HTML_EVIDENCE: value, "text": text}, ensure_ascii=False))
    assert html_evidence(record, text) == (frozenset({"首页", "相关"}), {"首页": "region:class=nav", "正文第一段。": "article"})
    # A malformed value, or line numbers past the text, give nothing rather than fail.
    broken = parse_record(json.dumps({HTML_EVIDENCE: {"linked": ["x", 9], "roles": [1]}, "text": text}))
    assert html_evidence(broken, text) == (frozenset(), {})


def test_html_evidence_keeps_each_occurrences_role():
    # A menu's 国际 and the article's subheading 国际: each line number carries its own role.
    from cleaner.io.jsonl import HTML_EVIDENCE, evidence_value, html_evidence, parse_record

    text = "国际\n正文第一段。\n国际\n正文第二段。"
    roles = {"国际": ("region:class=nav", "article"), "正文第一段。": "article", "正文第二段。": "article"}
    value = evidence_value(text, frozenset({"国际"}), roles)
    assert value["roles"] == {"0": "region:class=nav", "1": "article", "2": "article", "3": "article"}
    record = parse_record(json.dumps({HTML_EVIDENCE: value, "text": text}, ensure_ascii=False))
    assert html_evidence(record, text)[1] == roles


def test_a_users_field_named_like_the_warc_evidence_is_kept_and_never_read():
    # Only records a WARC file made carry the markup evidence (review28b: a user's field of that
    # name was deleted, and its value read as the page's evidence).
    from cleaner.io.jsonl import HTML_EVIDENCE

    line = json.dumps({"id": 1, HTML_EVIDENCE: {"linked": [0], "roles": {"0": "article"}},
                       "text": "國(guó)務(wù)院"}, ensure_ascii=False) + "\n"
    out, _ = _clean([line.encode()])
    assert json.loads(out[0]) == {"id": 1, HTML_EVIDENCE: {"linked": [0], "roles": {"0": "article"}}, "text": "国务院"}
    unchanged = json.dumps({"id": 2, HTML_EVIDENCE: "mine", "text": "这是一段正常的文字。"}, ensure_ascii=False) + "\n"
    assert _clean([unchanged.encode()])[0] == [unchanged.encode()]


def test_lines_of_no_one_file_keep_no_bom():
    # review30b: Ray hands each line alone (number 1 every time) and writes part files of many:
    # every input file's BOM landed in the middle of a part file.
    good = '{"text": "國(guó)務(wù)院"}\n'.encode()
    out, _ = _clean([codecs.BOM_UTF8 + good], bom_kept=False)
    assert out == [b'{"text": "\xe5\x9b\xbd\xe5\x8a\xa1\xe9\x99\xa2"}\n']


def test_the_ray_engines_lines_keep_no_bom():
    # Its batch callable, run as Ray runs it: each line alone, lines of many files in one part file.
    from cleaner.engines.ray_engine import _CleanLines

    good = '{"text": "國(guó)務(wù)院"}\n'.encode()
    batch = {"raw": [codecs.BOM_UTF8 + good, codecs.BOM_UTF8 + good], "path": ["a.jsonl", "b.jsonl"], "broke": ["", ""]}
    out = _CleanLines(Config(), "text", False)(batch)["line"]
    assert out == [b'{"text": "\xe5\x9b\xbd\xe5\x8a\xa1\xe9\x99\xa2"}\n'] * 2


@pytest.mark.parametrize("field, path", [("text", ("text",)), ("meta.text", ("meta", "text")), (r"a\.b.c", ("a.b", "c")),
                                         (r"a\\.b", ("a\\", "b")), ("a.b.c.d", ("a", "b", "c", "d"))])
def test_a_field_names_a_path_of_keys_and_an_escaped_dot_is_a_dot(field, path):
    from cleaner.io.jsonl import field_path

    assert field_path(field) == path


@pytest.mark.parametrize("field", ["a..b", ".text", "text.", ""])
def test_a_field_with_an_empty_key_is_refused(field):
    from cleaner.io.jsonl import BadField, field_path

    with pytest.raises(BadField):
        field_path(field)


def test_a_nested_value_is_found_and_replaced_in_place_every_other_byte_kept():
    from cleaner.io.jsonl import parse_record

    record = parse_record('{"id": "0000", "content": { "text" : "旧", "n": 1e400 }, "z": [1]}')
    value, span = record.find(("content", "text"))
    assert value == "旧" and record.line[span[0]:span[1]] == '"旧"'
    assert record.replaced(span, "新").line == '{"id": "0000", "content": { "text" : "新", "n": 1e400 }, "z": [1]}'
    assert record.find(("content", "missing")) is None and record.find(("id", "x")) is None
