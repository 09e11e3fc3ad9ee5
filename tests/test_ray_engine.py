"""Ray Data engine (cleaner/engines/ray_engine.py, cleaner/adapters/ray_data.py): output equals the local engine's, byte for byte."""

import json
import random

import pytest

ray = pytest.importorskip("ray", reason="the Ray engine needs the extra: pip install 'cleaner[ray]'")

from conftest import FIXTURES, SEEDS, run_cli  # noqa: E402
from damage import damage_lines, damage_page  # noqa: E402

from cleaner import Cleaner  # noqa: E402
from cleaner.adapters.ray_data import CleanBatch  # noqa: E402
from cleaner.engines import ray_engine  # noqa: E402
from cleaner.config import Config  # noqa: E402


def _records() -> list[dict]:
    """Seed pages, clean articles and articles damaged each way, with a url on some."""
    arts = [p.read_text(encoding="utf-8").strip() for p in sorted((FIXTURES / "clean").glob("*.txt"))]
    texts = [p.read_text(encoding="utf-8") for p in SEEDS] + arts
    rng = random.Random(7)
    for family in ("utf8-as-gbk", "big5-as-gbk", "html-entities", "fullwidth"):
        texts.append(damage_lines(rng.choice(arts), family, rng))
    texts.append(damage_page(arts[0], 3))
    # Fields Ray's own JSON reader would change: string ids of digits, nulls, nested objects, big
    # integers and floats beyond double precision.
    records = [{"id": f"{i:04d}", "text": t, "source": "test", "n": None, "nested": {"a": {"b": "0001"}, "c": [1, 2]}}
               for i, t in enumerate(texts)]
    records[0]["url"] = "https://www.zhitongcaijing.com/content/1.html"
    return records


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def _read_output(folder) -> list[dict]:
    import pyarrow.parquet as pq

    rows = []
    for part in sorted(p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")):
        if part.suffix == ".parquet":
            rows.extend(pq.read_table(part).to_pylist())
        else:
            rows.extend(json.loads(line) for line in part.read_text(encoding="utf-8").splitlines())
    return rows


def _expected(records) -> dict[int, str]:
    cleaner = Cleaner()
    return {r["id"]: cleaner.run(r["text"], url=r.get("url")).text for r in records}


def _jsonl(records) -> str:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    lines[1] = lines[1][:-1] + ', "big": 123456789012345678901234567890, "f": 1e400, "g": 1.10}'
    return "".join(line + "\n" for line in lines) + "{not json\n"


def test_jsonl_in_jsonl_out_equals_local_byte_for_byte(tmp_path, local_ray):
    src = tmp_path / "in.jsonl"
    src.write_text(_jsonl(_records()), encoding="utf-8")
    report = ray_engine.run(str(src), str(tmp_path / "out"), Config())
    local = run_cli("--jsonl", src, "-o", tmp_path / "local.jsonl", "--jobs", "1")
    assert local.returncode == 1  # the bad line
    parts = sorted((tmp_path / "out").glob("part-*.jsonl"))
    assert b"".join(p.read_bytes() for p in parts) == (tmp_path / "local.jsonl").read_bytes()
    assert b'"id": "0000"' in parts[0].read_bytes() and b"1e400" in parts[0].read_bytes()
    assert [where for where, _ in report.failed] == [f"{src}:{len(_records()) + 1}"]  # FILE:LINE of the bad line
    assert report.cleaned == len([r for r in _records() if Cleaner().run(r["text"], url=r.get("url")).text != r["text"]])


def test_lines_are_read_as_bytes_not_as_text(tmp_path, local_ray):
    # Ray's text reader ended the run on the first non-UTF-8 byte (a traceback flood) and split
    # records at U+2028 and at a raw U+0085 inside a JSON string; CRLF endings were lost.
    lines = ['{"text": "國(guó)務(wù)院"}\r\n'.encode(), b'{"text": "\xff\xfe bad"}\n', b"\n",
             '{"id": "0000", "text": "第一\u2028第二\x85第三"}\n'.encode(), '{"text": "末"}'.encode()]
    src = tmp_path / "in.jsonl"
    src.write_bytes(b"".join(lines))
    report = ray_engine.run(str(src), str(tmp_path / "out"), Config())
    local = run_cli("--jsonl", src, "-o", tmp_path / "local.jsonl", "--jobs", "1")
    assert local.returncode == 1
    written = b"".join(p.read_bytes() for p in sorted((tmp_path / "out").glob("part-*.jsonl")))
    assert written.splitlines(keepends=True)[:3] == (tmp_path / "local.jsonl").read_bytes().splitlines(keepends=True)[:3]
    assert written.startswith('{"text": "国务院"}\r\n'.encode()) and written.count(b"\n") == 5  # the blank line too
    assert [where for where, _ in report.failed] == [f"{src}:2"]


def test_lone_cr_line_ends_are_read_and_written_as_the_local_engine_does(tmp_path, local_ray):
    # probe46: a file with classic Mac line ends (CR only) was one line, failed whole; the local
    # engine now ends lines there too (cleaner.io.lines), and Ray's output must stay its bytes.
    src = tmp_path / "in.jsonl"
    src.write_bytes(_jsonl(_records()).replace("\n", "\r").encode("utf-8"))
    report = ray_engine.run(str(src), str(tmp_path / "out"), Config())
    local = run_cli("--jsonl", src, "-o", tmp_path / "local.jsonl", "--jobs", "1")
    written = b"".join(p.read_bytes() for p in sorted((tmp_path / "out").glob("part-*.jsonl")))
    assert local.returncode == 1 and written == (tmp_path / "local.jsonl").read_bytes() and b"\n" not in written
    assert [where for where, _ in report.failed] == [f"{src}:{len(_records()) + 1}"]


def test_compressed_shards_are_read_and_a_broken_one_keeps_its_lines(tmp_path, local_ray):
    from cleaner.io.compressed import wrap_writer

    records = [f'{{"id": "{i:04d}", "text": "國(guó)務(wù)院 第{i}條。"}}\n'.encode() for i in range(400)]
    (tmp_path / "in").mkdir()
    for name in ("a.jsonl.gz", "b.jsonl.zst", "c.ndjson.bz2", "d.jsonl.xz"):
        with open(tmp_path / "in" / name, "wb") as fh, wrap_writer(fh, name) as out:
            out.write(b"".join(records))
    whole = (tmp_path / "in" / "a.jsonl.gz").read_bytes()
    (tmp_path / "in" / "e.jsonl.gz").write_bytes(whole[: len(whole) * 2 // 3])
    report = ray_engine.run(str(tmp_path / "in"), str(tmp_path / "out"), Config())
    rows = _read_output(tmp_path / "out")
    assert 4 * 400 < len(rows) < 5 * 400 and rows[0] == {"id": "0000", "text": "国务院 第0条。"}
    assert [where for where, _ in report.failed] == [str(tmp_path / "in" / "e.jsonl.gz")]
    assert "cannot read the compressed data" in report.failed[0][1]


def test_parquet_in_parquet_out_with_details(tmp_path, local_ray):
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [{k: v for k, v in r.items() if k != "url"} for r in _records()]
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "in.parquet")
    report = ray_engine.run(str(tmp_path / "in.parquet"), str(tmp_path / "out.parquet"), Config(), details=True)
    rows = _read_output(tmp_path / "out.parquet")
    expected = _expected(records)
    assert [r["id"] for r in rows] == [r["id"] for r in records]  # in input order, nothing lost
    assert {r["id"]: r["text"] for r in rows} == expected
    assert "__cleaner_events" not in rows[0]  # the engine's private column is taken off
    steps = json.loads(rows[0]["cleaner"])["steps"]
    assert any(s["name"] == "pinyin-annotations" for s in steps)
    # The run's summary counts every record (it counted none: the rows' outcomes stayed in Ray).
    changed = sum(expected[r["id"]] != r["text"] for r in records)
    assert (report.cleaned, report.unchanged, report.failed) == (changed, len(records) - changed, [])
    assert 0 < changed < len(records) and report.steps["repair"] > 0


def test_parquet_html_is_read_as_its_page_as_the_json_lines_path_reads_it(tmp_path, local_ray):
    # --engine ray over Parquet went through CleanBatch, which cleaned a page's HTML as text
    # (87 <meta>/<link> lines left on a page the JSON Lines path read whole: probe35u F1).
    import pyarrow as pa
    import pyarrow.parquet as pq
    from test_io_html_field import AGENDA, STORY, _as_file

    pq.write_table(pa.Table.from_pylist([{"id": 0, "text": AGENDA}, {"id": 1, "text": STORY}]), tmp_path / "in.parquet")
    ray_engine.run(str(tmp_path / "in.parquet"), str(tmp_path / "out.parquet"), Config())
    rows = _read_output(tmp_path / "out.parquet")
    assert [r["text"] for r in sorted(rows, key=lambda r: r["id"])] == [_as_file(AGENDA), _as_file(STORY)]


def test_parquet_with_a_cleaner_column_and_details_is_refused_in_one_line(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"text": ["國(guó)務(wù)院"], "cleaner": ["mine"]}), tmp_path / "in.parquet")
    proc = run_cli("--engine", "ray", tmp_path / "in.parquet", "-o", tmp_path / "out", "--jobs", "1", "--details")
    assert proc.returncode == 2 and b"already have a column 'cleaner'" in proc.stderr
    assert proc.stderr.count(b"\n") == 1 and not (tmp_path / "out").exists()


