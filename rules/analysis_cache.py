"""Pattern analysis remembered between runs, the way Python keeps ``__pycache__``.

Loading a pack looks at every regex three times besides compiling it: validation, its gate
(``gate.gate_of``) and its trie form (``_retrie``).  That is about two thirds of the time
``buurtbot check`` or a worker needs before its first message.  The results depend only on
the pattern text and on this package's code, so they are kept in one file per version of
that code:

- ``$BUURTBOT_RULES_CACHE`` — a directory, or ``off`` to keep nothing;
- else ``$XDG_CACHE_HOME/buurtbot``, else ``~/.cache/buurtbot``.

The file holds only strings, booleans and tuples (``marshal``), never code.  A missing,
unreadable or damaged file counts as empty; a value of the wrong shape is computed again;
writing goes to a temporary file that is renamed into place, and a directory that cannot
be written is silently left alone.  Verdicts never depend on the cache.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

_T = TypeVar("_T")
_HERE = Path(__file__).resolve().parent
# The modules whose output is remembered; a change to any of them starts a new file.
_CODE = ("gate.py", "_retrie.py", "lexicon.py", "analysis_cache.py")

_entries: dict[str, object] | None = None
_dirty = False


def _code_version() -> str:
    h = hashlib.sha256()
    for name in _CODE:
        try:
            h.update((_HERE / name).read_bytes())
        except OSError:  # pragma: no cover - a broken install: never reuse results
            h.update(os.urandom(16))
    return h.hexdigest()[:16]


def cache_file() -> Path | None:
    """Where the results are kept, or ``None`` when ``BUURTBOT_RULES_CACHE=off``."""
    setting = os.environ.get("BUURTBOT_RULES_CACHE", "").strip()
    if setting.lower() == "off":
        return None
    if setting:
        folder = Path(setting).expanduser()
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        folder = (Path(xdg) if xdg else Path.home() / ".cache") / "buurtbot"
    return folder / f"rules-{_code_version()}.marshal"


def _load() -> dict[str, object]:
    global _entries
    if _entries is None:
        _entries = {}
        path = cache_file()
        if path is not None:
            try:
                data = marshal.loads(path.read_bytes())
            except (OSError, ValueError, EOFError, TypeError):
                data = None
            if isinstance(data, dict):
                _entries = {k: v for k, v in data.items() if isinstance(k, str)}
    return _entries


def remembered(
    kind: str,
    key: str,
    compute: Callable[[], _T],
    valid: Callable[[object], bool],
) -> _T:
    """``compute()``, or its result from an earlier run for the same ``kind`` and ``key``.

    ``valid`` checks the shape of a stored value; a value that fails it is computed again.
    ``compute`` must return a value ``marshal`` can store (str, bool, int, tuple, frozenset).
    """
    global _dirty
    entries = _load()
    full = f"{kind}\0{key}"
    if full in entries:
        value = entries[full]
        if valid(value):
            return value  # type: ignore[return-value]  # checked by ``valid``
    result = compute()
    entries[full] = result
    _dirty = True
    return result


def save() -> None:
    """Write new results, if there are any (called once a pack is compiled)."""
    global _dirty
    if not _dirty or _entries is None:
        return
    _dirty = False
    path = cache_file()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".rules-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(marshal.dumps(_entries))
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only home or a full disk: the next run computes again


def forget() -> None:
    """Drop what this process has read (tests; a changed ``BUURTBOT_RULES_CACHE``)."""
    global _entries, _dirty
    _entries = None
    _dirty = False
