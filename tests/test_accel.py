"""The mypyc-compiled parser and model builder (``netaudit/_accel.py``): used only when built for
the sources as they are, and building exactly the models the Python modules build."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from netaudit import _accel
from tests.fixtures_path import REAL

REPO = Path(__file__).resolve().parent.parent


def test_compiled_modules_hold_no_doctests() -> None:
    """pyproject.toml leaves them out of the doctest collection: that must hide nothing."""
    for rel in _accel.MODULES:
        assert ">>>" not in (REPO / rel).read_text(encoding="utf-8"), rel


def test_the_modules_in_use_are_the_ones_reported() -> None:
    import netaudit.model.build as build
    import netaudit.parse.config_tree as tree

    for mod in (tree, build):
        assert mod.__file__ is not None
        if _accel.ACTIVE:
            assert mod.__file__.endswith(".so") and "build/mypyc" in mod.__file__, mod.__file__
        else:
            assert mod.__file__.endswith(".py"), mod.__file__


def test_compiled_when_the_build_was_made() -> None:
    """``make test`` sets NETAUDIT_EXPECT_COMPILED=1 where gcc is present: a build that failed
    (code mypyc rejects, a missing header) fails here instead of passing as pure Python."""
    if os.environ.get("NETAUDIT_EXPECT_COMPILED") != "1":
        pytest.skip("NETAUDIT_EXPECT_COMPILED is not set (make test sets it where gcc is present)")
    assert _accel.ACTIVE, _accel.REASON


def test_a_stale_or_missing_build_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NETAUDIT_PURE", raising=False)
    stamp = tmp_path / "SOURCES"
    monkeypatch.setattr(_accel, "STAMP", stamp)
    active, why = _accel._decide()
    assert not active and "no compiled build" in why
    stamp.write_text("0" * 64 + "\n", encoding="ascii")
    active, why = _accel._decide()
    assert not active and "older than the sources" in why
    stamp.write_text(_accel.source_digest() + "\n", encoding="ascii")
    monkeypatch.setattr(_accel, "compiled_files", lambda: [tmp_path / "gone.so"])
    active, why = _accel._decide()
    assert not active and "lacks gone.so" in why
    (tmp_path / "gone.so").write_bytes(b"")
    assert _accel._decide()[0]
    monkeypatch.setenv("NETAUDIT_PURE", "1")
    assert _accel._decide() == (False, "pure Python: NETAUDIT_PURE is set")


def test_a_complete_build_has_these_files() -> None:
    if not _accel.ACTIVE:
        pytest.skip(f"the compiled modules are not in use ({_accel.REASON})")
    for f in _accel.compiled_files():
        assert f.is_file(), f


def test_the_digest_covers_every_compiled_source(tmp_path: Path) -> None:
    for rel in _accel.MODULES:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes((REPO / rel).read_bytes())
    base = _accel.source_digest(tmp_path)
    assert base == _accel.source_digest(REPO)
    for rel in _accel.MODULES:
        before = (tmp_path / rel).read_bytes()
        (tmp_path / rel).write_bytes(before + b"\n")
        assert _accel.source_digest(tmp_path) != base, rel
        (tmp_path / rel).write_bytes(before)


_DUMP = r"""
import json, sys
from netaudit import _accel
from netaudit.model.build import build_device
from netaudit.errors import NetauditError
import netaudit.model.build as b
out = {"mode": _accel.ACTIVE, "file": b.__file__, "models": []}
for text in json.load(sys.stdin):
    try:
        dev = build_device("d", "huawei_vrp", {"display current-configuration": text})
        evidence = [(n, [(e.line, e.text) for e in i.evidence], {k: [e.line for e in v]
                     for k, v in i.field_evidence.items()}) for n, i in dev.interfaces.items()]
        out["models"].append(dev.model_dump_json() + json.dumps(evidence))
    except NetauditError as exc:
        out["models"].append("ERR " + str(exc))
print(json.dumps(out))
"""


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((REAL / "configs").glob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in
              sorted((REPO / "snapshots" / "example").glob("*/display_current-configuration.txt"))]
    odd = []
    for t in texts[:8]:
        lines = t.split("\n")
        odd.append("\n".join(ln + " " if i % 5 == 0 else ln for i, ln in enumerate(lines)))  # trailing
        odd.append("\n".join(("  " + ln) if i % 7 == 0 else ln for i, ln in enumerate(lines)))  # indents
        odd.append(t[: len(t) // 2])                                                         # truncated
        odd.append(t.replace("\n#\n", "\n #\n", 5).replace("\n", "\r\n"))                    # CRLF, ' #'
    return texts + odd


def _dump(pure: bool, texts: list[str]) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "NETAUDIT_PURE"}
    if pure:
        env["NETAUDIT_PURE"] = "1"
    proc = subprocess.run([sys.executable, "-c", _DUMP], input=json.dumps(texts), capture_output=True,
                          text=True, env=env, cwd=REPO, check=True, timeout=300)
    got: dict[str, object] = json.loads(proc.stdout)
    return got


@pytest.mark.slow
def test_compiled_and_python_modules_build_the_same_models() -> None:
    if not _accel.ACTIVE:
        pytest.skip(f"the compiled modules are not in use ({_accel.REASON})")
    texts = _texts()
    compiled, pure = _dump(False, texts), _dump(True, texts)
    assert compiled["mode"] is True and str(compiled["file"]).endswith(".so")
    assert pure["mode"] is False and str(pure["file"]).endswith(".py")
    assert len(compiled["models"]) == len(texts)    # type: ignore[arg-type]
    for k, (a, b) in enumerate(zip(compiled["models"], pure["models"], strict=True)):  # type: ignore[call-overload]
        assert a == b, k
