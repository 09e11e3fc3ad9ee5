"""Worker processes (cleaner/engines/workers.py)."""

import json
import os

from cleaner import Cleaner
from cleaner.engines.workers import DIED, in_order, warm_up_texts


def test_each_warm_up_text_is_damage_a_repair_reads_back():
    # A warm-up text the cleaner leaves alone would build no repair's tables before the fork.
    cleaner = Cleaner()
    texts = warm_up_texts()
    assert len(set(texts)) == len(texts)
    for text in texts:
        result = cleaner.run(text)
        assert result.text != text and any(step.action == "repair" for step in result.steps), text


KILLERS = {3, 4, 13}  # side by side too


def _square_or_die(n: int) -> int:
    if n in KILLERS:
        os._exit(9)  # as the out-of-memory killer or a native abort ends a worker: no exception
    return n * n


def test_a_task_that_kills_its_worker_is_told_apart_and_the_rest_finish():
    from concurrent.futures import ProcessPoolExecutor

    pools = []

    def make_pool(size):
        pools.append(size)
        return ProcessPoolExecutor(size or 2)

    done = list(in_order(make_pool, _square_or_die, ((n,) for n in range(20)), ahead=6))
    assert [args for args, _ in done] == [(n,) for n in range(20)]
    assert [result for _, result in done] == [DIED if n in KILLERS else n * n for n in range(20)]
    assert None in pools[1:] and 1 in pools  # a pool of one for the suspects, a new pool for the rest


def test_a_pool_that_broke_while_the_reader_was_busy_takes_no_more_tasks_and_the_run_goes_on():
    # The consumer is slow: the killer (3) has broken the pool by the time the next task is
    # submitted, and submitting raised BrokenProcessPool out of the run (review19b F1).
    import time
    from concurrent.futures import ProcessPoolExecutor

    run = in_order(lambda size: ProcessPoolExecutor(size or 2), _square_or_die, ((n,) for n in range(2, 9)), ahead=2)
    first = next(run)
    time.sleep(1.5)
    rest = [first, *run]
    assert [result for _, result in rest] == [DIED if n in KILLERS else n * n for n in range(2, 9)]


def test_a_record_that_kills_its_worker_is_passed_through_and_reported(monkeypatch, capsys):
    # Forked workers inherit this process's Cleaner.run: one record ends its worker as the
    # out-of-memory killer would (probe19 D1: the run ended "BrokenProcessPool" and wrote nothing).
    from cleaner.config import Config
    from cleaner.engines import jsonl
    from cleaner.engines.report import Report, WriteBack

    real = Cleaner.run

    def run(self, text, **kw):
        if text == "毒":
            os._exit(9)
        return real(self, text, **kw)

    monkeypatch.setattr(Cleaner, "run", run)
    monkeypatch.setattr(jsonl, "BATCH_BYTES", 64)
    lines = [json.dumps({"text": "毒" if k == 37 else f"第{k}条,国務院"}, ensure_ascii=False).encode() + b"\n"
             for k in range(80)]
    report = Report(WriteBack.WRITE)
    out = list(jsonl.clean_stream(lines, Config(), name="in.jsonl", report=report, jobs=2))
    assert len(out) == 80 and out[37] == lines[37]
    assert all(json.loads(out[k])["text"] == f"第{k}条，国务院" for k in range(80) if k != 37)
    assert [where for where, _ in report.failed_records or report.failed] == ["in.jsonl:38"]


def test_the_tables_warm_up_builds_are_frozen_out_of_the_collectors_sight():
    """What warm_up builds lives as long as the process: frozen (gc.freeze), a full collection does
    not walk it again, and a worker forked after it does not copy its pages by walking them."""
    import gc

    from cleaner.config import Config
    from cleaner.engines.workers import warm_up

    from cleaner.engines import workers

    gc.unfreeze()
    workers._frozen = False
    try:
        warm_up(Config())
        frozen = gc.get_freeze_count()
        assert frozen > 0
        held = [[k] for k in range(50_000)]  # what a run holds when a second pool warms up
        warm_up(Config())
        assert gc.get_freeze_count() <= frozen and held  # frozen once a process (review29b)
    finally:
        gc.unfreeze()
