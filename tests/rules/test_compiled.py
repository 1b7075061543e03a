"""The classifier compiled with mypyc (setup.py) judges exactly as the checkout's Python.

An installed copy compiles the hot modules; the development checkout never does (an
extension module next to its source would hide every later edit).  The comparison needs
such an installed copy: ``BUURTBOT_TEST_COMPILED_PYTHON`` names its Python (CI installs
one with ``pip install .``).  Without it the comparison is skipped, unless
``BUURTBOT_TEST_REQUIRE_COMPILED=1`` (CI), when that is a failure.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import random
import subprocess
from pathlib import Path

import pytest

from rules import classify, load_pack

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
HOT = ("memo", "normalize", "gate", "learned", "classify")
COMPILED_PYTHON = os.environ.get("BUURTBOT_TEST_COMPILED_PYTHON", "")
REQUIRED = os.environ.get("BUURTBOT_TEST_REQUIRE_COMPILED") == "1"

# Run by the compiled copy's Python, away from the checkout: which file each hot module
# came from, then one repr() per verdict of the texts on stdin.
_CHILD = """
import importlib, json, sys
from rules import classify, load_pack
print(json.dumps({m: importlib.import_module("rules." + m).__file__ for m in %r}))
texts = json.load(sys.stdin)
for locale in ("nl-BE", "nl-NL", "en"):
    pack = load_pack(locale)
    for text in texts:
        for media in (False, True):
            print(repr(classify(text, pack, has_media=media)))
"""


def _texts() -> list[str]:
    """Every labelled message, and random text from many scripts (seeded)."""
    texts = [
        json.loads(line)["text"]
        for path in sorted(DATA.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rnd = random.Random(20261129)
    alphabet = (
        "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 .,!?*#@$€|-_'\"\n\t "
        "éèëïöüçñß ØÆŒ кутх αβγ 🖕🤬😀👍🏽🚓 \u200b\u200d\u00ad\ufe0f\u0301 𝐊𝓚"
    )
    words = [
        "kut",
        "kanker",
        "101",
        "gebeld",
        "politie",
        "die",
        "van",
        "nr",
        "12",
        "facebook",
        "verdachte",
        "man",
        "auto",
    ]
    for _ in range(1500):
        parts = [
            rnd.choice(words) if rnd.random() < 0.4 else "".join(rnd.choices(alphabet, k=6))
            for _ in range(rnd.randint(0, 12))
        ]
        texts.append(" ".join(parts))
    return texts


def test_the_checkout_holds_no_compiled_module() -> None:
    """The development checkout runs its sources: a compiled module left in rules/ would
    be imported instead of them (setup.py compiles nothing in place)."""
    suffixes = (*importlib.machinery.EXTENSION_SUFFIXES, ".so", ".pyd")
    found = [p.name for p in (ROOT / "rules").iterdir() if p.name.endswith(suffixes)]
    assert found == []


@pytest.mark.slow
@pytest.mark.skipif(
    not COMPILED_PYTHON and not REQUIRED,
    reason="no compiled copy (set BUURTBOT_TEST_COMPILED_PYTHON)",
)
def test_the_compiled_classifier_judges_as_the_source(tmp_path: Path) -> None:
    assert COMPILED_PYTHON, "BUURTBOT_TEST_REQUIRE_COMPILED=1 needs BUURTBOT_TEST_COMPILED_PYTHON"
    texts = _texts()
    proc = subprocess.run(
        [COMPILED_PYTHON, "-c", _CHILD % (HOT,)],
        input=json.dumps(texts),
        capture_output=True,
        text=True,
        cwd=tmp_path,  # not the checkout: the installed copy is imported
        env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    first, *verdicts = proc.stdout.splitlines()
    files = json.loads(first)
    assert all(
        f.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)) and not f.startswith(str(ROOT))
        for f in files.values()
    ), files
    expected = [
        repr(classify(text, pack, has_media=media))
        for pack in map(load_pack, ("nl-BE", "nl-NL", "en"))
        for text in texts
        for media in (False, True)
    ]
    assert len(verdicts) == len(expected)
    differ = [(i, a, b) for i, (a, b) in enumerate(zip(verdicts, expected, strict=True)) if a != b]
    assert differ[:3] == []
