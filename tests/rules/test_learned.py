"""The learned second opinion (rules/learned.py): how it scores, what it refuses to load,
that it is the same in every process, and what it adds to the patterns in ``classify``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rules import Pack, PackError, classify, load_pack
from rules.learned import features, load_model_text, shipped_model, tokens
from rules.normalize import base

ACC = "conduct.accusation"
VIG = "conduct.vigilante"
SAAR = "saar.police_first"
ROOT = Path(__file__).resolve().parents[2]


def _model(rules: dict[str, dict[str, object]]) -> str:
    return json.dumps({"rules": rules})


TINY = _model(
    {
        ACC: {"bias": -2.0, "threshold": 0.5, "weights": {"w schuldige": 2.0, "b die van": 0.5}},
        VIG: {"bias": -1.0, "threshold": 0.0, "weights": {"w knuppel": 1.5, "w pakken": 0.25}},
    }
)


def test_features_are_words_and_pairs_and_skip_function_words_alone() -> None:
    feats = features("die van nr. 12, die van nr 12 heeft 't gepikt!")
    assert feats.count("b die van") == 2  # as often as it occurs
    assert "w die" not in feats and "w van" not in feats  # function words: only in pairs
    assert "w gepikt" in feats and "b 't gepikt" in feats and "b nr 12" in feats
    assert not any(c in f for f in feats for c in ".,!")  # punctuation separates words
    # the first letters of longer words: "gepikt" gives "p gepik"; short words give none
    assert "p gepik" in feats and not any(f in feats for f in ("p die", "p nr", "p heeft"))


def test_a_prefix_weight_counts_for_every_form_of_the_word() -> None:
    """A new writer's form of a known word still counts, and the evidence shows their word."""
    m = load_model_text(
        _model({ACC: {"bias": -1.0, "threshold": 0.0, "weights": {"p besch": 1.5}}}),
        "tiny.json",
    )
    for form in ("beschuldigt", "beschuldiging", "beschuldigen"):
        (j,) = m.judge(f"ik heb de buren {form}", frozenset({ACC}))
        assert j.score == 0.5 and j.evidence == form
    assert m.judge("ik heb de buren gebeld", frozenset({ACC})) == []
    assert m.judge("besch", frozenset({ACC})) == []  # only words longer than the prefix


def test_tokens_split_at_any_other_ascii_and_keep_other_characters() -> None:
    assert tokens("die van nr. 12,'t (101)") == ["die", "van", "nr", "12", "'t", "101"]
    assert tokens("café—bar") == ["café—bar"]
    assert tokens("a\ud800b") == ["a\ud800b"]  # never raises, even on a lone surrogate


def test_score_is_bias_plus_weights_and_fires_at_threshold() -> None:
    m = load_model_text(TINY, "tiny.json")
    scores, _ = m.scores("die van nr 5 is de schuldige")
    assert scores == [-2.0 + 2.0 + 0.5, -1.0]
    assert [j.rule_id for j in m.judge("die van nr 5 is de schuldige", frozenset({ACC, VIG}))] == [
        ACC
    ]
    # exactly at the threshold fires; just below does not
    assert m.judge("met de knuppel", frozenset({VIG}))[0].score == 0.5
    assert m.judge("pakken", frozenset({VIG})) == []  # -1 + 0.25 < 0
    # a rule not asked for is not judged
    assert m.judge("die van nr 5 is de schuldige", frozenset({VIG})) == []


def test_evidence_names_the_words_that_weigh() -> None:
    m = load_model_text(TINY, "tiny.json")
    (j,) = m.judge("zeker weten, die van nr 5 is de schuldige", frozenset({ACC}))
    assert j.evidence == "schuldige … die van"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "tiny.json: invalid JSON"),
        ("[]", "tiny.json: expected an object with 'rules'"),
        (_model({}), "tiny.json: rules: expected 1 to 2 rules"),
        (
            _model({f"r{i}": {"bias": 0, "threshold": 0, "weights": {"w a": 1}} for i in range(3)}),
            "expected 1 to 2 rules",
        ),
        (_model({ACC: []}), f"tiny.json: rules.{ACC}: expected an object"),
        (_model({ACC: {"threshold": 0, "weights": {"w a": 1}}}), f"rules.{ACC}.bias"),
        (_model({ACC: {"bias": True, "threshold": 0, "weights": {"w a": 1}}}), ".bias"),
        (_model({ACC: {"bias": 0, "threshold": 0, "weights": {}}}), ".weights: expected"),
        (_model({ACC: {"bias": 0, "threshold": 0, "weights": {"x a": 1}}}), "weights['x a']"),
        (_model({ACC: {"bias": 0, "threshold": 0, "weights": {"w a b": 1}}}), "weights['w a b']"),
        (_model({ACC: {"bias": 0, "threshold": 0, "weights": {"b a": 1}}}), "weights['b a']"),
        (_model({ACC: {"bias": 0, "threshold": 0, "weights": {"p a b": 1}}}), "weights['p a b']"),
        (_model({ACC: {"bias": 0, "threshold": 0, "weights": {"x a": 1}}}), "weights['x a']"),
        (_model({ACC: {"bias": 0, "threshold": 0, "weights": {"w a": "1"}}}), "weights['w a']"),
    ],
)
def test_a_bad_model_file_is_a_clear_error(text: str, message: str) -> None:
    with pytest.raises(PackError, match=message.replace("[", r"\[").replace("(", r"\(")):
        load_model_text(text, "tiny.json")


