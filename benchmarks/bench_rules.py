"""Speed of the classifier: messages per second with the full nl-BE pack (all rules on)
in-process, of ``check --jsonl`` as a whole process, and of better-profanity on the same
messages for comparison.  Prints figures and the targets; asserts nothing.

    python benchmarks/bench_rules.py [--n 50000] [--bp-n N] [--source]

It measures the ``rules`` package the running Python imports: in the development
environment the checkout (pure Python), in an installed one (``make bench``) the modules
compiled with mypyc (setup.py); then it also measures the checkout in-process, so one run
prints both forms.  ``--source``: the checkout only.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.machinery
import importlib.util
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if "--source" in sys.argv or importlib.util.find_spec("rules") is None:
    sys.path.insert(0, str(ROOT))

from rules import classify, load_pack  # noqa: E402
from rules.check_cli import default_jobs  # noqa: E402

TARGET_INPROC = 20_000
TARGET_PROCESS = 15_000
TARGET_RATIO = 30


CORPUS = ROOT / "tests" / "data" / "corpus.jsonl"
WARM_UP = sum(1 for _ in CORPUS.open(encoding="utf-8"))


def messages(n: int, corpus: Path = CORPUS) -> list[str]:
    """``corpus`` cycled to ``n`` messages (also used by bench_instructions.py)."""
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()]
    # Vary the messages a little so that nothing can be served from a cache.
    return [
        f"{texts[i % len(texts)]} #{i}" if i % 3 == 0 else texts[i % len(texts)] for i in range(n)
    ]


def bench_inprocess(msgs: list[str]) -> tuple[float, float]:
    """(msg/s wall clock, msg/s of CPU time) — CPU time is steadier on a busy machine."""
    pack = load_pack("nl-BE")
    # Warm-up over every distinct message: regexes are compiled on first use, once per
    # process; this measures the rate of a bot that has been running a while.
    for m in msgs[:WARM_UP]:
        classify(m, pack)
    t0, c0 = time.perf_counter(), time.process_time()
    for m in msgs:
        classify(m, pack)
    return len(msgs) / (time.perf_counter() - t0), len(msgs) / (time.process_time() - c0)


def bench_process(msgs: list[str], cache: bool = True, jobs: int = 0) -> tuple[float, float, str]:
    """``check --jsonl`` on ``msgs``; ``cache=False``: without the analysis kept between runs
    (rules/analysis_cache.py), as on the very first run on a machine; ``jobs``: its
    ``--jobs`` (0, the default: one worker process per CPU)."""
    data = "".join(
        json.dumps({"text": m, "id": i}, ensure_ascii=False) + "\n" for i, m in enumerate(msgs)
    )
    # this environment's command (the same ``rules`` as measured in-process)
    exe = Path(sys.executable).with_name("buurtbot")
    cmd = (
        [str(exe), "check", "--jsonl"]
        if exe.is_file() and "--source" not in sys.argv
        else [sys.executable, "-m", "rules.check_cli", "--jsonl"]
    )
    if jobs:
        cmd += ["--jobs", str(jobs)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    env = dict(os.environ)
    if not cache:
        env["BUURTBOT_RULES_CACHE"] = "off"
    proc = subprocess.run(
        cmd, input=data.encode(), capture_output=True, cwd=ROOT, check=False, env=env
    )
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    lines = proc.stdout.count(b"\n")
    if proc.returncode != 0 or lines != len(msgs):
        print(f"  check --jsonl failed: rc={proc.returncode}, {lines} lines: {proc.stderr[:300]!r}")
    name = " ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))
    return len(msgs) / dt, len(msgs) / cpu, name


def compiled() -> bool:
    """Whether the classifier imported here was compiled (mypyc, see setup.py)."""
    module = importlib.import_module("rules.classify")  # the module: rules.classify is the function
    return any(
        str(getattr(module, "__file__", "")).endswith(suffix)
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
    )


def bench_source_inprocess(n: int) -> tuple[float, float] | None:
    """The in-process figures of the checkout (pure Python), from a child process."""
    proc = subprocess.run(
        [sys.executable, __file__, "--source", "--inprocess-only", "--n", str(n)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    try:
        wall, cpu = map(float, proc.stdout.split())
    except ValueError:
        print(f"  pure-Python run failed: {proc.stderr[-300:]!r}")
        return None
    return wall, cpu


def bench_better_profanity(msgs: list[str]) -> tuple[float, float] | None:
    try:
        from better_profanity import profanity  # type: ignore[import-untyped]
    except ImportError:
        print("  better-profanity not installed: comparison skipped")
        return None
    words_file = ROOT.parent / "shared" / "data" / "ldnoobw-nl" / "nl"
    if not words_file.is_file():
        print(f"  {words_file} not found: comparison skipped")
        return None
    words = [w.strip() for w in words_file.read_text(encoding="utf-8").splitlines() if w.strip()]
    profanity.load_censor_words(words)
    t0, c0 = time.perf_counter(), time.process_time()
    for m in msgs:
        profanity.contains_profanity(m)
    return len(msgs) / (time.perf_counter() - t0), len(msgs) / (time.process_time() - c0)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=50_000, help="number of messages")
    ap.add_argument(
        "--bp-n",
        type=int,
        default=0,
        help="messages for better-profanity, spread over all (0 = all)",
    )
    ap.add_argument("--source", action="store_true", help="measure the checkout (pure Python)")
    ap.add_argument("--inprocess-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    msgs = messages(args.n)
    if args.inprocess_only:
        print(*bench_inprocess(msgs))
        return 0
    form = "compiled with mypyc" if compiled() else "pure Python"
    print(f"== {len(msgs)} messages (cycled from tests/data/corpus.jsonl), nl-BE, all rules on")
    print("   figures: msg/s by wall clock, and by CPU time of the measured process")
    print(f"   check --jsonl runs {default_jobs()} worker process(es) by default on this machine")
    print(f"   classifier: {form} ({Path(sys.executable).parent.parent.name})")
    t0, c0 = time.perf_counter(), time.process_time()
    load_pack("nl-BE")  # compiled once and cached: bench_inprocess gets this one
    print(
        f"pack load (nl-BE):        {time.perf_counter() - t0:8.3f} s wall "
        f"{time.process_time() - c0:6.3f} s cpu"
    )
    inproc, inproc_cpu = bench_inprocess(msgs)
    print(
        f"in-process classify:      {inproc:8,.0f} wall {inproc_cpu:8,.0f} cpu"
        f"   (target >= {TARGET_INPROC:,}; {form})"
    )
    if compiled():
        source = bench_source_inprocess(len(msgs))
        if source:
            print(
                f"  same, pure Python (the checkout): {source[0]:8,.0f} wall {source[1]:8,.0f} cpu"
                f"   (compiled: {inproc_cpu / source[1]:.2f}x)"
            )
    proc, proc_cpu, cmd = bench_process(msgs)
    print(
        f"whole process check --jsonl: {proc:8,.0f} wall {proc_cpu:8,.0f} cpu"
        f"   (target >= {TARGET_PROCESS:,}; {cmd})"
    )
    cold, cold_cpu, _ = bench_process(msgs, cache=False)
    print(f"  same, first run (no analysis cache): {cold:8,.0f} wall {cold_cpu:8,.0f} cpu")
    one, one_cpu, _ = bench_process(msgs, jobs=1)
    print(f"  same, --jobs 1 (one core):           {one:8,.0f} wall {one_cpu:8,.0f} cpu")
    # a sample spread over all messages: the same mix of lengths as the others measured
    bp = bench_better_profanity(
        msgs[:: max(1, len(msgs) // args.bp_n)][: args.bp_n] if args.bp_n else msgs
    )
    if bp:
        bp_wall, bp_cpu = bp
        print(f"better-profanity (LDNOOBW nl): {bp_wall:8,.0f} wall {bp_cpu:8,.0f} cpu")
        print(
            f"ratio in-process / better-profanity: {inproc / bp_wall:6.1f}x wall "
            f"{inproc_cpu / bp_cpu:6.1f}x cpu   (target >= {TARGET_RATIO}x)"
        )
        print(
            f"ratio check --jsonl / better-profanity: {proc / bp_wall:6.1f}x wall "
            f"{proc_cpu / bp_cpu:6.1f}x cpu"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
