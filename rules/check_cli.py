"""``buurtbot check``: run the classifier from the command line (DESIGN §4).

    buurtbot check "tekst"                 readable verdict
    buurtbot check --jsonl < in.jsonl      one JSON object per line in and out
    buurtbot check --pack nl-NL "tekst"    another shipped pack, or a path to a pack file
    buurtbot check --jsonl --jobs 1        all in this process (default: large input is
                                           checked by one worker process per CPU)

Imports nothing but the standard library and ``rules`` so that it starts fast.
Exit codes: 0 ok, 1 failure (e.g. bad input lines), 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import itertools
import json
import multiprocessing as mp
import os
import sys
from collections import deque
from collections.abc import Iterator
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import IO, Any

from .classify import classify
from .model import LOCALES, PackError, Verdict, without_delete
from .pack import Pack, load_pack, load_pack_file


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # never returns
        raise _UsageError(message)


def _parser() -> _Parser:
    p = _Parser(
        prog="buurtbot check",
        description="Beoordeel berichten met de regels van buurtbot (zonder platform of Redis).",
    )
    p.add_argument("text", nargs="*", help="de tekst van één bericht")
    p.add_argument(
        "--jsonl",
        action="store_true",
        help="lees JSON-objecten met een veld 'text' van stdin, één per regel; schrijf elk "
        "object terug met 'violations' en 'hints' erbij",
    )
    p.add_argument(
        "--pack",
        default="nl-BE",
        help=f"regelpakket: {', '.join(LOCALES)} of het pad naar een pakketbestand "
        "(standaard nl-BE)",
    )
    p.add_argument("--media", action="store_true", help="het bericht heeft een foto of video")
    p.add_argument(
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="met --jsonl: aantal processen voor grote invoer (standaard 0: één per "
        "processorkern, hoogstens 8; 1: alles in dit proces)",
    )
    return p


def _load(spec: str) -> Pack:
    if spec in LOCALES:
        return load_pack(spec)
    path = Path(spec)
    if path.suffix == ".toml" or path.exists():
        if not path.is_file():
            raise _UsageError(f"--pack: no such pack file: {spec}")
        return load_pack_file(path)
    raise _UsageError(f"--pack: unknown locale {spec!r} (known: {', '.join(LOCALES)}) or file")


def verdict_fields(v: Verdict) -> dict[str, Any]:
    """The fields ``check --jsonl`` adds to each object."""
    return {
        "violations": list(v.violations),
        "hints": [{"id": h.id, "missing": list(h.missing)} for h in v.hints],
    }


def _human(text: str, v: Verdict, pack: Pack, out: IO[str]) -> None:
    w = out.write
    w(f"Pakket: {pack.locale}\n")
    if not v.findings:
        w("Oordeel: in orde, geen regels overtreden.\n")
    else:
        w(f"Oordeel: {len(v.findings)} regel(s) overtreden: {', '.join(v.violations)}\n")
        for f in v.findings:
            w(f"- {f.rule_id}: {f.reason}\n")
            w(
                f"    bewijs: {f.evidence!r}{' (geschat door het woordmodel)' if f.learned else ''}\n"
            )
            policy = pack.policy(f.rule_id)
            if f.learned and "delete" in policy:  # an estimate is never deleted for
                policy = without_delete(policy)
            w(f"    beleid: {', '.join(policy)}\n")
            w(f"    antwoord: {pack.reply(f.rule_id)}\n")
    if v.is_report:
        kind = v.incident_kind or "onbekend"
        place = v.place or "niet herkend"
        called = "ja" if v.police_called else "nee"
        w(f"Melding: ja (soort: {kind}; straat: {place}; politie verwittigd: {called})\n")
    else:
        w("Melding: nee\n")
    for h in v.hints:
        w(f"Hint {h.id}: ontbreekt {', '.join(h.missing)}\n    {h.text}\n")


# Lines are checked in chunks of this many; with --jobs > 1, a chunk is one task for a
# worker process.  Input no longer than one chunk is always checked in this process.
CHUNK = 2000


def _check_lines(pack: Pack, media: bool, lines: list[str], first: int) -> tuple[str, list[str]]:
    """(output lines, error messages) for ``lines``, numbered from ``first``."""
    errors: list[str] = []
    buf: list[str] = []
    # One encoder for all lines (json.dumps builds a new one per call when an option is set).
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    loads = json.loads
    for n, line in enumerate(lines, first):
        if not line or line.isspace():
            continue
        try:
            obj = loads(line)
        except ValueError as exc:
            errors.append(f"line {n}: not valid JSON: {exc}")
            continue
        if not isinstance(obj, dict):
            errors.append(f"line {n}: expected a JSON object, got {type(obj).__name__}")
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            errors.append(f"line {n}: field 'text' is missing or not a string")
            continue
        has_media = obj.get("has_media", media) is True
        v = classify(text, pack, has_media=has_media)
        if v.findings or v.hints:
            obj.update(verdict_fields(v))
        else:  # the common case: same fields as verdict_fields() gives, without building it
            obj["violations"] = []
            obj["hints"] = []
        buf.append(dumps(obj))
    return "".join(x + "\n" for x in buf), errors


# What a worker process checks with: set before the workers are forked, so they inherit
# the compiled pack instead of each loading it again.
_WORKER: tuple[Pack, bool] | None = None


def _work(task: tuple[list[str], int]) -> tuple[str, list[str]]:
    assert _WORKER is not None
    return _check_lines(*_WORKER, *task)


def default_jobs() -> int:
    """The CPUs this process may run on (at most 8)."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        n = os.cpu_count() or 1
    return max(1, min(n, 8))