def test_shipped_model_scores_the_same_in_every_process() -> None:
    """Sums run in message order, not in the (per-process) order of a set."""
    code = (
        "import sys; sys.path.insert(0, '.');"
        "from rules.learned import shipped_model; from rules.normalize import base;"
        "m = shipped_model();"
        "texts = [l.split(chr(9))[0] for l in open('tests/data/corpus.jsonl')][:300];"
        "print([m.scores(base(t))[0] for t in texts])"
    )
    outs = {
        subprocess.run(
            [sys.executable, "-c", code],
            cwd=ROOT,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(outs) == 1 and outs.pop().startswith("[[")


@pytest.mark.parametrize(
    ("locale", "rule", "text"),
    [
        (
            "nl-BE",
            ACC,
            "Ik weet genoeg: de oudste zoon van de bakker is de schuldige, die loopt altijd "
            "met dure spullen rond.",
        ),
        (
            "nl-BE",
            VIG,
            "Als ik die gast nog eens in mijn tuin zie, dan vliegt hij eruit met een pak rammel.",
        ),
        (
            "en",
            ACC,
            "Everyone on this street knows it's the Hendersons' eldest, he's always got new stuff.",
        ),
    ],
)
def test_model_finds_what_the_patterns_miss(locale: str, rule: str, text: str) -> None:
    pack = load_pack(locale)
    c, t = pack.compiled, base(text)
    wp = c.index.opened(t)
    assert c.accusation(t, text, wp) is None and c.vigilante(t, wp) is None  # patterns: no
    (finding,) = [f for f in classify(text, pack).findings if f.rule_id == rule]
    assert finding.evidence and all(
        w in t for part in finding.evidence.split(" … ") for w in part.split()
    )
    assert finding.learned  # shown as an estimate, with the words that weighed
    assert finding.reason == pack.reason(rule, "learned", finding.evidence)
    assert finding.reason != pack.reason(rule, "", finding.evidence)


def test_a_report_that_accuses_gets_no_101_reminder(be: Pack) -> None:
    text = (
        "Vannacht is er ingebroken in de garage. Ik weet genoeg: de oudste zoon van de bakker "
        "is de schuldige, die loopt altijd met dure spullen rond."
    )
    v = classify(text, be)
    assert ACC in v.violations and SAAR not in v.violations and v.is_report


def test_model_stays_silent_when_the_rule_is_off() -> None:
    text = "Ik weet genoeg: de oudste zoon van de bakker is de schuldige, die loopt altijd rond."
    off = load_pack("nl-BE", {"rules": {ACC: {"enabled": False}}})
    assert ACC in classify(text, load_pack("nl-BE")).violations
    assert ACC not in classify(text, off).violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-BE", "Bedankt aan de politie voor de snelle tussenkomst gisteren."),
        ("nl-BE", "Niet zelf ingrijpen aub, bel 101 en blijf binnen."),
        ("nl-BE", "Verdachte man in de Kerkstraat, 101 gebeld. Man, 30 jaar, zwarte jas."),
        ("nl-BE", "De zoon van de buren heeft de inbrekers zien weglopen en heeft 101 gebeld."),
        ("nl-BE", "Als ik nog eens iets zie, bel ik direct 101 en zet ik het daarna hier."),
        ("nl-NL", "Als hij terugkomt bel ik meteen 112, ik ga zeker niet zelf naar buiten."),
        ("en", "If I see them again I'll ring 101 and stay inside, not worth the risk."),
        (
            "en",
            "The family at number 14 had their shed broken into, they reported it to the police.",
        ),
    ],
)
def test_model_leaves_ordinary_messages_alone(locale: str, text: str) -> None:
    assert not {ACC, VIG} & set(classify(text, load_pack(locale)).violations)


def test_shipped_model_covers_accusation_and_vigilante() -> None:
    m = shipped_model()
    assert set(m.rule_ids) == {ACC, VIG}
    assert m.label == "learned.json"


def test_a_pair_counts_only_for_its_two_words_next_to_each_other_and_every_time() -> None:
    m = load_model_text(TINY, "tiny.json")
    acc = lambda t: m.scores(t)[0][0]  # noqa: E731
    assert acc("die van nr 5") == -2.0 + 0.5
    assert acc("die van nr 5, die van nr 7") == -2.0 + 0.5 + 0.5
    assert acc("van die nr 5") == acc("die, maar van nr 5") == -2.0  # order, and adjacent
    assert acc("die vanavond") == -2.0  # a word, not the start of one
    assert acc("knuppel die van") == -2.0 + 0.5  # a word of no pair before it


def test_the_token_memo_of_a_model_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import rules.learned

    monkeypatch.setattr(rules.learned, "MEMO_MAX", 5)
    m = load_model_text(TINY, "tiny.json")
    for i in range(30):
        assert m.scores(f"de schuldige van nummer {i}")[0][0] == 0.0
        assert len(m._token) <= 5
