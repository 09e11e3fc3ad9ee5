"""Worker processes (cleaner/engines/workers.py)."""

from cleaner import Cleaner
from cleaner.engines.workers import warm_up_texts


def test_each_warm_up_text_is_damage_a_repair_reads_back():
    # A warm-up text the cleaner leaves alone would build no repair's tables before the fork.
    cleaner = Cleaner()
    texts = warm_up_texts()
    assert len(set(texts)) == len(texts)
    for text in texts:
        result = cleaner.run(text)
        assert result.text != text and any(step.action == "repair" for step in result.steps), text