def test_parquet_null_text_is_passed_through_and_reported_by_row(tmp_path, local_ray):
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({"id": ["a", "b", "c"], "text": ["國(guó)務(wù)院", None, "发展"]})
    pq.write_table(table, tmp_path / "in.parquet")
    report = ray_engine.run(str(tmp_path / "in.parquet"), str(tmp_path / "out"), Config())
    assert _read_output(tmp_path / "out") == [{"id": "a", "text": "国务院"}, {"id": "b", "text": None},
                                              {"id": "c", "text": "发展"}]
    assert [where for where, _ in report.failed] == [f"{tmp_path / 'in.parquet'}:2"]
    assert "not a string" in report.failed[0][1] and (report.cleaned, report.unchanged) == (1, 1)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["part-00000.parquet"]


def test_cli_needs_input_and_an_empty_output_folder(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "国务院"}\n', encoding="utf-8")
    before = src.read_bytes()
    proc = run_cli("--engine", "ray", src)
    assert proc.returncode == 2 and b"give an output folder with -o" in proc.stderr
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "keep.txt").write_text("mine")
    proc = run_cli("--engine", "ray", src, "-o", taken)
    assert proc.returncode == 2 and b"refusing to mix runs" in proc.stderr
    assert (taken / "keep.txt").read_text() == "mine" and src.read_bytes() == before


