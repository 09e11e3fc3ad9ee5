"""Where a ``--jsonl --jobs N`` run's CPU goes, by process and phase: what bounds its scaling.

    .venv/bin/python benchmarks/engine_cpu.py [--mix crawl] [--jobs 1,2] [--repeat 1]

Wall-clock scaling on a shared machine measures the other users as much as the engine, so this
counts CPU instead. Each run is ``cleaner --jsonl FILE -o OUT --jobs N`` (learning on, as by
default) in a fresh child process, with the engine's functions wrapped in place (the product
code is not changed) to measure, in the parent:

- start-up: import, configuration, the tables, until the first input line is read;
- the learning pass and the cleaning pass: the parent's own CPU in each, the wall time it
  waited on a worker's result, and the bytes sent to and from workers (pickled);

and in every worker: its CPU on tasks, its CPU outside them, and the wall time between its tasks.
From these, the bound Amdahl's law puts on N jobs: ``T1 / critical path``, with T1 the one-job
run's CPU and the critical path the parent's CPU while no worker can run (start-up, warming a
pool's tables) plus, for each pass, the most of: the parent's CPU in it, the parent's and the
workers' CPU over the cores, the workers' CPU over N. A one-job run also times each record, and
its cleaning pass is simulated over 2 workers for several batch sizes and windows
(``simulate``): what the batching itself costs. CPU time is disturbed by a busy machine too
(shared caches, a virtual machine's stolen time): compare runs made one after the other.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def _instrumented_run(args: list[str], out_dir: str) -> None:
    """In the child: wrap the engine, run the CLI, write the parent's accounting as JSON."""
    start_cpu, start_wall = time.process_time(), time.perf_counter()
    import concurrent.futures as cf

    from cleaner import cli
    from cleaner.engines import jsonl

    if os.environ.get("ENGINE_CPU_BEFORE"):
        # The engine as session 15 left it: every pool warmed before its fork, batches of 256 KB
        # two deep, workers for any input longer than one batch.
        jsonl.BATCH_BYTES, jsonl.IN_FLIGHT, jsonl.WORKERS_FROM = 1 << 18, 2, 1
        pool_of = jsonl.worker_pool
        learn_of = jsonl.learn_lines
        jsonl.worker_pool = lambda jobs, config, shared=None, *, warm=True: pool_of(jobs, config, shared, warm=True)
        jsonl.learn_lines = lambda *a, meanwhile=None, **k: learn_of(*a, **k)
    acct = {"phases": {}, "wait": {"learn": 0.0, "clean": 0.0}, "sent": 0, "returned": 0, "records": 0, "tasks": 0}
    phase = ["start-up"]
    marks = {"start-up": [start_cpu, start_wall]}

    def enter(name: str) -> None:
        now_cpu, now_wall = time.process_time(), time.perf_counter()
        prev = phase[0]
        c0, w0 = marks[prev]
        acct["phases"][prev] = acct["phases"].get(prev, [0.0, 0.0])
        acct["phases"][prev][0] += now_cpu - c0
        acct["phases"][prev][1] += now_wall - w0
        phase[0] = name
        marks[name] = [now_cpu, now_wall]

    result = cf.Future.result

    def timed_result(self, timeout=None):
        t = time.perf_counter()
        try:
            return result(self, timeout)
        finally:
            key = "learn" if phase[0] == "learn" else "clean"
            acct["wait"][key] += time.perf_counter() - t

    cf.Future.result = timed_result
    submit = cf.ProcessPoolExecutor.submit

    def counted_submit(self, fn, *a, **k):
        acct["sent"] += len(pickle.dumps((fn, a, k), pickle.HIGHEST_PROTOCOL))
        acct["tasks"] += 1
        if a and isinstance(a[0], list):
            acct["records"] += len(a[0])
        future = submit(self, fn, *a, **k)
        future.add_done_callback(lambda f: acct.__setitem__("returned", acct["returned"] + (
            len(pickle.dumps(f.result(), pickle.HIGHEST_PROTOCOL)) if not f.exception() else 0)))
        return future

    cf.ProcessPoolExecutor.submit = counted_submit

    def wrap(module, name: str, label: str) -> None:
        original = getattr(module, name)

        def wrapped(*a, **k):
            enter(label)
            try:
                out = original(*a, **k)
                if hasattr(out, "__next__"):  # a generator: the phase lasts while it yields
                    yield_from = out

                    def gen():
                        try:
                            yield from yield_from
                        finally:
                            enter("end")
                    return gen()
                return out
            finally:
                if label == "learn":
                    enter("between")

        setattr(module, name, wrapped)

    wrap(jsonl, "learn_lines", "learn")
    pool = jsonl.worker_pool

    def timed_pool(*a, **k):  # warming the tables and starting the workers: nothing else runs meanwhile
        back = phase[0]
        enter("pool")
        try:
            return pool(*a, **k)
        finally:
            enter(back)

    jsonl.worker_pool = timed_pool
    wrap(jsonl, "clean_stream", "clean")

    # Workers: CPU on tasks, CPU and wall waiting between them, CPU before the first task.
    task_names = ("_clean_batch", "_document_lines_of")
    for name in task_names:
        if not hasattr(jsonl, name):
            continue
        original = getattr(jsonl, name)

        def task(*a, _original=original, **k):
            me = _worker_log()
            c, w = time.process_time(), time.perf_counter()
            if me["last"] is None:
                me["before_first_cpu"] = c
            else:
                me["idle_wall"] += w - me["last"]
            try:
                return _original(*a, **k)
            finally:
                me["task_cpu"] += time.process_time() - c
                me["tasks"] += 1
                me["kind"] = _original.__name__
                me["last"] = time.perf_counter()
                me["end_cpu"] = time.process_time()
                with open(os.path.join(out_dir, f"worker-{os.getpid()}.json"), "w") as fh:
                    json.dump({k: v for k, v in me.items() if k != "last"}, fh)

        task.__name__ = task.__qualname__ = name
        task.__module__ = jsonl.__name__
        setattr(jsonl, name, task)
    # One job: the CPU of each record, for simulate() (how batches would spread over N workers).
    clean_line = jsonl._clean_line
    costs: list = []

    def timed_line(body, *a, **k):
        c = time.process_time()
        try:
            return clean_line(body, *a, **k)
        finally:
            costs.append((len(body) + 1, time.process_time() - c))

    jsonl._clean_line = timed_line
    code = 0
    try:
        code = cli.main(args)
    finally:
        enter("exit")
        usage = resource.getrusage(resource.RUSAGE_SELF)
        acct["parent_cpu"] = usage.ru_utime + usage.ru_stime
        acct["wall"] = time.perf_counter() - start_wall
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        acct["children_cpu"] = children.ru_utime + children.ru_stime
        acct["code"] = code
        acct["costs"] = costs
        with open(os.path.join(out_dir, "parent.json"), "w") as fh:
            json.dump(acct, fh)


