"""``buurtbot check``: run the classifier from the command line (DESIGN §4).

    buurtbot check "tekst"                 readable verdict
    buurtbot check --jsonl < in.jsonl      one JSON object per line in and out
    buurtbot check --pack nl-NL "tekst"    another shipped pack, or a path to a pack file

Imports nothing but the standard library and ``rules`` so that it starts fast.
Exit codes: 0 ok, 1 failure (e.g. bad input lines), 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import json
import sys
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


def _run_jsonl(pack: Pack, media: bool, inp: IO[str], out: IO[str], err: IO[str]) -> int:
    bad = 0
    buf: list[str] = []
    # One encoder for all lines (json.dumps builds a new one per call when an option is set).
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    loads = json.loads
    for n, line in enumerate(inp, 1):
        if not line or line.isspace():
            continue
        try:
            obj = loads(line)
        except ValueError as exc:
            err.write(f"line {n}: not valid JSON: {exc}\n")
            bad += 1
            continue
        if not isinstance(obj, dict):
            err.write(f"line {n}: expected a JSON object, got {type(obj).__name__}\n")
            bad += 1
            continue
        text = obj.get("text")
        if not isinstance(text, str):
            err.write(f"line {n}: field 'text' is missing or not a string\n")
            bad += 1
            continue
        has_media = obj.get("has_media", media) is True
        v = classify(text, pack, has_media=has_media)
        if v.findings or v.hints:
            obj.update(verdict_fields(v))
        else:  # the common case: same fields as verdict_fields() gives, without building it
            obj["violations"] = []
            obj["hints"] = []
        buf.append(dumps(obj))
        if len(buf) >= 512:
            out.write("\n".join(buf) + "\n")
            buf.clear()
    if buf:
        out.write("\n".join(buf) + "\n")
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
            return _run_jsonl(pack, args.media, sys.stdin, out, err)
        except BrokenPipeError:
            return 1
    text = " ".join(args.text)
    _human(text, classify(text, pack, has_media=args.media), pack, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
