"""A page's question to its reader with its two answers to click (widgets.feedback, family
rating): 这篇文章对您有帮助吗？ 有帮助 没帮助 — a question, then a word and its negation."""

import pytest

from cleaner.furniture.boilerplate import fold_line, remove_furniture
from cleaner.furniture.features import normalise
from cleaner.furniture.portals import form, load_words


def fam(line: str) -> str:
    return form(normalise(fold_line(line)), load_words())


@pytest.mark.parametrize("line", [
    "这篇文章对您有帮助吗？ 有帮助 没帮助",
    "这篇文章有帮助吗？ 有用 没用",
    "您对本页内容满意吗？ 满意 不满意",
    "這篇文章對您有幫助嗎？ 有幫助 沒幫助",  # Traditional, folded
])
def test_a_question_with_its_two_opposite_answers_is_a_feedback_widget(line):
    assert fam(line) == "rating"


@pytest.mark.parametrize("line", [
    "他问：你去不去？ 去 不去",  # a speaker's turn
    "你到底要不要？ 要 不要",  # one-letter answers: a reply's
    "谁说的？ 他说 不对",  # two answers, not a word and its negation
    "这篇文章对您有帮助吗？",  # the question alone
])
def test_a_question_without_a_pair_of_opposites_has_no_family(line):
    assert fam(line) == ""


def test_the_widget_under_an_article_goes_and_the_article_stays():
    article = ["申请个人养老金账户，需要先在银行开立资金账户，再通过国家社会保险公共服务平台完成登记。",
               "每年缴存上限为一万二千元，缴存的金额可以在个人所得税前扣除，领取时按百分之三单独计税。",
               "账户里的钱可以购买储蓄存款、理财产品、商业养老保险和公募基金，具体产品以公布名单为准。"]
    kept = remove_furniture("\n".join(["个人养老金怎么开户", *article, "这篇文章对您有帮助吗？ 有帮助 没帮助"]), ()).text.split("\n")
    assert "这篇文章对您有帮助吗？ 有帮助 没帮助" not in kept
    assert all(line in kept for line in article)


def test_a_surveys_numbered_questions_are_the_articles():
    # review30a: a survey article's own questions with their answers went as a feedback widget.
    for line in ("1.您对社区卫生服务满意吗？ 满意 不满意", "（二）您是否愿意担任社区志愿者？ 愿意 不愿意"):
        assert fam(line) == ""
