"""A "?" standing for a character an encoder could not write (cleaner/lost_chars.py)."""

import pytest

from cleaner import Cleaner
from cleaner.lost_chars import lost_character_marks

SIMPLIFIED = "新华社北京电，国务院总理今天出席了会议并发表讲话。"


def _saved_as_big5(text: str) -> str:
    # A Simplified text saved in a code page that lacks half its characters.
    return text.encode("big5", errors="replace").decode("big5")


def test_marks_of_characters_big5_lacks_are_found_where_they_are():
    damaged = _saved_as_big5(SIMPLIFIED)
    assert sum(b - a for a, b in lost_character_marks(damaged)) == damaged.count("?")


@pytest.mark.parametrize("text", [
    "你好吗?我很好。",  # after a question particle
    "他说怎么办?大家都不知道。",  # a question word in the clause
    "这是为什么?因为下雨了。",
    "真的是你?",  # ends the text
    "What?中文",  # after ASCII
    "他问：谁来了?",
    "你来了?我不信。他走了?真的。",  # two questions after particles: no sure mark on the page
])
def test_question_marks_are_not_lost_characters(text):
    assert lost_character_marks(text) == []


def test_the_cleaner_keeps_the_marks_and_reports_them_and_a_second_clean_changes_nothing():
    damaged = _saved_as_big5(SIMPLIFIED)
    result = Cleaner(to="keep").run(damaged)
    assert "？" not in result.text and result.text.count("?") == damaged.count("?")
    assert sum(f.kind == "lost-characters" for f in result.findings) == len(lost_character_marks(damaged))
    assert Cleaner(to="keep").run(result.text).text == result.text


def test_a_real_question_mark_is_still_made_fullwidth():
    assert Cleaner(to="keep").run("你好吗?我很好。").text == "你好吗？我很好。"


def test_on_a_page_with_marks_a_question_ending_in_a_particle_stays_a_question():
    text = "新?社北京?，国务院今天开会。论文题为《物体惯性与其所含能量有关吗?》。"
    assert [text[a:b] for a, b in lost_character_marks(text)] == ["?", "?"]


def test_informal_questions_written_with_an_ascii_mark_are_questions():
    for text in ("这个办法可行?我觉得不行。", "楼主你到底来不来?我等你半天了。他说好?我看未必。"):
        assert lost_character_marks(text) == []
        assert "？" in Cleaner(to="keep").run(text).text


def test_a_long_page_reports_every_mark_at_its_own_place_not_a_urls():
    damaged = "详见 http://a.cn/x.php?id=1 网页。" + _saved_as_big5(SIMPLIFIED + "他指出，这项工作关系全局，必须抓紧抓好，各地要认真落实。" * 2)
    result = Cleaner(to="keep").run(damaged)
    places = [f.position for f in result.findings if f.kind == "lost-characters"]
    assert places == [a for a, b in lost_character_marks(result.text)]
    assert result.text.index("?") not in places  # the URL's
    assert len(places) >= 6


# --- the runs' patterns, "?" first, against the look-behind-first ones they replace -----------

import re  # noqa: E402

from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from native_inputs import SETTINGS  # noqa: E402

from cleaner import lost_chars  # noqa: E402
from cleaner.chardata import HAN_CLASS  # noqa: E402

# As written before session 31 (tried at every character of a page): the oracle of the "?"-first forms.
_LOOK_BEHIND_RUN = re.compile(f"(?<=[{HAN_CLASS}])\\?{{1,4}}(?=[{HAN_CLASS}，、；：,;:])|(?<=[，、；：])\\?{{1,4}}(?=[{HAN_CLASS}])")
_LOOK_BEHIND_ANY_RUN = re.compile(f"(?<=[{HAN_CLASS}，、；：])\\?{{1,4}}|\\?{{1,4}}(?=[{HAN_CLASS}])")


@SETTINGS
@given(st.text(alphabet=st.sampled_from(list("中文院?？，、；：,;:。a1 \n々") + ["\U00020000"]), max_size=40))
def test_the_question_mark_first_runs_are_the_look_behind_ones(text):
    for fast, oracle in ((lost_chars._RUN, _LOOK_BEHIND_RUN), (lost_chars._ANY_RUN, _LOOK_BEHIND_ANY_RUN)):
        assert [m.span() for m in fast.finditer(text)] == [m.span() for m in oracle.finditer(text)]
