"""Ray Data engine (cleaner/ray_engine.py): its output equals the local engine's, record for record."""

import json
import random

import pytest

ray = pytest.importorskip("ray")

from conftest import FIXTURES, SEEDS, run_cli  # noqa: E402
from damage import damage_lines, damage_page  # noqa: E402

from cleaner import Cleaner  # noqa: E402
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
    records = [{"id": i, "text": t, "source": "test"} for i, t in enumerate(texts)]
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


def test_jsonl_in_jsonl_out_equals_local(tmp_path, local_ray):
    records = _records()
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    ray_engine.run(str(src), str(tmp_path / "out"), Config())
    rows = _read_output(tmp_path / "out")
    assert [r["id"] for r in rows] == [r["id"] for r in records]  # every record, in input order
    expected = _expected(records)
    assert {r["id"]: r["text"] for r in rows} == expected
    assert all(r["source"] == "test" for r in rows)  # other fields kept


def test_parquet_in_parquet_out_with_details(tmp_path, local_ray):
    import pyarrow as pa
    import pyarrow.parquet as pq

    records = [{k: v for k, v in r.items() if k != "url"} for r in _records()]
    pq.write_table(pa.Table.from_pylist(records), tmp_path / "in.parquet")
    ray_engine.run(str(tmp_path / "in.parquet"), str(tmp_path / "out.parquet"), Config(), details=True)
    rows = _read_output(tmp_path / "out.parquet")
    assert {r["id"]: r["text"] for r in rows} == _expected(records)
    steps = json.loads(rows[0]["cleaner"])["steps"]
    assert any(s["name"] == "pinyin-annotations" for s in steps)


def test_cli_needs_input_and_an_empty_output_folder(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text('{"text": "国务院"}\n', encoding="utf-8")
    before = src.read_bytes()
    proc = run_cli("--engine", "ray", src)
    assert proc.returncode == 2 and b"give INPUT and -o OUT" in proc.stderr
    taken = tmp_path / "taken"
    taken.mkdir()
    (taken / "keep.txt").write_text("mine")
    proc = run_cli("--engine", "ray", src, "-o", taken)
    assert proc.returncode == 2 and b"refusing to mix runs" in proc.stderr
    assert (taken / "keep.txt").read_text() == "mine" and src.read_bytes() == before


def test_clean_batch_is_the_documented_python_entry(local_ray):
    ds = ray.data.from_items([{"text": "國(guó)務(wù)院"}, {"text": "发展"}])
    out = ds.map_batches(ray_engine.CleanBatch, fn_constructor_kwargs={"to": "zh-hans"}, batch_format="pyarrow", concurrency=1)
    assert sorted(r["text"] for r in out.take_all()) == ["发展", "国务院"]
