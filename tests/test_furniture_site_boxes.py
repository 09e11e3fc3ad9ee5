"""The words of the site's boxes, validated at load (cleaner/furniture/site_boxes.py)."""

import re

import pytest

from cleaner.furniture.author_notes import heading_pattern
from cleaner.furniture.comment_blocks import vote_pattern
from cleaner.furniture.fact_cards import label_pattern
from cleaner.furniture.site_boxes import DATA, LISTS, alternation, load

GOOD = {"fact_cards": 'subjects = ["人物"]\nboxes = ["档案"]', "author_notes": 'headings = ["作者的话"]', "comments": 'votes = ["赞", "有用"]',
        "cards": 'leads = ["预约"]\nends = ["下载"]'}


def _file(tmp_path, **sections):
    """A site_boxes.toml of GOOD's sections, each replaced by ``sections``' body where it names one (None: left out)."""
    body = '[provenance]\nsource = "s"\nlicence = "l"\n'
    for name, table in {**GOOD, **sections}.items():
        if table is not None:
            body += f"[{name}]\n{table}\n"
    path = tmp_path / "site_boxes.toml"
    path.write_text(body, encoding="utf-8")
    return path


def test_the_shipped_file_loads_with_every_list():
    words = load(DATA)
    assert {section: set(keys) for section, keys in words.items()} == {s: set(k) for s, k in LISTS.items()}
    assert alternation("author_notes", "headings").index("作者有话要说") < alternation("author_notes", "headings").index("作者说")


@pytest.mark.parametrize("sections, message", [
    ({"comments": "votes = []"}, "votes must be a list"),  # an empty alternation: every line of counts a vote row
    ({"comments": 'votes = ["赞", ""]'}, "votes must be a list"),
    ({"comments": 'votes = [" 赞"]'}, "votes must be a list"),
    ({"comments": 'votes = ["赞", "赞"]'}, "votes must be a list"),
    ({"fact_cards": 'subjects = ["人物"]'}, "[fact_cards] holds subjects, boxes"),
    ({"author_notes": None}, "[author_notes] holds headings"),
    ({"comments": 'votes = ["赞"]\nvote = ["踩"]'}, "[comments] holds votes"),
    ({"widgets": 'words = ["x"]'}, "unknown section(s) widgets"),
    ({"cards": 'leads = ["预约"]'}, "[cards] holds leads, ends"),
    ({"cards": 'leads = ["预约"]\nends = []'}, "ends must be a list"),
])
def test_a_malformed_file_is_refused_by_every_reader(tmp_path, sections, message):
    path = _file(tmp_path, **sections)
    for reader in (vote_pattern, label_pattern, heading_pattern):
        with pytest.raises(ValueError, match=re.escape(message)):
            reader.__wrapped__(path)


def test_a_file_without_provenance_is_refused(tmp_path):
    path = _file(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace('licence = "l"\n', ""), encoding="utf-8")
    with pytest.raises(ValueError, match="provenance"):
        load.__wrapped__(path)


def test_a_good_file_makes_the_readers_patterns(tmp_path):
    path = _file(tmp_path)
    assert vote_pattern.__wrapped__(path).match("赞 26 有用 3") and not vote_pattern.__wrapped__(path).match("2026")
    assert label_pattern.__wrapped__(path).match("【人物档案】") and heading_pattern.__wrapped__(path).match("作者的话:")
