"""The compiled parser and model builder: used when a build of the current sources is present.

``make`` (``tools/accel.py build``) compiles :mod:`netaudit.parse.config_tree` and
:mod:`netaudit.model.build` with mypyc into ``build/mypyc/`` of the source tree and records a
digest of the sources and of the interpreter there (``build/mypyc/SOURCES``). At import,
``netaudit``, ``netaudit.parse`` and ``netaudit.model`` put those compiled modules ahead of the
Python files only when the recorded digest is that of the sources as they are now: after an
edit of either file, until the next build, the Python files run (same models, slower). The two
modules form one compiled group, so they are used together or not at all. ``NETAUDIT_PURE=1``
turns the compiled modules off. Without a C compiler, or in an installed copy without the
build, everything runs as plain Python.

>>> isinstance(ACTIVE, bool) and bool(REASON)
True
"""

from __future__ import annotations

import hashlib
import os
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

#: the compiled modules (paths from the source tree's root), one mypyc group
MODULES = ("netaudit/parse/config_tree.py", "netaudit/model/build.py")
#: the group's name: its shared library is ``netaudit/_accel__mypyc*.so`` in the build
GROUP = "netaudit._accel"
ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build" / "mypyc"
STAMP = BUILD / "SOURCES"
#: this interpreter's suffix for extension modules (``.cpython-311-x86_64-linux-gnu.so``)
EXT_SUFFIX = EXTENSION_SUFFIXES[0]


def source_digest(root: Path = ROOT) -> str:
    """SHA-256 over the compiled modules' sources, the interpreter's cache tag and extension suffix."""
    h = hashlib.sha256()
    h.update(f"{sys.implementation.cache_tag} {EXT_SUFFIX}\n".encode())
    for rel in MODULES:
        h.update(rel.encode() + b"\0")
        h.update((root / rel).read_bytes())
    return h.hexdigest()


def build_problem() -> str | None:
    """Why ``build/mypyc`` does not hold a complete build of the sources as they are now (``None``:
    it does)."""
    try:
        recorded = STAMP.read_text(encoding="ascii").strip()
    except OSError:
        return "no compiled build (`make` makes one where gcc is present)"
    try:
        current = source_digest()
    except OSError as exc:
        return f"cannot read the sources ({exc})"
    if recorded != current:
        return "the compiled build is older than the sources (`make` rebuilds it)"
    missing = [p.name for p in compiled_files() if not p.is_file()]
    if missing:
        return f"the compiled build lacks {', '.join(missing)} (`make accel` rebuilds it)"
    return None


def _decide() -> tuple[bool, str]:
    if os.environ.get("NETAUDIT_PURE"):
        return False, "pure Python: NETAUDIT_PURE is set"
    problem = build_problem()
    if problem is not None:
        return False, f"pure Python: {problem}"
    return True, f"compiled with mypyc ({BUILD})"


def compiled_files(build: Path = BUILD) -> list[Path]:
    """The extension modules a complete build has: one per module and the group's library."""
    names = [m[:-3] for m in MODULES] + [GROUP.replace(".", "/") + "__mypyc"]
    return [build / f"{n}{EXT_SUFFIX}" for n in names]


#: whether the compiled modules are used in this process, and why (or why not)
ACTIVE, REASON = _decide()


def extend(path: list[str], package: str) -> None:
    """Put the compiled build's folder for ``package`` (``netaudit``, ``netaudit.parse``, …) on its
    ``__path__``: first for the compiled subpackages, last for ``netaudit`` itself (where only
    the group's shared library is found)."""
    if not ACTIVE:
        return
    folder = str(BUILD.joinpath(*package.split(".")))
    if folder in path:
        return
    if package == "netaudit":
        path.append(folder)
    else:
        path.insert(0, folder)
