"""A post's platform syntax keeps its signs (cleaner/social.py, through the pipeline)."""

from cleaner import social
from cleaner.pipeline import Cleaner

POST = ("转发理由：这个必须转[doge] //@小鱼儿_2008:有道理[赞] //@老王在路上:#城市夜景(组图)# 今晚的灯光真美,大家快来看。\n"
        "@追风少年Leo：据医生介绍，此次生育不但对她的身体造成伤害。")


def test_spans():
    assert [POST[a:b] for a, b in social.syntax_spans(POST)] == [
        "@小鱼儿_2008:", "@老王在路上:", "#城市夜景(组图)#", "@追风少年Leo"]


def test_no_spans_in_addresses_or_headings():
    text = "联系邮箱 editor@example.com。\n## 标题 ##\nC# 和 F# 都是语言。"
    assert social.syntax_spans(text) == []


def test_repost_chain_keeps_its_colons():
    out = Cleaner().clean(POST)
    assert "//@小鱼儿_2008:有道理[赞] //@老王在路上:#城市夜景(组图)#" in out
    assert "今晚的灯光真美，大家快来看。" in out  # the post's own words cleaned as usual
    assert "@追风少年Leo：据医生介绍" in out


def test_emoji_in_a_name():
    out = Cleaner().clean("必须转🎉 //@一颗柠檬🍋:同感[赞]")
    assert "//@一颗柠檬🍋:同感" in out