def test_clean_batch_is_the_documented_python_entry(local_ray):
    ds = ray.data.from_items([{"text": "國(guó)務(wù)院"}, {"text": "发展"}])
    out = ds.map_batches(CleanBatch, fn_constructor_kwargs={"to": "zh-hans"}, batch_format="pyarrow", concurrency=1)
    assert sorted(r["text"] for r in out.take_all()) == ["发展", "国务院"]


def test_parquet_field_that_is_not_text_is_refused_in_one_line(tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist([{"text": 5}]), tmp_path / "in.parquet")
    proc = run_cli("--engine", "ray", tmp_path / "in.parquet", "-o", tmp_path / "out", "--jobs", "1")
    assert proc.returncode == 2 and b"not text" in proc.stderr and proc.stderr.count(b"\n") == 1


def test_a_file_that_is_no_parquet_is_refused_naming_it(tmp_path, local_ray):
    # probe45: `cleaner: Parquet magic bytes not found in footer. Either the file is corrupted or
    # this is not a parquet file.` named no input.
    from cleaner.config import Config

    (tmp_path / "in.parquet").write_bytes(b"PAR1 cut short by a download")
    with pytest.raises(ValueError, match=r"^.*in\.parquet: not a readable Parquet file \(.*magic bytes"):
        ray_engine.run(str(tmp_path / "in.parquet"), str(tmp_path / "out"), Config())


def test_learned_furniture_is_removed_as_the_local_engine_removes_it(tmp_path, local_ray):
    from test_learn import portal_pages

    src = tmp_path / "in.jsonl"
    with open(src, "w", encoding="utf-8") as fh:
        for i, (article, furniture) in enumerate(portal_pages(30)):
            fh.write(json.dumps({"id": i, "text": "\n".join(furniture[:6] + article + furniture[6:])}, ensure_ascii=False) + "\n")
    report = ray_engine.run(str(src), str(tmp_path / "out"), Config(remove_furniture=False), learn=True)
    assert any("learned 13 furniture line(s)" in message for _, message in report.notes)
    rows = _read_output(tmp_path / "out")
    assert len(rows) == 30 and not any("东湖在线 | 首页" in r["text"] for r in rows)
    local = run_cli(src, "-o", tmp_path / "local.jsonl", "--jobs", "1")  # learns by default, with the rules on
    ray_engine.run(str(src), str(tmp_path / "ray"), Config(), learn=True)
    assert local.returncode == 0, local.stderr
    assert b"".join(p.read_bytes() for p in sorted((tmp_path / "ray").glob("part-*.jsonl"))) == (tmp_path / "local.jsonl").read_bytes()


