#!/usr/bin/env python3
"""Compile the configuration parser and the model builder with mypyc (see ``netaudit/_accel.py``).

Usage (from the repository root, in the project's virtualenv):

* ``python tools/accel.py build [--force]`` — compile ``netaudit/parse/config_tree.py`` and
  ``netaudit/model/build.py`` into ``build/mypyc/`` (≈ 25 s on two cores; needs gcc and the
  Python headers) and record the sources' digest in ``build/mypyc/SOURCES``; nothing to do (but
  touch that file) when it already holds a build of the sources as they are, unless
  ``--force``. Exit 1 if the build fails: netaudit then keeps running its pure-Python modules.
* ``python tools/accel.py status`` — say whether this process would use the compiled modules.

The source tree keeps only Python files: the compiled modules live in ``build/`` and are used
only while their recorded digest matches the sources.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from netaudit import _accel  # noqa: E402  (the repository's copy, not an installed one)

_SETUP = """
from setuptools import setup
from mypyc.build import mypycify
setup(name="netaudit-accel", script_args=["build_ext", "--build-lib", {lib!r}, "--build-temp", {tmp!r}],
      ext_modules=mypycify({modules!r}, group_name={group!r}, target_dir={c!r}, opt_level="3"))
"""


def build(force: bool = False) -> int:
    if not force and _accel.build_problem() is None:
        _accel.STAMP.touch()        # for make: the build is as new as the sources
        print(f"accel: the compiled build in {_accel.BUILD} is up to date")
        return 0
    out = _accel.BUILD
    work = ROOT / "build" / "mypyc-work"
    _accel.STAMP.unlink(missing_ok=True)        # no stamp while the build is incomplete
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(work, ignore_errors=True)
    digest = _accel.source_digest()
    script = _SETUP.format(lib=str(out), tmp=str(work / "obj"), c=str(work / "c"),
                           modules=list(_accel.MODULES), group=_accel.GROUP)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, "NETAUDIT_PURE": "1"}, check=False)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        print(f"accel: mypyc build failed (exit {proc.returncode}); netaudit runs its pure-Python "
              f"parser and model builder.\n{tail}", file=sys.stderr)
        return 1
    if _accel.source_digest() != digest:
        print("accel: the sources changed during the build; run it again", file=sys.stderr)
        return 1
    _accel.STAMP.write_text(digest + "\n", encoding="ascii")
    names = ", ".join(m[:-3].replace("/", ".") for m in _accel.MODULES)
    print(f"accel: compiled {names} with mypyc in {time.monotonic() - started:.0f} s ({out})")
    return 0


def main(argv: list[str]) -> int:
    if argv in (["build"], ["build", "--force"]):
        return build(force="--force" in argv)
    if argv == ["status"]:
        print(_accel.REASON)
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
