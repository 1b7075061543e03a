"""The pattern analysis kept between runs (rules/analysis_cache.py): same verdicts with or
without it, used when warm, harmless when missing, damaged or unwritable."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import rules.gate
from rules import Pack, PackError, analysis_cache, classify, load_pack_file

PACK = Path(rules.gate.__file__).parent / "packs" / "nl-BE.toml"
CORPUS = Path(__file__).parent.parent / "data" / "corpus.jsonl"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("BUURTBOT_RULES_CACHE", str(tmp_path))
    analysis_cache.forget()
    yield tmp_path
    analysis_cache.forget()


def verdicts(pack: Pack) -> list[str]:
    texts = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()]
    return [repr(classify(t, pack)) for t in texts]


def fresh_pack() -> Pack:
    analysis_cache.forget()  # as a new process would
    return load_pack_file(PACK)


def test_a_warm_cache_gives_the_same_verdicts_without_analysing_again(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cold = verdicts(fresh_pack())
    files = list(cache_dir.glob("rules-*.marshal"))
    assert len(files) == 1 and files[0].stat().st_size > 0

    def no_analysis(*args: object) -> None:
        raise AssertionError("analysed again although the cache is warm")

    monkeypatch.setattr(rules.gate, "gate_of", no_analysis)
    monkeypatch.setattr(rules.gate, "retrie", no_analysis)
    monkeypatch.setattr(rules.gate, "alternatives", no_analysis)
    assert verdicts(fresh_pack()) == cold


def test_off_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BUURTBOT_RULES_CACHE", "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setenv("HOME", str(tmp_path))
    assert analysis_cache.cache_file() is None
    fresh_pack()
    analysis_cache.forget()
    assert list(tmp_path.rglob("*")) == []


def test_a_damaged_file_is_ignored_and_replaced(cache_dir: Path) -> None:
    expected = verdicts(fresh_pack())
    path = analysis_cache.cache_file()
    assert path is not None and path.exists()
    path.write_bytes(b"\x00garbage, not marshal data")
    assert verdicts(fresh_pack()) == expected
    assert path.stat().st_size > 100  # written again


def test_values_of_the_wrong_shape_are_computed_again(cache_dir: Path) -> None:
    import marshal

    expected = verdicts(fresh_pack())
    path = analysis_cache.cache_file()
    assert path is not None
    entries = marshal.loads(path.read_bytes())
    path.write_bytes(marshal.dumps({k: 42 for k in entries}))  # every value wrong
    assert verdicts(fresh_pack()) == expected


def test_an_unwritable_folder_is_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("BUURTBOT_RULES_CACHE", str(blocker / "cache"))
    expected = verdicts(fresh_pack())
    analysis_cache.forget()
    monkeypatch.setenv("BUURTBOT_RULES_CACHE", "off")
    assert verdicts(fresh_pack()) == expected


def test_a_bad_pattern_is_still_an_error_when_warm(cache_dir: Path, tmp_path: Path) -> None:
    fresh_pack()  # warm
    bad = tmp_path / "bad.toml"
    bad.write_text(
        PACK.read_text("utf-8").replace(
            '[patterns."conduct.off_topic"]\ntopic = [\n',
            "[patterns.\"conduct.off_topic\"]\ntopic = [\n  '(?:kapot',\n",
        ),
        "utf-8",
    )
    analysis_cache.forget()
    with pytest.raises(PackError, match=r"bad\.toml: .*off_topic.*topic\[0\]: bad pattern"):
        load_pack_file(bad)
