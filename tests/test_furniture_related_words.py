"""The heading of a related list, one lexicon entry (cleaner/furniture/related_words.py) that its
four readers build their patterns from: related_tail, boxes, portals and the rule common/related."""

import pytest

from cleaner.furniture import boxes, portals, related_tail
from cleaner.furniture.related_words import alternation, load_related
from cleaner.furniture.rules import RuleError, load, load_file
from cleaner.furniture.boilerplate import fold_line


def test_the_entry_has_every_list():
    words = load_related()
    for name in ("relations", "leads", "others", "stories", "pieces", "boxes", "pickers", "links", "scopes", "headings", "not_boxes", "named_pages"):
        assert getattr(words, name), name
    assert "相关" in words.relations and "新闻" in words.stories and "延伸阅读" in words.headings


def test_an_entry_without_a_list_is_refused(tmp_path):
    path = tmp_path / "lexicon.toml"
    path.write_text('[related]\nrelations = ["相关"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="needs"):
        load_related(path)


def test_alternation_puts_the_longer_word_first():
    assert alternation(["排行", "排行榜"]) == "排行榜|排行"


def test_every_whole_heading_of_the_entry_cuts_the_page_by_the_rule():
    rule = next(r for r in load().sites["_common"].rules if r.id == "common/related")
    for heading in load_related().headings:
        for line in (heading, f"【{heading}】", f"{heading}:"):
            assert rule.pattern.search(fold_line(line)), line
    assert not rule.pattern.search("相关新闻发布会将于明日举行。")


def test_a_relation_and_a_piece_of_the_entry_head_a_box_for_every_generic_reader():
    """相关 (a relation) with 新闻 (a story): the foot's related list, a box inside the article and
    a portal's box over headlines all read it from the same entry."""
    words = load_related()
    for relation in words.relations:
        for piece in ("新闻", "帖子"):
            heading = relation + piece
            assert related_tail.related_heading(heading), heading
            assert portals._BOX_HEADING.fullmatch(heading), heading
    for word in words.inside:  # inside the article, the box's own words alone (review30a)
        assert boxes._RELATED_SHAPE.match(word + "新闻"), word
    assert portals._BOX_HEADING.fullmatch("本版其他帖子")
    assert related_tail.related_heading("同类应用推荐") and related_tail.related_heading("友情链接:")
    # 其他 and 热门 head an article's section with a noun that is no site's piece.
    assert not related_tail.related_heading("其他事项") and not related_tail.related_heading("热门景点")
    assert not portals._BOX_HEADING.fullmatch("其他事项")
    # A portal's box lists stories with headlines: 链接 is a related list's at the foot, not its.
    assert related_tail.related_heading("相关链接") and not portals._BOX_HEADING.fullmatch("相关链接")


def _rule_file(tmp_path, pattern):
    path = tmp_path / "site.toml"
    path.write_text(f"[site]\nid = \"x\"\n[[rule]]\nid = \"x/a\"\naction = \"truncate-after\"\npattern = '{pattern}'\n"
                    "reason = \"r\"\nexamples = [\"推荐阅读\"]\n", encoding="utf-8")
    return path


def test_a_rule_pattern_names_the_entry_as_a_named_list(tmp_path):
    rule = load_file(_rule_file(tmp_path, r"^(\L<related>)\s*:?$")).rules[0]
    assert rule.pattern.search("相关法律知识") and rule.pattern.search("猜你喜欢:")
    assert not rule.pattern.search("相关规定")
    assert "\\L" not in rule.pattern.pattern


def test_a_rule_naming_an_unknown_list_is_refused(tmp_path):
    with pytest.raises(RuleError, match="lexicon lists are related"):
        load_file(_rule_file(tmp_path, r"^\L<colours>$"))


def test_a_comparison_section_inside_the_article_and_a_profiles_works_stay():
    # review30a: 同类产品 and 关联产品 head a review's own comparison section; 作品推荐 a writer's
    # profile's last section (the entry's inside and works lists keep them from those readers).
    assert not boxes._RELATED_SHAPE.match("同类产品") and not boxes._RELATED_SHAPE.match("关联产品")
    assert not related_tail.related_heading("作品推荐") and not related_tail.related_heading("更多作品")
    assert related_tail.related_heading("相关作品")  # a relation heads a box whatever it names
