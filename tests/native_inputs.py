"""Inputs for the property tests that hold the re-read's native kernels to their Python originals
(tests/reference_*.py): random text, clean Chinese text in both scripts, and that text misread
by every wrong decoder of tests/wrong_decoders.py (U+FFFD marks and dropped bytes), with the
fixed draws of the other property tests (``test_properties.FIXED``).
"""

from __future__ import annotations

from pathlib import Path

from damage import SOURCES, matrix_cells, misdecode, naive_s2t
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from test_properties import COMMON, EXAMPLES, FIXED

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow], **FIXED)

# Real sentences: the clean fixtures and the seeds' expected pages, cut at full stops.
CLEAN_LINES = sorted({
    s + "。"
    for path in sorted((FIXTURES / "clean").glob("*.txt")) + sorted((FIXTURES / "seeds" / "expected-zh-hans").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    for s in line.split("。")
    if len(s) >= 4
})
SIGNS = "，。、“”：；！？（）《》·—…,.:;!?()「」０１２３0123456789 \n%+-/'\"abcXYZ"

any_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=30)
chinese_text = st.text(alphabet=COMMON + SIGNS + "國際經濟發展為與會學時說們", max_size=40)
clean_line = st.sampled_from(CLEAN_LINES).flatmap(lambda s: st.sampled_from([s, naive_s2t(s)]))
# (source, decoder, errors) cells whose source can hold the text (Big5 has no Simplified).
_CELLS = matrix_cells()


@st.composite
def damaged_line(draw) -> str:
    """A clean line written in one source and read back by a wrong decoder of another family."""
    line = draw(clean_line)
    source, decoder, errors = draw(st.sampled_from(_CELLS))
    if source == "big5":
        line = naive_s2t(line)
    text = line.encode(SOURCES[source], errors="replace").decode(SOURCES[source])
    return misdecode(text, source, decoder, errors)


text_inputs = st.one_of(any_text, chinese_text, clean_line, damaged_line())