def _chunks(inp: IO[str]) -> Iterator[tuple[list[str], int]]:
    first = 1
    while lines := list(itertools.islice(inp, CHUNK)):
        yield lines, first
        first += len(lines)


def _run_jsonl(
    pack: Pack, media: bool, inp: IO[str], out: IO[str], err: IO[str], jobs: int = 1
) -> int:
    """Check ``inp`` line by line; output in input order whatever ``jobs`` is.

    With ``jobs`` > 1 and more than one chunk of input, the chunks after the first are
    checked by that many forked worker processes, a few chunks ahead of the writing (so
    memory stays bounded on any input size).
    """
    global _WORKER
    bad = 0

    def emit(result: tuple[str, list[str]]) -> None:
        nonlocal bad
        text, errors = result
        for e in errors:
            err.write(e + "\n")
        bad += len(errors)
        out.write(text)

    chunks = _chunks(inp)
    first = next(chunks, None)
    if first is not None:
        emit(_check_lines(pack, media, *first))
    if first is not None and len(first[0]) == CHUNK:
        if jobs > 1 and "fork" in mp.get_all_start_methods():
            _WORKER = (pack, media)
            with mp.get_context("fork").Pool(jobs) as pool:
                pending: deque[AsyncResult[tuple[str, list[str]]]] = deque()
                for task in chunks:
                    pending.append(pool.apply_async(_work, (task,)))
                    if len(pending) > 2 * jobs:
                        emit(pending.popleft().get())
                while pending:
                    emit(pending.popleft().get())
        else:
            for task in chunks:
                emit(_check_lines(pack, media, *task))
    out.flush()
    if bad:
        err.write(f"{bad} line(s) skipped because of errors\n")
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point; ``argv`` are the arguments after ``check``."""
    out, err = sys.stdout, sys.stderr
    try:
        args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
        if args.jsonl and args.text:
            raise _UsageError("give either a text or --jsonl, not both")
        if args.jobs < 0:
            raise _UsageError("--jobs: expected 0 (one per CPU) or a positive number")
        if not args.jsonl and not args.text:
            raise _UsageError('give a text ("buurtbot check \\"tekst\\"") or --jsonl')
        pack = _load(args.pack)
    except _UsageError as exc:
        err.write(f"buurtbot check: error: {exc}\n")
        err.write("usage: buurtbot check [--pack LOCALE|FILE] [--media] (TEXT | --jsonl)\n")
        return 2
    except PackError as exc:
        err.write(f"buurtbot check: invalid pack: {exc}\n")
        return 2
    if args.jsonl:
        try:
            jobs = args.jobs or default_jobs()
            return _run_jsonl(pack, args.media, sys.stdin, out, err, jobs)
        except BrokenPipeError:
            return 1
    text = " ".join(args.text)
    _human(text, classify(text, pack, has_media=args.media), pack, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