_me: dict = {}


def _worker_log() -> dict:
    if not _me or _me.get("pid") != os.getpid():
        _me.clear()
        _me.update(pid=os.getpid(), last=None, idle_wall=0.0, task_cpu=0.0, tasks=0, before_first_cpu=0.0, end_cpu=0.0)
    return _me


def one_run(corpus: Path, jobs: int, tmp: Path, before: bool = False) -> dict:
    out_dir = tmp / f"acct-{jobs}-{time.monotonic_ns()}"
    out_dir.mkdir()
    # Functions must be wrapped before the CLI imports them by name: run this file as the child.
    cmd = [sys.executable, __file__, "--inside", str(out_dir), "--jsonl", str(corpus), "-o", str(tmp / "out.jsonl"),
           "--jobs", str(jobs)]
    start = time.perf_counter()
    env = {**os.environ, "ENGINE_CPU_BEFORE": "1"} if before else None
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False, env=env)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(proc.stderr[-3000:])
    parent = json.loads((out_dir / "parent.json").read_text())
    workers = [json.loads(p.read_text()) for p in out_dir.glob("worker-*.json")]
    return {"jobs": jobs, "wall": wall, "parent": parent, "workers": workers}


def simulate(costs: list[tuple[int, float]], jobs: int, batch: int, in_flight: int) -> tuple[float, float]:
    """The cleaning pass's makespan (CPU seconds) with ``jobs`` workers, batches of ``batch`` bytes
    and at most ``in_flight`` batches submitted and not yet taken back in order (as clean_stream
    does: it waits on the oldest): a worker takes the next submitted batch when it is free.
    Returns (makespan, the work over ``jobs``: the ideal)."""
    # The first record builds the tables in a one-job run; a pool's workers find them built.
    rates = sorted(cpu / n for n, cpu in costs)
    costs = [(costs[0][0], costs[0][0] * rates[len(rates) // 2])] + costs[1:] if costs else costs
    batches, part, size = [], 0.0, 0
    for n, cpu in costs:
        part += cpu
        size += n
        if size >= batch:
            batches.append(part)
            part, size = 0.0, 0
    if size:
        batches.append(part)
    free = [0.0] * jobs  # when each worker is next free
    done: list[float] = []  # finish time of each batch
    parent = 0.0  # when the parent may submit the next batch
    for i, cost in enumerate(batches):
        if i >= in_flight:  # the window is full: the parent waits for the oldest batch
            parent = max(parent, done[i - in_flight])
        w = min(range(jobs), key=lambda k: free[k])
        start = max(free[w], parent)
        free[w] = start + cost
        done.append(free[w])
    return (max(done) if done else 0.0), sum(batches) / jobs


def describe(run: dict, size: float, t1: float | None) -> float:
    p, ws, n = run["parent"], run["workers"], run["jobs"]
    phases = p["phases"]
    total = p["parent_cpu"] + p["children_cpu"]
    print(f"\n--jobs {n}: wall {run['wall']:.2f} s (in the child {p['wall']:.2f}); CPU {total:.2f} s = parent {p['parent_cpu']:.2f} "
          f"+ workers {p['children_cpu']:.2f}; {size / total:.2f} MB per CPU-second")
    for name in ("start-up", "pool", "learn", "between", "clean", "end"):
        if name in phases:
            cpu, wall = phases[name]
            print(f"  parent {name:9s} CPU {cpu:6.2f} s  wall {wall:6.2f} s")
    if p["tasks"]:
        print(f"  parent waited on results: learn {p['wait']['learn']:.2f} s, clean {p['wait']['clean']:.2f} s; "
              f"{p['tasks']} tasks, {p['records']} records, pickled {p['sent'] / 1e6:.2f} MB out, {p['returned'] / 1e6:.2f} MB back "
              f"({(p['sent'] + p['returned']) / max(p['records'], 1):.0f} B a record both ways)")
    for w in sorted(ws, key=lambda w: w["pid"]):
        print(f"  worker {w['pid']}: {w['tasks']} tasks, task CPU {w['task_cpu']:.2f} s, CPU before its first task "
              f"{w['before_first_cpu']:.2f} s, outside tasks {w['end_cpu'] - w['task_cpu']:.2f} s, idle between tasks (wall) {w['idle_wall']:.2f} s")
    if n == 1:
        costs = p.get("costs") or []
        work = sum(c for _, c in costs)
        if costs:
            print(f"  records' CPU {work:.2f} s (the first builds the tables: counted at the median rate); the cleaning pass "
                  f"spread over 2 workers (simulated from it), makespan / ideal:")
            for batch in (1 << 18, 1 << 17, 1 << 16, 1 << 15):
                for in_flight in (2, 4, 8):
                    span, ideal = simulate(costs, 2, batch, in_flight * 2)
                    print(f"    batches of {batch >> 10:4d} KB, {in_flight} in flight a worker: {span:.2f} s = {span / ideal:.2f}x ideal")
        return total
    if t1:
        # The run's phases follow one another; within one, the parent and the workers share the cores.
        cores = min(n, os.cpu_count() or n)

        def span(parent: float, workers: float) -> float:
            return max(parent, (parent + workers) / cores, workers / n)

        cpu = {name: phases.get(name, [0.0, 0.0])[0] for name in ("start-up", "pool", "learn", "between", "clean", "end")}
        learn_w = sum(w["task_cpu"] for w in ws if w.get("kind") == "_document_lines_of")
        clean_w = sum(w["task_cpu"] for w in ws if w.get("kind") == "_clean_batch")
        serial = cpu["start-up"] + cpu["pool"] + cpu["between"] + cpu["end"]
        t2 = serial + span(cpu["learn"], learn_w) + span(cpu["clean"], clean_w)
        run["bound"], run["path"] = t1 / t2, t2
        print(f"  critical path from CPU: serial {serial:.2f} s + learning pass max(parent {cpu['learn']:.2f}, workers {learn_w:.2f} "
              f"shared) + cleaning pass max(parent {cpu['clean']:.2f}, workers {clean_w:.2f} shared) = {t2:.2f} s; "
              f"bound T1 {t1:.2f} / {t2:.2f} = {t1 / t2:.2f}x; the parent's share of the CPU {p['parent_cpu'] / total:.0%}")
    return total


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--inside":
        _instrumented_run(sys.argv[3:], sys.argv[2])
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mix", default="crawl")
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--compare", action="store_true",
                    help="also run each --jobs N > 1 as the engine was before session 16 (pools warmed before their fork, 256 KB batches two deep)")
    args = ap.parse_args()
    import measure
    from scaling import write_inputs

    measure.compile_package()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        corpus, _, size = write_inputs(args.mix, tmp)
        print(f"mix {args.mix}: {size:.2f} MB of JSON Lines; load average {os.getloadavg()[0]:.1f}")
        summary: dict[str, list] = {}
        for _ in range(args.repeat):
            t1 = None
            for n in (int(j) for j in args.jobs.split(",")):
                for before in ([False, True] if args.compare and n > 1 else [False]):
                    if before:
                        print("\n(the engine before session 16)", end="")
                    run = one_run(corpus, n, tmp, before)
                    total = describe(run, size, t1)
                    if n == 1:
                        t1 = total
                    key = f"--jobs {n}" + (" before" if before else "")
                    summary.setdefault(key, []).append((total, run["parent"]["parent_cpu"] / total, run.get("bound"), run.get("path")))
        print(f"\n{'run':22s} {'CPU s':>10s} {'parent share':>14s} {'critical path s':>16s} {'bound':>12s}")
        for key, rows in summary.items():
            def span(values, fmt):
                values = [v for v in values if v is not None]
                if not values:
                    return "-"
                lo, hi = fmt.format(min(values)), fmt.format(max(values))
                return lo if lo == hi else f"{lo}-{hi}"
            print(f"{key:22s} {span([r[0] for r in rows], '{:.2f}'):>10s} {span([r[1] * 100 for r in rows], '{:.0f}') + ' %':>14s} "
                  f"{span([r[3] for r in rows], '{:.2f}'):>16s} {span([r[2] for r in rows], '{:.2f}') + 'x':>12s}")
        print(f"min-max over {args.repeat} repeats; load average {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
