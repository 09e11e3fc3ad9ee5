"""data-juicer mapper (cleaner/adapters/data_juicer_op.py), run by data-juicer on a dataset."""

import pickle

import pytest

pytest.importorskip("data_juicer", reason="needs the extra: pip install -e '.[data-juicer]'")

from data_juicer.core.data import NestedDataset  # noqa: E402
from data_juicer.ops.base_op import OPERATORS  # noqa: E402

from cleaner.adapters.data_juicer_op import OP_NAME, ChineseCleanerMapper  # noqa: E402


def test_runs_inside_data_juicer():
    ds = NestedDataset.from_list([{"text": "國(guó)務(wù)院印發通知。"}, {"text": "他说：鍙戝睍是硬道理"}, {"text": "已经干净。"}])
    out = ds.process([ChineseCleanerMapper(to="zh-hans")])
    assert out["text"] == ["国务院印发通知。", "他说：发展是硬道理", "已经干净。"]


def test_registered_by_name_and_shipped_to_worker_processes():
    # num_proc=2: data-juicer (through datasets) sends the operator to two worker processes.
    op = OPERATORS.modules[OP_NAME](to="zh-tw", num_proc=2)
    assert op.cleaner.clean("软件") == "軟體"  # a built Cleaner must not stop it from travelling
    ds = NestedDataset.from_list([{"text": f"软件{i}。"} for i in range(40)])
    assert ds.process([op])["text"] == [f"軟體{i}。" for i in range(40)]


def test_pickles_its_config_not_a_cleaner(tmp_path):
    op = ChineseCleanerMapper(to="zh-tw", rule_dirs=[str(tmp_path)])
    op.cleaner.clean("发展")
    from cleaner import Cleaner

    # What travels to a worker is the Config: a Cleaner holds OpenCC objects, which do not pickle.
    assert not any(isinstance(v, Cleaner) for v in vars(op).values())
    assert pickle.loads(pickle.dumps(op.config)) == op.config and op.config.rule_dirs == (str(tmp_path),)
    assert op.cleaner.clean("软件") == "軟體"


def test_a_value_that_is_not_text_passes_through_and_the_batch_goes_on():
    op = ChineseCleanerMapper(to="zh-hans")
    samples = {"text": [None, "國(guó)務(wù)院", 5]}
    assert op.process_batched(samples)["text"] == [None, "国务院", 5]


def test_every_config_option_is_taken_by_name():
    # Options the signature does not name went to data-juicer's Mapper unread (probe19 D10).
    op = ChineseCleanerMapper(to="keep", generic_furniture=False, fix_width=False, text_key="body")
    assert op.config.generic_furniture is False and op.config.fix_width is False and op.text_key == "body"


def test_a_config_is_taken_as_the_first_argument_and_options_beside_it_are_refused():
    # probe30: ChineseCleanerMapper(Config(...)) raised "unknown target script Config(...)", and
    # config= with to= and guess_lost= ignored both; the other adapters refuse that mix.
    from cleaner.config import Config

    assert ChineseCleanerMapper(Config(to="zh-tw")).config == Config(to="zh-tw")
    assert ChineseCleanerMapper(config=Config(to="zh-tw"), text_key="body").text_key == "body"
    with pytest.raises(TypeError, match=r"give a Config or options, not both \(got guess_lost, to\)"):
        ChineseCleanerMapper(config=Config(to="zh-tw"), to="zh-hans", guess_lost=False)
    with pytest.raises(TypeError, match="not both"):
        ChineseCleanerMapper(Config(), fix_width=False)
    assert ChineseCleanerMapper(guess_lost=False).config == Config(guess_lost=False)


