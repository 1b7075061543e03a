"""The `buurtbot check` command (rules.check_cli.main)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rules import check_cli

ROOT = Path(__file__).resolve().parents[2]


def run(monkeypatch: pytest.MonkeyPatch, argv: list[str], stdin: str = "") -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return check_cli.main(argv)


def test_text_mode_prints_dutch_verdict(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rc = run(monkeypatch, ["Verdachte man loopt rond in de Kerkstraat, wat een kutweer"])
    out = capsys.readouterr().out
    assert rc == 0
    assert "saar.police_first" in out and "conduct.language" in out
    assert "Vloek of grof woord: 'kutweer'." in out
    assert "Heb je 101 al gebeld?" in out
    assert "straat: kerkstraat" in out
    assert "Hint signalement.missing" in out


def test_text_mode_clean(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, ["Inbraak", "bij", "de", "buren,", "101", "gebeld"]) == 0
    assert "in orde" in capsys.readouterr().out


def test_jsonl_keeps_fields_and_adds_verdict(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        {"text": "wat een kutweer", "id": 1, "meta": {"a": [1, 2]}, "violations": "old"},
        {"text": "Verdacht busje rijdt rondjes in de Lindelaan, 101 gebeld", "id": 2},
        {"text": "Alles rustig hier", "id": "drie", "note": "é ü"},
    ]
    rc = run(monkeypatch, ["--jsonl"], "".join(json.dumps(x) + "\n" for x in lines))
    out = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert rc == 0 and len(out) == 3
    assert out[0] == {
        "text": "wat een kutweer",
        "id": 1,
        "meta": {"a": [1, 2]},
        "violations": ["conduct.language"],
        "hints": [],
    }
    assert out[1]["violations"] == []
    assert out[1]["hints"] == [
        {"id": "signalement.missing", "missing": ["plate", "direction", "time"]}
    ]
    assert out[2]["note"] == "é ü" and out[2]["id"] == "drie"


def test_jsonl_bad_lines_are_reported_and_skipped(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = '{"text": "ok"}\nnot json\n[1, 2]\n{"id": 4}\n{"text": 5}\n\n{"text": "kut"}\n'
    rc = run(monkeypatch, ["--jsonl"], stdin)
    captured = capsys.readouterr()
    out = [json.loads(x) for x in captured.out.splitlines()]
    assert rc == 1
    assert [o["text"] for o in out] == ["ok", "kut"]
    for n in (2, 3, 4, 5):
        assert f"line {n}:" in captured.err
    assert "line 1:" not in captured.err and "line 7:" not in captured.err


def test_pack_option_locale_and_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    stdin = '{"text": "Inbraak bij de buren, 101 gebeld"}\n'
    assert run(monkeypatch, ["--jsonl", "--pack", "nl-NL"], stdin) == 0
    assert json.loads(capsys.readouterr().out)["violations"] == ["saar.police_first"]
    path = str(ROOT / "rules" / "packs" / "nl-BE.toml")
    assert run(monkeypatch, ["--jsonl", "--pack", path], stdin) == 0
    assert json.loads(capsys.readouterr().out)["violations"] == []


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--jsonl", "tekst"],
        ["--pack", "xx-XX", "tekst"],
        ["--pack", "/no/such.toml", "t"],
        ["--bogus"],
    ],
)
def test_usage_errors_exit_2(
    argv: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, argv) == 2
    assert "buurtbot check: error" in capsys.readouterr().err


def test_invalid_pack_file_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[pack]\nlocale = 'x'\n", encoding="utf-8")
    assert run(monkeypatch, ["--pack", str(bad), "tekst"]) == 2
    assert "bad.toml" in capsys.readouterr().err


def test_imports_no_platform_or_redis_library() -> None:
    code = (
        "import sys, rules.check_cli\n"
        "bad = {'redis', 'telegram', 'aiohttp', 'pydantic', 'fakeredis', 'pydantic_settings',"
        " 'apscheduler', 'bot', 'adapters'}\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_runs_as_module() -> None:
    proc = _check_jsonl('{"text": "kut", "x": 1}\n')
    assert proc.returncode == 0
    assert json.loads(proc.stdout) == {
        "text": "kut",
        "x": 1,
        "violations": ["conduct.language"],
        "hints": [],
    }


def _check_jsonl(data: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rules.check_cli", "--jsonl", *args],
        input=data,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )


def test_jobs_give_the_same_output_in_order_and_number_bad_lines() -> None:
    """Input over several chunks, checked by worker processes: every line comes back in
    input order, and bad lines in later chunks are reported with their own line numbers."""
    corpus = (ROOT / "tests" / "data" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    n = 2 * check_cli.CHUNK + 700
    lines = [
        json.dumps({"text": json.loads(corpus[i % len(corpus)])["text"], "i": i}) for i in range(n)
    ]
    bad_at = {check_cli.CHUNK + 5: "{kapot", 2 * check_cli.CHUNK + 3: '{"tekst": "x"}'}
    for i, line in bad_at.items():
        lines[i - 1] = line  # line numbers start at 1
    data = "\n".join(lines) + "\n"
    one = _check_jsonl(data, "--jobs", "1")
    three = _check_jsonl(data, "--jobs", "3")
    assert one.returncode == three.returncode == 1
    assert three.stdout == one.stdout
    got = [json.loads(x) for x in three.stdout.splitlines()]
    assert [o["i"] for o in got] == [i for i in range(n) if i + 1 not in bad_at]
    assert any(o["violations"] for o in got)
    errors = three.stderr.splitlines()
    assert errors == one.stderr.splitlines()
    assert errors[0].startswith(f"line {check_cli.CHUNK + 5}: not valid JSON")
    assert errors[1] == f"line {2 * check_cli.CHUNK + 3}: field 'text' is missing or not a string"
    assert errors[2] == "2 line(s) skipped because of errors"


def test_negative_jobs_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(monkeypatch, ["--jsonl", "--jobs", "-1"], "") == 2
    assert "--jobs" in capsys.readouterr().err
