"""datatrove formatter step (cleaner/adapters/datatrove_step.py), run inside a datatrove pipeline."""

import json
import pickle

import pytest

pytest.importorskip("datatrove", reason="needs the extra: pip install -e '.[datatrove]'")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from cleaner.adapters.datatrove_step import ChineseCleaner  # noqa: E402


def _documents(data=None, rank=0, world_size=1):
    yield Document(text="國(guó)務(wù)院印發通知。", id="a")
    yield Document(text="他说：鍙戝睍是硬道理", id="b")
    yield Document(text="工信部發布通知。", id="c", metadata={"url": "https://www.zhitongcaijing.com/content/1.html"})


def test_runs_inside_a_local_pipeline(tmp_path):
    out = tmp_path / "out"
    pipeline = [_documents, ChineseCleaner(details=True), JsonlWriter(str(out), compression=None)]
    LocalPipelineExecutor(pipeline, tasks=1, workers=1, logging_dir=str(tmp_path / "logs")).run()
    rows = [json.loads(line) for f in sorted(out.glob("*.jsonl")) for line in f.read_text(encoding="utf-8").splitlines()]
    assert {r["id"]: r["text"] for r in rows} == {"a": "国务院印发通知。", "b": "他说：发展是硬道理", "c": "工信部发布通知。"}
    assert {r["id"]: r["metadata"]["cleaner"]["meta"]["site"] for r in rows}["c"] == "zhitong"


def test_pickles_without_its_cleaner():
    step = ChineseCleaner()
    assert step.format("國(guó)務(wù)院") == "国务院"
    copy = pickle.loads(pickle.dumps(step))  # a Cleaner holds OpenCC objects, which do not pickle
    assert copy.config == step.config and copy.format("國(guó)務(wù)院") == "国务院"


def test_a_bad_document_passes_through_and_the_task_goes_on(tmp_path):
    def documents(data=None, rank=0, world_size=1):
        yield Document(text="國(guó)務(wù)院", id="a", metadata={"url": "http://[::1"})  # urlsplit raises on it
        yield Document(text="中文" * 20, id="b")  # over max_chars
        yield Document(text="他说：鍙戝睍是硬道理", id="c")
        yield Document(text="國務院", id="d", metadata=None)  # a reader that sets no metadata

    out = tmp_path / "out"
    step = ChineseCleaner(details=True, max_chars=30)
    LocalPipelineExecutor([documents, step, JsonlWriter(str(out), compression=None)], tasks=1, workers=1,
                          logging_dir=str(tmp_path / "logs")).run()
    rows = {r["id"]: r for f in sorted(out.glob("*.jsonl")) for r in map(json.loads, f.read_text(encoding="utf-8").splitlines())}
    assert {k: r["text"] for k, r in rows.items()} == {"a": "国务院", "b": "中文" * 20, "c": "他说：发展是硬道理", "d": "国务院"}
    assert rows["b"]["metadata"]["cleaner"]["error"].startswith("too large")


def test_a_document_s_title_metadata_is_the_page_s_own_title():
    from test_furniture_posts import ARTICLE, PIECES

    from cleaner import Cleaner

    title = "一座城市的记忆从哪里开始-城市记忆-青灯论坛"
    page = "\n".join([*ARTICLE, *PIECES])
    step = ChineseCleaner()
    (doc,) = step.run(iter([Document(text=page, id="t", metadata={"title": title})]))
    assert doc.text == Cleaner().run(page, title=title).text != Cleaner().run(page).text


def test_a_config_and_options_are_refused_together():
    from cleaner.config import Config

    with pytest.raises(TypeError, match=r"ChineseCleaner\(\): give a Config or options, not both"):
        ChineseCleaner(Config(to="zh-tw"), to="zh-hans")


def test_an_html_document_is_read_as_its_page():
    from test_io_html_field import STORY, _as_file

    (doc,) = ChineseCleaner(details=True).run(iter([Document(text=STORY, id="h", metadata={})]))
    assert doc.text == _as_file(STORY) and "首页" not in doc.text
    assert doc.metadata["cleaner"]["meta"]["author"] == "惠禾"


def test_details_as_json_text_go_through_datatrove_s_parquet_writer(tmp_path):
    # review35u: datatrove's ParquetWriter fixes its schema from the first documents; the details
    # dict's shape varies (a finding's keys, a page's meta, a failure's error): the task failed with
    # "Table schema does not match". As JSON text (details="json") the column has one type.
    pq = pytest.importorskip("pyarrow.parquet")
    from datatrove.pipeline.writers import ParquetWriter

    def documents(data=None, rank=0, world_size=1):
        yield Document(text="國務院", id="a")
        yield Document(text="他说：鍙戝睍是硬道理。\n" + "首页 > 新闻 > 国内", id="b")
        yield Document(text="中文" * 40, id="c")  # over max_chars: an error record
        yield Document(text="新华社北京电 锟斤拷" + "好" * 20, id="d")

    out = tmp_path / "out"
    step = ChineseCleaner(details="json", max_chars=60)
    LocalPipelineExecutor([documents, step, ParquetWriter(str(out), batch_size=1)], tasks=1, workers=1,
                          logging_dir=str(tmp_path / "logs")).run()
    rows = {r["id"]: r for f in sorted(out.glob("*.parquet")) for r in pq.read_table(f).to_pylist()}
    assert sorted(rows) == ["a", "b", "c", "d"]
    details = {k: json.loads(r["metadata"]["cleaner"]) for k, r in rows.items()}
    assert details["c"]["error"].startswith("too large") and details["a"]["meta"]["title"] == "国务院"
    assert any(f["kind"] for f in details["d"]["findings"])


def test_details_must_be_true_false_or_json():
    with pytest.raises(ValueError, match="details must be"):
        ChineseCleaner(details="yes")


def test_a_document_s_own_cleaner_metadata_is_kept():
    # probe37u F3: details=True replaced the user's metadata["cleaner"] silently; JSON Lines runs
    # keep a record's own field and leave the details out for it.
    step = ChineseCleaner(details=True)
    own, plain = step.run(iter([Document(text="國(guó)務(wù)院", id="a", metadata={"cleaner": "mine"}),
                                Document(text="國(guó)務(wù)院", id="b", metadata={})]))
    assert own.text == plain.text == "国务院"
    assert own.metadata["cleaner"] == "mine" and "steps" in plain.metadata["cleaner"]