def test_an_unknown_keyword_is_refused_naming_the_right_one(tmp_path):
    # probe30: field="body" was taken silently and "text" cleaned.
    with pytest.raises(TypeError, match=r"unknown keyword 'field'; did you mean text_key\?"):
        ChineseCleanerMapper(field="body")
    with pytest.raises(TypeError, match=r"unknown keyword 'guess_los'; did you mean guess_lost\?"):
        ChineseCleanerMapper(guess_los=False)
    # What data-juicer's recipes give every operator is taken.
    op = ChineseCleanerMapper(text_key="body", image_key="images", num_proc=1, batch_size=10, work_dir=str(tmp_path),
                              skip_op_error=True, turbo=False, auto_op_parallelism=True, image_bytes_key="image_bytes")
    assert op.text_key == "body"


def test_an_html_document_is_read_as_its_page():
    from test_io_html_field import AGENDA, STORY, _as_file

    samples = {"text": [AGENDA, STORY]}
    assert ChineseCleanerMapper(to="zh-hans").process_batched(samples)["text"] == [_as_file(AGENDA), _as_file(STORY)]


def _site_rules(tmp_path):
    (tmp_path / "jn.toml").write_text(
        '[site]\nid = "jn"\nhosts = ["jn.example"]\n\n[[rule]]\nid = "jn/welcome"\naction = "drop-line"\n'
        "pattern = '^江南俱乐部欢迎各位读者光临本站$'\nreason = \"site slogan\"\n"
        'examples = ["江南俱乐部欢迎各位读者光临本站"]\nkeeps = ["江南俱乐部今天举行了年会。"]\n', encoding="utf-8")
    return [str(tmp_path)]


def test_a_sample_s_url_picks_its_site_rules(tmp_path):
    # probe37u F2: the mapper cleaned the text alone, so a site's rules (built-in, or a file
    # `rules learn` wrote, which names its hosts) never applied in a data-juicer pipeline.
    page = "江南俱乐部今天举行了年会，会员们交流了一年来的心得体会。\n江南俱乐部欢迎各位读者光临本站"
    op = ChineseCleanerMapper(to="keep", rule_dirs=_site_rules(tmp_path))
    out = op.process_batched({"text": [page, page], "url": ["https://www.jn.example/a/1.html", None]})["text"]
    assert "欢迎各位读者" not in out[0]
    assert "欢迎各位读者" in out[1]  # no url: no site, the line is the generic model's to judge


def test_a_sample_s_title_is_the_page_s_own_title():
    from test_furniture_posts import ARTICLE, PIECES

    from cleaner import Cleaner

    title = "一座城市的记忆从哪里开始-城市记忆-青灯论坛"
    page = "\n".join([*ARTICLE, *PIECES])
    out = ChineseCleanerMapper().process_batched({"text": [page], "title": [title]})["text"]
    assert out == [Cleaner().run(page, title=title).text] != [Cleaner().run(page).text]


def test_samples_without_the_text_field_are_refused_naming_it():
    # probe45: a dataset without the field ended in `TypeError: object of type 'NoneType' has no
    # len()` from inside the operator (a plain dict: `KeyError: 'text'`); as Ray's CleanBatch does,
    # the refusal names the field, the fields there are, and the keyword to give.
    ds = NestedDataset.from_list([{"content": "國(guó)務(wù)院"}])
    with pytest.raises(Exception) as raised:
        ds.process([ChineseCleanerMapper()])
    said = "".join(str(e) for e in (raised.value, raised.value.__cause__) if e is not None)
    assert "have no field 'text' (their fields: content); pass text_key=NAME" in said
    with pytest.raises(KeyError, match="their fields: body"):
        ChineseCleanerMapper().process_batched({"body": ["x"]})
    assert ChineseCleanerMapper(text_key="content").process_batched({"content": ["國(guó)務(wù)院"]}) == {"content": ["国务院"]}


def test_a_nested_text_key_is_refused_saying_so():
    # review45: text_key="meta.body" on samples whose meta holds body was told the field was
    # missing and to pass text_key=NAME, which it had.
    with pytest.raises(KeyError, match="names a field inside 'meta'; nested fields are not read"):
        ChineseCleanerMapper(text_key="meta.body").process_batched({"meta": [{"body": "國(guó)務(wù)院"}]})
