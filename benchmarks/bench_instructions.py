"""Instructions per message of the classifier (nl-BE, all rules on), counted by valgrind.

Wall-clock rates depend on the machine (the same code gave 19,760 msg/s on one session's
machine and 5,860 on the next); instruction counts do not, so they are what a change to
the classifier is judged by.  The script runs itself twice under
``valgrind --tool=callgrind``: once classifying ``--n`` corpus messages (after a warm-up
over all of them, so that lazily compiled parts are compiled), once classifying none; the
difference divided by ``--n`` is printed.  Both runs use one hash seed
(``PYTHONHASHSEED=0``): with random seeds, set orders and so the counts vary between
runs.  Needs valgrind (Debian: ``apt-get install valgrind``); takes about two minutes.

    python benchmarks/bench_instructions.py [--n 2000] [--corpus tests/data/corpus.jsonl] [--installed]

``--installed``: count the ``rules`` the running Python imports instead of the checkout's
(``.venv-fast/bin/python benchmarks/bench_instructions.py --installed`` counts the build
compiled with mypyc, see ``make bench``).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(corpus: Path, n: int, total: int, installed: bool = False) -> None:
    if not installed:
        sys.path.insert(0, str(ROOT))
    from bench_rules import messages  # the same messages as the wall-clock benchmark

    from rules import classify, load_pack

    msgs = messages(total, corpus)
    pack = load_pack("nl-BE")
    for m in msgs:  # warm-up, counted in both runs
        classify(m, pack)
    for m in msgs[:n]:
        classify(m, pack)


def count(corpus: Path, n: int, total: int, installed: bool = False) -> int:
    cmd = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--child",
        str(n),
        "--total",
        str(total),
        "--corpus",
        str(corpus),
        *(["--installed"] if installed else []),
    ]
    # One hash seed: set and dict orders (and so the work done) are the same in every run.
    # No analysis cache: the first run would otherwise fill it (after a pack change) and
    # count that work as if it were the messages'.
    env = {**os.environ, "PYTHONHASHSEED": "0", "BUURTBOT_RULES_CACHE": "off"}
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stderr
    m = re.search(r"Collected : (\d+)", out)
    if m is None:
        raise SystemExit(f"no count in valgrind's output:\n{out[-2000:]}")
    return int(m.group(1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--n", type=int, default=2000, help="messages counted")
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "corpus.jsonl")
    ap.add_argument(
        "--installed", action="store_true", help="count the installed rules, not the checkout"
    )
    ap.add_argument("--child", type=int, default=None, help=argparse.SUPPRESS)
    ap.add_argument("--total", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    total = max(args.total, args.n)
    if args.child is not None:
        child(args.corpus, args.child, total, args.installed)
        return
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    with_n = count(args.corpus, args.n, total, args.installed)
    without = count(args.corpus, 0, total, args.installed)
    form = "installed rules" if args.installed else "the checkout"
    print(
        f"== instructions per message, nl-BE, all rules on ({args.n} messages of "
        f"{args.corpus.name}; {form})"
    )
    print(f"classify: {(with_n - without) / args.n:,.0f} instructions per message")


if __name__ == "__main__":
    main()
