"""Build script: compiles the classifier's hot modules with mypyc where it can.

``pyproject.toml`` holds everything else.  The modules listed in :data:`HOT` are plain,
fully typed Python; mypyc turns them into C extensions that run the same code about 1.25x
faster (``benchmarks/bench_rules.py`` prints which form it measured).  Compiling is an
optimisation only, so it never stops an install:

* ``BUURTBOT_COMPILE=0`` in the environment: not compiled;
* in-place builds (``pip install -e .``, the development checkout ``make`` sets up) are
  not compiled: an extension module next to its source would hide every later edit of it;
* no C compiler, or mypyc refuses: a warning, and the pure-Python modules are installed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HOT = [
    "rules/memo.py",
    "rules/normalize.py",
    "rules/gate.py",
    "rules/learned.py",
    "rules/classify.py",
]


# The commands that build the package.  pip also runs setup.py for metadata (egg_info,
# dist_info) and editable installs (editable_wheel); mypycify type-checks and generates C
# on every run of this file, so it is called for these only.
_BUILDS = frozenset({"bdist_wheel", "build", "build_ext", "install"})


def _wanted() -> bool:
    if os.environ.get("BUURTBOT_COMPILE", "1").strip().lower() in {"0", "no", "off"}:
        return False
    return not _BUILDS.isdisjoint(sys.argv[1:])


def _ext_modules() -> list[object]:
    if not _wanted():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as exc:
        print(f"buurtbot: mypyc not available ({exc}): the classifier stays pure Python")
        return []
    root = Path(__file__).resolve().parent
    try:
        return list(
            mypycify([str(p) for p in HOT], opt_level="3", target_dir=str(root / "build" / "mypyc"))
        )
    except BaseException as exc:  # mypyc exits (SystemExit) on a type error
        print(f"buurtbot: mypyc refused the classifier ({exc!r}): it stays pure Python")
        return []


class OptionalBuildExt(build_ext):
    """All compiled or none: a failed build leaves the pure-Python modules alone."""

    def run(self) -> None:
        if self.inplace:
            print("buurtbot: in-place build (editable install): the classifier stays pure Python")
            self.extensions = []
            return
        try:
            super().run()
        except Exception as exc:  # no C compiler, missing headers, ...
            print(f"buurtbot: compiling the classifier failed ({exc}): it stays pure Python")
            for out in self.get_outputs():
                Path(out).unlink(missing_ok=True)
            self.extensions = []


setup(ext_modules=_ext_modules(), cmdclass={"build_ext": OptionalBuildExt})
