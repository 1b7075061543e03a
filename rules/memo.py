"""The bound of the per-token memos of the classifier (rules/gate.py, rules/learned.py).

Tokens repeat a lot, so what a token opens or weighs is worked out once and remembered in
a plain dict; a memo that reaches this many tokens is emptied, so that unique tokens
(numbers, names, typos) do not pile up in a bot that runs for months.
"""

from __future__ import annotations

MEMO_MAX = 100_000