def test_clean_batch_takes_ray_s_default_numpy_batches_and_pandas_frames():
    # Ray's map_batches gives a dict of numpy arrays unless told batch_format="pyarrow" (probe19
    # D13: AttributeError 'dict' object has no attribute 'column').
    import numpy as np
    import pandas as pd

    clean = CleanBatch(to="zh-hans")
    out = clean({"text": np.array(["國(guó)務(wù)院", None], dtype=object), "id": np.array([1, 2])})
    assert list(out["text"]) == ["国务院", None] and list(out["id"]) == [1, 2]
    frame = clean(pd.DataFrame({"text": ["國(guó)務(wù)院"], "url": ["http://a.example/"]}))
    assert list(frame["text"]) == ["国务院"] and list(frame["url"]) == ["http://a.example/"]
    with pytest.raises(KeyError, match="no column 'text'"):
        clean({"body": np.array(["國"], dtype=object)})


def test_clean_batch_takes_each_row_s_title_as_a_warc_record_carries_it():
    import pyarrow as pa
    from test_furniture_posts import ARTICLE, PIECES

    title = "一座城市的记忆从哪里开始-城市记忆-青灯论坛"
    page = "\n".join([*ARTICLE, *PIECES])
    out = CleanBatch()(pa.table({"text": [page, page], "title": [title, None]}))
    assert out.column("text").to_pylist() == [Cleaner().run(page, title=title).text, Cleaner().run(page).text]
    assert out.column("title").to_pylist() == [title, None]


def test_clean_batch_refuses_to_add_a_details_column_the_batch_already_has():
    # probe37u F3: pyarrow got the column twice (Parquet written, then unreadable: "Multiple
    # matches for FieldRef.Name(cleaner)"); pandas and numpy batches lost the user's column.
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    clean = CleanBatch(details=True)
    for batch in (pa.table({"text": ["國(guó)務(wù)院"], "cleaner": ["mine"]}),
                  pd.DataFrame({"text": ["國(guó)務(wù)院"], "cleaner": ["mine"]}),
                  {"text": np.array(["國(guó)務(wù)院"], dtype=object), "cleaner": np.array(["mine"], dtype=object)}):
        with pytest.raises(ValueError, match="already has a column 'cleaner'"):
            clean(batch)
    assert CleanBatch()(pa.table({"text": ["國(guó)務(wù)院"], "cleaner": ["mine"]})).column("cleaner").to_pylist() == ["mine"]


def test_clean_batch_refuses_a_column_of_bytes():
    # probe37u F4: the bytes passed through uncleaned, row by row, with nothing said.
    import numpy as np
    import pyarrow as pa

    data = "國(guó)務(wù)院".encode()
    for kind in (pa.binary(), pa.large_binary()):
        with pytest.raises(TypeError, match="holds .*binary.*, not text"):
            CleanBatch()(pa.table({"text": pa.array([data], kind)}))
    with pytest.raises(TypeError, match="holds bytes, not text"):
        CleanBatch()({"text": np.array([data, None], dtype=object)})


def test_clean_batch_refuses_bytes_in_any_layout_or_beside_missing_values():
    # review37io: a dictionary-encoded or view column of bytes, and a pandas column of bytes beside
    # a missing value (NaN, pd.NA) or beside text, passed through uncleaned with nothing said.
    import numpy as np
    import pandas as pd
    import pyarrow as pa

    data = "國(guó)務(wù)院".encode()
    batches = [pa.table({"text": pa.array([data, data]).dictionary_encode()}),
               pa.table({"text": pa.chunked_array([[data], [None]], pa.binary())}),
               pd.DataFrame({"text": [data, np.nan]}),
               pd.DataFrame({"text": pd.Series([data, pd.NA], dtype=object)}),
               pd.DataFrame({"text": [data, "國(guó)務(wù)院"]})]
    if hasattr(pa, "binary_view"):
        batches.append(pa.table({"text": pa.array([data], pa.binary_view())}))
    for batch in batches:
        with pytest.raises(TypeError, match="not text"):
            CleanBatch()(batch)
    text = pa.table({"text": pa.array(["國(guó)務(wù)院", None]).dictionary_encode()})  # text in any layout is cleaned
    assert CleanBatch()(text).column("text").to_pylist() == CleanBatch()(pa.table({"text": ["國(guó)務(wù)院", None]})).column("text").to_pylist()
